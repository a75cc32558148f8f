"""`gov-ner crossval`."""
from __future__ import annotations

import shlex
from pathlib import Path

from ..training.data import DEFAULT_ANNOTATIONS
from .common import authored_options, authored_path


def run(args) -> int:
    import json

    from ..training.crossval import cross_validate
    from ..training.data import DataArguments
    from ..training.evaluate import format_relation_scores, format_scores
    from ..training.train import TrainingArguments

    result = cross_validate(TrainingArguments(config=args.config, output=args.output, encoder=args.encoder,
                                              max_steps=args.max_steps, force=args.force, seed=args.seed,
                                              msra_model=args.msra_model, msra_rehearsal=args.msra_rehearsal),
                            DataArguments(annotations=tuple(args.annotations), authored=authored_path(args)),
                            variants=("",) + tuple(args.variant), reuse=args.reuse,
                            checkpoints=tuple(args.checkpoint or ["model-best"]),
                            only=tuple(args.fold) if args.fold else None, score_only=args.score_only)
    labels = ("ORG", "LOC", "PROJECT", "MONEY", "PERCENT", "micro")
    # the pooled row first, then each fold
    headings = [(result["pooled"], f"## {result['pooled']}")] + [(f, f"## held out: {f}") for f in result["folds"]]
    sections = [heading + "\n\n" + format_scores(result["entities"][fold], labels)
                + "\n\n" + format_relation_scores(result["relations"].get(fold, {})) for fold, heading in headings]
    print("\n\n".join(sections))
    if args.markdown:
        recipe = ("the authored corpus's training writers" if authored_path(args) else "no authored text") + (
            f"; MSRA first: every fold's guide stage starts from the stage-1 model {args.msra_model} and rehearses "
            f"{args.msra_rehearsal} MSRA sentences" if args.msra_model else "")
        Path(args.markdown).write_text(
            "# Leave-one-report-out cross-validation\n\nWritten by `gov-ner " + shlex.join(args.argv) +
            f"`. Each fold trains on the other four reports (+ {recipe}) and scores the named one; "
            "the pooled table ('all folds') pools the entities of every fold. Do not edit by hand.\n\n"
            + "\n\n".join(sections) + "\n", encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


def register(sub) -> None:
    p = sub.add_parser("crossval", help="leave-one-report-out cross-validation over the five reports",
                       description="For each report: train on the other four (+ the authored corpus's training "
                                   "writers) into OUTPUT/<report>, score the report. Prints per-fold tables and the "
                                   "pooled one.")
    p.add_argument("--config", default="configs/cnn.cfg", help="config to train (default: %(default)s)")
    p.add_argument("-o", "--output", required=True, help="new directory for the fold models")
    p.add_argument("--encoder", help="encoder for transformer configs")
    p.add_argument("--annotations", nargs="+", default=list(DEFAULT_ANNOTATIONS))
    authored_options(p)
    p.add_argument("--max-steps", type=int, help="override training.max_steps")
    p.add_argument("--seed", type=int, default=13, help="random seed of every fold (default: %(default)s)")
    p.add_argument("--msra-model", help="the MSRA-first recipe: every fold's guide stage starts from this stage-1 "
                                        "model (OUTPUT/msra/model-labelled of a `gov-ner train --msra-steps` run; "
                                        "MSRA has no report text, so the folds can share it)")
    p.add_argument("--msra-rehearsal", type=int, default=3000,
                   help="with --msra-model: MSRA sentences mixed into each fold's guide stage (default: %(default)s)")
    p.add_argument("--checkpoint", action="append", choices=("model-best", "model-last"),
                   help="which fold models to score, repeatable (default: model-best; with both, systems are "
                        "named NAME and NAME@last)")
    p.add_argument("--fold", action="append", metavar="REPORT",
                   help="run only this held-out report's fold, repeatable (e.g. one list per core; then score all "
                        "with --reuse)")
    p.add_argument("--json", help="write the scores as JSON here")
    p.add_argument("--markdown", help="write the tables as a markdown page here")
    p.add_argument("--force", action="store_true", help="replace existing fold directories")
    p.add_argument("--variant", action="append", default=[], metavar="+STEP|-STEP",
                    help="also score each fold model with a weightless step added or removed, e.g. "
                        "--variant=+consistency --variant=-boundaries (with '=': a value starting with '-')")
    p.add_argument("--score-only", action="store_true",
                   help="train nothing: score the fold models in OUTPUT/<report> that exist (e.g. made by "
                        "training/crossval_trf.sh) and skip the rest")
    p.add_argument("--reuse", action="store_true",
                    help="score fold models already in OUTPUT/<report>/model-best instead of training them")
    p.set_defaults(func=run)
