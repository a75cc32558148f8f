"""`gov-ner retrain`."""
from __future__ import annotations

import sys
from pathlib import Path

from .common import authored_path, parse_sets, training_options


def run(args) -> int:
    from ..training.data import DataArguments
    from ..training.evaluate import format_relation_scores, format_scores
    from ..training.retrain import RetrainArguments, RetrainInputError, retrain

    rargs = RetrainArguments(add=tuple(args.add), output=args.output, base=getattr(args, "from"),
                             config=args.config, max_steps=args.max_steps, learn_rate=args.learn_rate,
                             seed=args.seed, force=args.force, overrides=parse_sets(args.set))
    dargs = DataArguments(annotations=tuple(args.annotations), splits=args.splits, authored=authored_path(args),
                          authored_fraction=args.authored_fraction)
    try:
        result = retrain(rargs, dargs)
    except RetrainInputError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"{len(err.problems)} problems in the new annotations; nothing was trained or written",
              file=sys.stderr)
        return 1
    except (FileExistsError, FileNotFoundError) as err:
        print(err, file=sys.stderr)
        return 1
    print("\nheld-out entities, before and after")
    print(format_scores(result["entities"]))
    if result["relations"]:
        print()
        print(format_relation_scores(result["relations"]))
    print(f"\nnew model: {result['model']} (base {result['base']} unchanged)")
    if args.json:
        import json

        Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


def register(sub) -> None:
    p = sub.add_parser("retrain", help="add new annotations and train a new model; before/after held-out table",
                       description="Validate the new annotation files (ours, Prodigy or doccano JSONL; nothing is "
                                   "written if any record is invalid), merge them with the existing training data "
                                   "(rehearsal), continue training from a model (default: the shipped one) into a "
                                   "NEW directory, and print the held-out scores before and after.")
    p.add_argument("--add", nargs="+", required=True, help="new annotation JSONL files or folders")
    p.add_argument("--from", help="model to continue from, path or package (default: the shipped model)")
    p.add_argument("--config", help="train from scratch with this config instead of continuing from a model")
    p.add_argument("-o", "--output", required=True, help="new model directory (never the base model)")
    training_options(p, "existing annotations to rehearse")
    p.add_argument("--max-steps", type=int, default=300, help="training steps (default: %(default)s)")
    p.add_argument("--learn-rate", type=float, help="learning rate (default: 0.0005 when continuing)")
    p.add_argument("--json", help="also write the before/after scores as JSON to this file")
    p.set_defaults(func=run)
