#!/usr/bin/env bash
# Independent parser check: rolo's vCard 3.0 and 4.0 output must parse with Python's vobject,
# card for card and value for value (every name part, nickname, emails, phones, organisations
# and titles, addresses, birthday, links, social profiles, categories, notes, photos), and load
# in khard, as one file and as rolo's vdir output (--to vdir).
#
#   scripts/check-clients.sh            builds rolo with cargo
#   ROLO=path/to/rolo scripts/check-clients.sh
#
# Installs vobject with pip when it is missing. A client that cannot be had is reported as
# "SKIPPED: …" (exit 0 when vobject is missing: nothing was checked), or, with
# ROLO_REQUIRE_CLIENTS=1 (set by .ci/run), as "FAILED: …" with exit 1. Exits 1 when a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."

# A client is missing: a failure when they are required, else a SKIPPED in capitals.
missing() {
    if [ "${ROLO_REQUIRE_CLIENTS:-}" = 1 ]; then
        echo "FAILED: $* (ROLO_REQUIRE_CLIENTS=1: the clients are required)"
        exit 1
    fi
    echo "SKIPPED: $*"
}

skip() {
    missing "$@"
    exit 0
}

command -v python3 >/dev/null 2>&1 || skip "python3 not found; the vobject check needs it"
if ! python3 -c "import vobject" >/dev/null 2>&1; then
    python3 -m pip --version >/dev/null 2>&1 || skip "vobject is not installed and pip is not available"
    echo "check-clients: installing vobject with pip" >&2
    python3 -m pip install --quiet --disable-pip-version-check vobject >&2 ||
        python3 -m pip install --quiet --disable-pip-version-check --break-system-packages vobject >&2 ||
        skip "could not install vobject with pip"
    python3 -c "import vobject" >/dev/null 2>&1 || skip "vobject installed but cannot be imported"
fi

if [ -z "${ROLO:-}" ]; then
    cargo build --quiet
    ROLO="${CARGO_TARGET_DIR:-target}/debug/rolo"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
inputs=(fixtures/demo fixtures/vcard fixtures/xcard)
"$ROLO" merge "${inputs[@]}" -qq --to json -o "$work/contacts.json"
"$ROLO" merge "${inputs[@]}" -qq --to vcard -o "$work/contacts-3.0.vcf"
"$ROLO" merge "${inputs[@]}" -qq --to vcard4 -o "$work/contacts-4.0.vcf"

python3 - "$work" <<'PY'
"""Reads rolo's vCard output with vobject and compares it with rolo's JSON, card by card."""
import json
import re
import sys

import vobject

work = sys.argv[1]
contacts = {c["id"]: c for c in json.load(open(f"{work}/contacts.json", encoding="utf-8"))}
failures = []


def check(cond, version, uid, what):
    if not cond:
        failures.append(f"vCard {version}, {uid}: {what}")


def digits(s):
    return re.sub(r"[^0-9+]", "", s.split(" ext. ")[0].split(";ext=")[0])


def values(card, name):
    return [line.value for line in card.contents.get(name, [])]


def joined(v):
    """A structured component vobject split at its commas, as one string again."""
    return ", ".join(v) if isinstance(v, list) else v


