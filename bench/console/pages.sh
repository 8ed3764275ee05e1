#!/usr/bin/env bash
# Times each console page with curl after signing in: warm-up requests first, then RUNS timed requests per page;
# prints p50, p95 and max in milliseconds, and the load average (the machine is shared).
#   ./dedup demo --serve --port 8091 &        # prints the console's address and the demo tenant's key
#   bench/console/pages.sh http://127.0.0.1:8091 <key> [RUNS]
set -euo pipefail
base=${1:?console base URL, e.g. http://127.0.0.1:8091}
key=${2:?the demo tenant API key printed by dedup demo --serve}
runs=${3:-50}
warmup=10
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT

status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" --data-urlencode "apiKey=$key" "$base/console/sign-in")
[ "$status" = 303 ] || { echo "sign-in failed: HTTP $status" >&2; exit 1; }

item=$(curl -s -b "$jar" "$base/console/review" | grep -o '/console/review/[0-9a-f-]\{36\}' | head -1 || true)
pages=(/console/review /console/groups /console/merges /console/decisions /console/settings /console/rules /console/model)
[ -n "$item" ] && pages+=("$item")

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-40s %6s %8s %8s %8s\n' page runs p50_ms p95_ms max_ms
for page in "${pages[@]}"; do
  for _ in $(seq "$warmup"); do curl -s -o /dev/null -b "$jar" "$base$page"; done
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$base$page")
  [ "$code" = 200 ] || { echo "$page answered HTTP $code" >&2; exit 1; }
  times=$(for _ in $(seq "$runs"); do curl -s -o /dev/null -b "$jar" -w '%{time_total}\n' "$base$page"; done | sort -n)
  pick() { echo "$times" | awk -v q="$1" '{ a[NR] = $1 } END { i = int(NR * q + 0.999999); if (i < 1) i = 1; printf "%.1f", a[i] * 1000 }'; }
  label=$page; [ "$page" = "$item" ] && label="/console/review/<item>"
  printf '%-40s %6d %8s %8s %8s\n' "$label" "$runs" "$(pick 0.50)" "$(pick 0.95)" "$(pick 1.0)"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
