#!/usr/bin/env bash
# Fault: PostgreSQL is restarted in the middle of a load run, ROUNDS times (stopped with -m MODE, started again after
# DOWN seconds). It is a second cluster of this script's own ("faults", port 5433), so the shared server on 5432 is
# never touched. Requests meanwhile must get 503 (never another error), the harness retries them under their
# idempotency keys, and afterwards every acknowledged lead is stored and the merge journal is consistent.
#   bench/load/restart-postgres.sh     # LEADS=200000 RATE=100 SECONDS_TO_RUN=90 ROUNDS=2 DOWN=5 MODE=fast
source "$(dirname "$0")/lib.sh"
LEADS=${LEADS:-200000}
RATE=${RATE:-100}
DURATION=${SECONDS_TO_RUN:-90}
ROUNDS=${ROUNDS:-2}
DOWN=${DOWN:-5}
MODE=${MODE:-fast}
PG_PORT=5433
SCHEMA=load_faults
URL=jdbc:postgresql://127.0.0.1:$PG_PORT/test
trap stop_server EXIT

own_cluster faults "$PG_PORT"
prepare pg "$URL" "$SCHEMA"
start_load pg "$URL" "$SCHEMA"
interval=$(( DURATION / (ROUNDS + 1) ))
for round in $(seq 1 "$ROUNDS"); do
    sleep "$interval"
    echo "round $round: PostgreSQL (port $PG_PORT) stopped -m $MODE at $(date +%T)"
    pg_ctlcluster --skip-systemctl-redirect 15 faults stop -m "$MODE"
    sleep "$DOWN"
    pg_ctlcluster --skip-systemctl-redirect 15 faults start
    echo "round $round: PostgreSQL started again at $(date +%T)"
done
finish_fault pg "$URL" "$SCHEMA" "POSTGRESQL RESTART FAULT"
