"""Cutting a raw report into annotation records (paragraphs, long ones at sentence ends)."""
from __future__ import annotations

import re
from dataclasses import dataclass

SENTENCE_END = re.compile(r"[。！？；!?;]")
# Some scraped reports are one 6,000-character line: records are cut at the first sentence
# end after MIN_CHARS once a paragraph is longer than MAX_CHARS.
MAX_CHARS = 700
MIN_CHARS = 250


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


def segment_report(text: str, max_chars: int = MAX_CHARS, min_chars: int = MIN_CHARS) -> list[Segment]:
    """Non-blank paragraphs of `text` as raw offsets, without surrounding whitespace."""
    segments: list[Segment] = []
    for line in re.finditer(r"[^\n]+", text):
        start, end = _strip(text, line.start(), line.end())
        while end - start > max_chars:
            cut = None
            for m in SENTENCE_END.finditer(text, start + min_chars, end):
                cut = m.end()
                break
            if cut is None or end - cut < 20:
                break
            s, e = _strip(text, start, cut)
            segments.append(Segment(s, e))
            start, end = _strip(text, cut, end)
        if end > start:
            segments.append(Segment(start, end))
    return segments
