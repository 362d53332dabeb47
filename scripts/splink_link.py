#!/usr/bin/env python3
"""Link rolo's normalised records with Splink and write the clusters `rolo merge --clusters` takes.

For data larger than one machine, rolo is the map step and a distributed engine does the linking:

    rolo merge INPUTS --no-dedupe --to jsonl -o records.jsonl      # normalise (streams, per file)
    python scripts/splink_link.py records.jsonl -o clusters.csv    # link: Splink, DuckDB or Spark
    rolo merge INPUTS --clusters clusters.csv -o contacts.vcf      # merge, ids, outputs, report

The third command takes the same INPUTS (spelled the same way, with the same --kinds and
--include-owner): a record id is the `id` the first one wrote, and comes from where the record
was read (docs/dedupe.md, "External clusters").

What Splink is given, per record (`flatten`): folded given and family names, the sorted-token name
key, emails, the last 8 digits of each phone, profile URLs or account ids, handles and email local
parts, the full birth date, postcode, house number + street, organisation, and the platform list
the record is on. Blocking follows rolo's main keys (src/dedupe/blocking.rs, docs/dedupe.md §2):
each email, phone tail, profile, handle, the sorted name key, family + first initial, the birth
date, postcode + street, Soundex of the family name + postcode. Like rolo, two records of one
platform list (two rows of one Connections.csv) are never compared. u is estimated by random
sampling, m by EM; pairs at or above --threshold are clustered (connected components).

Needs `pip install splink` (DuckDB backend included). Nothing here is run by rolo or its tests
unless Splink is installed: scripts/bench.sh and tests/splink.rs install or look for it.
"""

import argparse
import csv
import json
import logging
import sys
import time
import unicodedata

from splink import Linker, SettingsCreator, block_on
from splink.blocking_rule_library import CustomRule
import splink.comparison_library as cl

# Kinds whose records, within one file, are distinct people (model.rs, `Kind::is_distinct_list`).
DISTINCT_LISTS = {
    "connection", "friend", "follower", "following", "close_friend", "blocked", "muted",
    "restricted", "removed_friend", "unfollowed", "frequent_contact",
}


def fold(s):
    """Lower case, accents removed, letters and digits only: rolo's `keys::fold`, roughly."""
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    return "".join(c if c.isalnum() else " " for c in s.lower()).strip()


def soundex(word):
    codes = {c: d for d, letters in
             {"1": "bfpv", "2": "cgjkqsxz", "3": "dt", "4": "l", "5": "mn", "6": "r"}.items()
             for c in letters}
    word = "".join(c for c in word if "a" <= c <= "z")
    if not word:
        return None
    out, last = word[0], codes.get(word[0])
    for c in word[1:]:
        d = codes.get(c)
        if d and d != last:
            out += d
        if c not in "hw":
            last = d
    return (out + "000")[:4]


def first_or_none(values):
    return values[0] if values else None


def flatten(contact):
    """One JSON Lines contact of `rolo merge --no-dedupe --to jsonl` as one flat row."""
    name = contact.get("name") or {}
    given_words = fold(name.get("given")).split()
    family = fold(name.get("family")).replace(" ", "") or None
    given = given_words[0] if given_words else None
    tokens = sorted(fold(name.get("full")).split())
    emails = sorted({e["value"].lower() for e in contact.get("emails", []) if e.get("value")})
    phones = sorted({p["value"][-8:] for p in contact.get("phones", []) if len(p.get("value") or "") >= 8})
    profiles = sorted({
        f"{p.get('service')}|{p.get('url') or p.get('id')}"
        for p in contact.get("profiles", []) if p.get("url") or p.get("id")
    })
    handles = {fold(p.get("handle")).replace(" ", "") for p in contact.get("profiles", [])}
    handles |= {fold(e.split("@")[0]).replace(" ", "") for e in emails}
    handles = sorted(h for h in handles if len(h) >= 3)
    birthday = (contact.get("birthday") or {}).get("value") or ""
    address = first_or_none(contact.get("addresses", [])) or {}
    street = fold(address.get("street")).split()
    house = next((w for w in street if w.isdigit()), None)
    street_name = "".join(w for w in street if not w.isdigit()) or None
    postcode = fold(address.get("postal_code")).replace(" ", "") or None
    org = fold((first_or_none(contact.get("organizations", [])) or {}).get("name")) or None
    source = first_or_none(contact.get("sources", [])) or {}
    listed = source.get("kind") in DISTINCT_LISTS
    return {
        "unique_id": contact["id"],
        "given": given,
        "family": family,
        "name_key": " ".join(tokens) or None,
        "family_initial": f"{family} {given[0]}" if family and given else None,
        "emails": emails,
        "email": first_or_none(emails),
        "phones": phones,
        "profiles": profiles,
        "handles": handles,
        # Only a full date blocks and compares; a birthday without its year (--04-12) does not.
        "birthday": birthday if len(birthday) == 10 and birthday[:4].isdigit() else None,
        "postcode": postcode,
        "house": f"{house} {street_name}" if house and street_name else None,
        "family_sound_postcode": f"{soundex(family or '')} {postcode}" if family and postcode else None,
        "organization": org,
        "list": f"{source.get('input')}|{source.get('file')}|{source.get('kind')}" if listed else None,
    }


