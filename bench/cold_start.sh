#!/usr/bin/env bash
# Times a cold `conventio render` of the kitchen sink (process start, Lua, both formats,
# files written), as a drafter running one document experiences it. Prints the mean of N runs.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
start=$(date +%s%N)
for _ in $(seq "$n"); do
  build/conventio render samples/kitchen-sink.lua --data samples/kitchen-sink.json --format odt,docx -o "$out/ks.odt"
done
end=$(date +%s%N)
awk -v ns=$((end - start)) -v n="$n" 'BEGIN { printf "cold render (odt+docx): %.2f ms per run over %d runs\n", ns / n / 1e6, n }'
