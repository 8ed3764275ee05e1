#!/usr/bin/env bash
# Online load (issue 7): a 1,000,000-lead tenant in PostgreSQL, `dedup serve` as a separate process, the harness
# sending incoming leads open loop for 5 minutes, then every acknowledged decision checked in the database.
#   bench/load/run-load.sh                      # LEADS=1000000 RATE=1000 SECONDS=300 WARMUP=30 SCHEMA=load_online
#   SKIP_BUILD=1 RATE=1200 bench/load/run-load.sh
# Output (harness lines, server log) goes to bench/load/out/.
source "$(dirname "$0")/lib.sh"
LEADS=${LEADS:-1000000}
RATE=${RATE:-1000}
DURATION=${SECONDS_TO_RUN:-300}
WARMUP=${WARMUP:-30}
SCHEMA=${SCHEMA:-load_online}
URL=jdbc:postgresql://127.0.0.1:5432/test
trap stop_server EXIT

prepare load "$URL" "$SCHEMA"
if (( WARMUP > 0 )); then
    echo "warm-up: $WARMUP s at $RATE/s (verified, not reported)"
    harness run leads="$LEADS" schema="$SCHEMA" url="$URL" rate="$RATE" seconds="$WARMUP" acks="$OUT/warmup.csv" \
        | grep RESULT
    harness verify schema="$SCHEMA" url="$URL" acks="$OUT/warmup.csv"
fi
echo "load average before: $(load_average)"
set +e
harness run leads="$LEADS" schema="$SCHEMA" url="$URL" rate="$RATE" seconds="$DURATION" acks="$OUT/acks.csv"
ran=$?
echo "load average after: $(load_average)"
harness verify schema="$SCHEMA" url="$URL" acks="$OUT/acks.csv"
verified=$?
set -e
(( ran == 0 && verified == 0 )) && echo "ONLINE LOAD HELD" || { echo "ONLINE LOAD FAILED (run $ran, verify $verified)"; exit 1; }
