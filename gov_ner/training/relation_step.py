"""Train the INVESTMENT step on its own: the cue-word rule rescored by a small classifier.

    python -m gov_ner.training.relation_step train --output build/relation-step [--ner_model MODEL]
    python -m gov_ner.training.relation_step attach MODEL build/relation-step -o OUT

The step (`gov_ner_relations` with `gov_ner.PairFeatures.v1` instances) sees each candidate
PROJECT x MONEY pair through the cue features, the rule's own decision and hashed context
characters, so it trains in seconds, independent of the NER's encoder, and fits any pipeline.

Training text: the authored corpus's training writers only. The five reports are left out on
purpose, so all nine real INVESTMENT relations stay a test of the step (given gold entities),
and the authored test writers never train. Each paragraph is seen twice: with its gold
entities, and with the entities a NER predicts (--ner-model: a pipeline that never trained on
the authored corpus, so its errors are the errors the step meets in use). On predicted
entities a pair is a positive when its amount is a gold amount, exactly, and its project
overlaps that amount's gold project: cut or run-on project spans still link, spurious projects
and distractor amounts do not.

Dev: the paragraphs of writers DEV_WRITERS pick the epoch count and the threshold; the step is
then retrained on all training writers with those and written to the output directory as a
small spaCy pipeline (blank tokenizer + `relations`), which `attach` sources into a model.
"""
from __future__ import annotations

import json
import random
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..annotations.schema import Record

DEV_WRITERS = ("w13", "w14")
MODEL_CONFIG = {
    "@architectures": "gov_ner.RelationModel.v1",
    "create_instance_tensor": {"@architectures": "gov_ner.PairFeatures.v1",
                               "get_instances": {"@misc": "gov_ner.investment_candidates.v1", "max_chars": 200}},
    "classification_layer": {"@architectures": "gov_ner.RelationClassifier.v1", "hidden_width": 64, "dropout": 0.1},
}


@dataclass
class RelationStepArguments:
    output: str = field(default="build/relation-step", metadata={"help": "new directory for the step"})
    authored: str = "annotations/authored/authored.jsonl"
    ner_model: str | None = field(default=None, metadata={"help": "also train on this pipeline's predicted "
                                                                   "entities (one that never saw the authored corpus)"})
    max_epochs: int = 30
    learn_rate: float = 1e-3
    batch_size: int = 256
    seed: int = 13
    force: bool = False


def _training_records(args: RelationStepArguments) -> list[Record]:
    from ..annotations.authored import TEST_WRITERS
    from ..annotations.io import read_many

    return [r for r in read_many([Path(args.authored)]) if r.meta.get("writer") not in TEST_WRITERS]


def _gold_pairs(rec: Record) -> set[tuple[tuple[int, int], tuple[int, int]]]:
    return {((rec.spans[r.head].start, rec.spans[r.head].end), (rec.spans[r.child].start, rec.spans[r.child].end))
            for r in rec.relations}


def labelled_docs(records: list[Record], nlp_ner=None) -> list[tuple[object, list[float]]]:
    """(doc with entities, truth per candidate pair) for each record: gold entities, and if
    nlp_ner is given, its predicted entities as well (labelled by overlap, see the module doc)."""
    from ..convert import blank_nlp, record_to_doc
    from ..pipeline.relation_features import candidate_pairs

    gold_nlp = blank_nlp()
    out = []
    for rec in records:
        gold = record_to_doc(rec, gold_nlp)
        gold_rel = {(gold[h].idx, gold[c].idx) for (h, c) in (gold._.rel or {})}  # model-text starts
        gold_by_money = {}
        for (h, c) in gold._.rel or {}:
            p = next(e for e in gold.ents if e.start == h)
            m = next(e for e in gold.ents if e.start == c)
            gold_by_money[(m.start_char, m.end_char)] = (p.start_char, p.end_char)
        truths = [float((p.start_char, m.start_char) in gold_rel) for p, m in candidate_pairs(gold)]
        out.append((gold, truths))
        if nlp_ner is not None:
            doc = nlp_ner(rec.text)
            truths = []
            for p, m in candidate_pairs(doc):
                gp = gold_by_money.get((m.start_char, m.end_char))
                truths.append(float(gp is not None and p.start_char < gp[1] and gp[0] < p.end_char))
            out.append((doc, truths))
    return out


def _new_step():
    from ..convert import blank_nlp

    nlp = blank_nlp()
    nlp.add_pipe("gov_ner_relations", name="relations", config={"model": MODEL_CONFIG, "threshold": 0.5})
    return nlp


