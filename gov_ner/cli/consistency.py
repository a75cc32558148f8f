"""`gov-ner consistency`."""
from __future__ import annotations

from .common import read_annotations


def run(args) -> int:
    from ..annotations.consistency import check_consistency

    findings = check_consistency(read_annotations(args.paths), min_len=args.min_len)
    for f in findings:
        print(f)
    kinds = {k: sum(f.kind == k for f in findings) for k in ("label-conflict", "unlabelled")}
    print(f"{len(findings)} findings: {kinds['label-conflict']} label conflicts, {kinds['unlabelled']} unlabelled strings")
    return 0


def register(sub) -> None:
    p = sub.add_parser("consistency", help="same string labelled differently, or labelled once and missed elsewhere",
                       description="List every surface string that carries more than one label across the corpus, "
                                   "and every occurrence of a labelled string left unlabelled, with context.")
    p.add_argument("paths", nargs="+", help="JSONL files or folders")
    p.add_argument("--min-len", type=int, default=2, help="shortest string checked for unlabelled occurrences")
    p.set_defaults(func=run)
