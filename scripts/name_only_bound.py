#!/usr/bin/env python3
"""How precise can links resting on the name alone be? A bound for docs/dedupe.md §7.

    scripts/name_only_bound.py ROLO DIR

DIR is a synthetic data set with its truth.csv (`examples/synth --people N --seed S --out DIR`),
ROLO a built rolo binary. Runs `rolo merge DIR` twice (with and without dedupe, JSON Lines into a
temporary folder) and prints:
- rolo's pairwise precision and recall (as examples/score.rs with --exclude-id-only);
- the base: rolo's clusters cut down to the records that carry more than a name;
- then records that carry nothing but a name, attached by name alone as well as a linker can:
  per folded full name, to the one base cluster bearing it (m = 1) or to each other (m = 0);
  names leading to two or more clusters are left apart. Names are grouped by what a linker can
  observe (k: records bearing the name, capped at 9; m) and the groups are added best first by
  their true precision, an order no linker has. Each line gives the group's own precision and
  the cumulative precision, recall and F1.
"""
import collections
import csv
import json
import os
import subprocess
import sys
import tempfile
import unicodedata


def fold(s):
    s = unicodedata.normalize("NFKD", s.lower())
    return " ".join("".join(ch for ch in s if ch.isalnum() or ch == " ").split())


def main(rolo, data):
    truth = {}
    with open(os.path.join(data, "truth.csv"), newline="") as f:
        for r in csv.DictReader(f):
            truth[(r["file"], int(r["line"]))] = (r["person_id"], r["id_only"] == "1")
    with tempfile.TemporaryDirectory() as tmp:
        records_path = os.path.join(tmp, "records.jsonl")
        merged_path = os.path.join(tmp, "merged.jsonl")
        for extra, out in ((["--no-dedupe"], records_path), ([], merged_path)):
            subprocess.run([rolo, "merge", data, *extra, "--to", "jsonl", "-o", out],
                           check=True, stderr=subprocess.DEVNULL)
        rec = {}  # (file, line) -> (person, carries only a name, folded name)
        with open(records_path) as f:
            for line in f:
                c = json.loads(line)
                s = c["sources"][0]
                t = truth.get((s["file"], s["line"]))
                if not t or t[1]:
                    continue
                beyond = (c["emails"] or c["phones"] or c["profiles"] or c["birthday"]
                          or c["addresses"] or c["organizations"])
                rec[(s["file"], s["line"])] = (t[0], not beyond, fold(c["name"]["full"]))
        clusters = []
        with open(merged_path) as f:
            for line in f:
                c = json.loads(line)
                keys = [(s["file"], s["line"]) for s in c["sources"]]
                clusters.append([k for k in keys if k in rec])

    def pairs(members):
        people = collections.Counter(rec[k][0] for k in members)
        n = len(members)
        right = sum(v * (v - 1) // 2 for v in people.values())
        return right, n * (n - 1) // 2 - right

    sizes = collections.Counter(p for p, _, _ in rec.values())
    true_pairs = sum(n * (n - 1) // 2 for n in sizes.values())

    def line(label, right, wrong):
        p, r = right / (right + wrong), right / true_pairs
        print(f"{label}: P {p:.4f} R {r:.4f} F1 {2 * p * r / (p + r):.4f}")

    totals = [sum(x) for x in zip(*(pairs(c) for c in clusters))]
    line("rolo", *totals)
    base = [b for b in ([k for k in c if not rec[k][1]] for c in clusters) if b]
    right, wrong = (sum(x) for x in zip(*(pairs(b) for b in base)))
    line("base (records carrying more than a name)", right, wrong)

    clusters_of = collections.defaultdict(set)
    for i, b in enumerate(base):
        for k in b:
            clusters_of[rec[k][2]].add(i)
    bearers = collections.Counter(n for _, _, n in rec.values())
    name_only = collections.defaultdict(list)
    for k, (_, only, n) in rec.items():
        if only and n:
            name_only[n].append(k)
    groups = collections.defaultdict(lambda: [0, 0, 0])
    for n, keys in name_only.items():
        m = len(clusters_of[n])
        if m >= 2:
            continue
        if m == 1:
            b = base[next(iter(clusters_of[n]))]
            r0, w0 = pairs(b)
            r1, w1 = pairs(b + keys)
        else:
            r0 = w0 = 0
            r1, w1 = pairs(keys)
        g = groups[(min(bearers[n], 9), m)]
        g[0] += r1 - r0
        g[1] += w1 - w0
        g[2] += 1
    print("group (k, m) | names | right | wrong | precision | cumulative")
    for key, (r, w, u) in sorted(groups.items(), key=lambda kv: -(kv[1][0] + 1) / (sum(kv[1][:2]) + 1)):
        if r + w == 0:
            continue
        right += r
        wrong += w
        p, rc = right / (right + wrong), right / true_pairs
        print(f"{key} | {u} | {r} | {w} | {r / (r + w):.3f} | "
              f"P {p:.4f} R {rc:.4f} F1 {2 * p * rc / (p + rc):.4f}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
