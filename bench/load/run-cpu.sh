#!/usr/bin/env bash
# CPU per arrival (the online load's cost, measurable on a busy machine where latency is not): the tenant seeded or
# reset as by run-load.sh, `dedup serve` started, a warm-up at RATE, then RUNS measured runs of SECONDS_TO_RUN at
# RATE, each reporting the CPU time the server process and the PostgreSQL backends serving its connections used,
# divided by the arrivals sent (every one acknowledged, then verified in the database).
#   SCHEMA=load_perf bench/load/run-cpu.sh        # LEADS=1000000 RATE=100 SECONDS_TO_RUN=60 WARMUP=60 RUNS=3
#   METHODS="email, phone, big_data" SKIP_BUILD=1 SCHEMA=load_perf bench/load/run-cpu.sh
#   ROUND_TRIPS=1 RATE=30 bench/load/run-cpu.sh    # also counts the backends' sends (round trips) with strace
# The warm-up is a run of its own (no statement statistics are reset, so another run on the same cluster keeps
# its own). The cluster's background processes are counted too ("cluster", every postgres process of port 5434),
# but they also serve whatever else uses the cluster at the time; "backends" are this server's connections only.
# its own port, so that a run-load.sh at the same time keeps its server to itself
PORT=${PORT:-18571}
source "$(dirname "$0")/lib.sh"
LEADS=${LEADS:-1000000}
RATE=${RATE:-100}
DURATION=${SECONDS_TO_RUN:-60}
WARMUP=${WARMUP:-60}
RUNS=${RUNS:-3}
SCHEMA=${SCHEMA:-load_perf}
PG_PORT=5434
URL=jdbc:postgresql://127.0.0.1:$PG_PORT/test
trap stop_server EXIT

# ticks PID...: user + system CPU clock ticks of the processes (fields 14 and 15 of /proc/PID/stat)
ticks() {
    local total=0 pid
    for pid in "$@"; do
        if [[ -r /proc/$pid/stat ]]; then
            total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
        fi
    done
    echo "$total"
}

# the PostgreSQL backends whose client is the server process (its sockets to port 5434)
server_backends() {
    local ports
    ports=$(ss -tnpH "dport = :$PG_PORT" | grep "pid=$SERVER_PID," | awk '{n = split($4, a, ":"); print a[n]}' | paste -sd,)
    [[ -n "$ports" ]] && psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d test -qtAc \
        "select pid from pg_stat_activity where client_port in ($ports)"
}

cluster_processes() {
    local postmaster
    postmaster=$(head -1 /var/lib/postgresql/15/load/postmaster.pid)
    echo "$postmaster" $(pgrep -P "$postmaster")
}

own_cluster load "$PG_PORT" "$ROOT/bench/load/postgresql-load.conf"
prepare cpu "$URL" "$SCHEMA"
# the warm-up need not keep up (a cold server on a busy machine may not): it is verified, not measured
harness run server="http://127.0.0.1:$PORT" leads="$LEADS" schema="$SCHEMA" url="$URL" rate="$RATE" \
    seconds="$WARMUP" acks="$OUT/cpu-warmup.csv" > "$OUT/cpu-warmup.log" 2>&1 || echo "warm-up: harness exit $?"
grep '^RESULT' "$OUT/cpu-warmup.log" || true
harness verify schema="$SCHEMA" url="$URL" acks="$OUT/cpu-warmup.csv" | tail -1
hz=$(getconf CLK_TCK)
failed=0
for run in $(seq 1 "$RUNS"); do
    backends=$(server_backends)
    load_before=$(load_average)
    s0=$(ticks "$SERVER_PID"); b0=$(ticks $backends); c0=$(ticks $(cluster_processes))
    if [[ "${ROUND_TRIPS:-0}" == 1 ]]; then
        # a backend answers each round trip with one send (at the Sync that ends it): sends per arrival are round
        # trips per arrival, whatever the machine's load. strace slows the backends: CPU figures of such a run are not
        # comparable with those of a run without it
        # shellcheck disable=SC2046 # one -p per backend
        strace -c -e trace=sendto $(printf -- '-p %s ' $backends) -o "$OUT/cpu-$run-sends.txt" 2> /dev/null &
        STRACE_PID=$!
    fi
    set +e
    harness run server="http://127.0.0.1:$PORT" leads="$LEADS" schema="$SCHEMA" url="$URL" rate="$RATE" seconds="$DURATION" \
        acks="$OUT/cpu-$run.csv" > "$OUT/cpu-$run.log" 2>&1
    ran=$?
    grep '^RESULT' "$OUT/cpu-$run.log" || true
    set -e
    if [[ -n "${STRACE_PID:-}" ]]; then
        kill -INT "$STRACE_PID"
        wait "$STRACE_PID" 2> /dev/null || true
        echo "run $run: $(awk '$NF == "sendto" {print $4}' "$OUT/cpu-$run-sends.txt") sends by the server's backends"
    fi
    s1=$(ticks "$SERVER_PID"); b1=$(ticks $backends); c1=$(ticks $(cluster_processes))
    arrivals=$(grep -vc '^#' "$OUT/cpu-$run.csv" || true)
    if [[ "$(server_backends | sort | paste -sd' ')" != "$(echo $backends | tr ' ' '\n' | sort | paste -sd' ')" ]]; then
        echo "run $run: the server's connections changed during the run; backends figure not comparable"
    fi
    awk -v r="$run" -v n="$arrivals" -v hz="$hz" -v s=$((s1 - s0)) -v b=$((b1 - b0)) -v c=$((c1 - c0)) \
        -v lb="$load_before" -v la="$(load_average)" -v ran="$ran" 'BEGIN {
        printf "run %d: %d arrivals (harness exit %d); CPU ms per arrival: server %.3f, its backends %.3f, " \
               "server + backends %.3f, whole cluster %.3f; load average %s before, %s after\n",
               r, n, ran, 1000 * s / hz / n, 1000 * b / hz / n, 1000 * (s + b) / hz / n, 1000 * c / hz / n, lb, la }'
    (( ran == 0 )) || failed=1
    # at once: the check counts the tenant's leads against those before the run and the run's creations
    harness verify schema="$SCHEMA" url="$URL" acks="$OUT/cpu-$run.csv" | tail -1 || failed=1
done
(( failed == 0 )) && echo "CPU RUNS HELD" || { echo "CPU RUNS FAILED"; exit 1; }
