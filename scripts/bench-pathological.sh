#!/usr/bin/env bash
# How long the release binary takes on the pathological inputs of tests/robustness.rs, against a
# baseline measured in the same run (docs/performance.md). The tests check what rolo does with
# them; this checks that it does it without doing the work the input asks for:
#   - a zip bomb (1 GiB of zeros in one member, declared honestly): refused from its declared
#     sizes, so it should cost what the good file alone costs (baseline: the good file alone);
#   - a 10 MiB line: the file fails at the line cap, so it should cost no more than reading a
#     well-formed CSV of the same size (baseline: 10 MiB of ordinary rows);
#   - a 4 MiB base64 photo, once folded and once on one line: no more than a vCard file of the
#     same size (baseline: cards with ordinary lines, as many bytes).
# Each is timed as `rolo merge DIR --no-dedupe --to jsonl` (the tests' run, without the matching
# that a normal input's many records would add to the baseline), the best of REPEAT (default 3);
# the ratio is case / baseline: at or below 1 is what the limits promise.
#
#   scripts/bench-pathological.sh
#   REPEAT=5 KEEP=1 scripts/bench-pathological.sh
set -euo pipefail
cd "$(dirname "$0")/.."
REPEAT="${REPEAT:-3}"
cargo build --release --quiet --bin rolo
ROLO="$(pwd)/${CARGO_TARGET_DIR:-target}/release/rolo"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/rolo-patho.XXXXXX")"
[ -z "${KEEP:-}" ] && trap 'rm -rf "$WORK"' EXIT
HEADER="First Name,Last Name,URL,Email Address,Company,Position,Connected On"

# A case folder holds the input next to the good file the tests pair every broken input with.
case_dir() {
    mkdir -p "$WORK/$1/good"
    cp fixtures/bad/truncated-zip/good/Connections.csv "$WORK/$1/good/"
    echo "$WORK/$1"
}

python3 - "$(case_dir bomb)/bomb.zip" <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    with z.open("Connections.csv", "w", force_zip64=True) as m:
        block = bytes(1 << 20)
        for _ in range(1024):
            m.write(block)
EOF
BASE_GOOD="$(case_dir good-alone)"

LINE="$(case_dir line)"
{ echo "$HEADER"; head -c $((10 << 20)) /dev/zero | tr '\0' x; echo; } > "$LINE/Connections.csv"
ROWS="$(case_dir rows)"
python3 - "$ROWS/Connections.csv" "$HEADER" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    f.write(sys.argv[2] + "\n")
    i, size = 0, 0
    while size < 10 << 20:
        row = f"Given{i},Family{i},,given{i}@example.com,Company {i % 97},Role,01 Jan 2020\n"
        f.write(row)
        size += len(row)
        i += 1
EOF

PHOTO="$(case_dir photo)"
python3 - "$PHOTO" "$(case_dir cards)" <<'EOF'
import sys
photo = "QUJD" * (1 << 20)
card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Photo Person\r\nPHOTO;ENCODING=b;TYPE=JPEG:{}\r\nEMAIL:photo@example.com\r\nEND:VCARD\r\n"
folded = "\r\n ".join(photo[i:i + 74] for i in range(0, len(photo), 74))
open(f"{sys.argv[1]}/folded.vcf", "w", newline="").write(card.format(folded))
open(f"{sys.argv[1]}/unfolded.vcf", "w", newline="").write(card.format(photo))
# As many bytes of ordinary cards as both photo files hold.
size = 2 * len(card.format(folded))
with open(f"{sys.argv[2]}/cards.vcf", "w", newline="") as f:
    i, n = 0, 0
    while n < size:
        c = f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Card Person {i}\r\nN:Person {i};Card;;;\r\nEMAIL:card{i}@example.com\r\nTEL:+4741{i % 1000000:06d}\r\nNOTE:{'n' * 900}\r\nEND:VCARD\r\n"
        f.write(c)
        n += len(c)
        i += 1
EOF

# Best wall time of REPEAT runs of `rolo merge DIR --no-dedupe`, in seconds.
best() {
    local best="" t0 t1 t
    for _ in $(seq "$REPEAT"); do
        t0=$(date +%s.%N)
        "$ROLO" merge "$1" -qq --no-dedupe --to jsonl -o "$WORK/out.jsonl" >/dev/null 2>&1 || true
        t1=$(date +%s.%N)
        t=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
        if [ -z "$best" ] || awk -v t="$t" -v b="$best" 'BEGIN { exit !(t < b) }'; then best=$t; fi
    done
    echo "$best"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); best of $REPEAT"
echo
echo "| case | s | baseline | baseline s | case/baseline |"
echo "|---|---:|---|---:|---:|"
row() {
    local c b
    c=$(best "$2")
    b=$(best "$4")
    echo "| $1 | $c | $3 | $b | $(awk -v c="$c" -v b="$b" 'BEGIN { printf "%.2f", (b > 0 ? c / b : 0) }') |"
}
row "zip bomb, 1 GiB of zeros ($(du -m "$WORK/bomb/bomb.zip" | cut -f1) MiB zip)" "$WORK/bomb" "the good file alone" "$BASE_GOOD"
row "one 10 MiB line" "$LINE" "10 MiB of rows" "$ROWS"
row "4 MiB photo, folded and unfolded" "$PHOTO" "as many bytes of cards" "$WORK/cards"
