"""Does more authored text still pay? Cross-validation at 0, 25, 50 and 100% of the authored corpus.

Each point is a full leave-one-report-out cross-validation (`crossval.py`) of one recipe, with
that share of the training writers' paragraphs added to every fold's training data (nested
subsets, `DataArguments.authored_fraction`). Scores are pooled over the five reports' held-out
folds; the authored test writers are never trained on. Also scored, on the same fold models:
the authored test split (reported apart: authored text, never called held-out).

    python -m gov_ner.training.learning_curve --config configs/cnn.cfg -o build/runs/curve \\
        --fractions 0 0.25 0.5 1 --max-steps 600 --markdown training/LEARNING_CURVE.md
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from .crossval import cross_validate
from .data import DEFAULT_AUTHORED, DataArguments
from .evaluate import format_scores
from .train import TrainingArguments


def authored_test_records(authored: str, root: Path = Path(".")):
    from ..annotations.authored import TEST_WRITERS
    from ..annotations.io import read_many

    return [r for r in read_many([root / authored]) if r.meta.get("writer") in TEST_WRITERS]


def learning_curve(args: TrainingArguments, data: DataArguments, fractions: list[float], reuse: bool = False,
                   root: Path = Path("."), test_authored: str | None = None, checkpoint: str = "model-best",
                   only: tuple[str, ...] | None = None, score_only: bool = False, variant: str = "") -> dict:
    """{"fractions": {share: row}}; variant: weightless steps added to or removed from every fold
    model before scoring (results.py's `+STEP` / `-STEP`), e.g. "+gazetteer" for fold models
    trained from a config without it."""
    from .evaluate import evaluate_ner
    from .results import load_system

    out: dict = {"fractions": {}}
    test_from = test_authored or data.authored
    test = authored_test_records(test_from, root) if test_from else []
    for frac in fractions:
        point = dataclasses.replace(data, authored_fraction=frac)
        point_args = dataclasses.replace(args, output=str(Path(args.output) / f"authored-{frac:g}"))
        try:
            result = cross_validate(point_args, point, root, reuse=reuse, checkpoint=checkpoint, only=only,
                                    score_only=score_only, variants=(variant,))
        except FileNotFoundError as err:
            if not score_only:
                raise
            print(f"{frac:g}: {err}; the point is left out")  # not trained yet
            continue
        row = {"crossval": next(iter(result["entities"][result["pooled"]].values())), "folds": result["folds"],
               "relations": result["relations"][result["pooled"]]}
        if test:
            # the authored test split, scored by every fold model and averaged
            fold_scores = [evaluate_ner(load_system(str(Path(point_args.output) / held / checkpoint) + variant), test)
                           for held in row["folds"]]
            row["authored_test_micro_f1"] = sum(s["micro"]["f1"] for s in fold_scores) / len(fold_scores)
        out["fractions"][f"{frac:g}"] = row
    return out


def format_curve(result: dict, command: str) -> str:
    lines = ["# Learning curve: how much the authored corpus adds", "",
             f"Written by `{command}`. Each row is a leave-one-report-out cross-validation over the five "
             "reports, pooled over all folds (or the folds a row names), with that share of the authored "
             "training writers' paragraphs in every fold's training data. 'authored test' is the mean micro "
             "F1 of the fold models on the authored test writers' paragraphs: authored text, reported apart, never held-out. Do not edit "
             "by hand.", "",
             "| authored share | ORG F | LOC F | PROJECT F | MONEY F | PERCENT F | micro F (real reports) | "
             "INVESTMENT end to end F | authored test micro F |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for frac, row in result["fractions"].items():
        s = row["crossval"]
        rel = next((v for k, v in row["relations"].items() if k.startswith("model relation step / predicted")), {})
        partial = "" if len(row.get("folds", ())) in (0, 5) else " (folds " + "+".join(h[:3] for h in row["folds"]) + ")"
        lines.append(f"| {float(frac):.0%}{partial} | " + " | ".join(f"{s[lab]['f1']:.3f}" for lab in
                     ("ORG", "LOC", "PROJECT", "MONEY", "PERCENT", "micro"))
                     + f" | {rel.get('f1', float('nan')):.3f} | {row.get('authored_test_micro_f1', float('nan')):.3f} |")
    for frac, row in result["fractions"].items():
        folds = row.get("folds", ())
        where = "the five folds" if len(folds) in (0, 5) else "folds " + "+".join(h[:3] for h in folds)
        lines += ["", f"## {float(frac):.0%} of the authored corpus, pooled over {where}", "",
                  format_scores({"crossval": row["crossval"]})]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m gov_ner.training.learning_curve", description=__doc__.split("\n")[0])
    ap.add_argument("--config", default="configs/cnn.cfg")
    ap.add_argument("-o", "--output", required=True, help="a new directory for the fold models")
    ap.add_argument("--fractions", type=float, nargs="+", default=[0, 0.25, 0.5, 1])
    ap.add_argument("--authored", default=DEFAULT_AUTHORED,
                    help="the authored corpus the folds train on (a snapshot: the curve's runs take an hour)")
    ap.add_argument("--test-authored", help="where the authored test split is read from (default: --authored)")
    ap.add_argument("--max-steps", type=int, default=600)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--reuse", action="store_true", help="score fold models already trained in -o")
    ap.add_argument("--checkpoint", choices=("model-best", "model-last"), default="model-best",
                    help="which fold model is scored (model-best is picked on a dev slice of a few report paragraphs)")
    ap.add_argument("--msra-model", help="the MSRA-first recipe: every fold's guide stage starts from this stage-1 model")
    ap.add_argument("--fold", action="append", help="run only this held-out report's fold (repeatable; one list "
                                                     "per process, then all with --score-only)")
    ap.add_argument("--score-only", action="store_true", help="train nothing; score the fold models that exist")
    ap.add_argument("--variant", default="", help="weightless steps to add (+STEP) or remove (-STEP) before scoring")
    ap.add_argument("--markdown")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    data = DataArguments(authored=args.authored)
    targs = TrainingArguments(config=args.config, output=args.output, max_steps=args.max_steps, seed=args.seed,
                              force=True, msra_model=args.msra_model)
    result = learning_curve(targs, data, args.fractions, reuse=args.reuse, test_authored=args.test_authored,
                            checkpoint=args.checkpoint, only=tuple(args.fold) if args.fold else None,
                            score_only=args.score_only, variant=args.variant)
    command = "python -m gov_ner.training.learning_curve " + " ".join(argv if argv is not None else sys.argv[1:])
    text = format_curve(result, command)
    print(text)
    if args.markdown:
        Path(args.markdown).write_text(text, encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
