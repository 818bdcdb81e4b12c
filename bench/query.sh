#!/usr/bin/env bash
# Benchmark of the unified query API (issue 2) against the lab's real Zabbix shards.
#
# Starts its own gateway (port ZGW_BENCH_PORT, default 18080; database zgw_bench) on the
# lab's shards plus a shard "gone" on a port where nothing listens, then measures, in
# alternating rounds, the gateway and the same Zabbix calls made directly (same params,
# same relay URL), and finally wrk at 16 connections on a cached listing. Short runs in many
# rounds, and ratios taken within a round, keep both sides of a ratio under the same load
# on a shared machine.
#
#   bench/query.sh                      # 10 rounds x 4 s per case, 1 connection
#   BENCH_ROUNDS=3 BENCH_DURATION=5s bench/query.sh
#
# Env: ZGW_LAB_DIR (default <repo>/.lab), ZGW_BENCH_PORT, BENCH_ROUNDS, BENCH_DURATION,
# BENCH_WRK_DURATION (default 30s), BENCH_SKIP_BUILD=1 (use the jar already built),
# BENCH_JAR (a gateway jar to use instead), BENCH_XMX (default 512m: the heap the gateway must live in), WARM_DUR (default 5s per
# gateway case, after 30 curl requests each).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
LAB=${ZGW_LAB_DIR:-$REPO/.lab}
PORT=${ZGW_BENCH_PORT:-18080}
GONE_PORT=${ZGW_BENCH_GONE_PORT:-18099}
ROUNDS=${BENCH_ROUNDS:-10}
DUR=${BENCH_DURATION:-4s}
WRK_DUR=${BENCH_WRK_DURATION:-30s}
XMX=${BENCH_XMX:-512m}
GW=http://127.0.0.1:$PORT

die() { echo "bench: $*" >&2; exit 1; }
[[ -f $LAB/shards.json && -f $LAB/admin.key ]] || die "no lab in $LAB (run lab/zgw-lab up --no-gateway, or set ZGW_LAB_DIR)"
command -v wrk >/dev/null || die "wrk is not installed (apt-get install wrk)"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then die "port $PORT is taken (set ZGW_BENCH_PORT)"; fi
if (exec 3<>"/dev/tcp/127.0.0.1/$GONE_PORT") 2>/dev/null; then die "port $GONE_PORT answers; the dead shard needs a free port (ZGW_BENCH_GONE_PORT)"; fi

