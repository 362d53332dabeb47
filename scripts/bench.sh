#!/usr/bin/env bash
# Speed and memory benchmark (docs/performance.md). For each size, generates synthetic exports of
# every platform (examples/synth.rs), then times with /usr/bin/time -v:
#   (a) rolo inspect  — reading and parsing only: the floor
#   (b) rolo merge --to jsonl --timings — the whole job, with the time of each stage
# and prints a markdown table: wall, CPU, peak RSS, records/s, merge/inspect ratio. Ratios, not
# absolute seconds, are what compare across runs on this shared machine.
#
#   scripts/bench.sh                 # 10k, 100k and 1M person records
#   scripts/bench.sh 10000 100000    # records (approximate: people = records / 3.15)
#   KEEP=1 scripts/bench.sh          # keep the generated data
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(10000 100000 1000000)
cargo build --release --quiet --bin rolo --example synth
T="${CARGO_TARGET_DIR:-target}/release"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/rolo-bench.XXXXXX")"
[ -z "${KEEP:-}" ] && trap 'rm -rf "$WORK"' EXIT
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time (GNU time) is needed" >&2; exit 1; }

field() { awk -F': ' -v k="$1" '$0 ~ k { print $2 }' "$2"; }
wall() { field "Elapsed \\(wall clock\\)" "$1" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }'; }
cpu() { echo "$(field "User time" "$1") $(field "System time" "$1")" | awk '{ printf "%.2f", $1 + $2 }'; }
rss() { field "Maximum resident set size" "$1" | awk '{ printf "%.0f", $1 / 1024 }'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo
echo "| records | inspect s | merge s | merge CPU s | inspect MiB | merge MiB | records/s (merge) | merge/inspect |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for N in "${SIZES[@]}"; do
    DIR="$WORK/n$N"
    "$T/examples/synth" --people $((N * 100 / 315)) --out "$DIR" --seed 7 >/dev/null 2>&1
    /usr/bin/time -v -o "$WORK/i.time" "$T/rolo" inspect "$DIR" -q > "$WORK/inspect.txt"
    RECORDS=$(grep -oE '^[0-9]+ records' "$WORK/inspect.txt" | cut -d' ' -f1)
    /usr/bin/time -v -o "$WORK/m.time" "$T/rolo" merge "$DIR" -q --timings --to jsonl -o "$WORK/out.jsonl" 2> "$WORK/timings-$N.txt"
    IW=$(wall "$WORK/i.time"); MW=$(wall "$WORK/m.time")
    echo "| $RECORDS | $IW | $MW | $(cpu "$WORK/m.time") | $(rss "$WORK/i.time") | $(rss "$WORK/m.time") | $(awk -v r="$RECORDS" -v w="$MW" 'BEGIN { printf "%.0f", r / w }') | $(awk -v a="$MW" -v b="$IW" 'BEGIN { printf "%.1f", a / b }') |"
done
echo
for N in "${SIZES[@]}"; do
    echo "stages at $N records:"
    sed 's/^/    /' "$WORK/timings-$N.txt"
done
