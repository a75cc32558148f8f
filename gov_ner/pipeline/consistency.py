"""Report-level consistency: a name the model found once is labelled wherever it recurs.

A report names its own district, agencies and places many times, often in contexts the model
has never seen (活力河西, 美丽河西, 河西代表团). This step reads every paragraph of one
report together: the ORG and LOC names the NER predicted, with their majority label, are
labelled at their other occurrences that no entity covers. A LOC ending in an administrative
suffix also gives its short form (河西区 -> 河西), the way reports refer to their own region.

Guards: PROJECT is not propagated (whether a facility is a PROJECT or an ORG depends on what
the sentence says of it, 建成 or 推动); a name needs two or more characters and must start
and end on word boundaries of the pkuseg lexicon, so 高新 (from 高新区) is not found inside
高新技术; a string predicted with two labels equally often is left alone.

It is a pipeline component so that configs switch it on and models carry it, but a Doc is one
paragraph: per doc it does nothing, and `finish_report(nlp, docs)` applies it to the docs of
one report (gov_ner.extract and evaluation both call it).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..text.lexicon import word_positions
from .boundaries import blocked_tokens, replace_entities

ADMIN_SUFFIXES = "省市区县"
# generic area nouns that end in an administrative suffix: 开发区 is a development zone, not
# the 开发 region, so these give no short form
GENERIC_STEMS = frozenset("开发 保护 示范 老城 新城 主城 城区 商务 核心 功能 集聚 先行 试验 风景 工业 居住 "
                          "生活 产业 旅游 自贸 综合 物流 创新 科技 经济 高新技术 中心 重点 全 本 我".split())


class ReportConsistency:
    def __init__(self, labels: Sequence[str], short_forms: bool, min_chars: int, min_count: int,
                 word_boundaries: bool):
        self.labels = tuple(labels)
        self.min_count = min_count
        self.short_forms = short_forms
        self.min_chars = min_chars
        self.word_boundaries = word_boundaries

    def __call__(self, doc: Doc) -> Doc:
        return doc  # one paragraph alone has nothing to be consistent with

    def names(self, docs: Iterable[Doc]) -> dict[str, str]:
        """Name -> label for every name predicted at least min_count times, with one most
        frequent label; plus the short forms of such LOC names."""
        votes: dict[str, Counter] = defaultdict(Counter)
        for doc in docs:
            for ent in doc.ents:
                if ent.label_ in self.labels and len(ent.text) >= self.min_chars:
                    votes[ent.text][ent.label_] += 1
        names = {}
        for text, counts in votes.items():
            (label, n), *rest = counts.most_common()
            if n >= self.min_count and (not rest or rest[0][1] < n):
                names[text] = label
        if self.short_forms and "LOC" in self.labels:
            for text, label in list(names.items()):
                stem = text[:-1]
                if (label == "LOC" and text[-1] in ADMIN_SUFFIXES and len(stem) >= self.min_chars
                        and stem not in GENERIC_STEMS):
                    names.setdefault(stem, "LOC")
        return names

    def propagate(self, docs: Sequence[Doc]) -> list[Doc]:
        """Label the unlabelled occurrences of the report's names in every doc (in place)."""
        names = self.names(docs)
        if not names:
            return list(docs)
        # longest first, so that 河西区 is taken before 河西 can be
        pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
        for doc in docs:
            added = self._new_spans(doc, names, pattern)
            if added:
                replace_entities(doc, [*doc.ents, *added])
        return list(docs)

    def _new_spans(self, doc: Doc, names: dict[str, str], pattern: re.Pattern) -> list[Span]:
        # tokens in an entity, or blocked from any (boundaries step: preset B with no label)
        taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        taken.update(blocked_tokens(doc))
        positions = word_positions(doc.text) if self.word_boundaries else None
        added = []
        for m in _overlapping_matches(pattern, doc.text):
            if positions is not None and (positions[m[0]] not in "BS" or positions[m[1] - 1] not in "ES"):
                continue
            span = doc.char_span(m[0], m[1], label=names[doc.text[m[0]:m[1]]])
            if span is None or taken.intersection(range(span.start, span.end)):
                continue
            added.append(span)
            taken.update(range(span.start, span.end))
        return added


def _overlapping_matches(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    """Matches starting at every position (re.finditer skips those inside an earlier match,
    which may be covered by an entity already, hiding a shorter free name after it)."""
    out, pos = [], 0
    while pos < len(text):
        m = pattern.search(text, pos)
        if m is None:
            break
        out.append((m.start(), m.end()))
        pos = m.start() + 1
    return out


@Language.factory("gov_ner_report_consistency",
                  default_config={"labels": ["ORG", "LOC"], "short_forms": True, "min_chars": 2, "min_count": 2,
                                  "word_boundaries": True})
def make_report_consistency(nlp: Language, name: str, labels: list[str], short_forms: bool, min_chars: int,
                            min_count: int, word_boundaries: bool) -> ReportConsistency:
    """labels: what to propagate; short_forms: 河西区 -> 河西; min_chars: shortest name;
    min_count: how often the NER must have predicted a name in the report; word_boundaries:
    matches must start and end on pkuseg-lexicon word boundaries."""
    return ReportConsistency(labels, short_forms, min_chars, min_count, word_boundaries)


def finish_report(nlp: Language, docs: Iterable[Doc]) -> Iterable[Doc]:
    """Apply the pipeline's report-level steps to the docs (paragraphs) of one report.

    Without such a step the docs pass through lazily (a stream stays a stream); with one, the
    report's docs are held together, as the step needs them all.
    """
    steps = [proc for _, proc in nlp.pipeline if isinstance(proc, ReportConsistency)]
    if not steps:
        return docs
    docs = list(docs)
    for step in steps:
        docs = step.propagate(docs)
    return docs
