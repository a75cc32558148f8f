"""Cue-word rule baseline for INVESTMENT, with the learned component's interface (doc._.rel).

Rule: an amount introduced by an investment cue (总投资, 计划投资, 完成投资, …) in its own clause
belongs to the project it directly qualifies (总投资8亿元的【X】) or else to the nearest project
before it in the same sentence, unless it is a group (等 / N个) or the amount opens the next
list item (X、总投资10亿元Y). Two extensions (session 4, from the authored training writers'
paragraphs; the authored test writers were not read for them):
- a continuation amount (…计划投资9.5亿元，实际完成3.1亿元) whose clause says 完成 / 计划 / 年度 /
  首期 / 其中 and no distractor belongs to the project of the linked amount before it in the
  same sentence;
- a cued amount in a sentence with no project, which refers back (该项目总投资…, 项目一期…), belongs
  to the nearest project in the sentences before it (the contract's relations across sentences).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import REL_LABEL
from .relation_features import CLAUSE_END, CUES, DISTRACTORS, SENT_END


# between an amount and the project it qualifies: nothing, or 的 then at most a short name
# (no clause break, no digits) and an opening quote
_QUALIFIES = re.compile(r"(的[^，,、。！？；!?;:：\n0-9]{0,8}?[“\"「『]?)?")


def _cue_in_clause(text: str, start: int, window: int = 10) -> bool:
    clause = CLAUSE_END.split(text[max(0, start - window):start])[-1]
    if any(d in clause for d in DISTRACTORS):
        return False
    return any(c in clause for c in CUES)


_CONTINUATION = re.compile(r"完成|计划|年度|当年|年内|首期|一期|二期|其中|累计")
_BACK_REFERENCE = re.compile(r"该项目|该园|该工程|该基地|该中心|项目|其中|首期|一期|二期|前者|后者")
BACK_REFERENCE_CHARS = 150  # how far back a referring sentence may find its project


def _clause(text: str, start: int, window: int = 10) -> str:
    return CLAUSE_END.split(text[max(0, start - window):start])[-1]


def rule_relations(doc: Doc) -> dict:
    text = doc.text
    projects = [e for e in doc.ents if e.label_ == "PROJECT"]
    rel = {}
    last_link: tuple[int, object] | None = None  # (sentence start, project) of the last linked amount
    for money in (e for e in doc.ents if e.label_ == "MONEY"):
        sent_start = max((m.end() for m in SENT_END.finditer(text, 0, money.start_char)), default=0)
        clause = _clause(text, money.start_char)
        if not _cue_in_clause(text, money.start_char):
            if (last_link and last_link[0] == sent_start and _CONTINUATION.search(clause)
                    and not any(d in clause for d in DISTRACTORS)):
                rel[(last_link[1].start, money.start)] = {REL_LABEL: 1.0}
            continue
        # 总投资8亿元的【X】: the amount qualifies the project right after it, possibly with the
        # developer's name or an opening quote in between (总投资14亿元的碧桂园“【X】”)
        after = [p for p in projects if p.start_char >= money.end_char
                 and _QUALIFIES.fullmatch(text[money.end_char:p.start_char])]
        if after:
            rel[(after[0].start, money.start)] = {REL_LABEL: 1.0}
            last_link = (sent_start, after[0])
            continue
        before = [p for p in projects if p.end_char <= money.start_char
                  and not SENT_END.search(text[p.end_char:money.start_char])]
        if before:
            p = before[-1]
            between = text[p.end_char:money.start_char]
            # 等 / N个: a group total; 、+cue: the amount opens the next list item (总投资8亿元X、总投资10亿元Y)
            next_item = between.startswith("、") and _cue_in_clause(text, money.start_char)
            if not next_item and not re.search(r"等|[0-9一二三四五六七八九十]+个", between):
                rel[(p.start, money.start)] = {REL_LABEL: 1.0}
                last_link = (sent_start, p)
            continue
        # no project in this sentence: one it refers back to, in the sentences before
        earlier = [p for p in projects if money.start_char - BACK_REFERENCE_CHARS <= p.end_char <= sent_start]
        if earlier and _BACK_REFERENCE.search(text[sent_start:money.start_char]):
            p = earlier[-1]
            if not re.search(r"等|[0-9一二三四五六七八九十]+个", text[p.end_char:sent_start]):
                rel[(p.start, money.start)] = {REL_LABEL: 1.0}
                last_link = (sent_start, p)
    return rel


@Language.factory("gov_ner_relation_rules", default_config={})
def make_relation_rules(nlp: Language, name: str):
    """The rule baseline as a pipeline component: sets doc._.rel like gov_ner_relations."""

    def annotate(doc: Doc) -> Doc:
        doc._.rel = rule_relations(doc)
        return doc

    return annotate
