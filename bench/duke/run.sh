#!/usr/bin/env bash
# Side by side with Duke (issue 7): builds bench-duke and runs dedup and Duke on febrl3, febrl4 and generated
# tenants, each engine in its own JVM, printing Markdown tables with the ratios ours/Duke.
#
#   bench/duke/run.sh                                  # everything: febrl3 febrl4 tenant-100000 tenant-1000000
#   bench/duke/run.sh febrl3 febrl4                    # some tasks only
#   DUKE_LIMIT=600 bench/duke/run.sh tenant-1000000    # stop Duke after 600 s and extrapolate (default 1800)
#
# Picks a JDK 21 or newer as ./dedup does (scripts/jdk.sh). Never installs anything into ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/jdk.sh
tasks=("$@")
if [[ ${#tasks[@]} -eq 0 ]]; then
  tasks=(febrl3 febrl4 tenant-100000 tenant-1000000)
fi
./mvnw -B -q -pl bench/duke -am package -DskipTests
out=bench/duke/target/side-by-side.md
echo "uptime: $(uptime)" | tee "$out"
"$JAVA_HOME/bin/java" -cp bench/duke/target/bench-duke.jar org.dedup.bench.duke.SideBySide "${tasks[@]}" \
    --duke-limit "${DUKE_LIMIT:-1800}" --xmx-febrl "${XMX_FEBRL:-2g}" --xmx-tenant "${XMX_TENANT:-12g}" | tee -a "$out"
echo "uptime: $(uptime)" | tee -a "$out"
echo "tables written to $out"
