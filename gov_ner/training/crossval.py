"""Leave-one-report-out cross-validation: train on four reports (+ the authored corpus), score the fifth.

Each fold's model is trained from scratch into its own directory. Returned: entity scores per
fold and pooled over all folds ("all folds": every held-out entity of every fold), and the
relation scores (learned step and cue-word rule, given gold entities and end to end) per fold
and pooled the same way, so all nine gold relations of the corpus are scored, not three.

variants score every fold model also with weightless steps added or removed (results.py's
system specs: "+consistency", "-boundaries"), so a post-processing step is judged on all five
reports without retraining; reuse scores fold models already trained in the output directory.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from ..annotations.splits import folds, load_splits
from .data import DataArguments
from .evaluate import iob_sequences, score_sequences
from .results import load_system, pool_relation_rows, relation_rows
from .train import TrainingArguments, heldout_records, train_pipeline


def cross_validate(args: TrainingArguments, data: DataArguments | None = None, root: Path = Path("."),
                   variants: tuple[str, ...] = ("",), reuse: bool = False, checkpoint: str = "model-best") -> dict:
    """{"entities": {fold: {system: scores}}, "relations": {fold: rows}}; system is the config's
    stem plus the variant. Relations are scored for the first variant only (the steps that
    variants change do not touch PROJECT or MONEY). checkpoint: which of each fold's models is
    scored, spaCy's "model-best" (best on the fold's small dev slice) or "model-last"."""
    data = data or DataArguments()
    splits = load_splits(root / data.splits)
    name = Path(args.config).stem
    systems = {name + v: v for v in variants}
    per_fold: dict[str, dict] = {}
    pooled = {s: ([], []) for s in systems}
    relations = {}
    for _, held in folds(splits):
        fold_data = dataclasses.replace(data, heldout=(held,))
        fold_args = dataclasses.replace(args, output=str(Path(args.output) / held))
        best = Path(fold_args.output) / checkpoint
        if not (reuse and (best / "config.cfg").is_file()):
            best = train_pipeline(fold_args, fold_data, root).parent / checkpoint
        records = heldout_records(fold_data, root)
        per_fold[held] = {}
        for system, variant in systems.items():
            nlp = load_system(str(best) + variant)
            gold, pred = iob_sequences(nlp, records)
            per_fold[held][system] = score_sequences(gold, pred)
            pooled[system][0].extend(gold)
            pooled[system][1].extend(pred)
            if held not in relations:
                relations[held] = relation_rows("model", nlp, records)
    per_fold["all folds"] = {s: score_sequences(g, p) for s, (g, p) in pooled.items()}
    relations["all folds"] = pool_relation_rows([relations[held] for _, held in folds(splits)])
    return {"entities": per_fold, "relations": relations}
