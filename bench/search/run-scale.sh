#!/usr/bin/env bash
# The bulk search at scale (BENCHMARKS.md, "Bulk search at 1, 3 and 10 million records"): one run, measured with
# /usr/bin/time -v, the load average before and after. Build first (from the repository's root):
#   ./mvnw -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
#     -Dmdep.includeScope=compile -pl dedup-spark,bench -am
#   bench/search/run-scale.sh jars                 # copies the jars to $WORK/jars, so a rebuild does not change a run
#   java -Xmx256m -cp $WORK/jars/benchmarks.jar org.dedup.bench.data.PersonTenantCsv 1000000 $WORK/contacts-1000000.csv
#   bench/search/run-scale.sh single 1000000       # SpillingSearchHarness, -Xmx4g
#   bench/search/run-scale.sh spark 1000000 4      # dedup spark-scan in local[2], partitions, SPARK_HEAP (4g)
#   bench/search/run-scale.sh compare 1000000      # the two runs' groups, one by one
set -euo pipefail
cd "$(dirname "$0")/../.."
# not /tmp: a restart empties it, and a 10,000,000-record run takes longer than some uptimes here
WORK=${WORK:-/work/scale}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
mode=$1
n=${2:-1000000}
log=$WORK/$mode-$n.log
spark_cp() { echo "$WORK/jars/dedup-spark.jar:$(cat "$WORK/jars/classpath.txt")"; }
case $mode in
  jars)
    mkdir -p "$WORK/jars"
    cp bench/target/benchmarks.jar "$WORK/jars/"
    cp dedup-spark/target/dedup-spark-0.1.0-SNAPSHOT.jar "$WORK/jars/dedup-spark.jar"
    cp dedup-spark/target/classes/dedup-spark-jvm.options "$WORK/jars/"
    # the class path names the other modules' jars in this worktree: copy them too
    cp_line=""
    IFS=: read -ra entries < dedup-spark/target/classpath.txt || true  # no newline at its end
    for entry in "${entries[@]}"; do
      if [[ $entry == $PWD/* ]]; then
        copy="$WORK/jars/$(basename "$(dirname "$(dirname "$entry")")")-$(basename "$entry")"
        cp -r "$entry" "$copy"
        entry=$copy
      fi
      cp_line="${cp_line:+$cp_line:}$entry"
    done
    echo "$cp_line" > "$WORK/jars/classpath.txt"
    exit 0 ;;
  single)
    # the GC log gives the heap in use after each collection: what the search held, not the heap it was allowed
    cmd=("$JAVA" -Xmx4g "-Xlog:gc:file=$WORK/single-$n-gc.log" -cp "$WORK/jars/benchmarks.jar"
         org.dedup.bench.search.SpillingSearchHarness
         "input=$WORK/contacts-$n.csv" "spill=$WORK/spill" "groups=$WORK/single-groups-$n.txt") ;;
  spark)
    cmd=("$JAVA" "-Xmx${SPARK_HEAP:-4g}" "-Xlog:gc:file=$WORK/spark-$n-gc.log" "@$WORK/jars/dedup-spark-jvm.options" -cp "$(spark_cp)"
         -Dspark.local.dir="$WORK/spill" org.dedup.spark.SparkScanCommand --input "$WORK/contacts-$n.csv"
         --format csv --output "$WORK/spark-groups-$n.parquet" --partitions "${3:-4}") ;;
  compare)
    "$JAVA" -Xmx4g "@$WORK/jars/dedup-spark-jvm.options" -cp "$(spark_cp)" org.dedup.spark.GroupLines \
      "$WORK/spark-groups-$n.parquet" "$WORK/spark-groups-$n.txt" 2> "$WORK/compare-$n.err"
    LC_ALL=C sort "$WORK/spark-groups-$n.txt" > "$WORK/spark-groups-$n.sorted"
    LC_ALL=C sort "$WORK/single-groups-$n.txt" > "$WORK/single-groups-$n.sorted"
    wc -l "$WORK/spark-groups-$n.sorted" "$WORK/single-groups-$n.sorted"
    if cmp -s "$WORK/spark-groups-$n.sorted" "$WORK/single-groups-$n.sorted"; then
      echo "identical: every group, its members and rules"
    else
      echo "DIFFERENT: $(LC_ALL=C comm -3 "$WORK/spark-groups-$n.sorted" "$WORK/single-groups-$n.sorted" | wc -l) lines differ"
    fi
    exit 0 ;;
  *) echo "usage: $0 jars | single N | spark N [partitions] | compare N" >&2; exit 2 ;;
esac
mkdir -p "$WORK/spill"
# every 30 s while it runs: the load, the memory left, the process's RSS and the spill directory's size
( while sleep 30; do
    echo "$(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg) avail $(free -m | awk '/Mem:/ {print $7}') MB" \
      "rss $(ps -o rss= -p "$(pgrep -n -f "java.*$WORK/contacts-$n.csv")") kB spill $(du -sm "$WORK/spill" | cut -f1) MB" \
      "disk free $(df -m --output=avail "$WORK" | tail -1) MB"
  done ) > "$WORK/$mode-$n.samples" 2>&1 &
sampler=$!
trap 'kill $sampler' EXIT
{
  echo "started $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "command: ${cmd[*]}"
  /usr/bin/time -v "${cmd[@]}"
  echo "ended $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$log" 2>&1
grep -E "^(started|ended)|records|groups|Elapsed|Maximum resident|Exit status|pairs compared" "$log"
