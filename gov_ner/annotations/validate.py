"""Checks that annotation records follow the contract; every problem names file:line and field."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..text.normalise import BOILERPLATE_LINE, PINYIN_GLOSS, SURROGATE
from ..text.reading import read_report
from .schema import ENTITY_LABELS, RELATION_TYPES, Record

# Redaction marks may open a span (".亿元", "**开发区", "XX万元").
REDACTION = set(".．*＊Xx")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


def _is_edge_junk(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in "PZC"


def check_record(rec: Record, *, raw_texts: dict[str, str] | None = None) -> list[Problem]:
    path, line = rec.source or ("<input>", 0)
    out: list[Problem] = []

    def bad(field: str, message: str) -> None:
        out.append(Problem(path, line, field, message))

    text, n = rec.text, len(rec.text)
    surrogate = SURROGATE.search(text)
    if surrogate:
        bad("text", f"surrogate code point U+{ord(surrogate.group()):04X} at offset {surrogate.start()}: not valid "
                    f"Unicode text (a lone \\u escape?); it cannot be written as UTF-8 or stored in a DocBin")
    glosses = [(m.start(), m.end()) for m in PINYIN_GLOSS.finditer(text)]
    scraper_lines = [(m.start(), m.end()) for m in BOILERPLATE_LINE.finditer(text)]
    # spans out of bounds are reported once, as such, not again as overlapping
    order = sorted((i for i, s in enumerate(rec.spans) if 0 <= s.start < s.end <= n),
                   key=lambda i: (rec.spans[i].start, rec.spans[i].end))
    for i, s in enumerate(rec.spans):
        f = f"spans[{i}]"
        if s.label not in ENTITY_LABELS:
            bad(f"{f}.label", f"unknown label {s.label!r} (expected one of {', '.join(ENTITY_LABELS)})")
        if not 0 <= s.start < s.end <= n:
            bad(f, f"offsets ({s.start}, {s.end}) out of bounds for text of length {n}")
            continue
        for edge in (s.start, s.end):
            if 0 < edge < n and "\ud800" <= text[edge - 1] <= "\udbff" and "\udc00" <= text[edge] <= "\udfff":
                bad(f, f"offset {edge} falls inside a surrogate pair")
        frag = text[s.start:s.end]
        cut = next((g for g in glosses if g[0] < s.start < g[1] or g[0] <= s.end < g[1]), None)
        if cut is not None:  # the model sees 區(qū) as one character: a span takes all of it or none
            bad(f, f"span {frag!r} cuts the pinyin gloss {text[cut[0]:cut[1]]!r} of {text[cut[0] - 1]!r}")
            continue
        scraper = next((b for b in scraper_lines if b[0] < s.end and s.start < b[1]), None)
        if scraper is not None:  # normalise() drops these lines: the model never sees the span
            bad(f, f"span {frag!r} lies in a scraper line {text[scraper[0]:scraper[1]]!r}, which the model never sees")
            continue
        if _is_edge_junk(frag[0]) and frag[0] not in REDACTION:
            bad(f, f"span {frag!r} starts with whitespace or punctuation")
        glossed = any(m.end() == len(frag) for m in PINYIN_GLOSS.finditer(frag))
        percent_sign = s.label == "PERCENT" and frag[-1] in "%％‰"
        # a bracket closing one opened inside the name, as in 谊城公寓(高层), is part of it
        balanced = frag[-1] in ")）" and frag.count(frag[-1]) == frag.count("(" if frag[-1] == ")" else "（")
        if _is_edge_junk(frag[-1]) and not (glossed or percent_sign or balanced):
            bad(f, f"span {frag!r} ends with whitespace or punctuation")
    for a, b in zip(order, order[1:]):
        sa, sb = rec.spans[a], rec.spans[b]
        if sb.start < sa.end:
            bad(f"spans[{b}]", f"overlaps spans[{a}] ({sa.start}, {sa.end}) {text[sa.start:sa.end]!r}")
    seen_rel = set()
    for j, r in enumerate(rec.relations):
        f = f"relations[{j}]"
        if r.label not in RELATION_TYPES:
            bad(f"{f}.label", f"unknown relation label {r.label!r}")
            continue
        if not (0 <= r.head < len(rec.spans)) or not (0 <= r.child < len(rec.spans)):
            bad(f, f"points at missing span (head {r.head}, child {r.child}; record has {len(rec.spans)} spans)")
            continue
        want_head, want_child = RELATION_TYPES[r.label]
        got = (rec.spans[r.head].label, rec.spans[r.child].label)
        if got != (want_head, want_child) and all(g in ENTITY_LABELS for g in got):  # else reported on the span
            bad(f, f"{r.label} must link {want_head} -> {want_child}, got {got[0]} -> {got[1]}")
        if (r.head, r.child) in seen_rel:
            bad(f, "duplicate relation")
        seen_rel.add((r.head, r.child))
    src = rec.meta.get("source")
    if raw_texts is not None and src is not None:
        offset = rec.meta.get("offset")
        raw = raw_texts.get(src)
        if raw is None:
            bad("meta.source", f"corpus file {src!r} not found")
        elif not isinstance(offset, int) or raw[offset:offset + n] != text:
            bad("meta.offset" if isinstance(offset, int) else "meta.source",
                f"text does not match {src} at offset {offset!r}")
    return out


def validate(records: Iterable[Record], *, root: str | Path | None = None) -> list[Problem]:
    """All problems in `records`. `root` is where meta.source paths (corpus/...) resolve."""
    problems: list[Problem] = []
    ids: dict[str, tuple[str, int]] = {}
    raw_texts: dict[str, str] | None = None
    if root is not None:
        raw_texts = _RawTexts(Path(root))
    for rec in records:
        path, line = rec.source or ("<input>", 0)
        if rec.id in ids:
            p0, l0 = ids[rec.id]
            problems.append(Problem(path, line, "id", f"duplicate id {rec.id!r} (first at {p0}:{l0})"))
        else:
            ids[rec.id] = (path, line)
        problems.extend(check_record(rec, raw_texts=raw_texts))
    return problems


class _RawTexts(dict):
    """Corpus files read on first use, keyed by their path relative to the repo root."""

    def __init__(self, root: Path):
        super().__init__()
        self.root = root

    def get(self, key, default=None):
        if key not in self:
            p = self.root / key
            if not p.is_file():
                return default
            self[key] = read_report(p)
        return self[key]
