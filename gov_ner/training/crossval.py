"""Leave-one-report-out cross-validation: train on four reports (+ synthetic), score the fifth.

Each fold's model is trained from scratch into its own directory; the fold scores and their
micro average (over all held-out entities of all folds) are returned.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from ..annotations.splits import folds, load_splits
from .data import DataArguments, split_records
from .evaluate import iob_sequences, score_sequences
from .train import TrainingArguments, train_pipeline


def cross_validate(args: TrainingArguments, data: DataArguments | None = None, root: Path = Path(".")) -> dict:
    import gov_ner

    data = data or DataArguments()
    splits = load_splits(root / data.splits)
    per_fold, all_gold, all_pred = {}, [], []
    for _, held in folds(splits):
        fold_data = dataclasses.replace(data, heldout=(held,))
        fold_args = dataclasses.replace(args, output=str(Path(args.output) / held))
        best = train_pipeline(fold_args, fold_data, root)
        records = split_records(fold_data, root)["heldout"]
        gold, pred = iob_sequences(gov_ner.load(best), records)
        per_fold[held] = score_sequences(gold, pred)
        all_gold += gold
        all_pred += pred
    per_fold["all folds"] = score_sequences(all_gold, all_pred)
    return per_fold