WORK=$(mktemp -d /tmp/zgw-bench.XXXXXX)
GW_PID=
cleanup() {
	if [[ -n $GW_PID ]] && kill -0 "$GW_PID" 2>/dev/null; then
		kill "$GW_PID"
		wait "$GW_PID" 2>/dev/null || true
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

export ZGW_KEY
ZGW_KEY=$(tr -d '[:space:]' <"$LAB/admin.key")

# A database of its own, fresh each run (a scratch copy: nothing in it is kept).
mysql -uroot -h127.0.0.1 -e 'DROP DATABASE IF EXISTS zgw_bench'

# Gateway config: the lab's shards, then "gone"; a breaker that stays open once opened.
python3 - "$LAB" "$GONE_PORT" >"$WORK/bench.yml" <<'EOF'
import json, sys
lab, gone = sys.argv[1], sys.argv[2]
shards = json.load(open(lab + "/shards.json"))
key = open(lab + "/admin.key").read().strip()
q = json.dumps
print("spring:\n  datasource:\n    url: jdbc:mysql://127.0.0.1:3306/zgw_bench?createDatabaseIfNotExist=true")
print("management:\n  endpoints:\n    web:\n      exposure:\n        include: health,prometheus")
print("zgw:\n  security:\n    bootstrap-admin-key: " + q(key))
print("  fanout:\n    wait-in-open-state: 1h")
print("  shards:")
for s in shards:
    print("    - name: " + q(s["name"]) + "\n      url: " + q(s["url"]) + "\n      api-token: " + q(s["apiToken"])
          + "\n      timeout: 5s\n      webhook-secret: " + q(s["webhookSecret"]))
print("    - name: gone\n      url: http://127.0.0.1:%s/api_jsonrpc.php\n      api-token: none\n      timeout: 5s" % gone)
EOF
chmod 600 "$WORK/bench.yml"
shard_field() { python3 -c 'import json,sys; print(next(s[sys.argv[3]] for s in json.load(open(sys.argv[1])) if s["name"]==sys.argv[2]))' "$LAB/shards.json" "$1" "$2"; }
SHOP_URL=$(shard_field shop url); SHOP_TOKEN=$(shard_field shop apiToken)
PAY_URL=$(shard_field pay url); PAY_TOKEN=$(shard_field pay apiToken)

if [[ ${BENCH_SKIP_BUILD:-} != 1 ]]; then
	echo "bench: building the gateway jar"
	(cd "$REPO" && mvn -B -o -q -pl gateway -am package -DskipTests)
fi
JAR=${BENCH_JAR:-$(ls "$REPO"/gateway/target/zgw-gateway-*.jar | grep -v original | head -1)}

echo "bench: starting the gateway on :$PORT (-Xmx$XMX, log $WORK/gateway.log)"
java -Xmx"$XMX" -jar "$JAR" --server.port="$PORT" --spring.config.additional-location=file:"$WORK/bench.yml" \
	>"$WORK/gateway.log" 2>&1 &
GW_PID=$!
for _ in $(seq 1 120); do
	curl -s -o /dev/null "$GW/actuator/health" && break
	kill -0 "$GW_PID" 2>/dev/null || { tail -30 "$WORK/gateway.log"; die "the gateway died at start"; }
	sleep 1
done
curl -s -o /dev/null "$GW/actuator/health" || die "the gateway did not answer within 120 s"

# The Zabbix calls the gateway makes, byte for byte in meaning (see ProblemGet, HostGet):
# /problems asks each shard for limit + 1 = 101 problems (default limit 100), newest first,
# with tags; trigger hosts come from the gateway's trigger cache (no call in the steady
# state). /hosts asks host.get with groups and tags (then serves it from its cache).
PROBLEM_PARAMS='{"source":0,"object":0,"output":"extend","selectTags":"extend","sortfield":["eventid"],"sortorder":"DESC","limit":101}'
HOST_PARAMS='{"output":["hostid","host","name","status"],"selectGroups":["groupid","name"],"selectTags":"extend","limit":10000}'

auth() { curl -s -H "Authorization: Bearer $ZGW_KEY" "$@"; }
# Warm up: JIT, connections, caches; open the dead shard's breaker.
for _ in $(seq 1 30); do
	auth -o /dev/null "$GW/api/v1/problems?businessLine=shop,pay"
	auth -o /dev/null "$GW/api/v1/hosts?businessLine=shop,pay"
	auth -o /dev/null "$GW/api/v1/problems?businessLine=shop,gone"
done
BREAKER=$(auth "$GW/api/v1/shards" | python3 -c 'import json,sys; d=json.load(sys.stdin); d=d.get("data",d); print(next(s["breakerState"] for s in d if s["name"]=="gone"))')
[[ $BREAKER == open ]] || die "the breaker of shard gone is '$BREAKER', expected open"
auth "$GW/api/v1/problems?businessLine=shop,pay" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("bench: /problems answers", len(d["data"]), "problems, shards", {k: v["status"] for k, v in d["shards"].items()})'
auth "$GW/api/v1/problems?businessLine=shop,gone" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("bench: dead-shard /problems partial =", d["partial"], {k: v["status"] for k, v in d["shards"].items()})'

# The direct calls must answer results, not a JSON-RPC error (which is HTTP 200 too).
check_direct() {
	curl -s -H 'Content-Type: application/json-rpc' -d "{\"jsonrpc\":\"2.0\",\"method\":\"$2\",\"params\":$3,\"auth\":\"$4\",\"id\":1}" "$1" |
		python3 -c 'import json,sys; d=json.load(sys.stdin); r=d.get("result"); assert r is not None, d.get("error"); print("bench: direct", sys.argv[1], "answers", len(r), "objects")' "$2 on $1"
}
check_direct "$SHOP_URL" problem.get "$PROBLEM_PARAMS" "$SHOP_TOKEN"
check_direct "$PAY_URL" problem.get "$PROBLEM_PARAMS" "$PAY_TOKEN"
check_direct "$SHOP_URL" host.get "$HOST_PARAMS" "$SHOP_TOKEN"

echo "bench: warming up (wrk ${WARM_DUR:=5s} per gateway case)"
for path in "problems?businessLine=shop,pay" "problems?businessLine=shop" "problems?businessLine=shop,gone" "hosts?businessLine=shop,pay"; do
	wrk -t1 -c1 -d"$WARM_DUR" -s "$REPO/bench/get.lua" "$GW/api/v1/$path" >/dev/null
done

RESULTS=$WORK/results.tsv
: >"$RESULTS"
# The gateway's CPU time (user + system, clock ticks) so far: per request, its own cost,
# which the other builds on the machine do not inflate the way they inflate latency.
gw_cpu_ticks() { awk '{print $14 + $15}' "/proc/$GW_PID/stat"; }
# run CASE LUA URL [ENV=VALUE...]: one wrk run, 1 connection; appends "case p50 p99 rps".
run() {
	local name=$1 script=$2 url=$3
	shift 3
	local line cpu_before cpu_after
	cpu_before=$(gw_cpu_ticks)
	line=$(env "$@" wrk -t1 -c1 -d"$DUR" -s "$REPO/bench/$script" "$url" | grep '^RESULT')
	cpu_after=$(gw_cpu_ticks)
	[[ $line == *"errors_status=0"* ]] || die "$name: HTTP errors: $line"
	python3 -c '
import os, sys
f = dict(kv.split("=") for kv in sys.argv[2].split()[1:])
cpu_ms = (int(sys.argv[4]) - int(sys.argv[3])) * 1000 / os.sysconf("SC_CLK_TCK") / int(f["requests"])
print(sys.argv[1], f["p50_ms"], f["p99_ms"], f["rps"], f"{cpu_ms:.3f}", sep="\t")' "$name" "$line" "$cpu_before" "$cpu_after" >>"$RESULTS"
	printf '  %-24s %s gw_cpu_ms/req=%s\n' "$name" "$line" "$(tail -1 "$RESULTS" | cut -f5)"
}

# run_pair CASE: direct problem.get on shop and on pay at the same time (what the gateway's
# fan-out does); records the slower of the two p50s, the "max of the shards" under the
# same CPU contention the gateway sees.
run_pair() {
	ZBX_METHOD=problem.get ZBX_PARAMS="$PROBLEM_PARAMS" ZBX_TOKEN="$SHOP_TOKEN" \
		wrk -t1 -c1 -d"$DUR" -s "$REPO/bench/jsonrpc.lua" "$SHOP_URL" | grep '^RESULT' >"$WORK/pair.shop" &
	local shop_pid=$!
	ZBX_METHOD=problem.get ZBX_PARAMS="$PROBLEM_PARAMS" ZBX_TOKEN="$PAY_TOKEN" \
		wrk -t1 -c1 -d"$DUR" -s "$REPO/bench/jsonrpc.lua" "$PAY_URL" | grep '^RESULT' >"$WORK/pair.pay"
	wait "$shop_pid"
	python3 -c '
import sys
rows = [dict(kv.split("=") for kv in open(p).read().split()[1:]) for p in sys.argv[2:]]
assert all(r["errors_status"] == "0" for r in rows), rows
print(sys.argv[1], max(float(r["p50_ms"]) for r in rows), max(float(r["p99_ms"]) for r in rows),
      min(float(r["rps"]) for r in rows), 0, sep="\t")' "$1" "$WORK/pair.shop" "$WORK/pair.pay" >>"$RESULTS"
	printf '  %-22s %s\n' "$1" "$(tail -1 "$RESULTS")"
}

for round in $(seq 1 "$ROUNDS"); do
	echo "bench: round $round/$ROUNDS ($DUR per case)"
	run direct_problem_shop jsonrpc.lua "$SHOP_URL" ZBX_METHOD=problem.get ZBX_PARAMS="$PROBLEM_PARAMS" ZBX_TOKEN="$SHOP_TOKEN"
	run gw_problems_2shards get.lua "$GW/api/v1/problems?businessLine=shop,pay"
	run_pair direct_problem_parallel
	run direct_problem_pay jsonrpc.lua "$PAY_URL" ZBX_METHOD=problem.get ZBX_PARAMS="$PROBLEM_PARAMS" ZBX_TOKEN="$PAY_TOKEN"
	run gw_problems_shop get.lua "$GW/api/v1/problems?businessLine=shop"
	run gw_problems_dead get.lua "$GW/api/v1/problems?businessLine=shop,gone"
	run direct_host_shop jsonrpc.lua "$SHOP_URL" ZBX_METHOD=host.get ZBX_PARAMS="$HOST_PARAMS" ZBX_TOKEN="$SHOP_TOKEN"
	run gw_hosts_cached get.lua "$GW/api/v1/hosts?businessLine=shop,pay"
done

echo "bench: wrk -t2 -c16 -d$WRK_DUR on cached /api/v1/hosts"
heap_mb() { curl -s "$GW/actuator/prometheus" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%.0f", s / 1048576}'; }
WRK_LINE=$(wrk -t2 -c16 -d"$WRK_DUR" -s "$REPO/bench/get.lua" "$GW/api/v1/hosts?businessLine=shop,pay" | grep '^RESULT')
HEAP_LOADED=$(heap_mb)
jcmd "$GW_PID" GC.run >/dev/null
sleep 1
HEAP_AFTER_GC=$(heap_mb)
echo "  $WRK_LINE"

python3 - "$RESULTS" "$WRK_LINE" "$HEAP_LOADED" "$HEAP_AFTER_GC" "$XMX" "$ROUNDS" "$DUR" <<'EOF'
import statistics, sys
path, wrk_line, heap_loaded, heap_gc, xmx, rounds, dur = sys.argv[1:]
runs = {}
for line in open(path):
    name, p50, p99, rps, cpu = line.split("\t")
    runs.setdefault(name, []).append((float(p50), float(p99), float(rps), float(cpu)))
med = {n: statistics.median(r[0] for r in v) for n, v in runs.items()}
print(f"\nPer case: median over {rounds} rounds of each run's p50 (1 connection, {dur} per run)\n")
print(f"{'case':24} {'median p50 ms':>13} {'median p99 ms':>13} {'gw CPU ms/req':>13}   p50 per round")
for n, v in runs.items():
    cpu = statistics.median(r[3] for r in v)
    print(f"{n:24} {med[n]:13.2f} {statistics.median(r[1] for r in v):13.2f} "
          f"{(f'{cpu:.3f}' if n.startswith('gw_') else '-'):>13}   {' '.join(f'{r[0]:.2f}' for r in v)}")
p = {n: [r[0] for r in v] for n, v in runs.items()}
R = range(len(p["gw_problems_2shards"]))
def ratios(f):
    return [f(i) for i in R]
rows = [
    ("/problems 2 shards / slowest direct problem.get", ratios(lambda i: p["gw_problems_2shards"][i] / max(p["direct_problem_shop"][i], p["direct_problem_pay"][i])), "<= 1.10", lambda m: m <= 1.10),
    ("/problems 2 shards / sum of both direct calls", ratios(lambda i: p["gw_problems_2shards"][i] / (p["direct_problem_shop"][i] + p["direct_problem_pay"][i])), "< 1 (max, not sum)", lambda m: m < 1),
    ("/problems 2 shards / both direct at once (slower)", ratios(lambda i: p["gw_problems_2shards"][i] / p["direct_problem_parallel"][i]), "(info)", None),
    ("/problems shop only / direct problem.get shop", ratios(lambda i: p["gw_problems_shop"][i] / p["direct_problem_shop"][i]), "(info)", None),
    ("direct host.get shop / cached /hosts", ratios(lambda i: p["direct_host_shop"][i] / p["gw_hosts_cached"][i]), ">= 10", lambda m: m >= 10),
    ("/problems shop+dead / direct problem.get shop", ratios(lambda i: p["gw_problems_dead"][i] / p["direct_problem_shop"][i]), "<= 1.2", lambda m: m <= 1.2),
    ("/problems shop+dead / /problems shop only", ratios(lambda i: p["gw_problems_dead"][i] / p["gw_problems_shop"][i]), "<= 1.2", lambda m: m <= 1.2),
]
print(f"\nRatios: each round's ratio, then their median (both sides measured minutes apart at most)\n")
print(f"{'comparison':50} {'median':>7}  {'target':18} {'result':7} per round")
for name, rs, target, ok in rows:
    m = statistics.median(rs)
    verdict = "-" if ok is None else ("met" if ok(m) else "MISSED")
    print(f"{name:50} {m:7.2f}  {target:18} {verdict:7} {' '.join(f'{r:.2f}' for r in rs)}")
f = dict(kv.split("=") for kv in wrk_line.split()[1:])
print(f"\nwrk -t2 -c16 cached /hosts: {float(f['rps']):.0f} req/s, p50 {f['p50_ms']} ms, p99 {f['p99_ms']} ms, "
      f"HTTP errors {f['errors_status']}; heap used {heap_loaded} MB after the run, {heap_gc} MB after GC "
      f"(-Xmx{xmx}: target < 512 MB)")
EOF
