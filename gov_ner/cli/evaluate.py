"""`gov-ner evaluate`."""
from __future__ import annotations

import sys
from pathlib import Path

from ..annotations.errors import AnnotationError
from .common import read_annotations


def _models_and_annotations(items: list[str]) -> tuple[list[str], list[str]]:
    """Split `evaluate` arguments: a .jsonl file, or a folder of them with no config.cfg, is
    annotations; anything else (model directory, package, rules, NAME=PATH) is a system."""
    models, files = [], []
    for item in items:
        p = Path(item)
        is_annotations = (p.is_file() and p.suffix == ".jsonl") or (
            p.is_dir() and not (p / "config.cfg").exists() and any(p.rglob("*.jsonl")))
        (files if is_annotations else models).append(item)
    return models, files


def run(args) -> int:
    import json

    from ..annotations.splits import load_splits, select
    from ..training.evaluate import format_scores
    from ..training.results import score_systems, write_results

    models, files = _models_and_annotations(args.models)
    if not models:
        print("no model to evaluate: give a model path or package before the annotation files", file=sys.stderr)
        return 2
    if files and args.annotations:
        print("give annotations either after the model or with --annotations, not both", file=sys.stderr)
        return 2
    try:
        records = read_annotations(files or args.annotations or ["annotations/gold"])
    except AnnotationError as err:
        print(err, file=sys.stderr)
        return 1
    split = args.split or (None if files or args.annotations else "heldout")
    splits = load_splits(args.splits) if Path(args.splits).exists() else None
    if split:
        if splits is None:
            print(f"--split {split}: no split definition at {args.splits}", file=sys.stderr)
            return 2
        records = select(records, splits, split)
    elif splits:
        trained = sorted({r.doc_id for r in records if not r.synthetic and r.doc_id in splits["train"]})
        if trained:
            print(f"warning: records from training reports {', '.join(trained)}: their scores are not held-out",
                  file=sys.stderr)
    records = [r for r in records if not r.synthetic]
    if not records:
        print("no records to evaluate", file=sys.stderr)
        return 1
    systems = dict(s.split("=", 1) if "=" in s else (s, s) for s in models)
    from ..training.evaluate import format_relation_scores

    scores, relations = score_systems(systems, records)
    print(format_scores(scores))
    if relations:
        print()
        print(format_relation_scores(relations))
    if args.json:
        Path(args.json).write_text(json.dumps({"entities": scores, "relations": relations}, indent=2),
                                   encoding="utf-8")
    if args.results:
        write_results(Path(args.results), scores, records=records, relations=relations,
                      command="gov-ner " + " ".join(sys.argv[1:]))
    return 0


def register(sub) -> None:
    p = sub.add_parser("evaluate", help="score models on annotated reports (seqeval, strict IOB2)",
                       description="Score one or more systems (model paths, package names, or 'rules' for the "
                                   "MONEY/PERCENT pattern baseline) on annotation records. Name a system with "
                                   "NAME=PATH. Synthetic records are never evaluated.")
    p.add_argument("models", nargs="+", metavar="MODEL [ANNOTATIONS.jsonl]",
                   help="systems to score (PATH, PACKAGE, rules, or NAME=PATH), then optionally the annotation "
                        "files or folders to score them on (all their records are scored)")
    p.add_argument("--annotations", nargs="+", help="JSONL files or folders (default: the held-out split of "
                                                    "annotations/gold)")
    p.add_argument("--split", choices=("heldout", "train"),
                   help="score only this split of --splits (default: heldout when no annotations are given)")
    p.add_argument("--splits", default="annotations/splits.json", help="split definition (default: %(default)s)")
    p.add_argument("--json", help="also write the scores as JSON to this file")
    p.add_argument("--results", help="write a results page (markdown) to this file")
    p.set_defaults(func=run)
