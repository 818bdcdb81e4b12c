#!/usr/bin/env bash
# Notification latency after group_wait (issue 3: "notification sent within 100 ms (p99)
# after group_wait ends"), zgw and Alertmanager 0.25 side by side in the same run.
#
# Both load bench/notify-latency.yml (group_wait 1s, a webhook to a real HTTP receiver,
# bench/notify_bench.py serve, which records the arrival time of every notification). The
# poster sends NOTIFY_GROUPS alerts, each in a group of its own (label "group"), with
# startsAt = the send time, evenly over NOTIFY_SPREAD seconds, to both sides on the same
# schedule (one thread per side). For each notification:
#
#   latency = arrival at the receiver - (client's time when the POST was answered + group_wait)
#
# Both sides start group_wait when the group is created, i.e. when the alert reaches the
# dispatcher, which happens between sending the POST and its answer (zgw answers after the
# commit, Alertmanager after queueing): the answer time is the closest client-side
# stand-in. The table also gives the p99 measured from the start of the POST.
#
#   bench/notify-latency.sh                                  # 2,000 groups over 60 s
#   NOTIFY_GROUPS=300 NOTIFY_SPREAD=15 bench/notify-latency.sh
#   NOTIFY_BG_RATE=500 bench/notify-latency.sh               # plus 500 alerts/s per side
#
# Env: NOTIFY_GROUPS (2000), NOTIFY_SPREAD (60, seconds), NOTIFY_WARMUP (1500 groups first,
# at the same rate, not counted: on a 2-core machine zgw's JIT compiler is busy for about a
# minute under load, and the steady state is what a long-running gateway shows), NOTIFY_BG_RATE (0: background alerts/s per side from bench/paced_alerts.lua),
# ZGW_BENCH_PORT (18090), AM_BENCH_PORT (19093); the receiver's port (19095) is the one in
# the routing file. See bench/lib.sh for ZGW_LAB_DIR, BENCH_SKIP_BUILD, BENCH_JAR, BENCH_XMX.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PORT=${ZGW_BENCH_PORT:-18090}
AM_PORT=${AM_BENCH_PORT:-19093}
NGROUPS=${NOTIFY_GROUPS:-2000}
SPREAD=${NOTIFY_SPREAD:-60}
WARMUP=${NOTIFY_WARMUP:-1500}
BG_RATE=${NOTIFY_BG_RATE:-0}
ROUTES=$BENCH_DIR/notify-latency.yml

waits=$(sed -n 's/^ *group_wait: *//p' "$ROUTES" | sort -u)
[[ $waits =~ ^[0-9]+s$ ]] || die "$ROUTES: every group_wait must be the same whole number of seconds, found: $waits"
GROUP_WAIT=${waits%s}

bench_setup notify "$PORT" "$AM_PORT" "$(bench_routes_port "$ROUTES")"
bench_jar
bench_start_am "$ROUTES" "$AM_PORT"
bench_start_zgw zgw_bench_notify "$ROUTES" "$PORT"
bench_start_receiver "$(bench_routes_port "$ROUTES")"
bench_wait_ready
echo "bench: work directory $WORK"

BG_PIDS=()
if [[ $BG_RATE != 0 ]]; then
	for side in zgw am; do
		url=$ZGW_URL key=$KEY
		[[ $side == am ]] && url=$AM_URL key=
		ZGW_KEY=$key LOAD_RATE=$BG_RATE LOAD_THREADS=1 wrk -t1 -c8 -d1h -s "$BENCH_DIR/paced_alerts.lua" \
			"$url" >"$WORK/background-$side.out" 2>&1 &
		BG_PIDS+=($!)
		bench_track $!
	done
fi

total=$((WARMUP + NGROUPS))
rate=$(awk -v n="$NGROUPS" -v s="$SPREAD" 'BEGIN { print n / s }')
echo "bench: posting $WARMUP warm-up + $NGROUPS groups at $rate/s to each side (background: $BG_RATE alerts/s per side)"
python3 "$BENCH_DIR/notify_bench.py" post --target "zgw=$ZGW_URL" --target "alertmanager=$AM_URL" \
	--key "zgw=$KEY" --groups "$NGROUPS" --warmup "$WARMUP" --rate "$rate" --run "r$$" --out "$WORK/sent.jsonl"

# Every probe is due group_wait after its POST; allow 30 s more for stragglers.
probes() { grep -c '"path": "/probe"' "$WORK/received.jsonl" || true; }
deadline=$((SECONDS + GROUP_WAIT + 30))
while (($(probes) < 2 * total && SECONDS < deadline)); do sleep 1; done

curl -s "$ZGW_URL/actuator/prometheus" >"$WORK/zgw-metrics.txt"
# wrk prints its summary on SIGINT: the background rate actually achieved.
for pid in "${BG_PIDS[@]}"; do kill -INT "$pid" && wait "$pid" || true; done
python3 "$BENCH_DIR/notify_bench.py" latency --sent "$WORK/sent.jsonl" --received "$WORK/received.jsonl" \
	--group-wait "$GROUP_WAIT" --csv "$WORK/latency.csv" --zgw-metrics "$WORK/zgw-metrics.txt"
if [[ $BG_RATE != 0 ]]; then
	for side in zgw am; do grep '^RESULT' "$WORK/background-$side.out" | sed "s/^RESULT/background $side:/"; done
fi
echo "samples: $WORK/latency.csv; zgw log: $(grep -cE ' (WARN|ERROR) ' "$WORK/zgw.log" || true) WARN/ERROR lines"
