"""Fine-tune the encoder as a token classifier: a plain PyTorch loop, resumable, in stages.

Modelled on Hugging Face's token-classification example (argument dataclasses, `datasets` for
the examples, a plain loop with AdamW and a linear warmup schedule). Two stages:

    python -m gov_ner.training.finetune --stage msra --encoder build/encoder-zh6 --output_dir build/ft/msra
    python -m gov_ner.training.finetune --stage guide --init build/ft/msra/best --output_dir build/ft/guide

Stage `msra` learns Chinese names from MSRA (`gov_ner.training.msra`, mapped to the guide, with
unknown labels ignored); stage `guide` learns the guide's conventions from the reports and the
authored corpus, with a slice of MSRA rehearsed so it is not forgotten. Every `save_steps` the
loop writes `checkpoint/` (model, optimiser, scheduler, step, data order); run the same command
again and it resumes from there. `best/` holds the model with the best dev F1 (seqeval, strict
IOB2, over pieces), `log.jsonl` one line per logged step.
"""
from __future__ import annotations

import json
import math
import random
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..annotations.schema import Record
from ..pipeline.token_classifier import IGNORE, TAGS, char_tags, encode_windows, piece_labels


@dataclass
class ModelArguments:
    encoder: str = field(default="build/encoder-zh6", metadata={"help": "base encoder (stage msra): HF dir or hub name"})
    init: str | None = field(default=None, metadata={"help": "a token classifier to continue from (stage guide)"})


@dataclass
class DataArguments:
    stage: str = field(default="msra", metadata={"help": "msra | guide"})
    msra_limit: int | None = field(default=None, metadata={"help": "MSRA training sentences (None: all)"})
    msra_dev: int = field(default=1000, metadata={"help": "MSRA test sentences used as dev"})
    msra_rehearsal: int = field(default=3000, metadata={"help": "stage guide: MSRA sentences mixed in"})
    annotations: tuple[str, ...] = ("annotations/gold", "annotations/authored/authored.jsonl")
    # a comma-separated string: HfArgumentParser would split a tuple[str, ...] default into characters
    heldout: str | None = field(default=None, metadata={"help": "reports never trained on, comma-separated "
                                                                            "(default: the split's held-out)"})
    all_reports: bool = field(default=False, metadata={"help": "train on all five reports, none held out "
                                                                  "(the model to ship)"})
    real_repeat: int = field(default=3, metadata={"help": "report paragraphs repeat this often per epoch"})
    max_length: int = 128
    stride: int = 16


@dataclass
class LoopArguments:
    output_dir: str = "build/ft/run"
    learning_rate: float = 5e-5
    head_learning_rate: float = 1e-3
    warmup_ratio: float = 0.06
    weight_decay: float = 0.01
    batch_size: int = 32
    epochs: float = 1.0
    max_steps: int = 0  # >0 overrides epochs
    # >0: end the run at this step, the schedule still that of epochs/max_steps (the shipped MSRA
    # stage: one epoch's schedule, its best/ from step 1,600; training/finetune_msra.sh STOP_AFTER)
    stop_after: int = 0
    eval_steps: int = 400
    save_steps: int = 200
    log_steps: int = 25
    seed: int = 13
    threads: int = 2


def _record_examples(records: list[Record]) -> list[tuple[str, list, None]]:
    """(model text, spans in model offsets, no missing) for annotation records, normalised as the
    pipeline's tokenizer normalises them."""
    from ..convert import blank_nlp, record_to_doc

    nlp = blank_nlp()
    out = []
    for rec in records:
        doc = record_to_doc(rec, nlp)
        out.append((doc.text, [(e.start_char, e.end_char, e.label_) for e in doc.ents], None))
    return out


def _msra_examples(split: str, limit: int | None, rng: random.Random | None = None):
    from .msra import load_msra

    sents = load_msra(split)
    if rng is not None:
        rng.shuffle(sents)
    return [(s.text, s.spans, s.missing_mask()) for s in sents[:limit]]


