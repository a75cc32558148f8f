"""`gov-ner convert`."""
from __future__ import annotations

import sys
from pathlib import Path

from .common import read_annotations


def run(args) -> int:
    from ..convert import records_to_dataset, records_to_docbin

    records = read_annotations(args.paths)
    out = Path(args.output)
    if out.exists() and not args.force:
        print(f"{out} exists; use --force to replace it", file=sys.stderr)
        return 1
    if args.to == "docbin":
        db, report = records_to_docbin(records)
        out.parent.mkdir(parents=True, exist_ok=True)
        db.to_disk(out)
    else:
        ds, report = records_to_dataset(records)
        ds.save_to_disk(str(out))
    print(f"{out}: {report}")
    for m in report.misaligned:
        print(f"  not aligned: {m}", file=sys.stderr)
    return 1 if report.misaligned and args.strict else 0


def register(sub) -> None:
    p = sub.add_parser("convert", help="annotations -> spaCy DocBin or Hugging Face dataset",
                       description="Convert annotation records to a spaCy DocBin (.spacy; entities on doc.ents, "
                                   "relations on doc._.rel, user data stored) or to a datasets.Dataset "
                                   "directory with character tokens and IOB2 ner_tags.")
    p.add_argument("paths", nargs="+", help="JSONL files or folders")
    p.add_argument("--to", choices=("docbin", "dataset"), default="docbin", help="output kind (default: docbin)")
    p.add_argument("-o", "--output", required=True, help="output .spacy file or dataset directory")
    p.add_argument("--force", action="store_true", help="replace an existing output")
    p.add_argument("--strict", action="store_true", help="exit 1 if any span cannot be aligned to tokens")
    p.set_defaults(func=run)
