# Shell functions shared by the alerting benchmarks (ingest.sh, notify-latency.sh, soak.sh);
# sourced, not run. They start Alertmanager 0.25 (Debian's prometheus-alertmanager,
# clustering off) and the packaged zgw jar (the lab's config and admin key, a database of
# the benchmark's own, dropped first) side by side on one routing file, remember every
# process they start and stop those on exit.
#
# Env read here: ZGW_LAB_DIR (default <repo>/.lab), BENCH_SKIP_BUILD=1 (use the jar already
# built), BENCH_JAR (a gateway jar to use instead), BENCH_XMX (default 512m),
# BENCH_ZGW_ARGS (more --key=value settings for zgw, e.g. to compare a setting).

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
LAB=${ZGW_LAB_DIR:-$REPO/.lab}
# The wrk scripts share bench/wrk_common.lua through require.
export LUA_PATH="$BENCH_DIR/?.lua;;"
BENCH_PIDS=()

die() {
	echo "bench: $*" >&2
	exit 1
}

# bench_setup NAME PORT...: checks the lab and the tools, that nothing listens on the
# ports, creates the work directory $WORK (kept after the run) and the exit trap; sets KEY.
bench_setup() {
	local name=$1 port
	shift
	[[ -f $LAB/zgw-lab.yml && -f $LAB/admin.key ]] || die "no lab in $LAB (run lab/zgw-lab up --no-gateway, or set ZGW_LAB_DIR)"
	command -v wrk >/dev/null || die "wrk is not installed (apt-get install wrk)"
	[[ -x /usr/bin/prometheus-alertmanager ]] || die "prometheus-alertmanager is not installed"
	for port in "$@"; do
		if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			die "port $port is taken (see the ports in the script's header to choose others)"
		fi
	done
	WORK=$(mktemp -d "/tmp/zgw-$name-bench.XXXXXX")
	KEY=$(tr -d '[:space:]' <"$LAB/admin.key")
	trap bench_cleanup EXIT
	# set -e stops at the first failing command; say which.
	trap 'echo "bench: failed (status $?) at ${BASH_SOURCE[0]}:$LINENO: $BASH_COMMAND" >&2' ERR
	# Ctrl-C or kill: leave through the EXIT trap, which stops what was started.
	trap 'exit 130' INT TERM
}

bench_cleanup() {
	local pid
	for pid in "${BENCH_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
}

# bench_track PID: stop this process on exit.
bench_track() { BENCH_PIDS+=("$1"); }

# bench_jar: builds the gateway jar (unless BENCH_SKIP_BUILD=1) and sets JAR.
bench_jar() {
	if [[ -z ${BENCH_SKIP_BUILD:-} && -z ${BENCH_JAR:-} ]]; then
		echo "bench: building the gateway jar"
		(cd "$REPO" && mvn -B -o -q -pl gateway -am package -DskipTests)
	fi
	JAR=${BENCH_JAR:-$(ls "$REPO"/gateway/target/zgw-gateway-*.jar | grep -v original | head -1)}
	[[ -f $JAR ]] || die "no gateway jar ($JAR)"
}

# bench_routes_port FILE: the port of the first webhook URL in a routing file (the
# benchmark's receiver).
bench_routes_port() { sed -n 's|.*url: *http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$1" | head -1; }

# bench_start_am ROUTES PORT: starts Alertmanager, sets AM_PID. Its externalURL (in every
# webhook payload) is http://127.0.0.1:PORT.
bench_start_am() {
	prometheus-alertmanager --config.file="$1" --storage.path="$WORK/am" \
		--web.listen-address="127.0.0.1:$2" --web.external-url="http://127.0.0.1:$2" \
		--cluster.listen-address= --log.level=warn >"$WORK/am.log" 2>&1 &
	AM_PID=$!
	AM_URL=http://127.0.0.1:$2
	bench_track "$AM_PID"
}

# bench_start_zgw DB ROUTES PORT [JVM option...]: drops database DB and starts the jar on
# it, sets ZGW_PID. Its externalURL is http://127.0.0.1:PORT.
bench_start_zgw() {
	local db=$1 routes=$2 port=$3
	shift 3
	mysql -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS $db"
	java -Xmx"${BENCH_XMX:-512m}" "$@" -jar "$JAR" --spring.config.additional-location="file:$LAB/zgw-lab.yml" \
		--server.port="$port" \
		--spring.datasource.url="jdbc:mysql://127.0.0.1:3306/$db?createDatabaseIfNotExist=true" \
		--zgw.alerting.routing-config-file="$routes" --zgw.notify.external-url="http://127.0.0.1:$port" \
		--logging.level.root=WARN ${BENCH_ZGW_ARGS:-} >"$WORK/zgw.log" 2>&1 &
	ZGW_PID=$!
	ZGW_URL=http://127.0.0.1:$port
	bench_track "$ZGW_PID"
}

# bench_start_receiver PORT: starts the webhook receiver of bench/notify_bench.py, which
# tells zgw's notifications from Alertmanager's by their externalURL; sets RECEIVER_URL.
# Call after bench_start_am and bench_start_zgw.
bench_start_receiver() {
	python3 "$BENCH_DIR/notify_bench.py" serve --port "$1" --log "$WORK/received.jsonl" \
		--side "zgw=$ZGW_URL" --side "alertmanager=$AM_URL" >"$WORK/receiver.log" 2>&1 &
	RECEIVER_PID=$!
	bench_track "$RECEIVER_PID"
	RECEIVER_URL=http://127.0.0.1:$1
}

# bench_wait NAME URL PID [curl option...]: waits up to 120 s until URL answers while PID
# lives (pass -f to wait for a 2xx); NAME is the side and its log in $WORK.
bench_wait() {
	local name=$1 url=$2 pid=$3
	shift 3
	for _ in $(seq 120); do
		curl -s "$@" -o /dev/null "$url" && return 0
		kill -0 "$pid" 2>/dev/null || die "$name exited: $WORK/$name.log"
		sleep 1
	done
	die "$name not ready within 120 s: $WORK/$name.log"
}

# bench_wait_ready: waits for Alertmanager, zgw and the receiver (if started).
bench_wait_ready() {
	bench_wait am "$AM_URL/-/ready" "$AM_PID" -f
	bench_wait zgw "$ZGW_URL/actuator/health" "$ZGW_PID"
	[[ -z ${RECEIVER_URL:-} ]] || bench_wait receiver "$RECEIVER_URL/stats" "$RECEIVER_PID" -f
}

# bench_stop PID: stops a side and waits for it, before the other side is loaded.
bench_stop() {
	kill "$1"
	wait "$1" 2>/dev/null || true
}

# bench_field SIDE KEY: every value of KEY=... on the lines of $WORK/results that start
# with SIDE (the RESULT lines of bench/wrk_common.lua, relabelled by the scripts).
bench_field() { grep "^$1 " "$WORK/results" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

# bench_median: the median of the numbers on standard input, one per line.
bench_median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# bench_rss_mb PID: resident set size in MB.
bench_rss_mb() { ps -o rss= -p "$1" | awk '{printf "%d", $1 / 1024}'; }
