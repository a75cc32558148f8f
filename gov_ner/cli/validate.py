"""`gov-ner validate`."""
from __future__ import annotations

import sys

from ..annotations.errors import AnnotationError
from .common import read_annotations


def run(args) -> int:
    from ..annotations.validate import validate

    try:
        records = read_annotations(args.paths)
    except AnnotationError as err:
        print(err, file=sys.stderr)
        return 1
    problems = validate(records, root=args.root)
    for p in problems:
        print(p, file=sys.stderr)
    n_spans = sum(len(r.spans) for r in records)
    print(f"{len(records)} records, {n_spans} spans: {len(problems)} problems")
    return 1 if problems else 0


def register(sub) -> None:
    p = sub.add_parser("validate", help="check annotation JSONL files against the labelling contract",
                       description="Check annotation files (ours, Prodigy or doccano JSONL). Prints one line "
                                   "per problem as FILE:LINE: FIELD: MESSAGE; exit 1 if any. Never modifies input.")
    p.add_argument("paths", nargs="+", help="JSONL files or folders (searched for *.jsonl)")
    p.add_argument("--root", default=".", help="folder that meta.source paths (corpus/...) are relative to; "
                                               "records whose text must match their corpus file (default: .)")
    p.set_defaults(func=run)
