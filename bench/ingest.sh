#!/usr/bin/env bash
# Ingestion benchmark (issue 3): Alertmanager 0.25 (Debian's prometheus-alertmanager) and
# zgw on the same routing file (bench/alertmanager.yml), the same wrk script
# (bench/alerts.lua: one alert per POST /api/v2/alerts over 20 business lines and 5,000
# hosts), 2 threads and 16 connections, in alternating rounds. zgw commits every alert to
# MariaDB before its 200; Alertmanager keeps them in memory.
#
#   bench/ingest.sh                          # 3 rounds x 20 s each
#   BENCH_ROUNDS=5 BENCH_DURATION=30s bench/ingest.sh
#
# Env: ZGW_LAB_DIR (default <repo>/.lab: shards and bootstrap key of the lab),
# ZGW_BENCH_PORT (18090), AM_BENCH_PORT (19093), BENCH_SKIP_BUILD=1, BENCH_CONNECTIONS (16).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
LAB=${ZGW_LAB_DIR:-$REPO/.lab}
PORT=${ZGW_BENCH_PORT:-18090}
AM_PORT=${AM_BENCH_PORT:-19093}
ROUNDS=${BENCH_ROUNDS:-3}
DUR=${BENCH_DURATION:-20s}
CONNS=${BENCH_CONNECTIONS:-16}
ROUTES=$REPO/bench/alertmanager.yml

die() { echo "bench: $*" >&2; exit 1; }
[[ -f $LAB/zgw-lab.yml && -f $LAB/admin.key ]] || die "no lab in $LAB (run lab/zgw-lab up --no-gateway)"
command -v wrk >/dev/null || die "wrk is not installed (apt-get install wrk)"
[[ -x /usr/bin/prometheus-alertmanager ]] || die "prometheus-alertmanager is not installed"
for p in "$PORT" "$AM_PORT"; do
	if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then die "port $p is taken"; fi
done

WORK=$(mktemp -d /tmp/zgw-ingest-bench.XXXXXX)
PIDS=()
cleanup() {
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
}
trap cleanup EXIT

if [[ -z ${BENCH_SKIP_BUILD:-} ]]; then
	(cd "$REPO" && mvn -B -q -DskipTests package)
fi
JAR=$(ls "$REPO"/gateway/target/zgw-gateway-*.jar | head -1)
KEY=$(cat "$LAB/admin.key")

prometheus-alertmanager --config.file="$ROUTES" --storage.path="$WORK/am" \
	--web.listen-address=127.0.0.1:$AM_PORT --cluster.listen-address= --log.level=warn \
	>"$WORK/am.log" 2>&1 &
PIDS+=($!)

mysql -uroot -h127.0.0.1 -e 'DROP DATABASE IF EXISTS zgw_bench_ingest'
java -Xmx512m -jar "$JAR" --spring.config.additional-location="file:$LAB/zgw-lab.yml" \
	--server.port=$PORT \
	--spring.datasource.url="jdbc:mysql://127.0.0.1:3306/zgw_bench_ingest?createDatabaseIfNotExist=true" \
	--zgw.alerting.routing-config-file="$ROUTES" --logging.level.root=WARN \
	>"$WORK/zgw.log" 2>&1 &
ZGW_PID=$!
PIDS+=($ZGW_PID)

for _ in $(seq 120); do
	curl -fs "http://127.0.0.1:$AM_PORT/-/ready" >/dev/null 2>&1 &&
		curl -s -o /dev/null "http://127.0.0.1:$PORT/actuator/health" && break
	sleep 1
done
curl -s -o /dev/null "http://127.0.0.1:$PORT/actuator/health" || die "zgw did not start: $WORK/zgw.log"

run() { # name url key
	ZGW_KEY=$3 wrk -t2 -c"$CONNS" -d"$DUR" -s "$REPO/bench/alerts.lua" "$2" | grep '^RESULT' | sed "s/^RESULT/$1/"
}
# Warm-up (JIT, connection pools) is not counted.
ZGW_KEY=$KEY wrk -t2 -c"$CONNS" -d10s -s "$REPO/bench/alerts.lua" "http://127.0.0.1:$PORT" >/dev/null
wrk -t2 -c"$CONNS" -d5s -s "$REPO/bench/alerts.lua" "http://127.0.0.1:$AM_PORT" >/dev/null

: >"$WORK/results"
for r in $(seq "$ROUNDS"); do
	run alertmanager "http://127.0.0.1:$AM_PORT" "" | tee -a "$WORK/results"
	run zgw "http://127.0.0.1:$PORT" "$KEY" | tee -a "$WORK/results"
done

stored=$(mysql -uroot -h127.0.0.1 -N -e 'SELECT COUNT(*) FROM zgw_bench_ingest.alert')
rss_zgw=$(ps -o rss= -p "$ZGW_PID" | tr -d ' ')
rss_am=$(ps -o rss= -p "${PIDS[0]}" | tr -d ' ')

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
field() { grep "^$1 " "$WORK/results" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }
am_rps=$(field alertmanager rps | median)
zgw_rps=$(field zgw rps | median)
printf '\n%-14s %12s %10s %10s %8s\n' "" "median req/s" "p50 ms" "p99 ms" "RSS MB"
printf '%-14s %12.0f %10s %10s %8d\n' alertmanager "$am_rps" "$(field alertmanager p50_ms | median)" \
	"$(field alertmanager p99_ms | median)" $((rss_am / 1024))
printf '%-14s %12.0f %10s %10s %8d\n' zgw "$zgw_rps" "$(field zgw p50_ms | median)" \
	"$(field zgw p99_ms | median)" $((rss_zgw / 1024))
awk -v z="$zgw_rps" -v a="$am_rps" 'BEGIN { printf "zgw / alertmanager: %.2fx\n", z / a }'
echo "alerts stored durably by zgw (distinct fingerprints): $stored; non-2xx answers: $(field zgw errors_status | awk '{s+=$1} END {print s+0}')"
