#!/usr/bin/env bash
# Dedupe quality and speed benchmark: for each population size N, generates synthetic exports of
# every platform (examples/synth.rs), runs `rolo merge` on them and scores the result against the
# ground truth (examples/score.rs). Prints one markdown table row per N.
#
#   scripts/quality.sh              # N = 2000 and 50000
#   scripts/quality.sh 2000 200000  # any sizes
#   SEED=7 KEEP=1 scripts/quality.sh 5000   # other seed; keep the data and outputs
#   WIDE=1 SEED=1 scripts/quality.sh 2000   # the wide variant (synth --wide, docs/benchmark-data.md)
#
# Wall time and peak RSS come from /usr/bin/time -v when it exists (else bash's clock).
set -euo pipefail

cd "$(dirname "$0")/.."
SEED="${SEED:-42}"
SYNTH_ARGS=()
VARIANT="default"
if [ -n "${WIDE:-}" ] && [ "${WIDE}" != "0" ]; then
    SYNTH_ARGS=(--wide)
    VARIANT="wide"
fi
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(2000 50000)

cargo build --release --quiet --bin rolo --example synth --example score
TARGET="${CARGO_TARGET_DIR:-target}/release"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/rolo-quality.XXXXXX")"
if [ -z "${KEEP:-}" ]; then
    trap 'rm -rf "$WORK"' EXIT
else
    echo "keeping data in $WORK" >&2
fi

TIMEV=""
if [ -x /usr/bin/time ] && /usr/bin/time -v true 2>/dev/null; then TIMEV=1; fi

# Runs a command; sets WALL (seconds) and RSS (MiB, or "?").
measure() {
    local log="$WORK/time.log"
    if [ -n "$TIMEV" ]; then
        /usr/bin/time -v -o "$log" "$@"
        WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {
            n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s }' "$log")
        RSS=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")
    else
        local start end
        start=$(date +%s.%N)
        "$@"
        end=$(date +%s.%N)
        WALL=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
        RSS="?"
    fi
}

ROWS=()
for N in "${SIZES[@]}"; do
    DIR="$WORK/n$N"
    measure "$TARGET/examples/synth" --people "$N" --out "$DIR" --seed "$SEED" ${SYNTH_ARGS[@]+"${SYNTH_ARGS[@]}"} 2>/dev/null
    GEN="$WALL"
    measure "$TARGET/rolo" merge "$DIR" -qq --to jsonl -o "$WORK/n$N.jsonl"
    RUN="$WALL"
    MEM="$RSS"
    # Id-only records (X account ids, random-word handles) carry no evidence to match on: the
    # target excludes them. F1 over all records is printed beside it.
    "$TARGET/examples/score" --truth "$DIR/truth.csv" --output "$WORK/n$N.jsonl" > "$WORK/n$N.all.md"
    ALL_F1=$(grep '^SUMMARY' "$WORK/n$N.all.md" | sed -E 's/.* f1=([^ ]+).*/\1/')
    "$TARGET/examples/score" --truth "$DIR/truth.csv" --output "$WORK/n$N.jsonl" --exclude-id-only --show 5 > "$WORK/n$N.score.md"
    SUMMARY=$(grep '^SUMMARY' "$WORK/n$N.score.md")
    val() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$SUMMARY"; }
    ROWS+=("| $N | $(val records) | $(val missing) | $(val precision) | $(val recall) | $(val f1) | $ALL_F1 | $(val violations) | $RUN | $MEM | $GEN |")
    if [ "$(val missing)" != "0" ] || [ "$(val unknown)" != "0" ]; then
        echo "--- N=$N: records missing from rolo's output or unknown to the truth:" >&2
        sed -n '/^### Records missing/,/^SUMMARY/p' "$WORK/n$N.score.md" | head -30 >&2
    fi
done

echo "| people ($VARIANT, seed $SEED) | records | missing | precision | recall | F1 | F1 all records | violations | rolo seconds | rolo peak MiB | synth seconds |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
