"""`gov-ner stats`."""
from __future__ import annotations

from pathlib import Path

from .common import read_annotations


def run(args) -> int:
    from ..annotations.splits import load_splits, split_of
    from ..annotations.stats import count, format_table

    records = read_annotations(args.paths)
    print(format_table(count(records), "document"))
    splits_path = Path(args.splits)
    if splits_path.exists():
        splits = load_splits(splits_path)
        print()
        print(format_table(count(records, key=lambda r: split_of(r, splits)), "split"))
    return 0


def register(sub) -> None:
    p = sub.add_parser("stats", help="counts of spans per label, per document and per split",
                       description="Print span counts per label and relation counts, per document, "
                                   "and per split when a splits file exists.")
    p.add_argument("paths", nargs="+", help="JSONL files or folders")
    p.add_argument("--splits", default="annotations/splits.json", help="split definition (default: %(default)s)")
    p.set_defaults(func=run)
