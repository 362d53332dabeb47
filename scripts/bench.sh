#!/usr/bin/env bash
# Speed and memory benchmark (docs/performance.md). For each size, generates synthetic exports of
# every platform (examples/synth.rs), then times with /usr/bin/time -v:
#   (a) rolo inspect  — reading and parsing only: the floor
#   (b) rolo merge --to jsonl --timings — the whole job, with the time of each stage
# and prints a markdown table: wall, CPU, peak RSS, records/s, merge/inspect ratio. Ratios, not
# absolute seconds, are what compare across runs on this shared machine.
#
# Side by side, in the same run: Splink (PyPI, DuckDB backend; scripts/splink_link.py) links
# rolo's normalised records of the same data (`--no-dedupe --to jsonl`), and `rolo merge
# --clusters` merges its clusters. A second table gives both wall times and both peaks (rolo's
# whole merge from the raw exports against Splink's linking alone, on records already parsed),
# their ratios, and the pairwise F1 of each against the generator's truth (examples/score.rs).
# Splink is installed into a virtualenv ($SPLINK_VENV, else /tmp/rolo-splink-venv); when that is
# impossible the script says SKIPPED, loudly, and the rolo table still prints. SPLINK=0 skips it.
#
#   scripts/bench.sh                 # 10k, 100k and 1M person records
#   scripts/bench.sh 10000 100000    # records (approximate: people = records / 3.15)
#   KEEP=1 scripts/bench.sh          # keep the generated data
#   SPLINK=0 scripts/bench.sh        # rolo only
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(10000 100000 1000000)
cargo build --release --quiet --bin rolo --example synth --example score
T="${CARGO_TARGET_DIR:-target}/release"

SPLINK_VENV="${SPLINK_VENV:-/tmp/rolo-splink-venv}"
SPLINK_PY="$SPLINK_VENV/bin/python"
skipped() {
    echo "############################################################################" >&2
    echo "## SKIPPED: Splink side by side — $1" >&2
    echo "############################################################################" >&2
    SPLINK=0
}
if [ "${SPLINK:-1}" != 0 ] && ! "$SPLINK_PY" -c "import splink" >/dev/null 2>&1; then
    echo "bench: installing Splink into $SPLINK_VENV" >&2
    if ! { python3 -m venv "$SPLINK_VENV" && "$SPLINK_VENV/bin/pip" install --quiet --disable-pip-version-check splink; } >&2; then
        skipped "could not install the Python splink package into $SPLINK_VENV"
    fi
fi
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
    cp "$WORK/m.time" "$WORK/m-$N.time"
    if [ "${SPLINK:-1}" != 0 ]; then
        # The external pipeline on the same data: normalise, link with Splink, merge its clusters.
        /usr/bin/time -v -o "$WORK/n-$N.time" "$T/rolo" merge "$DIR" -qq --no-dedupe --to jsonl -o "$WORK/records-$N.jsonl"
        if /usr/bin/time -v -o "$WORK/s-$N.time" "$SPLINK_PY" scripts/splink_link.py -q "$WORK/records-$N.jsonl" -o "$WORK/clusters-$N.csv" 2> "$WORK/splink-$N.log"; then
            /usr/bin/time -v -o "$WORK/c-$N.time" "$T/rolo" merge "$DIR" -qq --clusters "$WORK/clusters-$N.csv" --to jsonl -o "$WORK/splink-out-$N.jsonl"
            "$T/examples/score" --truth "$DIR/truth.csv" --output "$WORK/out.jsonl" > "$WORK/score-rolo-$N.md"
            "$T/examples/score" --truth "$DIR/truth.csv" --output "$WORK/splink-out-$N.jsonl" > "$WORK/score-splink-$N.md"
            echo "$RECORDS" > "$WORK/records-$N.count"
        else
            tail -20 "$WORK/splink-$N.log" >&2
            skipped "scripts/splink_link.py failed at $N records (log above)"
        fi
    fi
    rm -f "$WORK/records-$N.jsonl"
done
if [ "${SPLINK:-1}" != 0 ]; then
    f1() { grep '^SUMMARY' "$1" | sed -E 's/.* f1=([^ ]+).*/\1/'; }
    echo
    echo "Side by side (same data, same run): rolo's whole merge from the raw exports; Splink's linking"
    echo "alone, on rolo's normalised records (scripts/splink_link.py, DuckDB); the external pipeline"
    echo "= rolo --no-dedupe + Splink + rolo --clusters. F1: pairwise, against the generator's truth."
    echo
    echo "| records | rolo s | Splink s | Splink/rolo time | rolo MiB | Splink MiB | rolo/Splink memory | external pipeline s | rolo F1 | Splink F1 |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for N in "${SIZES[@]}"; do
        [ -f "$WORK/records-$N.count" ] || continue
        RW=$(wall "$WORK/m-$N.time"); SW=$(wall "$WORK/s-$N.time")
        RM=$(rss "$WORK/m-$N.time"); SM=$(rss "$WORK/s-$N.time")
        PW=$(awk -v a="$(wall "$WORK/n-$N.time")" -v b="$SW" -v c="$(wall "$WORK/c-$N.time")" 'BEGIN { printf "%.2f", a + b + c }')
        echo "| $(cat "$WORK/records-$N.count") | $RW | $SW | $(awk -v a="$SW" -v b="$RW" 'BEGIN { printf "%.2f", a / b }') | $RM | $SM | $(awk -v a="$RM" -v b="$SM" 'BEGIN { printf "%.2f", a / b }') | $PW | $(f1 "$WORK/score-rolo-$N.md") | $(f1 "$WORK/score-splink-$N.md") |"
    done
fi
echo
for N in "${SIZES[@]}"; do
    echo "stages at $N records:"
    sed 's/^/    /' "$WORK/timings-$N.txt"
done
