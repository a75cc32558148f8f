"""Leave-one-report-out cross-validation: train on four reports (+ the authored corpus), score the fifth.

Each fold's model is trained from scratch into its own directory. Returned: entity scores per
fold and pooled over all folds ("all folds": every held-out entity of every fold), and the
relation scores (learned step and cue-word rule, given gold entities and end to end) per fold
and pooled the same way, so all nine gold relations of the corpus are scored, not three.

variants score every fold model also with weightless steps added or removed (results.py's
system specs: "+consistency", "-boundaries"), so a post-processing step is judged on all five
reports without retraining; reuse scores fold models already trained in the output directory and trains again a fold whose
run did not finish (no `training-complete.json`: spaCy leaves a loadable model-last behind at every
evaluation, so a stopped run must not pass for a trained one; score_only skips such a fold, and
scores as found a fold model made by another script, e.g. training/crossval_trf.sh).
only trains and scores some folds (two processes can share the CPU's cores, one fold list
each; a last run with reuse scores them all); its pooled row is then named for the folds it has.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from ..annotations.splits import folds, load_splits
from .data import DataArguments
from .evaluate import iob_sequences, score_sequences
from .results import load_system, pool_relation_rows, relation_rows
from .train import COMPLETE, TrainingArguments, heldout_records, is_complete, train_pipeline


def unfinished(fold_dir: Path) -> bool:
    """A run train_pipeline began in fold_dir (training_args.json) and did not finish: its
    model-last is a mid-run snapshot, never scored. Fold models assembled by other scripts
    (training/crossval_trf.sh) have neither file and are scored as found."""
    return (fold_dir / "training_args.json").is_file() and not is_complete(fold_dir)


def fold_models(directory: Path, checkpoint: str = "model-last", variant: str = "", root: Path = Path("."),
                only: tuple[str, ...] | None = None, data: DataArguments | None = None):
    """Yield (held-out report, loaded system, its held-out records) for each fold model
    DIRECTORY/<report>/<checkpoint> that exists (+ variant, results.py's system spec), in the
    splits' fold order: the walk the scorers of trained fold models share. Raises when none exists."""
    data = data or DataArguments()
    found = False
    for _, held in folds(load_splits(root / data.splits)):
        model = Path(directory) / held / checkpoint
        if (only and held not in only) or not (model / "config.cfg").is_file():
            continue
        if unfinished(model.parent):
            print(f"{held}: the run in {model.parent} has not finished (no {COMPLETE}); skipped")
            continue
        found = True
        yield held, load_system(str(model) + variant), heldout_records(dataclasses.replace(data, heldout=(held,)), root)
    if not found:
        raise FileNotFoundError(f"{directory}: no fold model <report>/{checkpoint}")


def system_names(config: str, variants: tuple[str, ...], checkpoints: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """{system name: (checkpoint, variant)}: the config's stem, '@last' when model-last is scored
    beside model-best, then the variant."""
    stem = Path(config).stem
    out = {}
    for checkpoint in checkpoints:
        tag = "@last" if checkpoint == "model-last" and len(checkpoints) > 1 else ""
        for v in variants:
            out[stem + tag + v] = (checkpoint, v)
    return out


def cross_validate(args: TrainingArguments, data: DataArguments | None = None, root: Path = Path("."),
                   variants: tuple[str, ...] = ("",), reuse: bool = False, checkpoint: str = "model-best",
                   checkpoints: tuple[str, ...] | None = None, only: tuple[str, ...] | None = None,
                   score_only: bool = False) -> dict:
    """{"entities": {fold: {system: scores}}, "relations": {fold: rows}, "pooled": the pooled
    row's key, "folds": the folds scored}; systems are named by `system_names`. Relations are
    scored for the first checkpoint and variant only (the steps that variants change do not
    touch PROJECT or MONEY). checkpoints: which of each fold's
    models are scored, spaCy's "model-best" (best on the fold's small dev slice) and/or
    "model-last" (default: just `checkpoint`). only: held-out reports to run (default: all).
    score_only: never train; score the folds whose models exist (models trained elsewhere, e.g.
    by training/crossval_trf.sh) and skip the others."""
    data = data or DataArguments()
    splits = load_splits(root / data.splits)
    checkpoints = checkpoints or (checkpoint,)
    systems = system_names(args.config, variants, checkpoints)
    plan = [held for _, held in folds(splits)]
    if only:
        unknown = sorted(set(only) - set(plan))
        if unknown:
            raise ValueError(f"{data.splits}: no cross-validation fold {unknown}; folds are {plan}")
        plan = [held for held in plan if held in only]
    per_fold: dict[str, dict] = {}
    pooled = {s: ([], []) for s in systems}
    relations = {}
    for held in plan:
        fold_data = dataclasses.replace(data, heldout=(held,))
        fold_args = dataclasses.replace(args, output=str(Path(args.output) / held))
        fold_dir = Path(fold_args.output)
        exists = all((fold_dir / c / "config.cfg").is_file() for c in checkpoints)
        if score_only and not exists:
            print(f"{held}: no fold model in {fold_dir} ({', '.join(checkpoints)}); skipped")
            continue
        if score_only and unfinished(fold_dir):
            print(f"{held}: the run in {fold_dir} has not finished (no {COMPLETE}); skipped")
            continue
        if not (score_only or (reuse and exists and is_complete(fold_dir))):
            if reuse and fold_dir.exists():
                print(f"{held}: {fold_dir} has no {COMPLETE} (the run stopped part-way); trained again")
                fold_args = dataclasses.replace(fold_args, force=True)
            train_pipeline(fold_args, fold_data, root)
        records = heldout_records(fold_data, root)
        per_fold[held] = {}
        for system, (ckpt, variant) in systems.items():
            nlp = load_system(str(fold_dir / ckpt) + variant)
            gold, pred = iob_sequences(nlp, records)
            per_fold[held][system] = score_sequences(gold, pred)
            pooled[system][0].extend(gold)
            pooled[system][1].extend(pred)
            if held not in relations:
                relations[held] = relation_rows("model", nlp, records)
    done = [held for held in plan if held in per_fold]
    if not done:
        raise FileNotFoundError(f"{args.output}: no fold model to score")
    total = "all folds" if len(done) == len(folds(splits)) else "pooled: " + " + ".join(h[:3] for h in done)
    per_fold[total] = {s: score_sequences(g, p) for s, (g, p) in pooled.items()}
    relations[total] = pool_relation_rows([relations[held] for held in done])
    return {"entities": per_fold, "relations": relations, "pooled": total, "folds": done}
