"""Corpus-wide consistency: the same string labelled differently, or labelled once and missed elsewhere.

Findings are questions for an annotator, not errors: a park can rightly be a PROJECT in one
sentence and a LOC in the next. Each finding shows the contexts so it can be decided by reading.
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..text.normalise import normalise
from .schema import Record

CONTEXT = 12


@dataclass
class Finding:
    kind: str  # "label-conflict" or "unlabelled"
    surface: str
    labels: dict[str, int]
    occurrences: list[str] = field(default_factory=list)  # "id@offset: …context…"

    def __str__(self) -> str:
        labels = ", ".join(f"{k}×{v}" for k, v in sorted(self.labels.items()))
        head = f"[{self.kind}] {self.surface!r} labelled {labels}"
        return "\n".join([head] + [f"    {o}" for o in self.occurrences])


def _ctx(rec: Record, start: int, end: int) -> str:
    t = rec.text
    left = t[max(0, start - CONTEXT):start].replace("\n", " ")
    right = t[end:end + CONTEXT].replace("\n", " ")
    return f"{rec.id}@{start}: …{left}【{t[start:end]}】{right}…"


def check_consistency(records: Iterable[Record], min_len: int = 2) -> list[Finding]:
    # Compared on normalised text, so 東昌區(qū) in the traditional report and 东昌区 elsewhere
    # are the same string.
    records = list(records)
    labelled: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    covered: dict[str, list[tuple[int, int]]] = {}
    norms = {rec.id: normalise(rec.text, drop_boilerplate=False) for rec in records}
    for rec in records:
        norm = norms[rec.id]
        covered[rec.id] = [m for s in rec.spans if (m := norm.to_model(s.start, s.end))]
        for s in rec.spans:
            m = norm.to_model(s.start, s.end)
            surface = norm.text[m[0]:m[1]] if m else rec.text[s.start:s.end]
            labelled[surface][s.label].append(_ctx(rec, s.start, s.end))
    starts, pos = [], 0
    for rec in records:
        starts.append(pos)
        pos += len(norms[rec.id].text) + 1
    corpus = "\0".join(norms[rec.id].text for rec in records)
    findings: list[Finding] = []
    for surface, by_label in sorted(labelled.items()):
        counts = {lab: len(v) for lab, v in by_label.items()}
        if len(by_label) > 1:
            occ = [f"{lab}: {c}" for lab, cs in sorted(by_label.items()) for c in cs]
            findings.append(Finding("label-conflict", surface, counts, occ))
        if len(surface) < min_len:
            continue
        missed = []
        # one search over all records joined (NUL never occurs in a text): O(occurrences), not O(records)
        i = corpus.find(surface)
        while i >= 0:
            k = bisect.bisect_right(starts, i) - 1
            rec, norm = records[k], norms[records[k].id]
            a, j = i - starts[k], i - starts[k] + len(surface)
            # unlabelled = not exactly a span and not inside a longer span
            if j <= len(norm.text) and not any(s <= a and j <= e for s, e in covered[rec.id]):
                missed.append(f"unlabelled: {_ctx(rec, *norm.to_raw(a, j))}")
            i = corpus.find(surface, i + 1)
        if missed:
            findings.append(Finding("unlabelled", surface, counts, missed))
    return findings
