#!/usr/bin/env bash
# Fault: `dedup serve` is killed with SIGKILL in the middle of a load run, ROUNDS times, and restarted after DOWN
# seconds. The harness retries refused and broken requests under their idempotency keys, so the load resumes; then
# the database is checked: every acknowledged lead stored, the lead count exact, every merge journal entry belongs to
# a logged decision and its survivor is complete (no merge half done).
#   bench/load/kill-server.sh          # LEADS=1000000 RATE=100 SECONDS_TO_RUN=90 ROUNDS=3 DOWN=3 SCHEMA=load_online
source "$(dirname "$0")/lib.sh"
LEADS=${LEADS:-1000000}
RATE=${RATE:-100}
DURATION=${SECONDS_TO_RUN:-90}
ROUNDS=${ROUNDS:-3}
DOWN=${DOWN:-3}
SCHEMA=${SCHEMA:-load_online}
URL=jdbc:postgresql://127.0.0.1:5432/test
trap stop_server EXIT

prepare kill "$URL" "$SCHEMA"
start_load kill "$URL" "$SCHEMA"
interval=$(( DURATION / (ROUNDS + 1) ))
for round in $(seq 1 "$ROUNDS"); do
    sleep "$interval"
    echo "round $round: SIGKILL to server $SERVER_PID at $(date +%T), $(grep -c . "$OUT/kill.csv") lines acknowledged so far"
    kill -KILL "$SERVER_PID"
    wait "$SERVER_PID" 2> /dev/null || true
    sleep "$DOWN"
    start_server "$OUT/kill.yaml" "$OUT/kill-server.log"
done
finish_fault kill "$URL" "$SCHEMA" "SIGKILL FAULT"