def _fit(data, epochs: int, args: RelationStepArguments, dev=None):
    """Train a new step on data; with dev, return per-epoch dev (best F, threshold) too."""
    import numpy
    from thinc.api import Adam, fix_random_seed

    fix_random_seed(args.seed)
    nlp = _new_step()
    step = nlp.get_pipe("relations")
    features, classifier = step.model.layers
    docs = [d for d, _ in data]
    X = numpy.concatenate([features.predict([d]) for d in docs])
    Y = numpy.asarray([t for _, ts in data for t in ts], dtype="float32").reshape(-1, 1)
    assert X.shape[0] == Y.shape[0], (X.shape, Y.shape)
    step.model.initialize(X=[d for d in docs if features.attrs["get_instances"](d)][:32])
    opt = Adam(args.learn_rate)
    rng = random.Random(args.seed)
    dev_X = dev_Y = None
    if dev:
        dev_X = numpy.concatenate([features.predict([d]) for d, _ in dev])
        dev_Y = numpy.asarray([t for _, ts in dev for t in ts], dtype="float32")
    history = []
    idx = list(range(X.shape[0]))
    for epoch in range(epochs):
        rng.shuffle(idx)
        for i in range(0, len(idx), args.batch_size):
            b = idx[i:i + args.batch_size]
            scores, backprop = classifier.begin_update(X[b])
            weights = 1.0 + 2.0 * Y[b]  # positives are few
            backprop((scores - Y[b]) * weights / len(b))
            classifier.finish_update(opt)
        if dev:
            s = classifier.predict(dev_X).ravel()
            history.append(max(((_pair_f1(s >= t, dev_Y), t) for t in (0.3, 0.4, 0.5, 0.6, 0.7)), key=lambda x: x[0]))
    return nlp, history


def _pair_f1(pred, gold) -> float:
    tp = float((pred & (gold > 0.5)).sum())
    p = tp / max(pred.sum(), 1)
    r = tp / max((gold > 0.5).sum(), 1)
    return 2 * p * r / (p + r) if p + r else 0.0


def train_step(args: RelationStepArguments) -> Path:
    import shutil

    import gov_ner

    out = Path(args.output)
    if out.exists():
        if not args.force:
            raise FileExistsError(f"{out} exists; choose a new --output or pass --force")
        shutil.rmtree(out)
    records = _training_records(args)
    nlp_ner = gov_ner.load(args.ner_model) if args.ner_model else None
    train = [r for r in records if r.meta.get("writer") not in DEV_WRITERS]
    dev = [r for r in records if r.meta.get("writer") in DEV_WRITERS]
    train_data = labelled_docs(train, nlp_ner)
    dev_data = labelled_docs(dev, nlp_ner)
    _, history = _fit(train_data, args.max_epochs, args, dev=dev_data)
    best_epoch = max(range(len(history)), key=lambda i: history[i][0]) + 1
    threshold = history[best_epoch - 1][1]
    print(f"dev pair F1 by epoch: {[round(h[0], 3) for h in history]}; best epoch {best_epoch}, "
          f"threshold {threshold}", file=sys.stderr)
    nlp, _ = _fit(train_data + dev_data, best_epoch, args)
    nlp.get_pipe("relations").cfg["threshold"] = threshold
    nlp.to_disk(out)
    (out / "training.json").write_text(json.dumps({
        "args": asdict(args), "records": len(records), "dev_writers": DEV_WRITERS,
        "pairs": sum(len(t) for _, t in train_data + dev_data),
        "positives": int(sum(sum(t) for _, t in train_data + dev_data)),
        "dev_f1_by_epoch": [round(h[0], 4) for h in history], "epochs": best_epoch, "threshold": threshold},
        indent=1), encoding="utf-8")
    return out


def attach(model: str, step: str, output: str, force: bool = False) -> Path:
    """A copy of `model` with its relation step replaced by the trained `step` (a new directory)."""
    import shutil

    import spacy

    import gov_ner

    out = Path(output)
    if out.exists():
        if not force:
            raise FileExistsError(f"{out} exists; choose a new --output or pass --force")
        shutil.rmtree(out)
    nlp = gov_ner.load(model)
    source = spacy.load(step)
    if "relations" in nlp.pipe_names:
        before = nlp.pipe_names[nlp.pipe_names.index("relations") + 1:]
        nlp.remove_pipe("relations")
        nlp.add_pipe("relations", source=source, before=before[0] if before else None)
    else:
        nlp.add_pipe("relations", source=source, before="consistency" if "consistency" in nlp.pipe_names else None)
    nlp.to_disk(out)
    return out


def main(argv: list[str] | None = None) -> int:
    import argparse

    from transformers import HfArgumentParser

    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["attach"]:
        p = argparse.ArgumentParser(prog="python -m gov_ner.training.relation_step attach")
        p.add_argument("model")
        p.add_argument("step")
        p.add_argument("-o", "--output", required=True)
        p.add_argument("--force", action="store_true")
        a = p.parse_args(argv[1:])
        print(attach(a.model, a.step, a.output, a.force))
        return 0
    if argv[:1] == ["train"]:
        argv = argv[1:]
    (args,) = HfArgumentParser(RelationStepArguments).parse_args_into_dataclasses(args=argv)
    print(train_step(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
