"""Raw report text -> the text the model sees, with a map back to raw offsets.

Every model character remembers the raw range it came from. Characters are only ever
replaced one-for-one, dropped (pinyin glosses, boilerplate lines) or merged (whitespace
runs), so the map is monotonic and a model span maps back to exactly one raw substring.
A dropped pinyin gloss is attached to the character it glosses: 區(qū) -> 区 maps back to
the whole `區(qū)`, which is what the annotation guidelines mark.
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass, field
from functools import lru_cache

# A pinyin gloss after a CJK character: lower-case Latin letters with tone marks in
# ASCII or full-width parentheses, e.g. 區(qū), 長(zhǎng).
PINYIN = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
PINYIN_GLOSS = re.compile(rf"(?<=[\u3400-\u9fff\uf900-\ufaff])[(（][{PINYIN}]{{1,7}}[)）]")

# Whole lines that scrapers add around a report; nothing in them is annotated.
BOILERPLATE_LINE = re.compile(
    r"^[ \t\u3000]*(?:"
    r"[•·]?\s*WAP手机版"
    r"|时间[:：].{0,40}(?:阅读[:：]|版权反馈|来源[:：]).*"
    r"|.{0,40}版权反馈\s*"
    r"|免责声明[:：].*"
    r"|我要反馈"
    r"|主办单位[:：].*"
    r"|.*ICP备\d+号.*"
    r"|上一篇[:：].*|下一篇[:：].*"
    r"|《[^》]{1,60}\.(?:docx?|pdf|txt)》由会员分享.*"
    r")[ \t\u3000]*$",
    re.MULTILINE,
)


SURROGATE = re.compile("[\ud800-\udfff]")


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # OpenCC's maintained tables, not a hand-made one

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional -> simplified, guaranteed one character for one character.

    OpenCC converts by phrase; where a phrase changes length (rare) the line falls back to
    character-by-character conversion so that offsets stay aligned.
    """
    conv = _t2s()
    out = []
    for line in text.splitlines(keepends=True):
        # lone surrogates are not UTF-8: OpenCC gets U+FFFD in their place, fold_char maps them too
        line = SURROGATE.sub("\ufffd", line)
        converted = conv.convert(line)
        if len(converted) != len(line):
            converted = "".join(c if len(c := conv.convert(ch)) == 1 else ch for ch in line)
        out.append(converted)
    return "".join(out)


def fold_char(ch: str) -> str:
    """Full-width ASCII -> ASCII; any Unicode space -> ' '; everything else unchanged."""
    if ch == "\n":
        return ch
    o = ord(ch)
    if 0xD800 <= o <= 0xDFFF:  # a lone surrogate (invalid text): the replacement character
        return "\ufffd"
    if 0xFF01 <= o <= 0xFF5E:
        return chr(o - 0xFEE0)
    if ch.isspace():
        return "\n" if ch in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029" else " "
    if unicodedata.category(ch) == "Cc":  # other control characters: read as a space
        return " "
    return ch


@dataclass(frozen=True)
class NormalisedText:
    """Model text plus, for each of its characters, the raw [start, end) it stands for."""

    raw: str
    text: str
    starts: array = field(repr=False)
    ends: array = field(repr=False)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Model span -> raw span. An empty span maps to an empty raw span at its place."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span ({start}, {end}) outside model text of length {len(self.text)}")
        if start == end:
            pos = self.starts[start] if start < len(self.text) else len(self.raw)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def to_model(self, raw_start: int, raw_end: int) -> tuple[int, int] | None:
        """Raw span -> model span covering the model characters that start inside it.

        Returns None when no model character starts there (the span was dropped, e.g. in
        boilerplate) or when the model span does not map back to the same raw span.
        """
        import bisect

        s = bisect.bisect_left(self.starts, raw_start)
        e = bisect.bisect_left(self.starts, raw_end)
        if s >= e or self.to_raw(s, e) != (raw_start, raw_end):
            return None
        return s, e


def normalise(raw: str, *, simplify: bool = True, drop_boilerplate: bool = True) -> NormalisedText:
    """Turn raw report text into model text with an offset map back to `raw`."""
    dropped = bytearray(len(raw))  # 1 = raw character not in the model text
    glossed_end = {}  # raw index of a glossed character -> raw end including its gloss
    for m in PINYIN_GLOSS.finditer(raw):
        dropped[m.start():m.end()] = b"\x01" * (m.end() - m.start())
        glossed_end[m.start() - 1] = m.end()
    if drop_boilerplate:
        for m in BOILERPLATE_LINE.finditer(raw):
            dropped[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    converted = to_simplified(raw) if simplify else raw

    chars: list[str] = []
    starts, ends = array("l"), array("l")
    for i, ch in enumerate(converted):
        if dropped[i]:
            continue
        ch = fold_char(ch)
        end = glossed_end.get(i, i + 1)
        if ch in " \n" and chars and chars[-1] in " \n":
            # Merge a whitespace run into one character; a newline wins over spaces.
            if ch == "\n":
                chars[-1] = "\n"
            ends[-1] = end
            continue
        chars.append(ch)
        starts.append(i)
        ends.append(end)
    return NormalisedText(raw, "".join(chars), starts, ends)
