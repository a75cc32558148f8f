"""Retraining with newly annotated paragraphs: validate, merge (rehearsal), train, compare.

    gov-ner retrain --add new.jsonl --output models/retrained

1. The new files are read (ours, Prodigy or doccano JSONL) and validated; any problem stops
   the run before anything is written.
2. They join the existing training data (all training reports + the authored corpus's
   training writers), so the model rehearses what it knew instead of drifting towards the new
   paragraphs.
3. Training continues from a model (default: the shipped one; every component is sourced
   from it) or starts from a config, into a new directory. The base model is only read.
4. The held-out table is printed before (base model) and after (new model).
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..annotations.errors import AnnotationError
from ..annotations.io import read_many
from ..annotations.splits import load_splits
from ..annotations.validate import Problem, validate
from .data import DataArguments, heldout_problems
from .train import TrainingArguments, heldout_records, train_pipeline


@dataclass
class RetrainArguments:
    """What to add, what to start from, where to write."""

    add: tuple[str, ...]  # new annotation files or folders
    output: str  # a new model directory
    base: str | None = None  # model to continue from (path or package); default: the shipped model
    config: str | None = None  # train from scratch with this config instead of continuing
    max_steps: int = 300
    learn_rate: float | None = None
    seed: int = 13
    force: bool = False  # replace an existing output directory (never the base model)
    overrides: dict[str, object] = field(default_factory=dict)


class RetrainInputError(ValueError):
    """The new annotations have problems; each names file, line and field."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def check_new_annotations(paths: tuple[str, ...], splits_path: Path, root: Path = Path(".")) -> int:
    """Validate new annotation files; return their record count or raise RetrainInputError."""
    missing = [p for p in paths if not (root / p).exists()]
    if missing:
        raise RetrainInputError([Problem(p, 0, "<file>", "not found") for p in missing])
    try:
        records = read_many([root / p for p in paths])
    except AnnotationError as err:
        raise RetrainInputError([Problem(err.path, err.line, err.field, err.message)]) from None
    if not records:
        raise RetrainInputError([Problem(", ".join(paths), 0, "<file>", "no annotation records")])
    problems = validate(records, root=root) + heldout_problems(records, load_splits(root / splits_path)["heldout"])
    if problems:
        raise RetrainInputError(problems)
    return len(records)


def sourced_config(model_dir: Path, max_steps: int, learn_rate: float | None) -> str:
    """The base model's own config with every component sourced from it (weights kept,
    training resumed), so retraining continues from the model instead of starting over."""
    from spacy.util import load_config

    cfg = load_config(model_dir / "config.cfg", interpolate=False)
    for name in cfg["nlp"]["pipeline"]:
        cfg["components"][name] = {"source": str(model_dir.resolve())}
    # a sourced transformer is already loaded; no encoder to fetch before init
    cfg["initialize"]["before_init"] = None
    cfg["training"]["max_steps"] = max_steps
    cfg["training"]["optimizer"]["learn_rate"] = learn_rate if learn_rate is not None else 0.0005
    cfg["training"]["eval_frequency"] = min(int(cfg["training"].get("eval_frequency", 100)), max(1, max_steps // 4))
    return cfg.to_str()


def retrain(args: RetrainArguments, data: DataArguments | None = None, root: Path = Path("."),
            log=print) -> dict:
    """Run the whole retrain; return {"model": path, "before": scores, "after": scores, ...}."""
    from ..api import default_model_path, model_dir
    from .results import score_systems

    data = data or DataArguments()
    out = Path(args.output)
    base_dir = model_dir(args.base or default_model_path())
    if base_dir is None:
        raise FileNotFoundError(f"no model (directory with config.cfg, or installed package) at {args.base!r}")
    if out.resolve() == base_dir.resolve() or base_dir.resolve() in out.resolve().parents \
            or out.resolve() in base_dir.resolve().parents:
        raise FileExistsError(f"{out} would overwrite the base model {base_dir}; choose another --output")
    if out.exists() and not args.force:
        raise FileExistsError(f"{out} exists; choose a new --output or pass --force")
    n_new = check_new_annotations(tuple(args.add), Path(data.splits), root)
    log(f"{n_new} new records in {', '.join(args.add)}: valid")

    data = DataArguments(**{**data.__dict__, "extra": tuple(args.add)})
    heldout = heldout_records(data, root)
    log(f"held-out: {len(heldout)} records; scoring the base model {base_dir}")
    before_ents, before_rels = score_systems({"before": str(base_dir)}, heldout)

    with tempfile.TemporaryDirectory() as tmp:
        if args.config:
            config = args.config
        else:
            config = str(Path(tmp) / "retrain.cfg")
            Path(config).write_text(sourced_config(base_dir, args.max_steps, args.learn_rate), encoding="utf-8")
        targs = TrainingArguments(config=config, output=str(out), seed=args.seed,
                                  max_steps=args.max_steps, force=args.force, overrides=dict(args.overrides),
                                  learn_rate=args.learn_rate if args.config else None)
        best = train_pipeline(targs, data, root)
    after_ents, after_rels = score_systems({"after": str(best)}, heldout)
    return {"model": str(best), "base": str(base_dir), "new_records": n_new,
            "entities": {**before_ents, **after_ents}, "relations": {**before_rels, **after_rels}}
