#!/usr/bin/env python3
"""Maps the Chicago early-childhood sites (dedupe-examples csv_example) to dedup's company schema and splits them.

Run once when the data changes; the outputs are checked in under dedup-ml-matcher/data/chicago/, nothing reads the
source at run time. Usage: prepare-chicago.py SOURCE_DIR OUT_DIR
  chicago.csv           every record: id, cluster, company, address_1, postcode, phone, email
  chicago_train20.csv   the records of 20 % of the clusters (True Id values shuffled with seed 20261124, first fifth)
  chicago_eval80.csv    the records of the other 80 %
  chicago_first1000.csv / chicago_rest.csv   the first 1,000 records of the file and the others
"""
import csv
import random
import sys

source, out = sys.argv[1], sys.argv[2]


def clean(text):
    return " ".join((text or "").split())


raw_phone = {}
with open(f"{source}/csv_example_messy_input.csv", newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        raw_phone[row["Id"]] = clean(row["Phone"])

rows = []
with open(f"{source}/csv_example_input_with_true_ids.csv", newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        rows.append({"id": row["Id"], "cluster": row["True Id"], "company": clean(row["Site name"]),
                     "address_1": clean(row["Address"]), "postcode": clean(row["Zip"]),
                     "phone": raw_phone[row["Id"]], "email": clean(row["Email Address"]).replace(" ", ";")})

columns = ["id", "cluster", "company", "address_1", "postcode", "phone", "email"]


def write(name, selected):
    with open(f"{out}/{name}", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        writer.writerows(selected)


clusters = sorted({r["cluster"] for r in rows}, key=int)
random.Random(20261124).shuffle(clusters)
train = set(clusters[: len(clusters) // 5])
write("chicago.csv", rows)
write("chicago_train20.csv", [r for r in rows if r["cluster"] in train])
write("chicago_eval80.csv", [r for r in rows if r["cluster"] not in train])
write("chicago_first1000.csv", rows[:1000])
write("chicago_rest.csv", rows[1000:])
