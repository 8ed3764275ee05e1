# Shared by the load and fault scripts: build, configure and start `dedup serve`, run the harness.
# Sourced, not run. Only 127.0.0.1 is ever contacted; every wait below is bounded.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/scripts/jdk.sh"
JAVA="$JAVA_HOME/bin/java"
PORT=${PORT:-18471}
API_KEY=load-tenant-key-0001
OUT=${OUT:-$ROOT/bench/load/out}
mkdir -p "$OUT"
SERVER_PID=

build() {
    if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
        (cd "$ROOT" && ./mvnw -B -q -pl bench,dedup-app -am package -DskipTests)
    fi
}

harness() {
    # shellcheck disable=SC2086 # HARNESS_JAVA_OPTS is a list of options
    "$JAVA" -Xmx2g ${HARNESS_JAVA_OPTS:-} -cp "$ROOT/bench/target/benchmarks.jar" org.dedup.bench.load.LoadHarness "$@"
}

# write_config FILE JDBC_URL SCHEMA: the server's configuration, one tenant "load" (METHODS, default email and phone; GB numbers),
# arrivals decided by ARRIVAL_WORKERS workers (default 2) in batches of at most MAX_ARRIVAL_BATCH (default 32), a lead a
# worker finds alone waiting ARRIVAL_LINGER_MICROS (default 0, as the product's) for a second one.
# The seed stored the tenant's methods and standardization as its settings; the file's win at start (settingsSource:
# file) so that its policies apply, and with the same methods the server finds them indexed and starts no reindex.
# Two workers, not the product's default of 4: with PostgreSQL, the server and the harness on the same 2 cores, more
# workers make smaller batches, more transactions and more CPU per arrival. Since a batch takes five round trips
# (thirteenth pass), one worker waits on them most of the time and two do better; three do worse (1,000/s, 120 s:
# p99 54.0 and 61.2 ms with two, 68.6 with one, 88 with three; BENCHMARKS.md).
# A pool of 4 (POOL_SIZE): with PostgreSQL on the same 2 cores, 16 busy sessions queue for the CPU at every round
# trip (at 250/s the 10-second p99 was 123-210 ms with 16 connections, 50-72 ms with 4; BENCHMARKS.md).
write_config() {
    cat > "$1" <<YAML
database:
  url: $2
  user: postgres
  password: ""
  schema: $3
  poolSize: ${POOL_SIZE:-4}
http:
  port: $PORT
  arrivalWorkers: ${ARRIVAL_WORKERS:-2}
  maxArrivalBatch: ${MAX_ARRIVAL_BATCH:-32}
  arrivalLingerMicros: ${ARRIVAL_LINGER_MICROS:-0}
tenants:
  - id: load
    apiKey: $API_KEY
    settingsSource: file
    methods: [${METHODS:-email, phone}]
    defaultRegion: GB
    conflictPolicy: update_existing
    multiMatchPolicy: update_newest
YAML
}

# start_server CONFIG LOG: `dedup serve` as its own process (JVM options SERVER_JAVA_OPTS, default a fixed 1 GB
# heap); returns once /health answers (at most 180 s: the port opens after the server's warm-up, 120 s at most).
start_server() {
    local jfr=()
    if [[ -n "${SERVER_JFR:-}" ]]; then
        jfr=("-XX:StartFlightRecording=filename=$SERVER_JFR,settings=profile")
    fi
    # shellcheck disable=SC2086 # SERVER_JAVA_OPTS is a list of options
    "$JAVA" ${SERVER_JAVA_OPTS:--Xms1g -Xmx1g} "${jfr[@]}" -jar "$ROOT/dedup-app/target/dedup-app.jar" --config "$1" serve >> "$2" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 360); do
        if curl -sf "http://127.0.0.1:$PORT/health" > /dev/null; then
            echo "server $SERVER_PID up on 127.0.0.1:$PORT"
            return 0
        fi
        if ! kill -0 "$SERVER_PID" 2> /dev/null; then
            echo "server exited; see $2" >&2
            return 1
        fi
        sleep 0.5
    done
    echo "server did not answer /health within 180 s" >&2
    return 1
}

stop_server() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2> /dev/null; then
        kill "$SERVER_PID"
        wait "$SERVER_PID" 2> /dev/null || true
    fi
    SERVER_PID=
}

# own_cluster NAME PORT [CONF]: a PostgreSQL 15 cluster of the harness's own (never the shared one on 5432), created
# on first use with CONF appended to its postgresql.conf, started, with a database "test".
own_cluster() {
    if ! pg_lsclusters -h | awk '{print $2}' | grep -qx "$1"; then
        pg_createcluster 15 "$1" -p "$2" -- --auth-host=trust --auth-local=trust > /dev/null
        if [[ -n "${3:-}" ]]; then
            cat "$3" >> "/etc/postgresql/15/$1/postgresql.conf"
        else
            echo "listen_addresses = '127.0.0.1'" >> "/etc/postgresql/15/$1/postgresql.conf"
        fi
    fi
    pg_ctlcluster --skip-systemctl-redirect 15 "$1" start 2> /dev/null || true
    psql -h 127.0.0.1 -p "$2" -U postgres -d postgres -qtc "select 1 from pg_database where datname = 'test'" \
        | grep -q 1 || psql -h 127.0.0.1 -p "$2" -U postgres -d postgres -qc "create database test"
}

load_average() {
    cut -d' ' -f1-3 /proc/loadavg
}

# prepare NAME URL SCHEMA: the tenant seeded (or reset) and a server started on it, configured in $OUT/NAME.yaml.
prepare() {
    build
    harness seed leads="$LEADS" schema="$3" url="$2" methods="${METHODS:-email, phone}"
    write_config "$OUT/$1.yaml" "$2" "$3"
    : > "$OUT/$1-server.log"
    start_server "$OUT/$1.yaml" "$OUT/$1-server.log"
}

# start_load NAME URL SCHEMA: the harness in the background (LOAD_PID), acknowledgements in $OUT/NAME.csv.
start_load() {
    harness run leads="$LEADS" schema="$3" url="$2" rate="$RATE" seconds="$DURATION" retrySeconds="${RETRY_SECONDS:-120}" \
        acks="$OUT/$1.csv" > "$OUT/$1-run.log" 2>&1 &
    LOAD_PID=$!
}

# finish_fault NAME URL SCHEMA TITLE: waits for the harness, verifies the database, says whether the fault held.
finish_fault() {
    set +e
    wait "$LOAD_PID"
    local ran=$?
    grep -v "^INFO\|^[A-Z][a-z][a-z] [0-9]" "$OUT/$1-run.log" | tail -4
    if grep -q . "$OUT/$1-server.log"; then
        echo "server log: $(grep -c 'database is unavailable' "$OUT/$1-server.log") requests refused with 503," \
            "$(grep -c 'unexpected failure' "$OUT/$1-server.log") unexpected failures (500)"
    fi
    harness verify schema="$3" url="$2" acks="$OUT/$1.csv"
    local verified=$?
    set -e
    if (( ran == 0 && verified == 0 )); then
        echo "$4 HELD"
    else
        echo "$4 FAILED (run $ran, verify $verified)"
        return 1
    fi
}