def read_records(path):
    with open(path, encoding="utf-8") as f:
        return [flatten(json.loads(line)) for line in f if line.strip()]


# Two records of one platform list are different people: never a candidate pair.
NOT_ONE_LIST = "(l.list IS NULL OR r.list IS NULL OR l.list <> r.list)"


def exploded(column):
    """A blocking rule on any shared element of an array column."""
    return CustomRule(f"l.{column} = r.{column} AND {NOT_ONE_LIST}", arrays_to_explode=[column])


def on(*columns):
    equal = " AND ".join(f"l.{c} = r.{c}" for c in columns)
    return CustomRule(f"{equal} AND {NOT_ONE_LIST}")


def settings():
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        blocking_rules_to_generate_predictions=[
            exploded("emails"),
            exploded("phones"),
            exploded("profiles"),
            exploded("handles"),
            on("name_key"),
            on("family_initial"),
            on("birthday"),
            on("postcode", "house"),
            on("family_sound_postcode"),
        ],
        comparisons=[
            cl.NameComparison("given").configure(term_frequency_adjustments=True),
            cl.NameComparison("family").configure(term_frequency_adjustments=True),
            cl.EmailComparison("email"),
            cl.ArrayIntersectAtSizes("emails", [1]),
            cl.ArrayIntersectAtSizes("phones", [1]),
            cl.ArrayIntersectAtSizes("profiles", [1]),
            cl.ArrayIntersectAtSizes("handles", [1]),
            cl.DateOfBirthComparison("birthday", input_is_string=True),
            cl.ExactMatch("postcode"),
            cl.ExactMatch("house"),
            cl.ExactMatch("organization"),
        ],
        retain_intermediate_calculation_columns=False,
        retain_matching_columns=False,
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("records", help="rolo merge INPUTS --no-dedupe --to jsonl -o RECORDS")
    ap.add_argument("-o", "--output", required=True, help="clusters file (CSV: record_id,cluster_id)")
    ap.add_argument("--threshold", type=float, default=0.5, help="match probability to link at")
    ap.add_argument("--u-pairs", type=float, default=1e7, help="random pairs for u")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args()
    level = logging.ERROR if args.quiet else logging.INFO
    logging.basicConfig(level=level)

    started = time.monotonic()
    rows = read_records(args.records)
    if not rows:
        sys.exit(f"{args.records}: no records")

    from splink import DuckDBAPI
    # The backend: the one line to change for Spark (the rest runs as it is there):
    #   from pyspark.sql import SparkSession; from splink import SparkAPI
    #   db_api = SparkAPI(spark_session=SparkSession.builder.getOrCreate())
    # and, for records beyond one machine's memory, register a Spark DataFrame made with `flatten`
    # (spark.read.text(RECORDS).rdd.map(lambda l: flatten(json.loads(l.value))).toDF()).
    db_api = DuckDBAPI()
    table = db_api.register(rows)
    del rows
    linker = Linker(table, settings(), log_level=level)

    # λ from the pairs that are surely one person: a shared email or profile.
    linker.training.estimate_probability_two_random_records_match(
        [block_on("email"), "l.profiles = r.profiles AND len(l.profiles) > 0"], recall=0.6
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=args.u_pairs, seed=args.seed)
    # m by EM, on two blockings that leave each other's fields free to vary.
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("name_key"))
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("email"), estimate_without_term_frequencies=True
    )
    predictions = linker.inference.predict(threshold_match_probability=args.threshold)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=args.threshold
    )
    result = clusters.as_duckdbpyrelation().project("unique_id, cluster_id").fetchall() \
        if hasattr(clusters, "as_duckdbpyrelation") else \
        [(r["unique_id"], r["cluster_id"]) for r in clusters.as_record_dict()]
    result.sort()
    with open(args.output, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["record_id", "cluster_id"])
        w.writerows(result)
    if not args.quiet:
        n_clusters = len({c for _, c in result})
        print(f"splink_link: {len(result)} records in {n_clusters} clusters, "
              f"{time.monotonic() - started:.2f} s; wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
