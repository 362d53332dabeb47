#!/usr/bin/env bash
# Two rolo binaries on the same data, alternated round after round (docs/performance.md): on a
# shared machine only a ratio measured in one sitting means anything. Prints, per round and
# binary, each stage's wall and CPU seconds (`--timings`) and the peak RSS, then the sums per
# binary and the ratios NEW / BASE. Checks that both wrote the same bytes.
#
#   scripts/ab.sh BASE_BIN NEW_BIN DATA [ROUNDS]      # e.g. a build of main against yours
#   ARGS="--to vcard" scripts/ab.sh …                  # other merge options (default --to jsonl)
set -euo pipefail
[ $# -lt 3 ] && { sed -n 2,8p "$0" >&2; exit 2; }
base=$1 new=$2 data=$3 rounds=${4:-3}
args=${ARGS:---to jsonl}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for r in $(seq "$rounds"); do
    for which in base new; do
        bin=$base; [ "$which" = new ] && bin=$new
        # shellcheck disable=SC2086
        /usr/bin/time -f "peak %M" "$bin" merge "$data" -q --timings $args -o "$out/$which.out" \
            2>"$out/$which.err" || { cat "$out/$which.err" >&2; exit 1; }
        awk -v w="$which" -v r="$r" '
            /^  [a-z]+ +[0-9.]+ s +cpu/ && $1 != "total" { line = line sprintf(" %s %.2f/%.2f", $1, $2, $5) }
            /^  total/ { wall = $2; cpu = $5 }
            /^peak/ { peak = $2 / 1024 }
            END { printf "%s r%d total %.2f s cpu %.2f s peak %.0f MiB |%s\n", w, r, wall, cpu, peak, line }
        ' "$out/$which.err"
    done
    cmp -s "$out/base.out" "$out/new.out" || echo "round $r: OUTPUTS DIFFER"
done | tee "$out/rounds"
awk '{ w[$1] += $4; c[$1] += $7; if ($10 > p[$1]) p[$1] = $10 }
     END { printf "sum over rounds: base %.2f s (cpu %.2f), new %.2f s (cpu %.2f); wall %.2fx, cpu %.2fx, peak %.0f vs %.0f MiB (%.2fx)\n",
           w["base"], c["base"], w["new"], c["new"], w["new"] / w["base"], c["new"] / c["base"], p["base"], p["new"], p["new"] / p["base"] }' \
    <(grep -E '^(base|new) ' "$out/rounds")
