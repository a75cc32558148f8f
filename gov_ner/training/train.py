"""Training: annotations + a config -> a new model directory, with held-out scores.

Mirrors Hugging Face's token-classification example: arguments live in dataclasses, and the
command line is a thin layer over `train_pipeline`.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .data import DataArguments, split_records, write_corpus


@dataclass
class TrainingArguments:
    """What to train and where to put it."""

    config: str = "configs/trf.cfg"
    output: str = "training/runs/trf"
    encoder: str | None = None  # Hugging Face model name or local directory (trf configs only)
    seed: int = 13
    max_steps: int | None = None
    learn_rate: float | None = None
    overrides: dict[str, object] = field(default_factory=dict)  # any other config setting
    then: str | None = None  # a second-stage config (configs/trf-finetune.cfg) started from stage 1's best
    then_max_steps: int | None = None
    force: bool = False  # replace an existing output directory


def _overrides(args: TrainingArguments, corpus: Path) -> dict[str, object]:
    out: dict[str, object] = {
        "paths.train": str(corpus / "train.spacy"),
        "paths.dev": str(corpus / "dev.spacy"),
        "system.seed": args.seed,
    }
    if args.encoder:
        out["paths.encoder"] = args.encoder
    if args.max_steps is not None:
        out["training.max_steps"] = args.max_steps
    if args.learn_rate is not None:
        out["training.optimizer.learn_rate.initial_rate"] = args.learn_rate
    out.update(args.overrides)
    return out


def train_pipeline(args: TrainingArguments, data: DataArguments | None = None, root: Path = Path(".")) -> Path:
    """Train into a new directory `args.output`; return the path of the best model.

    Never writes into an existing directory unless `force`, so a retrain cannot overwrite the
    shipped model.
    """
    import torch
    from spacy.cli.train import train as spacy_train

    import gov_ner  # noqa: F401  registers the project's components

    data = data or DataArguments()
    out = Path(args.output)
    if out.exists():
        if not args.force:
            raise FileExistsError(f"{out} exists; choose a new --output or pass --force")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    torch.manual_seed(args.seed)
    corpus = out / "corpus"
    reports = write_corpus(data, corpus, root)
    for name, rep in reports.items():
        print(f"{name}: {rep}")
        if rep.misaligned:
            raise ValueError(f"{name}: {len(rep.misaligned)} spans not aligned to tokens, e.g. {rep.misaligned[0]}")
    overrides = _overrides(args, corpus)
    (out / "training_args.json").write_text(
        json.dumps({"training": asdict(args), "data": asdict(data), "overrides": overrides}, ensure_ascii=False,
                   indent=2, default=str), encoding="utf-8")
    spacy_train(Path(args.config), out, overrides=overrides)
    if not args.then:
        return out / "model-best"
    stage2 = out / "stage2"
    stage2_overrides = {"paths.train": overrides["paths.train"], "paths.dev": overrides["paths.dev"],
                        "paths.stage1": str(out / "model-best"), "system.seed": args.seed}
    if args.then_max_steps is not None:
        stage2_overrides["training.max_steps"] = args.then_max_steps
    spacy_train(Path(args.then), stage2, overrides=stage2_overrides)
    return stage2 / "model-best"


def heldout_records(data: DataArguments | None = None, root: Path = Path(".")):
    return split_records(data or DataArguments(), root)["heldout"]