def guide_records(data: DataArguments, root: Path = Path(".")) -> dict[str, list[Record]]:
    """train / dev records for stage guide: the same split as the spaCy recipes
    (`training.data.split_records`: held-out reports never train, dev is a slice of the training
    reports, report paragraphs repeat, the authored test writers never train)."""
    from .data import DataArguments as RecipeData
    from .data import split_records

    authored = [p for p in data.annotations if "authored" in Path(p).parts]
    heldout = data.heldout
    if isinstance(heldout, str):  # --heldout 002_x,003_y
        heldout = tuple(h for h in heldout.split(",") if h)
    recipe = RecipeData(annotations=tuple(p for p in data.annotations if p not in authored),
                        authored=authored[0] if authored else None,
                        real_repeat=data.real_repeat, heldout=() if data.all_reports else heldout)
    return split_records(recipe, root)


def build_dataset(examples, tokenizer, data: DataArguments):
    """A `datasets.Dataset` of windows: input_ids and piece labels."""
    from datasets import Dataset

    rows = {"input_ids": [], "labels": []}
    for text, spans, missing in examples:
        tags = char_tags(text, spans, missing)
        for w in encode_windows(tokenizer, text, data.max_length, data.stride):
            labels = piece_labels(w["offsets"], tags)
            if any(lab != IGNORE for lab in labels):
                rows["input_ids"].append(w["input_ids"])
                rows["labels"].append(labels)
    return Dataset.from_dict(rows)


def _batches(ds, batch_size: int, rng: random.Random, pad_id: int):
    """Length-grouped shuffled batches (less padding on CPU), as padded tensors."""
    import torch

    all_ids, all_labels = ds["input_ids"], ds["labels"]
    idx = list(range(len(all_ids)))
    rng.shuffle(idx)
    chunks = [sorted(idx[i:i + batch_size * 50], key=lambda j: len(all_ids[j]))
              for i in range(0, len(idx), batch_size * 50)]
    batches = [c[i:i + batch_size] for c in chunks for i in range(0, len(c), batch_size)]
    rng.shuffle(batches)
    for b in batches:
        width = max(len(all_ids[j]) for j in b)
        ids = torch.full((len(b), width), pad_id, dtype=torch.long)
        labels = torch.full((len(b), width), IGNORE, dtype=torch.long)
        for r, (x, y) in enumerate((all_ids[j], all_labels[j]) for j in b):
            ids[r, :len(x)] = torch.tensor(x)
            labels[r, :len(y)] = torch.tensor(y)
        yield ids, (ids != pad_id).long(), labels


def evaluate(model, ds, pad_id: int, batch_size: int = 64) -> dict:
    """seqeval (strict IOB2) over the labelled pieces of a dataset."""
    import torch
    from seqeval.metrics import classification_report
    from seqeval.scheme import IOB2

    model.eval()
    gold, pred = [], []
    with torch.inference_mode():
        for ids, mask, labels in _batches(ds, batch_size, random.Random(0), pad_id):
            out = model(input_ids=ids, attention_mask=mask).logits.argmax(-1)
            for p, g in zip(out.tolist(), labels.tolist()):
                keep = [(TAGS[pi], TAGS[gi]) for pi, gi in zip(p, g) if gi != IGNORE]
                # argmax can start with I-: seqeval strict mode counts that as no entity
                pred.append([k[0] for k in keep])
                gold.append([k[1] for k in keep])
    model.train()
    rep = classification_report(gold, pred, mode="strict", scheme=IOB2, output_dict=True, zero_division=0)
    return {k: round(v["f1-score"], 4) for k, v in rep.items() if k in
            ("ORG", "LOC", "PROJECT", "MONEY", "PERCENT", "micro avg")}


