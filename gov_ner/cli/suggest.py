"""`gov-ner suggest`: the paragraphs to annotate next, pre-annotated, for `retrain --add`."""
from __future__ import annotations

import sys

from .common import read_annotations


def run(args) -> int:
    from ..annotations.io import write_jsonl
    from ..annotations.suggest import as_format, suggest
    from ..api import default_model_path, load
    from ..archive import report_files

    specs = args.model or [default_model_path()]
    known = {r.text for r in read_annotations(args.annotations)}
    records = suggest(report_files(args.paths), [load(m) for m in specs], args.n, known,
                      model_name=" vs ".join(map(str, specs)), warn=lambda msg: print(msg, file=sys.stderr))
    write_jsonl(records, args.output, overwrite=args.force, as_dict=lambda r: as_format(r, args.format))
    spans = sum(len(r.spans) for r in records)
    scores = f"uncertainty {records[0].meta['uncertainty']} to {records[-1].meta['uncertainty']}" if records else ""
    print(f"{args.output}: {len(records)} paragraphs, {spans} pre-annotated spans, most uncertain first ({scores}); "
          f"paragraphs among the {len(known)} annotated ones were skipped")
    return 0


def register(sub) -> None:
    p = sub.add_parser("suggest", help="rank unannotated paragraphs by model uncertainty; write them pre-annotated",
                       description="Cut the reports into paragraphs (as extract does), skip those whose text is "
                                   "already annotated, rank the rest by the model's uncertainty (one --model: "
                                   "beam-search entity probabilities; two: how many entities they disagree on) and "
                                   "write the top N, pre-annotated by the first model, as JSONL that `gov-ner "
                                   "retrain --add` reads back after correction.")
    p.add_argument("paths", nargs="+", help="report files or folders (every *.txt inside)")
    p.add_argument("-n", type=int, default=200, help="how many paragraphs (default: %(default)s)")
    p.add_argument("-o", "--output", required=True, help="JSONL file to write")
    p.add_argument("--model", action="append", help="model directory or package; twice for disagreement "
                                                    "(default: the shipped model)")
    p.add_argument("--format", choices=("ours", "prodigy", "doccano"), default="ours",
                   help="ours: spans + relations; prodigy: + character tokens (ner.manual/rel.manual); "
                        "doccano: entities + relations of a relation project (default: %(default)s). "
                        "retrain --add reads all three")
    p.add_argument("--annotations", nargs="+", default=["annotations"],
                   help="annotated paragraphs to skip: JSONL files or folders (default: %(default)s)")
    p.add_argument("--force", action="store_true", help="replace an existing output file")
    p.set_defaults(func=run)
