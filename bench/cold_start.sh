#!/usr/bin/env bash
# Times cold runs of build/conventio as a drafter running one document experiences them
# (process start, Lua, templates, the format(s), files written), beside `true` and
# `conventio --version` for scale. For each: wall time and CPU time (user + system) per run,
# averaged over N runs (default 50). Build first with tools/build (RelWithDebInfo).
#
#   bench/cold_start.sh [N]          CONVENTIO_BIN=path/to/conventio picks another build
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50}
bin=${CONVENTIO_BIN:-build/conventio}  # another build to compare with
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
TIMEFORMAT='%R %U %S'

time_runs() {  # label, then the command
    local label=$1
    shift
    "$@" >/dev/null 2>&1  # once before timing, so the files are in the page cache
    local times
    # The command's own messages (a data warning) must not mix with the times read below.
    times=$( { time (for _ in $(seq "$n"); do "$@" >/dev/null 2>&1; done); } 2>&1 )
    awk -v t="$times" -v n="$n" -v l="$label" 'BEGIN {
        split(t, f, " ");
        printf "%-32s wall %6.2f ms   cpu %6.2f ms   per run over %d runs\n", l, f[1] * 1000 / n, (f[2] + f[3]) * 1000 / n, n }'
}

cerema=(samples/cerema-urbanvitaliz-2023.lua --data samples/cerema-urbanvitaliz-2023.json)
time_runs "true" /bin/true
time_runs "conventio --version" "$bin" --version
time_runs "render Cerema 2023, odt" "$bin" render "${cerema[@]}" -o "$out/cerema.odt"
time_runs "render Cerema 2023, docx" "$bin" render "${cerema[@]}" -o "$out/cerema.docx"
time_runs "render Cerema 2023, odt+docx" "$bin" render "${cerema[@]}" --format odt,docx -o "$out/c2.odt"
# A render ends with an fsync of the document (it is on disk when the command returns): on a
# busy disk that wait is most of the wall time. The same render into memory (tmpfs), where the
# fsync costs nothing, shows the program's own time.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
    shm=$(mktemp -d /dev/shm/conventio-bench.XXXXXX)
    trap 'rm -rf "$out" "$shm"' EXIT
    time_runs "render Cerema 2023, docx, tmpfs" "$bin" render "${cerema[@]}" -o "$shm/cerema.docx"
fi
time_runs "render kitchen sink, docx" "$bin" render samples/kitchen-sink.lua \
    --data samples/kitchen-sink.json -o "$out/ks.docx"
