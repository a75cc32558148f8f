"""Cutting a raw report into annotation records (paragraphs, long ones at sentence ends)."""
from __future__ import annotations

import re
from dataclasses import dataclass

SENTENCE_END = re.compile(r"[。！？；!?;]")
# Some scraped reports are one 6,000-character line: records are cut at the first sentence
# end after MIN_CHARS once a paragraph is longer than MAX_CHARS.
MAX_CHARS = 700
MIN_CHARS = 250
# A stretch with no usable sentence end is kept whole up to HARD_MAX_CHARS; beyond that (a text
# without 。 or newlines, say) it is cut at a clause mark or space, else anywhere, so that no
# segment is longer than HARD_MAX_CHARS and memory per Doc stays bounded.
HARD_MAX_CHARS = 2000
CLAUSE_END = re.compile(r"[，、：,:\s]")


@dataclass(frozen=True)
class Segment:
    start: int
    end: int


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _forced_cut(text: str, start: int, max_chars: int, min_chars: int) -> int:
    """Where to cut a stretch with no usable sentence end: after the last clause mark or space in
    [start + min_chars, start + max_chars), else at start + max_chars (never inside a surrogate pair)."""
    last = None
    for m in CLAUSE_END.finditer(text, start + min_chars, start + max_chars):
        last = m.end()
    cut = last if last is not None else start + max_chars
    if "\ud800" <= text[cut - 1] <= "\udbff":
        cut -= 1
    return cut


def segment_report(text: str, max_chars: int = MAX_CHARS, min_chars: int = MIN_CHARS,
                   hard_max_chars: int = HARD_MAX_CHARS) -> list[Segment]:
    """Non-blank paragraphs of `text` as raw offsets, without surrounding whitespace; none longer
    than hard_max_chars."""
    segments: list[Segment] = []
    for line in re.finditer(r"[^\n]+", text):
        start, end = _strip(text, line.start(), line.end())
        while end - start > max_chars:
            # the first sentence end after min_chars; one past hard_max_chars is no use (and looking
            # only that far keeps a megabyte without 。 linear)
            m = SENTENCE_END.search(text, start + min_chars, min(end, start + hard_max_chars))
            cut = m.end() if m else None
            if cut is None or end - cut < 20:
                if end - start <= hard_max_chars:
                    break  # kept whole, as always
                if cut is None:
                    cut = _forced_cut(text, start, max_chars, min_chars)
            s, e = _strip(text, start, cut)
            segments.append(Segment(s, e))
            start, end = _strip(text, cut, end)
        if end > start:
            segments.append(Segment(start, end))
    return segments
