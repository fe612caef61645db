#!/usr/bin/env bash
# Times a cold `conventio render` of the kitchen sink (process start, Lua, both formats,
# files written), as a drafter running one document experiences it. Prints the mean of N runs.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
time_runs() {  # label, then the render arguments
  local label=$1; shift
  local start end
  start=$(date +%s%N)
  for _ in $(seq "$n"); do build/conventio render "$@"; done
  end=$(date +%s%N)
  awk -v ns=$((end - start)) -v n="$n" -v l="$label" \
    'BEGIN { printf "cold render %-24s %6.2f ms per run over %d runs\n", l, ns / n / 1e6, n }'
}
time_runs "kitchen sink, docx" samples/kitchen-sink.lua --data samples/kitchen-sink.json -o "$out/ks.docx"
time_runs "kitchen sink, odt+docx" samples/kitchen-sink.lua --data samples/kitchen-sink.json --format odt,docx -o "$out/ks.odt"
time_runs "Cerema 2023, odt+docx" samples/cerema-urbanvitaliz-2023.lua --data samples/cerema-urbanvitaliz-2023.json \
  --format odt,docx -o "$out/cerema.odt"
