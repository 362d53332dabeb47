#!/usr/bin/env bash
# Fuzz every reader and the normalisation functions, one target after another.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default 60 s, every target)
#
# Builds a seed corpus from fixtures/ (each fixture file goes to the targets that read its kind,
# prefixed with the byte that makes the target use the file's real name, see fuzz/fuzz_targets/
# common.rs), then runs each target. cargo fuzz needs nightly; on a stable toolchain
# RUSTC_BOOTSTRAP=1 unlocks the flags it needs. Findings land in fuzz/artifacts/<target>/.
# One fuzzer at a time (-jobs=1): the machine is shared.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-60}
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
    TARGETS=(csv meta_json twitter_js telegram_json vcard xcard zip normalize)
fi
export RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null || { echo "install cargo-fuzz: cargo install cargo-fuzz" >&2; exit 2; }

# Seed corpus: fixture files by extension, each prefixed with the index of its name in the
# target's NAMES list (0 when the name is not in it; detection then goes by content).
python3 - <<'PY'
import os, re, hashlib
targets = {
    "csv": (".csv",), "meta_json": (".json",), "twitter_js": (".js",),
    "telegram_json": (".json",), "vcard": (".vcf", ".vcard", ".json"), "xcard": (".xml",),
    "zip": (".zip",), "normalize": (),
}
files = []
for root, _, names in os.walk("fixtures"):
    for n in names:
        files.append(os.path.join(root, n))
files.sort()
for t, exts in targets.items():
    src = open(f"fuzz/fuzz_targets/{t}.rs").read()
    m = re.search(r"const NAMES: &\[&str\] = &\[(.*?)\];", src, re.S)
    names = re.findall(r'"([^"]*)"', m.group(1)) if m else []
    out = f"fuzz/corpus/{t}"
    os.makedirs(out, exist_ok=True)
    for f in files:
        if not f.lower().endswith(exts) or os.path.getsize(f) > 1 << 20:
            continue
        data = open(f, "rb").read()
        idx = next((i for i, n in enumerate(names) if f.endswith("/" + n) or f.lower().endswith("/" + n.lower())), 0)
        seed = bytes([idx]) + data if names else data
        open(os.path.join(out, hashlib.sha1(seed).hexdigest()), "wb").write(seed)
    if t == "normalize":
        for v in ["18-Jun-24", "Tue Jun 20 12:25:51 UTC 2023", "+1 (555) 010-0199", "a@example.com; b@example.org",
                  "https://www.linkedin.com/in/tom%C3%A1s-ferreira", "@someone@mastodon.example", "Dr. Jane Q. Public, PhD",
                  "Ana Ho\u00c3\u00a0ng", "1583020799"]:
            open(os.path.join(out, hashlib.sha1(v.encode()).hexdigest()), "wb").write(v.encode())
PY

# Zips for the zip target: the fixture folders themselves, zipped.
if command -v zip >/dev/null; then
    for d in fixtures/linkedin/* fixtures/twitter/* fixtures/facebook/2024; do
        [ -d "$d" ] || continue
        (cd "$d" && zip -qr - . -x '*.jpg' -x '*.png') > "fuzz/corpus/zip/$(echo "$d" | tr / _).zip" || true
    done
fi

cd fuzz
for t in "${TARGETS[@]}"; do
    echo "== $t: ${SECS}s"
    cargo fuzz run -O "$t" "corpus/$t" -- -max_total_time="$SECS" -max_len=262144 -rss_limit_mb=2048 \
        -timeout=10 -jobs=1 -workers=1 -print_final_stats=1 2>&1 | tail -n 25
done
