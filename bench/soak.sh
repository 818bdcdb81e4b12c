#!/usr/bin/env bash
# Soak (issue 3: "a 10-minute soak at half the peak rate: heap after GC flat, outbox
# drained"), zgw and Alertmanager 0.25 side by side under the same load at the same time.
#
# Both load bench/soak.yml (team groups per alert name and business line, a pager group
# per host for disasters, webhooks to bench/notify_bench.py serve, which counts each side's
# notifications). One wrk per side runs bench/paced_alerts.lua at SOAK_RATE alerts/s (one
# alert per POST; about 5,000 firing, 90 % re-sends, 5 % new, 5 % resolved with endsAt in
# the past) for SOAK_DURATION. Both sides run at once rather than in turns so that each
# gets the whole duration under load, and the same minutes of the shared machine;
# Alertmanager at this rate costs a small part of one core (it took 30k/s in
# bench/ingest.sh).
#
# Every SOAK_SAMPLE seconds: zgw's heap after a forced full GC (jcmd GC.run; the size
# after the collection from zgw's GC log), zgw and Alertmanager RSS, pending / delivered /
# failed outbox rows, alert rows, alerts each side has taken (their own counters, so the
# rate actually achieved per interval), notifications received per side. After the load:
# waits up to SOAK_DRAIN_TIMEOUT for the outbox to be empty, samples once more, prints
# heap after GC first / last / max and its least-squares slope under load after
# SOAK_WARMUP, and writes the samples to $WORK/soak.csv. "Drained" means every outbox row
# created while the load ran is delivered (or failed), checked every 2 s. The classes whose
# live bytes grew most between the end of the warm-up and the end (jcmd
# GC.class_histogram) are listed too.
#
#   SOAK_RATE=2500 bench/soak.sh                   # 10 minutes at 2,500 alerts/s per side
#   SOAK_DURATION=90s SOAK_RATE=500 bench/soak.sh  # a short check
#
# Env: SOAK_RATE (2500: half of zgw's peak in bench/ingest.sh), AM_SOAK_RATE (= SOAK_RATE),
# SOAK_DURATION (10m, wrk syntax), SOAK_SAMPLE (30, s), SOAK_WARMUP (60, s), SOAK_ACTIVE
# (5000 firing alerts), SOAK_CONNECTIONS (32 per side), SOAK_DRAIN_TIMEOUT (120, s),
# ZGW_BENCH_PORT (18090), AM_BENCH_PORT (19093); the receiver's port (19095) is the one
# in the routing file. See bench/lib.sh for ZGW_LAB_DIR, BENCH_SKIP_BUILD, BENCH_JAR,
# BENCH_XMX.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PORT=${ZGW_BENCH_PORT:-18090}
AM_PORT=${AM_BENCH_PORT:-19093}
RATE=${SOAK_RATE:-2500}
AM_RATE=${AM_SOAK_RATE:-$RATE}
DUR=${SOAK_DURATION:-10m}
EVERY=${SOAK_SAMPLE:-30}
WARMUP=${SOAK_WARMUP:-60}
ACTIVE=${SOAK_ACTIVE:-5000}
CONNS=${SOAK_CONNECTIONS:-32}
DRAIN_TIMEOUT=${SOAK_DRAIN_TIMEOUT:-120}
ROUTES=$BENCH_DIR/soak.yml
DB=zgw_bench_soak

bench_setup soak "$PORT" "$AM_PORT" "$(bench_routes_port "$ROUTES")"
command -v jcmd >/dev/null || die "jcmd is not installed (a JDK is needed, not a JRE)"
bench_jar
bench_start_am "$ROUTES" "$AM_PORT"
bench_start_zgw "$DB" "$ROUTES" "$PORT" -Xlog:gc:file="$WORK/gc.log"
bench_start_receiver "$(bench_routes_port "$ROUTES")"
bench_wait_ready
echo "bench: work directory $WORK"

sql() { mysql -uroot -h127.0.0.1 -N -B "$DB" -e "$1"; }

# Heap after a full GC, in MB: the "after" of the pause jcmd GC.run causes, from the GC log
# (read right after the collection, not after jcmd's own start-up).
heap_after_gc() {
	local before
	before=$(grep -c 'Pause Full (Diagnostic Command)' "$WORK/gc.log" || true)
	jcmd "$ZGW_PID" GC.run >/dev/null
	awk -v n="$before" '/Pause Full \(Diagnostic Command\)/ { last = $0; count++ }
		END {
			if (count <= n) { print "NA"; exit }
			match(last, /->[0-9]+[KMG]/)
			v = substr(last, RSTART + 2, RLENGTH - 3); u = substr(last, RSTART + RLENGTH - 1, 1)
			print (u == "K") ? v / 1024 : (u == "G") ? v * 1024 : v
		}' "$WORK/gc.log"
}

