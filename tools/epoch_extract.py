#!/usr/bin/env python3
"""Make traincost's trimmed extract of Epoch AI's training-cost data.

Reads the four files of Epoch AI's repository epoch-research/training-cost-trends
(commit 263c40a, folder data/) and writes, under the output folder, the same
four file names with only the factual columns traincost's method and audit
use: names, organization, dates, hardware, quantities, hours, chip-hours, FLOP,
MFU, numerical format and power for models; peaks, TDP, release date and price
for chips; prices with date, vendor, location, notes and source link; the
price index as published. Free-text notes, abstracts, authors and links to
papers are left out. Every row is kept (the rows, not the columns, are the
data), in the original order, so line-level reports stay meaningful.

Epoch's model_costs.csv (the method's published output) is copied unchanged.

Usage:
    python3 tools/epoch_extract.py SOURCE_DIR OUTPUT_DIR

SOURCE_DIR holds Epoch's repository at 263c40a (data/*.csv and
model_costs.csv); OUTPUT_DIR is data/epoch in traincost. Standard library only.
The data is Epoch AI's, under CC BY 4.0: see data/epoch/README.md.
"""

import csv
import os
import shutil
import sys

FILES = {
    "All ML Systems - full view.csv": [
        "Model", "Organization", "Publication date", "Training compute (FLOP)",
        "Training time (hours)", "Training hardware", "Hardware quantity",
        "Hardware utilization (MFU)", "Training chip-hours", "Base model",
        "Numerical format", "Training power draw (W)", "Compute rank when published",
    ],
    "Chip dataset-Grid view.csv": [
        "Hardware name", "Manufacturer", "Release date", "Release price (USD)",
        "FP32 (single precision) performance (FLOP/s)",
        "FP16 (half precision) performance (FLOP/s)",
        "TF32 (TensorFloat-32) performance (FLOP/s)",
        "Tensor-FP16/BF16 performance (FLOP/s)", "FP8 performance (FLOP/s)",
        "INT8 performance (OP/s)", "TDP (W)",
    ],
    "Hardware prices.csv": [
        "Price source", "Price date", "Hardware model", "Manufacturer", "Vendor",
        "Location", "Price per chip-hour (on-demand)", "Price per chip-hour (1-year CUD)",
        "Price per chip-hour (3-year CUD)", "Price (hardware purchase)", "Notes",
    ],
    "PCU518210518210.csv": ["observation_date", "PCU518210518210"],
}


def extract(source, target, columns):
    # utf-8-sig drops the byte-order mark the Airtable export starts with.
    with open(source, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        missing = [c for c in columns if c not in reader.fieldnames]
        if missing:
            sys.exit(f"{source}: missing columns {missing}")
        rows = [[row[c] for c in columns] for row in reader]
    with open(target, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    return len(rows)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source_dir, output_dir = sys.argv[1], sys.argv[2]
    os.makedirs(output_dir, exist_ok=True)
    for name, columns in FILES.items():
        n = extract(os.path.join(source_dir, "data", name), os.path.join(output_dir, name), columns)
        print(f"{name}: {n} rows, {len(columns)} columns")
    shutil.copyfile(os.path.join(source_dir, "model_costs.csv"),
                    os.path.join(output_dir, "model_costs.csv"))
    print("model_costs.csv: copied")


if __name__ == "__main__":
    main()
