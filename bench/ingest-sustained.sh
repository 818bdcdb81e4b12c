#!/usr/bin/env bash
# Sustained ingestion (issue 3): the same routing file (bench/alertmanager.yml) and wrk
# script (bench/alerts.lua, 16 connections) as bench/ingest.sh, but each side alone on the
# machine and under load for a whole group_interval (the file's 5m), so that the window
# holds one flush of every group: zgw first, stopped, then Alertmanager 0.25. After the
# same warm-up (60 s) each gets BENCH_INTERVALS back-to-back 10 s wrk runs; the script
# prints each interval's req/s, then per side the best and the median interval and the
# mean over the window (requests / seconds), and the ratios.
#
#   bench/ingest-sustained.sh                     # 60 s warm-up, 30 x 10 s measured
#   BENCH_INTERVALS=12 bench/ingest-sustained.sh
#
# Env: ZGW_BENCH_PORT (18090), AM_BENCH_PORT (19093), BENCH_CONNECTIONS (16),
# BENCH_WARMUP (60s), BENCH_INTERVALS (30); see bench/lib.sh for ZGW_LAB_DIR,
# BENCH_SKIP_BUILD, BENCH_JAR, BENCH_XMX.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PORT=${ZGW_BENCH_PORT:-18090}
AM_PORT=${AM_BENCH_PORT:-19093}
INTERVALS=${BENCH_INTERVALS:-30}
CONNS=${BENCH_CONNECTIONS:-16}
ROUTES=$BENCH_DIR/alertmanager.yml

bench_setup ingest-sustained "$PORT" "$AM_PORT"
bench_jar
: >"$WORK/results"

# load SIDE URL KEY: warm-up, then the measured intervals, one RESULT line each.
load() {
	ZGW_KEY=$3 wrk -t2 -c"$CONNS" -d"${BENCH_WARMUP:-60s}" -s "$BENCH_DIR/alerts.lua" "$2" >/dev/null
	for i in $(seq "$INTERVALS"); do
		ZGW_KEY=$3 wrk -t2 -c"$CONNS" -d10s -s "$BENCH_DIR/alerts.lua" "$2" | grep '^RESULT' |
			sed "s/^RESULT/$1 interval=$i/" | tee -a "$WORK/results"
	done
}

bench_start_zgw zgw_bench_ingest "$ROUTES" "$PORT"
bench_wait zgw "$ZGW_URL/actuator/health" "$ZGW_PID"
load zgw "$ZGW_URL" "$KEY"
stored=$(mysql -uroot -h127.0.0.1 -N -e 'SELECT COUNT(*) FROM zgw_bench_ingest.alert')
bench_stop "$ZGW_PID"

bench_start_am "$ROUTES" "$AM_PORT"
bench_wait am "$AM_URL/-/ready" "$AM_PID" -f
load alertmanager "$AM_URL" ""
bench_stop "$AM_PID"

summary() { # side -> "best median mean"
	local best med mean
	best=$(bench_field "$1" rps | sort -n | tail -1)
	med=$(bench_field "$1" rps | bench_median)
	mean=$(paste <(bench_field "$1" requests) <(bench_field "$1" duration_s) |
		awk '{r+=$1; s+=$2} END {printf "%.0f", r / s}')
	echo "$best $med $mean"
}
read -r zb zm zmean <<<"$(summary zgw)"
read -r ab am amean <<<"$(summary alertmanager)"
printf '\n%-14s %10s %10s %10s %10s\n' "" "best 10 s" "median" "mean" "stalled"
for side in zgw alertmanager; do
	read -r b m mean <<<"$(summary "$side")"
	# A stalled interval: under a tenth of the side's median.
	stalled=$(bench_field "$side" rps | awk -v m="$m" '$1 < m / 10 {n++} END {print n+0}')
	printf '%-14s %10.0f %10.0f %10.0f %10s\n' "$side" "$b" "$m" "$mean" "$stalled/$INTERVALS"
done
awk -v zb="$zb" -v ab="$ab" -v zm="$zm" -v am="$am" -v zmean="$zmean" -v amean="$amean" 'BEGIN {
	printf "zgw / alertmanager: best %.2fx, median %.2fx, mean over the window %.2fx\n", zb / ab, zm / am, zmean / amean }'
echo "alerts stored durably by zgw (distinct fingerprints): $stored; zgw non-2xx answers: $(bench_field zgw errors_status | awk '{s+=$1} END {print s+0}')"
