#!/usr/bin/env bash
# Where the ingestion ratio's floor lies (issue 3): the CPU each process spends per
# request, so the 1.0x target can be checked against what the machine has. Same routing
# file and wrk script (bench/alerts.lua, 16 connections) as bench/ingest.sh; after a 60 s
# warm-up of zgw on real alerts, alternating 10 s intervals of
#
#   zgw-stored   alerts accepted by zgw, each committed to MariaDB;
#   zgw-refused  the same requests with a wrong key of the right length: 401 from the
#                API-key filter (the cached refusal, no database), so Tomcat, the filter
#                chain and the problem body, the least any authenticated POST costs;
#
# then zgw stopped and Alertmanager 0.25 accepting the same stream (5 s of warm-up).
# For every interval it reads the CPU time (utime + stime in /proc/PID/stat) of zgw, of
# mariadbd and of Alertmanager, and the machine's busy time (/proc/stat), and prints
# per mode the median req/s and the median CPU microseconds per request of each, and
# zgw's mean writer batch (alerts per commit).
#
#   ZGW_LAB_DIR=/work/main/.lab bench/ingest-floor.sh
#
# Env: ZGW_BENCH_PORT (18090), AM_BENCH_PORT (19093), BENCH_CONNECTIONS (16),
# BENCH_WARMUP (60s), BENCH_INTERVALS (5 per mode); see bench/lib.sh for ZGW_LAB_DIR,
# BENCH_SKIP_BUILD, BENCH_JAR, BENCH_XMX.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PORT=${ZGW_BENCH_PORT:-18090}
AM_PORT=${AM_BENCH_PORT:-19093}
INTERVALS=${BENCH_INTERVALS:-5}
CONNS=${BENCH_CONNECTIONS:-16}
ROUTES=$BENCH_DIR/alertmanager.yml
TICK_US=$((1000000 / $(getconf CLK_TCK)))

bench_setup ingest-floor "$PORT" "$AM_PORT"
bench_jar
: >"$WORK/results"
MARIADB_PID=$(pgrep -o -x mariadbd || pgrep -o -x mysqld) || die "mariadbd is not running"
# A key of the admin key's length that is not a key: refused from the cache.
WRONG_KEY=$(printf '%s' "$KEY" | tr 'a-zA-Z0-9' 'n-za-mN-ZA-M5-90-4')

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }

# measure MODE URL KEY PID: one 10 s interval, one RESULT line with the CPU per request.
measure() {
	local mode=$1 url=$2 key=$3 pid=$4 p0 m0 b0 line requests
	p0=$(cpu_ticks "$pid")
	m0=$(cpu_ticks "$MARIADB_PID")
	b0=$(busy_ticks)
	line=$(ZGW_KEY=$key wrk -t2 -c"$CONNS" -d10s -s "$BENCH_DIR/alerts.lua" "$url" | grep '^RESULT')
	requests=$(tr ' ' '\n' <<<"$line" | sed -n 's/^requests=//p')
	awk -v mode="$mode" -v line="$line" -v n="$requests" -v t="$TICK_US" \
		-v p="$(($(cpu_ticks "$pid") - p0))" -v m="$(($(cpu_ticks "$MARIADB_PID") - m0))" \
		-v b="$(($(busy_ticks) - b0))" 'BEGIN {
		sub(/^RESULT/, "", line)
		printf "%s%s server_us=%.1f mariadb_us=%.1f machine_us=%.1f\n", mode, line,
			p * t / n, m * t / n, b * t / n }' | tee -a "$WORK/results"
}

bench_start_zgw zgw_bench_floor "$ROUTES" "$PORT"
bench_wait zgw "$ZGW_URL/actuator/health" "$ZGW_PID"
ZGW_KEY=$KEY wrk -t2 -c"$CONNS" -d"${BENCH_WARMUP:-60s}" -s "$BENCH_DIR/alerts.lua" "$ZGW_URL" >/dev/null
for _ in $(seq "$INTERVALS"); do
	measure zgw-stored "$ZGW_URL" "$KEY" "$ZGW_PID"
	measure zgw-refused "$ZGW_URL" "$WRONG_KEY" "$ZGW_PID"
done
# The writer's mean batch over the whole run: how many alerts share a commit.
curl -s -H "Authorization: Bearer $KEY" "$ZGW_URL/actuator/prometheus" |
	awk '/^zgw_alert_writer_batch_rows_(sum|count)/ {v[$1 ~ /sum/ ? "s" : "c"] += $2}
	END {if (v["c"]) printf "zgw writer: %d batches, %.1f alerts per batch\n", v["c"], v["s"] / v["c"]}' |
	tee -a "$WORK/results"
bench_stop "$ZGW_PID"

bench_start_am "$ROUTES" "$AM_PORT"
bench_wait am "$AM_URL/-/ready" "$AM_PID" -f
wrk -t2 -c"$CONNS" -d5s -s "$BENCH_DIR/alerts.lua" "$AM_URL" >/dev/null
for _ in $(seq "$INTERVALS"); do
	measure alertmanager "$AM_URL" "" "$AM_PID"
done

printf '\nmedians over %s intervals of 10 s (CPU in microseconds per request)\n' "$INTERVALS"
printf '%-13s %8s %8s %10s %10s %10s %8s\n' mode req/s p99_ms server_us mariadb_us machine_us non2xx
for mode in zgw-stored zgw-refused alertmanager; do
	printf '%-13s %8.0f %8.2f %10.1f %10.1f %10.1f %8s\n' "$mode" "$(bench_field $mode rps | bench_median)" \
		"$(bench_field $mode p99_ms | bench_median)" "$(bench_field $mode server_us | bench_median)" \
		"$(bench_field $mode mariadb_us | bench_median)" "$(bench_field $mode machine_us | bench_median)" \
		"$(bench_field $mode errors_status | awk '{s+=$1} END {print s+0}')"
done
echo "(zgw-refused answers 401 by design: its non-2xx count is every request)"
