"""Characters no entity may contain: marked as blocked before the NER.

The contract keeps punctuation around a span out of it (ANNOTATION_GUIDELINES: spans never
include surrounding punctuation), and no gold span contains a clause or sentence mark; only
brackets (pinyin glosses, 中豪国际大厦(G座)), `.` `-` `%` `·` `*` occur inside names and
amounts. spaCy's NER keeps a token given as `blocked` (Doc.set_ents) out of every entity; a
preset "O" is not enough, its In move ignores it (spacy/pipeline/_parser_internals/ner.pyx).
With this step before it a predicted name cannot run on through `。` into the next clause
(the CNN otherwise predicts spans such as `河西。` or `…街区。中央…`). It has nothing to learn
and changes no gold span, so it can be added to a trained pipeline.

Quotation marks are blocked too (the guide: no quotes at span edges; a quoted brand is marked
inside its quotes, and no span of the gold or the authored corpus contains one), and so are the
characters of fixed political terms, which the guide leaves unannotated even when they hold a
place (中国特色社会主义, 中国式现代化): the MSRA transfer data mark 中国 there as *missing*, so the
models never learned that it is not a LOC, and the report-level consistency step, which skips
blocked tokens, would otherwise spread such a name.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

# clause and sentence marks, ASCII and full-width (the tokenizer folds most full-width forms)
CLAUSE_MARKS = ",，。、;；:：!！?？《》【】"
QUOTE_MARKS = "“”‘’「」『』\"'"
OUTSIDE_MARKS = CLAUSE_MARKS + QUOTE_MARKS
# fixed political terms (annotations/GUIDELINES.md, hard case 6); a term blocks all its characters
FIXED_TERMS = ("中国特色社会主义", "中国式现代化", "中国梦", "枫桥经验", "金山银山")


@Language.factory("gov_ner_entity_boundaries", default_config={"outside": OUTSIDE_MARKS, "terms": list(FIXED_TERMS)})
def make_entity_boundaries(nlp: Language, name: str, outside: str, terms: list[str]):
    """Block every token that is one of the characters in `outside`, or inside one of the
    `terms`, from any entity."""
    marks = frozenset(outside)
    term_pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))) if terms else None

    def annotate(doc: Doc) -> Doc:
        inside_terms = set()
        if term_pattern is not None:
            for m in term_pattern.finditer(doc.text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                inside_terms.update(range(span.start, span.end))
        blocked = [doc[i:i + 1] for i, tok in enumerate(doc) if tok.text in marks or i in inside_terms]
        if blocked:
            doc.set_ents([], blocked=blocked, default="unmodified")
        return doc

    return annotate


def blocked_tokens(doc: Doc) -> list[int]:
    """Tokens this step blocked (spaCy: preset B with no label)."""
    return [t.i for t in doc if t.ent_iob_ == "B" and not t.ent_type_]


def replace_entities(doc: Doc, spans: list[Span]) -> None:
    """doc.ents = spans, keeping the blocked marks of tokens no span covers (`doc.ents = ...`
    resets them to O, and the report-level consistency step reads them)."""
    covered = {i for s in spans for i in range(s.start, s.end)}
    blocked = [doc[i:i + 1] for i in blocked_tokens(doc) if i not in covered]
    doc.set_ents(sorted(spans, key=lambda s: s.start), blocked=blocked, default="outside")
