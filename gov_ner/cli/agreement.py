"""`gov-ner agreement`."""
from __future__ import annotations

from pathlib import Path

from .common import read_annotations


def run(args) -> int:
    import json

    from ..annotations.agreement import agreement, disagreements, format_agreement

    a, b = read_annotations([args.a]), read_annotations([args.b])
    result = agreement(a, b)
    print(f"{result['records']} records ({result['chars']} characters) annotated by both")
    print(format_agreement(result, Path(args.a).name, Path(args.b).name))
    if args.disagreements:
        for d in disagreements(a, b):
            print(json.dumps(d, ensure_ascii=False))
    return 0


def register(sub) -> None:
    p = sub.add_parser("agreement", help="inter-annotator agreement between two annotation passes",
                       description="Exact-match span F1 per label and relation F1 over the records (by id) "
                                   "that both passes annotated.")
    p.add_argument("a", help="first pass: JSONL file or folder")
    p.add_argument("b", help="second pass: JSONL file or folder")
    p.add_argument("--disagreements", action="store_true", help="also print each disagreement as JSON")
    p.set_defaults(func=run)
