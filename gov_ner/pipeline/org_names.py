"""A place followed by the name of a government body is one ORG: 河西区 + 人民政府.

The contract labels government bodies and party committees ORG and wants the longest named
mention with its place prefix (【东昌区第十届人民代表大会】, not 【东昌区】第十届…). The training
reports hold only two such names, so the NER tends to stop at the place (LOC 河西区 in
河西区人民政府). This step, after the NER, extends a predicted LOC over a directly following
body name from a fixed list and relabels the whole span ORG. It has nothing to learn.

The opposite case, two coordinated bodies written without a mark between them (市委市政府,
区委区政府, 镇党委镇政府), is two ORGs by the contract, as the corpus writes them with 、
(【市委】、【市政府】 60 times in the authored corpus, 市委市政府 only 3 times); the models take the
run-together form for one name, so an ORG that is a party committee followed by a level's
government is split in two.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .boundaries import replace_entities

# government bodies and party committees (contract: ORG), longest first within the alternation
BODIES = ("人民代表大会常务委员会", "人大常委会", "人民代表大会", "人民政府", "人民法院", "人民检察院", "管理委员会",
          "纪委监委", "党工委", "管委会", "委员会", "代表团", "政府", "党委", "人大", "政协", "纪委", "委")
SESSION = "第[一二三四五六七八九十百零〇0-9]+届"
# 河西区政府工作报告 is a report's title, not a body
BODY_AFTER_PLACE = re.compile(rf"(?:{SESSION})?(?:{'|'.join(BODIES)})(?!工作报告)")
# a party committee, then a government with its level (党委政府 without a level is generic)
LEVELS = "省市区县州盟旗镇乡"
COMMITTEE_AND_GOVERNMENT = re.compile(rf"(.+?委)(.{{0,8}}?[{LEVELS}](?:人民)?政府)")


def split_coordinated(doc: Doc, ent):
    """[ent] or, for 市委市政府, [市委, 市政府] (both ORG)."""
    m = COMMITTEE_AND_GOVERNMENT.fullmatch(ent.text) if ent.label_ == "ORG" else None
    if m is None:
        return [ent]
    cut = ent.start_char + m.end(1)
    parts = [doc.char_span(ent.start_char, cut, label="ORG"), doc.char_span(cut, ent.end_char, label="ORG")]
    return parts if all(p is not None for p in parts) else [ent]


@Language.factory("gov_ner_org_names")
def make_org_names(nlp: Language, name: str):
    """Extend LOC entities over a directly following government body name into one ORG; split an
    ORG made of a party committee and a government (市委市政府) in two."""

    def annotate(doc: Doc) -> Doc:
        ents = list(doc.ents)
        out, absorbed = [], set()
        for i, ent in enumerate(ents):
            if i in absorbed:
                continue
            m = BODY_AFTER_PLACE.match(doc.text, ent.end_char) if ent.label_ == "LOC" else None
            span = doc.char_span(ent.start_char, m.end(), label="ORG") if m else None
            if span is not None:
                inside = [j for j in range(i + 1, len(ents)) if ents[j].start_char < m.end()]
                # the body must be free text or an ORG the NER cut out of it (河西区 + 民政府)
                if all(ents[j].label_ == "ORG" and ents[j].end_char <= m.end() for j in inside):
                    out.append(span)
                    absorbed.update(inside)
                    continue
            out.append(ent)
        replace_entities(doc, [part for ent in out for part in split_coordinated(doc, ent)])
        return doc

    return annotate
