"""Rule baseline for MONEY and PERCENT: patterns over model text, as a spaCy component.

It is the floor the learned pipeline must beat, and a fallback users can add to a pipeline.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from .amounts import CURRENCIES

DIGITS = r"[0-9]+(?:\.[0-9]+)?"
CN_NUM = r"[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿点]*"
REDACTED = r"(?:\.|X{1,3}|x{1,3}|\*{1,3})"
NUMBER = rf"(?:{DIGITS}|{CN_NUM}|{REDACTED})"
# the currency words amounts.py knows, longest first so that 美元 is not read as 元
CURRENCY = "(?:" + "|".join(sorted({w for w, _ in CURRENCIES}, key=len, reverse=True)) + ")"
MONEY = re.compile(
    rf"(?:{NUMBER}(?:\s*[-~—至到]\s*{NUMBER})?(?:余|多)?[十百千万亿]*{CURRENCY}"
    rf"|(?<![0-9一二三四五六七八九十百千万亿])(?:万亿|千亿|千万){CURRENCY})"
)
PERCENT = re.compile(
    rf"(?:{NUMBER}(?:\s*[-~—至到]\s*{NUMBER})?\s*%"
    rf"|百分之{CN_NUM}(?:点{CN_NUM})?"
    rf"|{NUMBER}个百分点)"
)
# A bare 亿元 / 万元 is not money (亿元以上项目, 近万元); 万亿元 / 千亿元 / 千万元 are, with 万 or 千
# as the numeral, as the contract's decided case says.


def find_amounts(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of MONEY and PERCENT matches, longest first, never overlapping."""
    found = [(m.start(), m.end(), "MONEY") for m in MONEY.finditer(text)]
    found += [(m.start(), m.end(), "PERCENT") for m in PERCENT.finditer(text)]
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out, last_end = [], -1
    for s, e, lab in found:
        if s >= last_end:
            out.append((s, e, lab))
            last_end = e
    return out


@Language.factory("gov_ner_amount_rules", default_config={"mode": "own"})
def make_amount_rules(nlp: Language, name: str, mode: str):
    """MONEY/PERCENT by patterns. mode "own": the patterns decide MONEY and PERCENT (the
    model's are dropped; other entities stay unless they overlap a match); "fill": only add
    matches that overlap no existing entity; "only": nothing but the matches."""
    if mode not in ("own", "fill", "only"):
        raise ValueError(f"gov_ner_amount_rules: mode must be own, fill or only, not {mode!r}")

    from .pipeline.boundaries import replace_entities  # keeps the boundary step's blocked marks

    def annotate(doc: Doc) -> Doc:
        spans = [doc.char_span(s, e, label=lab, alignment_mode="contract") for s, e, lab in find_amounts(doc.text)]
        spans = [s for s in spans if s is not None]
        if mode == "only":
            replace_entities(doc, filter_spans(spans))
        elif mode == "fill":
            taken = {i for e in doc.ents for i in range(e.start, e.end)}
            replace_entities(doc, list(doc.ents) + [s for s in spans if not taken.intersection(range(s.start, s.end))])
        else:
            covered = {i for s in spans for i in range(s.start, s.end)}
            keep = [e for e in doc.ents if e.label_ not in ("MONEY", "PERCENT")
                    and not covered.intersection(range(e.start, e.end))]
            replace_entities(doc, keep + spans)
        return doc

    return annotate
