"""Leave-one-report-out cross-validation: train on four reports (+ synthetic), score the fifth.

Each fold's model is trained from scratch into its own directory. Returned: entity scores per
fold and pooled over all folds ("all folds": every held-out entity of every fold), and the
relation scores (learned step and cue-word rule, given gold entities and end to end) per fold
and pooled the same way, so all nine gold relations of the corpus are scored, not three.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from ..annotations.splits import folds, load_splits
from .data import DataArguments
from .evaluate import iob_sequences, score_sequences
from .results import pool_relation_rows, relation_rows
from .train import TrainingArguments, heldout_records, train_pipeline


def cross_validate(args: TrainingArguments, data: DataArguments | None = None, root: Path = Path(".")) -> dict:
    import gov_ner

    data = data or DataArguments()
    splits = load_splits(root / data.splits)
    per_fold, all_gold, all_pred, relations = {}, [], [], {}
    for _, held in folds(splits):
        fold_data = dataclasses.replace(data, heldout=(held,))
        fold_args = dataclasses.replace(args, output=str(Path(args.output) / held))
        best = train_pipeline(fold_args, fold_data, root)
        records = heldout_records(fold_data, root)
        nlp = gov_ner.load(best)
        gold, pred = iob_sequences(nlp, records)
        per_fold[held] = score_sequences(gold, pred)
        relations[held] = relation_rows("model", nlp, records)
        all_gold += gold
        all_pred += pred
    per_fold["all folds"] = score_sequences(all_gold, all_pred)
    relations["all folds"] = pool_relation_rows([relations[held] for _, held in folds(splits)])
    return {"entities": per_fold, "relations": relations}
