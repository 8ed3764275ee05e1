#!/usr/bin/env bash
# A freshly started server at the full rate from its first second (issue 20): the harness warms itself, PostgreSQL and
# a first server up (WARMUP seconds), then that server is stopped and a new one started on the same database; once the
# new one answers /health (after its own warm-up, before its port opens) the measured run begins at once. Its first
# six 10-second windows are the server's first minute. Otherwise as run-load.sh (same cluster, tenant and checks).
#   bench/load/run-fresh-server.sh              # LEADS=1000000 RATE=1000 SECONDS_TO_RUN=120 WARMUP=60 SCHEMA=load_online
#   REPORT_SECONDS=1 bench/load/run-fresh-server.sh   # the latency printed every second instead of every 10
source "$(dirname "$0")/lib.sh"
LEADS=${LEADS:-1000000}
RATE=${RATE:-1000}
DURATION=${SECONDS_TO_RUN:-120}
WARMUP=${WARMUP:-60}
SCHEMA=${SCHEMA:-load_online}
PG_PORT=5434
URL=jdbc:postgresql://127.0.0.1:$PG_PORT/test
FLAG="$OUT/restart-server.flag"
trap stop_server EXIT

own_cluster load "$PG_PORT" "$ROOT/bench/load/postgresql-load.conf"
prepare load "$URL" "$SCHEMA"
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d test -qc "create extension if not exists pg_stat_statements" > /dev/null
rm -f "$FLAG"
# a run that fails before it writes its acks must not be verified on the last run's
rm -f "$OUT/acks.csv" "$OUT/warmup.csv"
set +e
harness run leads="$LEADS" schema="$SCHEMA" url="$URL" rate="$RATE" seconds="$DURATION" acks="$OUT/acks.csv" \
    warmupSeconds="$WARMUP" warmupAcks="$OUT/warmup.csv" restartFlag="$FLAG" reportSeconds="${REPORT_SECONDS:-10}" &
LOAD_PID=$!
while kill -0 "$LOAD_PID" 2> /dev/null && [[ ! -f "$FLAG" ]]; do
    sleep 0.2
done
if [[ -f "$FLAG" ]]; then
    stop_server
    echo "first server stopped at $(date +%T); starting a new one"
    : > "$OUT/load-fresh-server.log"
    start_server "$OUT/load.yaml" "$OUT/load-fresh-server.log"
    grep "warmed up" "$OUT/load-fresh-server.log" | cut -c1-400
    echo "new server's port open at $(date +%T): the run begins"
    rm -f "$FLAG"
fi
wait "$LOAD_PID"
ran=$?
harness verify schema="$SCHEMA" url="$URL" acks="$OUT/acks.csv"
verified=$?
set -e
(( ran == 0 && verified == 0 )) && echo "FRESH SERVER LOAD HELD" || { echo "FRESH SERVER LOAD FAILED (run $ran, verify $verified)"; exit 1; }