for version in ("3.0", "4.0"):
    text = open(f"{work}/contacts-{version}.vcf", encoding="utf-8", newline="").read()
    cards = list(vobject.readComponents(text, validate=True))
    check(len(cards) == len(contacts), version, "-", f"{len(cards)} cards for {len(contacts)} contacts")
    for card in cards:
        uid = card.uid.value
        c = contacts.get(uid)
        check(c is not None, version, uid, "UID is no contact id")
        if c is None:
            continue
        check(card.version.value == version, version, uid, "VERSION")
        # FN is empty only for a record with nothing to show (a LinkedIn hidden profile).
        shown = c["name"]["full"] or c["emails"] or c["phones"] or c["profiles"] or c["organizations"]
        check(bool(card.fn.value.strip()) or not shown, version, uid, "empty FN")
        n = card.n.value
        name = c["name"]
        check(
            (n.family, n.given) == (name["family"], name["given"]),
            version, uid, f"N {n.family!r}, {n.given!r}",
        )
        for part, got in (("middle", n.additional), ("prefix", n.prefix), ("suffix", n.suffix)):
            check(joined(got) == name[part], version, uid, f"N {part} {got!r} != {name[part]!r}")
        nick = ", ".join(joined(v) for v in values(card, "nickname"))
        check(nick == name["nickname"], version, uid, f"NICKNAME {nick!r} != {name['nickname']!r}")
        titles = sorted(joined(t) for t in values(card, "title"))
        want = sorted(o["title"] for o in c["organizations"] if o["title"])
        check(titles == want, version, uid, f"TITLE {titles} != {want}")
        bdays = values(card, "bday")
        check(len(bdays) == (c["birthday"] is not None), version, uid, "BDAY")
        if bdays and re.fullmatch(r"\d{4}-\d\d-\d\d", c["birthday"]["value"]):
            check(re.sub(r"\D", "", str(bdays[0])) == c["birthday"]["value"].replace("-", ""),
                  version, uid, f"BDAY {bdays[0]!r}")
        links = [p["url"] for p in c["profiles"] if p["url"]]
        urls = sorted(str(u) for u in values(card, "url"))
        want = sorted(u["value"] for u in c["urls"]) + ([] if version == "4.0" else [])
        if version == "3.0":
            want = sorted(want + links)
        check(urls == want, version, uid, f"URL {urls} != {want}")
        social = "x-socialprofile" if version == "3.0" else "socialprofile"
        shown = [p for p in c["profiles"] if p["url"] or p["handle"]]
        check(len(values(card, social)) == len(shown), version, uid, f"{social} count")
        for p in shown:
            check(any((p["url"] or p["handle"]) in str(v) for v in values(card, social)),
                  version, uid, f"{social} {p['service']} missing")
        check(
            sorted(e.lower() for e in values(card, "email"))
            == sorted(e["value"].lower() for e in c["emails"]),
            version, uid, "emails",
        )
        tels = sorted(digits(t.removeprefix("tel:")) for t in values(card, "tel"))
        want = sorted(digits(p["value"] or p["raw"]) for p in c["phones"])
        check(tels == want, version, uid, f"phones {tels} != {want}")
        orgs = [o for o in c["organizations"] if o["name"] or o["department"]]
        check(len(values(card, "org")) == len(orgs), version, uid, "organisations")
        check(len(values(card, "adr")) == len(c["addresses"]), version, uid, "addresses")
        cats = [x for v in values(card, "categories") for x in v]
        for g in c["groups"]:
            check(g["value"] in cats, version, uid, f"category {g['value']!r} missing")
        note = "\n".join(values(card, "note"))
        for n_ in c["notes"]:
            check(n_["value"] in note, version, uid, "note text missing")
        check(len(values(card, "photo")) == len(c["photos"]), version, uid, "photos")
        if version == "3.0":
            for line in card.contents.get("photo", []):
                check(isinstance(line.value, bytes) or line.value.startswith("http"),
                      version, uid, "photo neither data nor link")
        labels = [v.lower() for v in values(card, "x-ablabel")]
        for e in c["emails"] + c["phones"] + c["urls"]:
            for label in e["labels"]:
                if label in ("book club", "cottage", "portfolio", "blog", "choir"):
                    check(label in labels, version, uid, f"label {label!r} missing")
    print(f"vobject {vobject.VERSION if hasattr(vobject, 'VERSION') else ''}: "
          f"{len(cards)} vCard {version} cards parsed and checked")

if failures:
    print("\n".join(failures[:50]))
    print(f"{len(failures)} problems")
    sys.exit(1)
PY

if command -v khard >/dev/null 2>&1; then
    for version in 3.0 4.0; do
        book="$work/book-$version"
        mkdir -p "$book"
        python3 - "$work/contacts-$version.vcf" "$book" <<'PY'
import re
import sys

text = open(sys.argv[1], encoding="utf-8", newline="").read()
for i, card in enumerate(re.findall(r"BEGIN:VCARD\r\n.*?END:VCARD\r\n", text, re.S)):
    open(f"{sys.argv[2]}/{i:04d}.vcf", "w", encoding="utf-8", newline="").write(card)
PY
        cat >"$work/khard-$version.conf" <<EOF
[addressbooks]
[[rolo]]
path = $book
[general]
editor = true
merge_editor = true
EOF
        cards=$(find "$book" -name '*.vcf' | wc -l)
        listed=$(khard -c "$work/khard-$version.conf" list --parsable 2>/dev/null | wc -l)
        if [ "$listed" -ne "$cards" ]; then
            echo "khard: $listed of $cards vCard $version cards loaded"
            exit 1
        fi
        echo "khard: $cards vCard $version cards loaded"
    done
    # rolo's own vdir output (--to vdir), as khard reads it: every card listed, none twice.
    for version in 3 4; do
        book="$work/vdir-$version"
        "$ROLO" merge "${inputs[@]}" -qq --to vdir --vcard-version "$version" -o "$book"
        cat >"$work/khard-vdir-$version.conf" <<EOF
[addressbooks]
[[rolo]]
path = $book
[general]
editor = true
merge_editor = true
EOF
        cards=$(find "$book" -name '*.vcf' | wc -l)
        listing=$(khard -c "$work/khard-vdir-$version.conf" list --parsable 2>/dev/null)
        listed=$(printf '%s\n' "$listing" | grep -c .)
        uids=$(printf '%s\n' "$listing" | cut -f1 | sort -u | grep -c .)
        if [ "$cards" -eq 0 ] || [ "$listed" -ne "$cards" ] || [ "$uids" -ne "$cards" ]; then
            echo "khard: $listed entries ($uids uids) for $cards vdir vCard $version.0 cards"
            exit 1
        fi
        echo "khard: $cards vdir vCard $version.0 cards listed"
    done
else
    missing "khard is not installed, its checks did not run (pip install khard)"
fi
echo "check-clients: OK"
