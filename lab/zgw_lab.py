#!/usr/bin/env python3
"""Zabbix API side of lab/zgw-lab (stdlib only): waiting, tokens, seeding, alert wiring, config.

  zgw_lab.py wait-api URL SECONDS
  zgw_lab.py ping URL                                    -> "6.0.14 3.1ms"
  zgw_lab.py token URL TOKEN_FILE                        -> prints the shard's API token
  zgw_lab.py seed NAME URL SERVER_PORT SERVER_CONF       hosts, items, triggers, history, problems
  zgw_lab.py alerts NAME URL MEDIATYPE_YAML GATEWAY_URL SECRET_FILE
  zgw_lab.py wired NAME URL GATEWAY_URL SECRET_FILE          exit 0 when the media type has this lab's wiring
  zgw_lab.py write-config LAB ADMIN_KEY (NAME URL SERVER_PORT DB DIR)...
"""
import json
import os
import random
import socket
import statistics
import struct
import subprocess
import sys
import time
import urllib.error
import urllib.request

ADMIN, ADMIN_PASSWORD = "Admin", "zabbix"
TOKEN_NAME = "zgw-lab"
WEBHOOK_USER = "zgw-webhook"


def log(msg):
    print(f"[zgw-lab {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


class ApiError(Exception):
    """ApiError is a JSON-RPC error answered by a Zabbix frontend."""


class Api:
    """Api is a minimal Zabbix 6.0 JSON-RPC client (auth in the body, as 6.0 wants)."""

    def __init__(self, url, auth=None, timeout=120):
        self.url, self.auth, self.timeout, self.next_id = url, auth, timeout, 1

    def call(self, method, params=None):
        body = {"jsonrpc": "2.0", "method": method, "params": params if params is not None else {},
                "id": self.next_id}
        self.next_id += 1
        if self.auth and method not in ("apiinfo.version", "user.login"):
            body["auth"] = self.auth
        req = urllib.request.Request(self.url, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json-rpc"})
        with urllib.request.urlopen(req, timeout=self.timeout) as resp:
            answer = json.load(resp)
        if "error" in answer:
            err = answer["error"]
            raise ApiError(f"{method}: {err.get('message')} {err.get('data')}")
        return answer["result"]

    def login(self):
        self.auth = self.call("user.login", {"username": ADMIN, "password": ADMIN_PASSWORD})
        return self


# ---------------------------------------------------------------- wait, ping, token

def wait_api(url, seconds):
    deadline = time.time() + float(seconds)
    while True:
        try:
            return Api(url, timeout=5).call("apiinfo.version")
        except (OSError, ValueError, ApiError) as e:
            if time.time() > deadline:
                log(f"{url}: no answer ({e})")
                sys.exit(1)
            time.sleep(0.5)


def ping(url):
    api, times, version = Api(url, timeout=5), [], None
    try:
        for _ in range(5):
            t0 = time.perf_counter()
            version = api.call("apiinfo.version")
            times.append((time.perf_counter() - t0) * 1000)
    except (OSError, ValueError, ApiError) as e:
        print(f"DOWN ({e})")
        sys.exit(1)
    print(f"{version} p50 {statistics.median(times):.1f}ms")


def token(url, token_file):
    if os.path.exists(token_file):
        with open(token_file) as f:
            existing = f.read().strip()
        try:
            Api(url, existing).call("host.get", {"countOutput": True, "limit": 1})
            print(existing)
            return
        except ApiError:
            log(f"{url}: stored API token is not accepted any more; making a new one")
    api = Api(url).login()
    userid = api.call("user.get", {"filter": {"username": ADMIN}, "output": ["userid"]})[0]["userid"]
    old = api.call("token.get", {"filter": {"name": TOKEN_NAME, "userid": userid}, "output": ["tokenid"]})
    if old:
        api.call("token.delete", [t["tokenid"] for t in old])
    tokenid = api.call("token.create", {"name": TOKEN_NAME, "userid": userid,
                                        "description": "zgw gateway (lab)"})["tokenids"][0]
    value = api.call("token.generate", [tokenid])[0]["token"]
    fd = os.open(token_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(value + "\n")
    print(value)


# ---------------------------------------------------------------- seeding

# role -> (host count, team, services, triggers as (item key, operator+threshold, severity, scope, name))
ROLES = {
    "web": (20, "frontend", ["catalog", "checkout", "search", "account"], [
        ("errors.count", ">5", 3, "availability", "High error count on {HOST.NAME}"),
        ("latency.p99", ">2", 4, "performance", "p99 latency over 2s on {HOST.NAME}"),
        ("cpu.util", ">90", 2, "capacity", "CPU utilization over 90% on {HOST.NAME}"),
    ]),
    "db": (15, "dba", ["orders-db", "customers-db", "ledger-db"], [
        ("errors.count", ">5", 4, "availability", "Database errors on {HOST.NAME}"),
        ("disk.pused", ">95", 5, "capacity", "Disk almost full on {HOST.NAME}"),
        ("conn.active", ">500", 3, "performance", "Too many connections on {HOST.NAME}"),
    ]),
    "cache": (15, "platform", ["sessions-cache", "catalog-cache"], [
        ("errors.count", ">5", 2, "availability", "Cache errors on {HOST.NAME}"),
        ("mem.pused", ">95", 3, "capacity", "Cache memory almost full on {HOST.NAME}"),
        ("cpu.util", ">90", 1, "capacity", "CPU utilization over 90% on {HOST.NAME}"),
    ]),
    "queue": (10, "platform", ["events-queue", "mail-queue"], [
        ("queue.depth", ">1000", 3, "performance", "Queue backlog on {HOST.NAME}"),
        ("errors.count", ">5", 4, "availability", "Consumer errors on {HOST.NAME}"),
        ("orders.fail", ">5", 5, "availability", "Failed orders on {HOST.NAME}"),
    ]),
}

# key -> (value type 0 float / 3 unsigned, units, component, normal value range)
ITEMS = {
    "cpu.util": (0, "%", "cpu", (5, 60)),
    "load.avg1": (0, "", "cpu", (0.1, 3)),
    "mem.pused": (0, "%", "memory", (20, 80)),
    "disk.pused": (0, "%", "storage", (10, 80)),
    "latency.p50": (0, "s", "http", (0.01, 0.2)),
    "latency.p99": (0, "s", "http", (0.1, 1.5)),
    "req.rate": (0, "rps", "http", (10, 500)),
    "error.ratio": (0, "", "http", (0, 0.02)),
    "net.in": (0, "bps", "network", (1e5, 1e7)),
    "net.out": (0, "bps", "network", (1e5, 1e7)),
    "errors.count": (3, "", "application", (0, 3)),
    "orders.fail": (3, "", "application", (0, 3)),
    "conn.active": (3, "", "network", (5, 200)),
    "queue.depth": (3, "", "application", (0, 300)),
    "proc.num": (3, "", "os", (80, 200)),
    "threads": (3, "", "os", (100, 600)),
    "uptime": (3, "s", "os", (86400, 8640000)),
    "mem.used": (3, "B", "memory", (1 << 30, 8 << 30)),
    "disk.free": (3, "B", "storage", (10 << 30, 200 << 30)),
    "gc.count": (3, "", "runtime", (0, 50)),
    "retries.count": (3, "", "application", (0, 10)),
    "http.5xx": (3, "", "http", (0, 4)),
}

BACKFILLED = ["cpu.util", "req.rate", "latency.p99", "errors.count", "conn.active"]


def hosts_of(name):
    """Yields (host, role, group, tags) for the shard's hosts; 60 in total."""
    for role, (count, team, services, _) in ROLES.items():
        for n in range(1, count + 1):
            env = "staging" if n % 5 == 0 else "prod"
            tags = {"service": services[n % len(services)], "env": env, "team": team,
                    "business_line": name, "role": role}
            yield f"{name}-{role}-{n:02d}", role, f"{name}/{role}", tags


def value(key, rnd):
    vt, _, _, (lo, hi) = ITEMS[key]
    v = rnd.uniform(lo, hi)
    return str(int(v)) if vt == 3 else f"{v:.4f}"


def sender(port, data):
    """Sends values with the Zabbix sender protocol; returns (processed, failed)."""
    payload = json.dumps({"request": "sender data", "data": data}).encode()
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(b"ZBXD\x01" + struct.pack("<Q", len(payload)) + payload)
        header = b""
        while len(header) < 13:
            chunk = s.recv(13 - len(header))
            if not chunk:
                raise OSError("connection closed by zabbix_server")
            header += chunk
        length = struct.unpack("<Q", header[5:13])[0]
        body = b""
        while len(body) < length:
            chunk = s.recv(length - len(body))
            if not chunk:
                break
            body += chunk
    info = json.loads(body).get("info", "")
    fields = dict(part.strip().split(": ") for part in info.split(";") if ": " in part)
    return int(fields.get("processed", 0)), int(fields.get("failed", 0))


def reload_cache(conf):
    """The server only accepts values for items in its configuration cache: refresh it now."""
    subprocess.run(["zabbix_server", "-c", conf, "-R", "config_cache_reload"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def send_all(port, data, conf):
    """Sends in batches; a batch the server partly refused (its configuration cache did not know
    all the new items yet) is sent again after a cache reload, until it is accepted whole."""
    processed = failed = 0
    deadline = time.time() + 120
    for i in range(0, len(data), 1000):
        batch = data[i:i + 1000]
        while True:
            p, f = sender(port, batch)
            if f == 0 or time.time() > deadline:
                break
            reload_cache(conf)
            time.sleep(2)
        if p == 0:
            raise SystemExit(f"zabbix_server on port {port} never accepted trapper values")
        processed, failed = processed + p, failed + f
    return processed, failed


def seed(name, url, server_port, conf):
    api = Api(url).login()
    rnd = random.Random(name)
    t0 = time.time()

    # The stock "Zabbix server" host polls an agent that does not run here: noise, so it goes.
    stock = api.call("host.get", {"filter": {"host": "Zabbix server"}, "output": ["hostid"]})
    if stock:
        api.call("host.delete", [h["hostid"] for h in stock])

    groups = {}
    for role in ROLES:
        gname = f"{name}/{role}"
        found = api.call("hostgroup.get", {"filter": {"name": gname}, "output": ["groupid"]})
        groups[gname] = (found[0]["groupid"] if found else
                         api.call("hostgroup.create", {"name": gname})["groupids"][0])

    existing = {h["host"]: h["hostid"] for h in api.call(
        "host.get", {"output": ["host"], "groupids": list(groups.values())})}
    new_hosts = [{"host": host, "groups": [{"groupid": groups[group]}],
                  "tags": [{"tag": k, "value": v} for k, v in tags.items()],
                  "description": f"zgw lab {role} host of business line {name}"}
                 for host, role, group, tags in hosts_of(name) if host not in existing]
    if new_hosts:
        for hostid, h in zip(api.call("host.create", new_hosts)["hostids"], new_hosts):
            existing[h["host"]] = hostid

    have_items = {(i["hostid"], i["key_"]) for i in api.call(
        "item.get", {"output": ["hostid", "key_"], "hostids": list(existing.values())})}
    new_items = []
    for host, role, _, tags in hosts_of(name):
        hostid = existing[host]
        for key, (vt, units, component, _) in ITEMS.items():
            if (hostid, key) not in have_items:
                new_items.append({"hostid": hostid, "name": f"{key} of {host}", "key_": key, "type": 2,
                                  "value_type": vt, "units": units, "history": "31d", "trends": "365d",
                                  "tags": [{"tag": "component", "value": component}]})
    for i in range(0, len(new_items), 400):
        api.call("item.create", new_items[i:i + 400])

    have_triggers = {t["description"] for t in api.call(
        "trigger.get", {"output": ["description"], "hostids": list(existing.values()), "expandDescription": True})}
    new_triggers = []
    for host, role, _, tags in hosts_of(name):
        for key, cond, severity, scope, tname in ROLES[role][3]:
            if tname.replace("{HOST.NAME}", host) in have_triggers:
                continue
            new_triggers.append({
                "description": tname, "expression": f"last(/{host}/{key}){cond}", "priority": severity,
                "opdata": "Current: {ITEM.LASTVALUE1}", "manual_close": 1,
                "tags": [{"tag": "scope", "value": scope}, {"tag": "service", "value": tags["service"]},
                         {"tag": "component", "value": ITEMS[key][2]}]})
    for i in range(0, len(new_triggers), 200):
        api.call("trigger.create", new_triggers[i:i + 200])
    log(f"{name}: {len(new_hosts)} hosts, {len(new_items)} items, {len(new_triggers)} triggers created "
        f"in {time.time() - t0:.1f}s")

    # History: every 2 h over the last 2 days (so trends exist), then a current value for every
    # item, then values that fire some triggers (open problems).
    now = int(time.time())
    data = []
    for host, _, _, _ in hosts_of(name):
        for back in range(48 * 3600, 0, -2 * 3600):
            for key in BACKFILLED:
                data.append({"host": host, "key": key, "value": value(key, rnd), "clock": now - back, "ns": 0})
    for host, _, _, _ in hosts_of(name):
        for key in ITEMS:
            data.append({"host": host, "key": key, "value": value(key, rnd), "clock": now - 60, "ns": 0})
    firing = [(f"{name}-web-01", "errors.count", "12"), (f"{name}-web-02", "latency.p99", "3.5"),
              (f"{name}-web-03", "cpu.util", "97.5"), (f"{name}-db-01", "disk.pused", "97.2"),
              (f"{name}-db-02", "errors.count", "9"), (f"{name}-cache-01", "mem.pused", "98.1"),
              (f"{name}-queue-01", "queue.depth", "4200"), (f"{name}-queue-02", "orders.fail", "17")]
    data += [{"host": h, "key": k, "value": v, "clock": now, "ns": 0} for h, k, v in firing]
    processed, failed = send_all(int(server_port), data, conf)
    log(f"{name}: sent {len(data)} values to port {server_port}: processed {processed}, failed {failed}")

    started = time.time()
    resent = 0
    while True:
        problems = int(api.call("problem.get", {"countOutput": True}))
        waited = time.time() - started
        if problems >= len(firing) or waited > 60:
            break
        if waited > 15 * (resent + 1):
            # The triggers may have reached the cache after the values: fire them again.
            reload_cache(conf)
            time.sleep(2)
            again = int(time.time())
            sender(int(server_port), [{"host": h, "key": k, "value": v, "clock": again, "ns": 0}
                                      for h, k, v in firing])
            resent += 1
        time.sleep(1)
    if problems == 0:
        raise SystemExit(f"{name}: no problems opened within 60 s of pushing firing values")
    log(f"{name}: seeded in {time.time() - t0:.1f}s, {problems} open problems")


# ---------------------------------------------------------------- alerts out of Zabbix

def alerts(name, url, yaml_file, gateway_url, secret_file):
    """Imports the zgw media type, points it at the gateway, adds user zgw-webhook with it and action zgw."""
    api = Api(url).login()
    with open(yaml_file) as f:
        source = f.read()
    with open(secret_file) as f:
        secret = f.read().strip()
    api.call("configuration.import", {"format": "yaml", "source": source,
                                      "rules": {"mediaTypes": {"createMissing": True, "updateExisting": True}}})
    mediatype = api.call("mediatype.get", {"filter": {"name": "zgw"}, "output": ["mediatypeid", "parameters"]})[0]
    mediatypeid = mediatype["mediatypeid"]
    overrides = {"URL": gateway_url, "Shard": name, "Secret": secret}
    parameters = [{"name": p["name"], "value": overrides.get(p["name"], p["value"])}
                  for p in mediatype["parameters"]]
    api.call("mediatype.update", {"mediatypeid": mediatypeid, "parameters": parameters, "status": 0})

    # A user of its own receives the webhook: Zabbix does not notify the user who updated a problem,
    # and the gateway acknowledges as Admin, so with Admin as recipient updates would never arrive.
    media = [{"mediatypeid": mediatypeid, "sendto": "zgw", "active": 0, "severity": 63,
              "period": "1-7,00:00-24:00"}]
    found = api.call("user.get", {"filter": {"username": WEBHOOK_USER}, "output": ["userid"]})
    if found:
        userid = found[0]["userid"]
        api.call("user.update", {"userid": userid, "medias": media})
    else:
        group = api.call("usergroup.get", {"filter": {"name": "Zabbix administrators"}, "output": ["usrgrpid"]})
        userid = api.call("user.create", {
            "username": WEBHOOK_USER, "name": "zgw", "surname": "webhook", "passwd": os.urandom(12).hex() + "Aa1!",
            "roleid": 3, "usrgrps": [{"usrgrpid": group[0]["usrgrpid"]}], "medias": media})["userids"][0]

    action = {"name": "zgw", "eventsource": 0, "status": 0, "esc_period": "1h",
              "operations": [{"operationtype": 0, "opmessage_usr": [{"userid": userid}],
                              "opmessage": {"default_msg": 1, "mediatypeid": mediatypeid}}],
              "recovery_operations": [{"operationtype": 11, "opmessage": {"default_msg": 1}}],
              "update_operations": [{"operationtype": 12, "opmessage": {"default_msg": 1}}]}
    existing = api.call("action.get", {"filter": {"name": "zgw"}, "output": ["actionid"]})
    if existing:
        action.pop("eventsource")
        api.call("action.update", dict(action, actionid=existing[0]["actionid"]))
    else:
        api.call("action.create", action)
    log(f"{name}: media type zgw -> {gateway_url}, action zgw in place")


def wired(name, url, gateway_url, secret_file):
    """Exits 0 when the shard's zgw media type points at the gateway with this lab's secret.

    Another checkout's lab on the same databases rewires them with its own secret."""
    api = Api(url).login()
    with open(secret_file) as f:
        secret = f.read().strip()
    found = api.call("mediatype.get", {"filter": {"name": "zgw"}, "output": ["parameters", "status"]})
    wanted = {"URL": gateway_url, "Shard": name, "Secret": secret}
    ok = bool(found) and found[0]["status"] == "0" and all(
        any(p["name"] == k and p["value"] == v for p in found[0]["parameters"]) for k, v in wanted.items())
    sys.exit(0 if ok else 1)


# ---------------------------------------------------------------- config files

def write_config(lab, admin_key, shard_args):
    shards = []
    for i in range(0, len(shard_args), 5):
        name, url, port, db, d = shard_args[i:i + 5]

        def read(f):
            with open(os.path.join(d, f)) as fh:
                return fh.read().strip()

        shards.append({"name": name, "url": url, "apiToken": read("api.token"), "serverPort": int(port),
                       "db": db, "frontendPid": int(read("frontend.pid")),
                       "webhookSecret": read("webhook.secret")})

    def write(path, text):
        fd = os.open(path + ".tmp", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(text)
        os.replace(path + ".tmp", path)

    write(os.path.join(lab, "shards.json"), json.dumps(shards, indent=2) + "\n")
    yml = ["# Generated by lab/zgw-lab: the gateway's config for the lab. Contains secrets (mode 600).",
           "spring:", "  datasource:", "    url: jdbc:mysql://127.0.0.1:3306/zgw?createDatabaseIfNotExist=true",
           "zgw:", "  security:", f"    bootstrap-admin-key: {json.dumps(admin_key)}", "  shards:"]
    for s in shards:
        yml += [f"    - name: {s['name']}", f"      url: {s['url']}", f"      api-token: {json.dumps(s['apiToken'])}",
                "      timeout: 5s", f"      webhook-secret: {json.dumps(s['webhookSecret'])}"]
    write(os.path.join(lab, "zgw-lab.yml"), "\n".join(yml) + "\n")


def main(argv):
    cmd, args = argv[0], argv[1:]
    if cmd == "wait-api":
        wait_api(*args)
    elif cmd == "ping":
        ping(*args)
    elif cmd == "token":
        token(*args)
    elif cmd == "seed":
        seed(*args)
    elif cmd == "alerts":
        alerts(*args)
    elif cmd == "wired":
        wired(*args)
    elif cmd == "write-config":
        write_config(args[0], args[1], args[2:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
