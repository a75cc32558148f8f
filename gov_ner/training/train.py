"""Training: annotations + a config -> a new model directory, with held-out scores.

Mirrors Hugging Face's token-classification example: arguments live in dataclasses, and the
command line is a thin layer over `train_pipeline`.
"""
from __future__ import annotations

import json
import shutil
import time
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
    # MSRA transfer (gov_ner.training.msra; needs the [train] extra): a first stage trains the
    # config's tok2vec + ner on MSRA for msra_steps, and the guide stage starts from it with
    # msra_rehearsal MSRA sentences mixed in so it is not forgotten. msra_model reuses a stage-1
    # model already trained (it does not depend on the reports: cross-validation folds share one).
    msra_steps: int = 0
    msra_model: str | None = None
    msra_rehearsal: int = 3000
    msra_sentences: int | None = None  # stage 1 trains on this many MSRA sentences (None: all 46k)


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


def msra_stage(args: TrainingArguments, out: Path) -> Path:
    """Stage 1 of the MSRA-first recipe: the config's tok2vec + ner trained on MSRA (mapped to the
    guide, *missing* where it cannot be trusted) into out/msra; returns a model that has all the
    guide's labels, for the guide stage to source. MSRA corpora are written under out/, never
    into the repository."""
    import spacy
    from spacy.cli.train import train as spacy_train

    from ..annotations.schema import ENTITY_LABELS
    from ..convert import blank_nlp
    from .msra import LICENCE_NOTE, write_msra_docbins

    print(LICENCE_NOTE)
    stage = out / "msra"
    counts = write_msra_docbins(stage / "corpus", blank_nlp(), train_limit=args.msra_sentences, dev=1000,
                                rehearsal=args.msra_rehearsal, seed=args.seed)
    print(f"MSRA: {counts}")
    spacy_train(Path(args.config), stage, overrides={
        **args.overrides,
        "paths.train": str(stage / "corpus" / "msra-train.spacy"), "paths.dev": str(stage / "corpus" / "msra-dev.spacy"),
        "system.seed": args.seed, "training.max_steps": args.msra_steps,
        "nlp.pipeline": ["tok2vec", "boundaries", "ner"], "training.score_weights": {"ents_f": 1.0}})
    nlp = spacy.load(stage / "model-last")
    for label in ENTITY_LABELS:  # MSRA has LOC and ORG only; the guide stage needs every label
        nlp.get_pipe("ner").add_label(label)
    nlp.to_disk(stage / "model-labelled")
    return stage / "model-labelled"


def sourced_config(config: Path, source: Path, out: Path) -> Path:
    """`config` with tok2vec and ner sourced from `source` (a stage-1 model), written to out.
    Settings elsewhere that refer into the replaced sections (the listeners' width) get the
    source model's value."""
    from spacy.util import load_config

    raw = load_config(config, interpolate=False)
    src = load_config(source / "config.cfg", interpolate=True)
    replaced = tuple("${components.%s." % name for name in ("tok2vec", "ner"))

    def lookup(ref: str):
        node = src
        for part in ref[2:-1].split("."):
            node = node[part]
        return node

    def fill(section: dict) -> None:
        for key, value in section.items():
            if isinstance(value, dict):
                fill(value)
            elif isinstance(value, str) and value.startswith(replaced) and value.endswith("}"):
                section[key] = lookup(value)

    fill(raw)
    for name in ("tok2vec", "ner"):
        raw["components"][name] = {"source": str(source)}
    raw.to_disk(out)
    return out


COMPLETE = "training-complete.json"


def is_complete(out: Path) -> bool:
    """Whether a run into `out` finished. spaCy rewrites model-last at every evaluation, so a run
    stopped part-way leaves a loadable model behind; only a finished run writes this file."""
    return (Path(out) / COMPLETE).is_file()


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
    config = Path(args.config)
    if args.msra_steps or args.msra_model:
        source = Path(args.msra_model) if args.msra_model else msra_stage(args, out)
        config = sourced_config(config, source, out / "guide.cfg")
        mix = corpus / "train-mix"  # spaCy reads every .spacy file of a directory
        mix.mkdir()
        shutil.copy(corpus / "train.spacy", mix / "train.spacy")
        rehearsal = source.parent / "corpus" / "msra-rehearsal.spacy"
        if args.msra_rehearsal and rehearsal.is_file():
            shutil.copy(rehearsal, mix / "msra-rehearsal.spacy")
        elif args.msra_rehearsal:
            raise FileNotFoundError(f"{rehearsal}: the stage-1 run has no rehearsal corpus")
        overrides["paths.train"] = str(mix)
        # the sourced components keep stage 1's settings
        overrides = {k: v for k, v in overrides.items() if not k.startswith(("components.tok2vec.", "components.ner."))}
    (out / "training_args.json").write_text(
        json.dumps({"training": asdict(args), "data": asdict(data), "overrides": overrides}, ensure_ascii=False,
                   indent=2, default=str), encoding="utf-8")
    started = time.time()
    spacy_train(config, out, overrides=overrides)
    if not args.then:
        _mark_complete(out, started)
        return out / "model-best"
    stage2 = out / "stage2"
    stage2_overrides = {"paths.train": overrides["paths.train"], "paths.dev": overrides["paths.dev"],
                        "paths.stage1": str(out / "model-best"), "system.seed": args.seed}
    if args.then_max_steps is not None:
        stage2_overrides["training.max_steps"] = args.then_max_steps
    spacy_train(Path(args.then), stage2, overrides=stage2_overrides)
    _mark_complete(out, started)
    return stage2 / "model-best"


def _mark_complete(out: Path, started: float) -> None:
    (out / COMPLETE).write_text(json.dumps({"seconds": round(time.time() - started)}) + "\n", encoding="utf-8")


def heldout_records(data: DataArguments | None = None, root: Path = Path(".")):
    return split_records(data or DataArguments(), root)["heldout"]