def train(model_args: ModelArguments, data: DataArguments, loop: LoopArguments) -> Path:
    import torch
    from transformers import AutoModelForTokenClassification, AutoTokenizer, get_linear_schedule_with_warmup

    torch.set_num_threads(loop.threads)
    torch.manual_seed(loop.seed)  # the new head's initialisation and dropout; data order has its own rng
    out = Path(loop.output_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "args.json").write_text(json.dumps({"model": asdict(model_args), "data": asdict(data),
                                               "loop": asdict(loop)}, ensure_ascii=False, indent=1))
    ckpt = out / "checkpoint"
    start_from = str(ckpt) if (ckpt / "state.pt").exists() else (model_args.init or model_args.encoder)
    tokenizer = AutoTokenizer.from_pretrained(start_from)
    model = AutoModelForTokenClassification.from_pretrained(
        start_from, num_labels=len(TAGS), id2label=dict(enumerate(TAGS)), label2id={t: i for i, t in enumerate(TAGS)},
        torch_dtype=torch.float32)

    rng = random.Random(loop.seed)
    if data.stage == "msra":
        train_ex = _msra_examples("train", data.msra_limit, rng)
        dev_ex = _msra_examples("test", data.msra_dev)
    elif data.stage == "guide":
        recs = guide_records(data)
        train_ex = _record_examples(recs["train"])
        if data.msra_rehearsal:
            train_ex += _msra_examples("train", data.msra_rehearsal, rng)
        dev_ex = _record_examples(recs["dev"])
    else:
        raise ValueError(f"unknown stage {data.stage!r} (msra or guide)")
    train_ds = build_dataset(train_ex, tokenizer, data)
    dev_ds = build_dataset(dev_ex, tokenizer, data)
    steps_per_epoch = math.ceil(len(train_ds) / loop.batch_size)
    total = loop.max_steps or math.ceil(steps_per_epoch * loop.epochs)

    head = [p for n, p in model.named_parameters() if n.startswith("classifier")]
    body = [p for n, p in model.named_parameters() if not n.startswith("classifier")]
    optim = torch.optim.AdamW([{"params": body, "lr": loop.learning_rate},
                               {"params": head, "lr": loop.head_learning_rate}], weight_decay=loop.weight_decay)
    sched = get_linear_schedule_with_warmup(optim, int(loop.warmup_ratio * total), total)
    step, best = 0, -1.0
    if (ckpt / "state.pt").exists():
        state = torch.load(ckpt / "state.pt", weights_only=False)
        optim.load_state_dict(state["optim"])
        sched.load_state_dict(state["sched"])
        step, best = state["step"], state["best"]
        print(f"resumed from {ckpt} at step {step}/{total}", file=sys.stderr)
    log = open(out / "log.jsonl", "a", encoding="utf-8")
    print(f"{len(train_ds)} train windows, {len(dev_ds)} dev windows, {total} steps", file=sys.stderr)

    model.train()
    epoch = step // steps_per_epoch
    t0, tokens, loss_sum, n_loss = time.time(), 0, 0.0, 0
    end = min(total, loop.stop_after) if loop.stop_after > 0 else total
    while step < end:
        # the data order of an epoch depends only on (seed, epoch): a resumed run skips what was done
        batches = _batches(train_ds, loop.batch_size, random.Random(f"{loop.seed}-{epoch}"), tokenizer.pad_token_id)
        for i, (ids, mask, labels) in enumerate(batches):
            if i < step - epoch * steps_per_epoch:
                continue
            loss = model(input_ids=ids, attention_mask=mask, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            sched.step()
            optim.zero_grad()
            step += 1
            tokens += int(mask.sum())
            loss_sum, n_loss = loss_sum + loss.item(), n_loss + 1
            if step % loop.log_steps == 0:
                row = {"step": step, "epoch": round(step / steps_per_epoch, 3), "loss": round(loss_sum / n_loss, 4),
                       "tokens_per_s": round(tokens / (time.time() - t0)), "lr": sched.get_last_lr()[0]}
                log.write(json.dumps(row) + "\n")
                log.flush()
                loss_sum, n_loss = 0.0, 0
            if step % loop.eval_steps == 0 or step == end:
                scores = evaluate(model, dev_ds, tokenizer.pad_token_id)
                log.write(json.dumps({"step": step, "dev": scores}) + "\n")
                log.flush()
                if scores["micro avg"] > best:
                    best = scores["micro avg"]
                    model.save_pretrained(out / "best")
                    tokenizer.save_pretrained(out / "best")
                    (out / "best" / "dev_scores.json").write_text(json.dumps({"step": step, **scores}))
            if step % loop.save_steps == 0 or step == end:
                model.save_pretrained(ckpt)
                tokenizer.save_pretrained(ckpt)
                torch.save({"optim": optim.state_dict(), "sched": sched.state_dict(), "step": step, "best": best},
                           ckpt / "state.pt.tmp")
                (ckpt / "state.pt.tmp").replace(ckpt / "state.pt")
            if step >= end:
                break
        epoch += 1
    (out / "DONE").write_text(json.dumps({"step": step, "best_dev_micro_f1": best}))
    return out / "best"


def main(argv: list[str] | None = None) -> int:
    from transformers import HfArgumentParser

    parser = HfArgumentParser((ModelArguments, DataArguments, LoopArguments))
    model_args, data, loop = parser.parse_args_into_dataclasses(args=argv)
    print(train(model_args, data, loop))
    return 0


if __name__ == "__main__":
    sys.exit(main())
