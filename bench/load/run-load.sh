#!/usr/bin/env bash
# Online load (issue 7): a 1,000,000-lead tenant in PostgreSQL, `dedup serve` as a separate process, the harness
# sending incoming leads open loop for 5 minutes, then every acknowledged decision checked in the database.
# PostgreSQL is a cluster of the harness's own ("load", port 5434) with the settings in postgresql-load.conf.
#   bench/load/run-load.sh                      # LEADS=1000000 RATE=1000 SECONDS=300 WARMUP=90 SCHEMA=load_online
#   SKIP_BUILD=1 RATE=1200 bench/load/run-load.sh
# Output (harness lines, server log) goes to bench/load/out/.
source "$(dirname "$0")/lib.sh"
LEADS=${LEADS:-1000000}
RATE=${RATE:-1000}
DURATION=${SECONDS_TO_RUN:-300}
WARMUP=${WARMUP:-90}
# the server starts cold: its first 30-50 s at 1,000/s, while the JIT compiles, build a backlog of seconds. The warm-up
# runs at the full rate long enough to clear it, and is verified like the run but not reported.
WARMUP_RATE=${WARMUP_RATE:-$RATE}
SCHEMA=${SCHEMA:-load_online}
PG_PORT=5434
URL=jdbc:postgresql://127.0.0.1:$PG_PORT/test
trap stop_server EXIT

own_cluster load "$PG_PORT" "$ROOT/bench/load/postgresql-load.conf"
prepare load "$URL" "$SCHEMA"
echo "load average before: $(load_average)"
# statement statistics restart after the warm-up (the harness resets them)
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d test -qc "create extension if not exists pg_stat_statements" > /dev/null
# a run that fails before it writes its acks must not be verified on the last run's
rm -f "$OUT/acks.csv" "$OUT/warmup.csv"
set +e
harness run leads="$LEADS" schema="$SCHEMA" url="$URL" rate="$RATE" seconds="$DURATION" acks="$OUT/acks.csv" \
    warmupSeconds="$WARMUP" warmupRate="$WARMUP_RATE" warmupAcks="$OUT/warmup.csv" reportSeconds="${REPORT_SECONDS:-10}"
ran=$?
echo "load average after: $(load_average)"
echo "arrival batches (server metrics, warm-up included):"
curl -sf "http://127.0.0.1:$PORT/metrics" | grep '^dedup_arrival' || true
harness verify schema="$SCHEMA" url="$URL" acks="$OUT/acks.csv"
verified=$?
echo "statements of the run, by total time in PostgreSQL:"
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d test -c "select calls, round(total_exec_time::numeric, 0) as total_ms,
    round(mean_exec_time::numeric, 3) as mean_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 110) as statement
    from pg_stat_statements order by total_exec_time desc limit 15"
set -e
(( ran == 0 && verified == 0 )) && echo "ONLINE LOAD HELD" || { echo "ONLINE LOAD FAILED (run $ran, verify $verified)"; exit 1; }
