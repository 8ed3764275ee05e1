#!/usr/bin/env bash
# Opens an evaluation report (dedup evaluate --report DIR writes DIR/<dataset>.html) in a real headless Chromium,
# checks that every section rendered, and saves a screenshot.
#   bench/ml/check-report.sh REPORT.html [SCREENSHOT.png]
# Exit 0: the report renders with every section; 1: a section is missing; 77: skipped, Chromium is not installed.
set -euo pipefail
report=$(realpath "$1")
screenshot=${2:-${report%.html}.png}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "################################################################################" >&2
  echo "SKIPPED: the evaluation report was NOT checked in a browser: Chromium is missing." >&2
  echo "Install Debian's packages 'chromium' and 'chromium-driver':" >&2
  echo "  apt-get update && apt-get install -y chromium chromium-driver" >&2
  echo "################################################################################" >&2
  exit 77
fi
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --user-data-dir="$(mktemp -d)")
dom=$("$browser" "${flags[@]}" --dump-dom "file://$report" 2>/dev/null)
missing=0
for section in "At the merge threshold" "Precision-recall curve" "<polyline" "Calibration" "<circle" \
    "Feature importance" "Blocking" "largest blocks" "Per threshold" "worst false positives" "worst false negatives"; do
  if ! grep -qF "$section" <<<"$dom"; then
    echo "MISSING in the rendered page: $section" >&2
    missing=1
  fi
done
points=$(grep -o '<polyline[^>]*points="[^"]*"' <<<"$dom" | head -1 | grep -o '[0-9.]*,[0-9.]*' | wc -l)
if [ "$points" -lt 10 ]; then
  echo "the precision-recall curve has $points points" >&2
  missing=1
fi
"$browser" "${flags[@]}" --window-size=1280,1500 --screenshot="$screenshot" "file://$report" 2>/dev/null
echo "rendered in $("$browser" --version 2>/dev/null): every section present, curve of $points points; screenshot $screenshot"
exit $missing