counter() { # url metric: sum of a counter over its labels
	curl -s "$1" | awk -v m="$2" 'index($1, m) == 1 && substr($1, length(m) + 1, 1) ~ /^[{ ]?$/ { s += $NF; n++ }
		END { if (n) printf "%.0f", s; else print "NA" }'
}

received() { # side: notifications the receiver got from it
	curl -s "$RECEIVER_URL/stats" | awk -v s="$1" '$1 == s { print $2 }'
}

CSV=$WORK/soak.csv
echo "t_s,phase,zgw_heap_after_gc_mb,zgw_rss_mb,outbox_pending,outbox_delivered,outbox_failed,alert_rows,zgw_alerts_received,am_alerts_received,am_rss_mb,recv_zgw,recv_am" >"$CSV"
sample() { # phase seconds-since-the-load-started
	local heap outbox
	heap=$(heap_after_gc)
	outbox=$(sql "SELECT SUM(delivered_at IS NULL AND failed_at IS NULL), SUM(delivered_at IS NOT NULL),
		SUM(failed_at IS NOT NULL), (SELECT COUNT(*) FROM alert) FROM outbox" | awk '{for (i = 1; i <= 4; i++) if ($i == "NULL") $i = 0; print $1 "," $2 "," $3 "," $4}')
	echo "$2,$1,$heap,$(bench_rss_mb "$ZGW_PID"),$outbox,$(counter "$ZGW_URL/actuator/prometheus" zgw_alerts_stored_total),$(counter "$AM_URL/metrics" alertmanager_alerts_received_total),$(bench_rss_mb "$AM_PID"),$(received zgw),$(received alertmanager)" |
		tee -a "$CSV"
}

sample idle 0
echo "bench: $DUR at $RATE alerts/s to zgw and $AM_RATE alerts/s to Alertmanager, $ACTIVE firing"
ZGW_KEY=$KEY LOAD_RATE=$RATE LOAD_ACTIVE=$ACTIVE wrk -t1 -c"$CONNS" -d"$DUR" -s "$BENCH_DIR/paced_alerts.lua" \
	"$ZGW_URL" >"$WORK/wrk-zgw.out" 2>&1 &
WRK_ZGW=$!
bench_track $WRK_ZGW
LOAD_RATE=$AM_RATE LOAD_ACTIVE=$ACTIVE wrk -t1 -c"$CONNS" -d"$DUR" -s "$BENCH_DIR/paced_alerts.lua" \
	"$AM_URL" >"$WORK/wrk-am.out" 2>&1 &
WRK_AM=$!
bench_track $WRK_AM

# What grows, should the heap not be flat: live objects per class (jcmd forces a full GC)
# once the warm-up is over and at the end.
class_histogram() { jcmd "$ZGW_PID" GC.class_histogram >"$WORK/classes-$1.txt"; }

T0=$SECONDS
next=$EVERY
histogram=
while kill -0 "$WRK_ZGW" 2>/dev/null || kill -0 "$WRK_AM" 2>/dev/null; do
	sleep 1
	if ((SECONDS - T0 >= next)); then
		sample load $((SECONDS - T0))
		next=$((next + EVERY))
		if [[ -z $histogram ]] && ((SECONDS - T0 >= WARMUP)); then
			class_histogram warm
			histogram=1
		fi
	fi
done
wait "$WRK_ZGW" "$WRK_AM" || die "wrk failed: $WORK/wrk-*.out"
stopped=$SECONDS
stopped_at=$(sql "SELECT UTC_TIMESTAMP(3)")

# Drained: every notification enqueued while the load ran has been delivered or has failed.
# (Groups keep flushing afterwards, e.g. when the alerts left firing expire, so the table
# is not expected to stay empty.)
backlog() { sql "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL AND failed_at IS NULL AND created_at <= '$stopped_at'"; }
while left=$(backlog) && ((left > 0 && SECONDS - stopped < DRAIN_TIMEOUT)); do sleep 2; done
drain_s=$((SECONDS - stopped))
sample end $((SECONDS - T0))
class_histogram end

echo
for side in zgw am; do
	grep '^RESULT' "$WORK/wrk-$side.out" | sed "s/^RESULT/wrk $side:/"
done
python3 "$BENCH_DIR/notify_bench.py" soak --csv "$CSV" --warmup "$WARMUP" \
	--classes "$WORK/classes-warm.txt" "$WORK/classes-end.txt"
if ((left == 0)); then
	echo "outbox drained: every notification enqueued under load was delivered $drain_s s after the load stopped (checked every 2 s)"
else
	echo "outbox NOT drained: $left notifications enqueued under load still pending $drain_s s after the load stopped"
fi
echo "samples: $CSV; zgw log: $(grep -cE ' (WARN|ERROR) ' "$WORK/zgw.log" || true) WARN/ERROR lines"
