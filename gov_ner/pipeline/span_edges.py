"""Span edges the guide fixes and the NER sometimes misses, repaired after the NER.

- A PROJECT directly followed by 项目 or 工程 takes it in: the guide keeps the head noun inside
  the name (【万洋众创城项目】), and no PROJECT of the gold reports or the authored corpus is
  directly followed by either (0 of ~3,900 spans), while the models cut brand-like names before
  it (万洋众创城 + 项目).
- Brackets inside a name are balanced (中豪国际大厦(G座), …项目(二期)): an entity with an
  unclosed bracket whose next character closes it takes that character in; a bracket left
  dangling at an entity's edge is dropped from it.
It has nothing to learn and leaves gold-like spans unchanged, so it can be added to a trained
pipeline (`gov-ner release --add-step span_edges`).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .boundaries import blocked_tokens, replace_entities

HEAD_NOUNS = ("项目", "工程")
PAIRS = {"(": ")", "（": "）", "[": "]"}


def _repair(doc: Doc, ent: Span, taken: set[int]) -> Span:
    start, end = ent.start_char, ent.end_char
    text = doc.text
    if ent.label_ == "PROJECT":
        for noun in HEAD_NOUNS:
            if text.startswith(noun, end):
                end += len(noun)
                break
    for opener, closer in PAIRS.items():
        piece = text[start:end]
        if piece.count(opener) > piece.count(closer):
            if text.startswith(closer, end):
                end += 1
            elif piece.endswith(opener):
                end -= 1
        if piece.startswith(closer) and piece.count(closer) > piece.count(opener):
            start += 1
    if (start, end) == (ent.start_char, ent.end_char) or start >= end:
        return ent
    span = doc.char_span(start, end, label=ent.label_)
    # a repair never runs into another entity or a blocked token
    if span is None or taken.intersection(range(ent.end, span.end)):
        return ent
    return span


@Language.factory("gov_ner_span_edges")
def make_span_edges(nlp: Language, name: str):
    """Extend a PROJECT over a directly following 项目/工程 and balance brackets at entity edges."""

    def annotate(doc: Doc) -> Doc:
        ents = list(doc.ents)
        if not ents:
            return doc
        # entities do not overlap: the tokens taken from one are the others' and the blocked ones
        taken = {j for e in ents for j in range(e.start, e.end)} | set(blocked_tokens(doc))
        replace_entities(doc, [_repair(doc, ent, taken - set(range(ent.start, ent.end))) for ent in ents])
        return doc

    return annotate
