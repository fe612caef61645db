#!/usr/bin/env bash
# Batch throughput as a user gets it: `conventio batch` on N avenants (samples/batch's row
# script on departements.csv repeated, each row a département of its own name) and on M full
# Cerema agreements (the sample's data as every row), one format, written to disk. Prints, for
# -j 1 and -j 2, documents per second (wall) and per CPU-second (user + system: what the
# figure would be on an idle machine), peak RSS at 1 000 and N rows, from a CSV and from the
# same rows as one .json array (it should stay flat),
# then the split of one document's time in a warm worker (bench/batch_split.cpp), and an avenant
# row built up stage by stage (bench/avenant_stages/): where its Lua time goes.
# Build first (tools/build, RelWithDebInfo). Not a test: it prints figures, never fails on time.
#
#   bench/batch_bench.sh [N=10000] [M=1000]   CONVENTIO_BIN, CONVENTIO_SPLIT_BIN pick other builds
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
m=${2:-1000}
bin=${CONVENTIO_BIN:-build/conventio}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 - "$work" "$n" "$m" <<'PY'
import csv, json, sys
work, n, m = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open("samples/batch/departements.csv", encoding="utf-8-sig", newline="") as f:
    rows = list(csv.DictReader(f))
def write(name, count):
    with open(f"{work}/{name}", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\r\n")
        w.writeheader()
        for i in range(count):
            r = dict(rows[i % len(rows)])
            r["code"] = f"{r['code']}-{i // len(rows) + 1}"   # unique names
            w.writerow(r)
write("avenants.csv", n)
write("avenants-1000.csv", min(n, 1000))
def write_json(name, count):  # the same rows as one JSON array, one line, as json.dump exports it
    with open(f"{work}/{name}", "w", encoding="utf-8") as f:
        json.dump([dict(rows[i % len(rows)], code=f"{rows[i % len(rows)]['code']}-{i // len(rows) + 1}")
                   for i in range(count)], f, ensure_ascii=False)
write_json("avenants.json", n)
write_json("avenants-1000.json", min(n, 1000))
data = json.load(open("samples/cerema-urbanvitaliz-2023.json", encoding="utf-8"))
with open(f"{work}/cerema.jsonl", "w", encoding="utf-8") as f:
    for _ in range(m):
        f.write(json.dumps(data, ensure_ascii=False) + "\n")
PY

# run LABEL ROWS COUNT J SCRIPT [args...]: one batch into a fresh folder.
run() {
    local label=$1 rows=$2 count=$3 j=$4 script=$5
    shift 5
    rm -rf "$work/out"
    /usr/bin/time -o "$work/time" -f "%e %U %S %M" "$bin" batch "$script" --rows "$rows" --out "$work/out" \
        -j "$j" --progress plain "$@" >/dev/null 2>&1 || true  # the figures say what was written
    read -r wall user sys rss <"$work/time"
    local written
    written=$(find "$work/out" -name '*.odt' | wc -l)
    awk -v l="$label" -v j="$j" -v c="$count" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v d="$written" 'BEGIN {
        printf "%-22s -j %s  %6d rows  %6d written  %7.2f s  %7.0f docs/s  %7.0f docs/CPU-s  peak RSS %6.1f MiB\n",
               l, j, c, d, w, d / w, d / (u + s), r / 1024 }'
}

echo "conventio batch on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
avenant=samples/batch/avenant-report.lua
for j in 1 2; do
    run "avenants" "$work/avenants.csv" "$n" "$j" "$avenant" --lib samples --name 'a-{code}'
done
run "avenants (RSS)" "$work/avenants-1000.csv" "$(( n < 1000 ? n : 1000 ))" 2 "$avenant" --lib samples --name 'a-{code}'
# The same rows as one .json array (read an element at a time): peak RSS flat as for the CSV.
run "avenants .json" "$work/avenants.json" "$n" 2 "$avenant" --lib samples --name 'a-{code}'
run "avenants .json (RSS)" "$work/avenants-1000.json" "$(( n < 1000 ? n : 1000 ))" 2 "$avenant" --lib samples --name 'a-{code}'
for j in 1 2; do
    run "Cerema agreements" "$work/cerema.jsonl" "$m" "$j" samples/cerema-urbanvitaliz-2023.lua
done
echo
"${CONVENTIO_SPLIT_BIN:-build/conventio_batch_split}" "$avenant" samples/batch/departements.csv 300 odt --lib samples
"${CONVENTIO_SPLIT_BIN:-build/conventio_batch_split}" samples/cerema-urbanvitaliz-2023.lua "$work/cerema.jsonl" 300 odt

# An avenant row built up stage by stage (bench/avenant_stages/, each a row script over the same
# rows): what every row costs, then the Convention built once, then the two versions an avenant
# compares, then the whole avenant. The differences say
# where an avenant's time goes: the aim of 2 000 a second with -j 2 leaves about 1 ms of CPU a row.
echo
echo "where an avenant row's time goes (one warm worker, 300 rows, odt; ms a row):"
printf "  %-58s %8s %8s\n" "stage" "Lua" "whole"
stage() {
    local label=$1 script=$2
    "${CONVENTIO_SPLIT_BIN:-build/conventio_batch_split}" "$script" samples/batch/departements.csv 300 odt \
        --lib samples --lib samples/batch |
        awk -v l="$label" '/Lua\+templates/ { lua = $2 } /per document/ { whole = $3 }
                           END { printf "  %-58s %8.3f %8.3f\n", l, lua, whole }'
}
stage "the row read into its convention, one paragraph written" bench/avenant_stages/row_only.lua
stage "+ the Convention built by its script (and its document)" bench/avenant_stages/one_build.lua
stage "+ built again with the change set's data (two versions)" bench/avenant_stages/two_builds.lua
stage "the avenant: versions compared, avenant worded and written" "$avenant"
