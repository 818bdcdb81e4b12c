#!/usr/bin/env python3
"""Helpers of the notification benchmarks (bench/notify-latency.sh, bench/soak.sh).

Python 3 standard library only. Subcommands:

  serve   a webhook receiver: records every notification it gets (arrival time first,
          then the parsed body) as one JSON line, and answers GET /stats with a count per
          side. The side (zgw or alertmanager) is told by the payload's externalURL, so
          both sides load the same routing file and get the same alerts.
  post    the latency poster: one alert per group, each in a group of its own (label
          "group"), sent to every side on the same schedule.
  latency matches what was sent with what arrived and prints the latency table.
  soak    summarises the samples of bench/soak.sh.
"""

import argparse
import http.client
import json
import math
import sys
import threading
import time
import urllib.parse
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def iso(t):
    """RFC 3339 in UTC with milliseconds, as both sides parse startsAt."""
    return datetime.fromtimestamp(t, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def percentile(values, p):
    """Nearest-rank percentile: the smallest value with at least p % of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def pairs(items):
    out = {}
    for item in items:
        name, _, value = item.partition("=")
        out[name] = value
    return out


# ---------------------------------------------------------------------------- serve


def serve(args):
    sides = {url.rstrip("/"): name for name, url in pairs(args.side).items()}
    counts = {name: [0, 0, 0] for name in list(sides.values()) + ["unknown"]}
    lock = threading.Lock()
    log = open(args.log, "a", buffering=1)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            # Taken before the body is read: the request line and headers are in, which is
            # when the notification has arrived.
            arrived = time.time()
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            side = sides.get(str(body.get("externalURL", "")).rstrip("/"), "unknown")
            alerts = body.get("alerts", [])
            firing = sum(1 for a in alerts if a.get("status") == "firing")
            record = {"side": side, "t": arrived, "path": self.path, "groupKey": body.get("groupKey"),
                      "groupLabels": body.get("groupLabels", {}), "status": body.get("status"),
                      "firing": firing, "resolved": len(alerts) - firing}
            with lock:
                log.write(json.dumps(record) + "\n")
                c = counts[side]
                c[0] += 1
                c[1] += firing
                c[2] += len(alerts) - firing
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_GET(self):
            with lock:
                text = "".join(f"{side} {c[0]} {c[1]} {c[2]}\n" for side, c in counts.items())
            data = text.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, fmt, *a):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.serve_forever()


# ----------------------------------------------------------------------------- post


def post(args):
    targets = pairs(args.target)
    keys = pairs(args.key)
    total = args.warmup + args.groups
    start = time.time() + 0.5
    out = open(args.out, "w")
    lock = threading.Lock()
    failures = []

    def run(side, url):
        parsed = urllib.parse.urlsplit(url)
        conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
        headers = {"Content-Type": "application/json"}
        if keys.get(side):
            headers["Authorization"] = "Bearer " + keys[side]
        for i in range(total):
            delay = start + i / args.rate - time.time()
            if delay > 0:
                time.sleep(delay)
            group = f"{args.run}-{i}"
            sent = time.time()
            body = json.dumps([{
                "labels": {"alertname": "NotifyLatency", "business_line": "bench", "group": group},
                "annotations": {"summary": "notification latency probe"},
                "startsAt": iso(sent)}])
            try:
                conn.request("POST", "/api/v2/alerts", body, headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as ex:
                conn.close()
                status = f"{type(ex).__name__}: {ex}"
            acked = time.time()
            if status != 200:
                failures.append(f"{side} {group}: {status}")
            with lock:
                out.write(json.dumps({"side": side, "group": group, "warmup": i < args.warmup,
                                      "sent": sent, "acked": acked, "status": status}) + "\n")

    threads = [threading.Thread(target=run, args=item) for item in targets.items()]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.close()
    if failures:
        print(f"post: {len(failures)} POSTs failed, first: {failures[0]}", file=sys.stderr)
        sys.exit(1)


# -------------------------------------------------------------------------- latency


def read_lines(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def latency(args):
    wait = args.group_wait
    sent = [s for s in read_lines(args.sent) if not s["warmup"]]
    arrivals = {}
    duplicates = {}
    for r in read_lines(args.received):
        group = r["groupLabels"].get("group")
        if group is None or r["status"] != "firing":
            continue
        key = (r["side"], group)
        if key in arrivals:
            duplicates[key] = duplicates.get(key, 0) + 1
        else:
            arrivals[key] = r["t"]
    sides = sorted({s["side"] for s in sent})
    rows = [("groups sent", []), ("notified", []), ("missing", []), ("duplicates", []),
            ("latency p50 ms", []), ("latency p90 ms", []), ("latency p99 ms", []),
            ("latency max ms", []), ("latency min ms", []),
            ("p99 from POST start ms", []), ("POST p99 ms", [])]
    with open(args.csv, "w") as csv:
        csv.write("side,group,sent,acked,arrived,latency_ms\n")
        for side in sides:
            mine = [s for s in sent if s["side"] == side]
            lat, lat_send, post_ms = [], [], []
            for s in mine:
                t = arrivals.get((side, s["group"]))
                post_ms.append((s["acked"] - s["sent"]) * 1000)
                if t is None:
                    csv.write(f"{side},{s['group']},{s['sent']:.6f},{s['acked']:.6f},,\n")
                    continue
                ms = (t - s["acked"] - wait) * 1000
                lat.append(ms)
                lat_send.append((t - s["sent"] - wait) * 1000)
                csv.write(f"{side},{s['group']},{s['sent']:.6f},{s['acked']:.6f},{t:.6f},{ms:.3f}\n")
            values = [len(mine), len(lat), len(mine) - len(lat),
                      sum(duplicates.get((side, s["group"]), 0) for s in mine)]
            if lat:
                values += [percentile(lat, p) for p in (50, 90, 99)] + [max(lat), min(lat),
                                                                        percentile(lat_send, 99)]
            else:
                values += ["-"] * 6
            values.append(percentile(post_ms, 99))
            for (_, cells), v in zip(rows, values):
                cells.append(v)
    print(f"\nnotification latency = arrival at the receiver - (POST answered + group_wait {wait:g} s)")
    print(f"{'':26}" + "".join(f"{side:>14}" for side in sides))
    for name, cells in rows:
        print(f"{name:26}" + "".join(f"{c:>14.1f}" if isinstance(c, float) else f"{c:>14}" for c in cells))
    if args.zgw_metrics:
        with open(args.zgw_metrics) as f:
            text = f.read()
        print("zgw's own histograms over the whole run, warm-up included (bucket upper bounds):")
        for name, what in (("zgw_dispatch_flush_lag_seconds", "group due -> in the outbox, delivery nudged"),
                           ("zgw_notification_latency_seconds", "webhook send")):
            print(f"  {what:44} {histogram(text, name)}")


def histogram(text, name):
    """p50, p99 (as the bucket bounds they fall in) and max of a Prometheus histogram, in ms."""
    buckets, maximum = {}, 0.0
    for line in text.splitlines():
        if line.startswith(name + "_bucket{"):
            le = line[line.index('le="') + 4:].split('"')[0]
            if le != "+Inf":
                buckets[float(le)] = buckets.get(float(le), 0) + float(line.split()[-1])
        elif line.startswith(name + "_max"):
            maximum = max(maximum, float(line.split()[-1]))
    bounds = sorted(buckets)
    if not bounds or buckets[bounds[-1]] == 0:
        return "no observations"
    total = buckets[bounds[-1]]
    q = lambda p: next(b for b in bounds if buckets[b] >= p / 100 * total) * 1000
    return f"p50 <= {q(50):.1f} ms, p99 <= {q(99):.1f} ms, max {maximum * 1000:.1f} ms ({total:.0f})"


# ----------------------------------------------------------------------------- soak


def soak(args):
    with open(args.csv) as f:
        header = f.readline().strip().split(",")
        samples = [dict(zip(header, line.strip().split(","))) for line in f if line.strip()]
    num = lambda s, k: float(s[k]) if s[k] not in ("", "NA") else None
    load = [s for s in samples if s["phase"] == "load"]
    heap = [(num(s, "t_s") / 60, num(s, "zgw_heap_after_gc_mb")) for s in samples
            if num(s, "zgw_heap_after_gc_mb") is not None]
    window = [(num(s, "t_s") / 60, num(s, "zgw_heap_after_gc_mb")) for s in load
              if num(s, "t_s") >= args.warmup and num(s, "zgw_heap_after_gc_mb") is not None]
    print(f"\nzgw heap after GC (MB): first {heap[0][1]:.0f} (t={heap[0][0] * 60:.0f}s), "
          f"last {heap[-1][1]:.0f} (t={heap[-1][0] * 60:.0f}s), max {max(h for _, h in heap):.0f}")
    if len(window) >= 2:
        n = len(window)
        mt = sum(t for t, _ in window) / n
        mh = sum(h for _, h in window) / n
        slope = sum((t - mt) * (h - mh) for t, h in window) / sum((t - mt) ** 2 for t, _ in window)
        print(f"  slope under load after {args.warmup:g}s ({n} samples, least squares): {slope:+.2f} MB/min "
              f"(from {window[0][1]:.0f} to {window[-1][1]:.0f} MB)")
    else:
        print(f"  slope: too few samples under load after {args.warmup:g}s")
    rates = {}
    counted = [s for s in samples if s["phase"] in ("idle", "load")]
    for side, column in (("zgw", "zgw_alerts_received"), ("alertmanager", "am_alerts_received")):
        per_interval = []
        for a, b in zip(counted, counted[1:]):
            if num(a, column) is not None and num(b, column) is not None:
                per_interval.append((num(b, column) - num(a, column)) / (num(b, "t_s") - num(a, "t_s")))
        if per_interval:
            rates[side] = per_interval
    for side, r in rates.items():
        print(f"  {side} alerts taken per sample interval: " + ", ".join(f"{x:.0f}" for x in r) + " /s")
    last = samples[-1]
    print(f"outbox at the last sample: {last['outbox_pending']} pending, {last['outbox_delivered']} delivered, "
          f"{last['outbox_failed']} failed; alert rows {last['alert_rows']}")
    print(f"RSS at the end: zgw {last['zgw_rss_mb']} MB, alertmanager {last['am_rss_mb']} MB")
    print(f"notifications received: zgw {last['recv_zgw']}, alertmanager {last['recv_am']}")
    if args.classes:
        before, after = (class_bytes(path) for path in args.classes)
        growth = sorted(((after.get(c, (0, 0))[0] - before.get(c, (0, 0))[0],
                          after.get(c, (0, 0))[1] - before.get(c, (0, 0))[1], c) for c in set(before) | set(after)),
                        reverse=True)
        total = sum(b for b, _ in after.values()) - sum(b for b, _ in before.values())
        print(f"zgw live heap by class, end of warm-up -> end: {total / 1048576:+.1f} MB; grew most:")
        for grown, count, name in growth[:8]:
            print(f"  {grown / 1048576:+8.2f} MB {count:+9d} instances  {name}")


def class_bytes(path):
    """Bytes and instances per class from jcmd GC.class_histogram; empty if it is missing."""
    out = {}
    try:
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 4 and parts[0].endswith(":"):
                    out[parts[3]] = (int(parts[2]), int(parts[1]))
    except FileNotFoundError:
        pass
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("serve")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--log", required=True)
    p.add_argument("--side", action="append", default=[], help="NAME=EXTERNAL_URL")
    p = sub.add_parser("post")
    p.add_argument("--target", action="append", required=True, help="SIDE=BASE_URL")
    p.add_argument("--key", action="append", default=[], help="SIDE=BEARER_KEY")
    p.add_argument("--groups", type=int, required=True)
    p.add_argument("--warmup", type=int, default=0)
    p.add_argument("--rate", type=float, required=True, help="groups per second")
    p.add_argument("--run", required=True)
    p.add_argument("--out", required=True)
    p = sub.add_parser("latency")
    p.add_argument("--sent", required=True)
    p.add_argument("--received", required=True)
    p.add_argument("--group-wait", type=float, required=True, help="seconds")
    p.add_argument("--csv", required=True)
    p.add_argument("--zgw-metrics", help="zgw's /actuator/prometheus text, for its own histograms")
    p = sub.add_parser("soak")
    p.add_argument("--csv", required=True)
    p.add_argument("--warmup", type=float, default=60, help="seconds excluded from the heap slope")
    p.add_argument("--classes", nargs=2, metavar=("WARM", "END"), help="jcmd GC.class_histogram outputs")
    args = parser.parse_args()
    {"serve": serve, "post": post, "latency": latency, "soak": soak}[args.command](args)


if __name__ == "__main__":
    main()
