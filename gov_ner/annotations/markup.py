"""Inline markup for authored paragraphs: writers annotate as they write, code counts offsets.

A source file holds paragraphs, each opened by a header line and followed by its text:

    @@ id=w03-0007 kind=政府工作报告 region=四川省 level=county year=2019 noise=none length=300 focus=place
    [[成都市|LOC]][[高新区|LOC]]新落户企业……总投资[[12亿元|MONEY>a]]的[[天府智造产业园|PROJECT#a]]……

A mark is ``[[TEXT|LABEL]]``. A PROJECT gets a key with ``#key`` and a MONEY invested in it
points at that key with ``>key`` (either may come first). Text may run over several lines
(PDF line breaks are part of the noise being written); the blank lines around it are not text.
Everything else about a paragraph (writer, kind, region, ...) is in its header.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import AnnotationError
from .schema import ENTITY_LABELS, Record, Relation, Span

HEADER = "@@"
_MARK = re.compile(r"\[\[(.+?)\]\]", re.S)
_TAG = re.compile(r"^(?P<label>[A-Z]+)(?:#(?P<key>\w+)|>(?P<target>\w+))?$")
_FIELD = re.compile(r"(\w+)=(\S+)")


@dataclass
class Paragraph:
    """One paragraph of a source file: its header fields and its marked text."""

    fields: dict[str, str]
    marked: str
    path: str
    line: int  # line of the header


def read_paragraphs(path: str | Path) -> Iterator[Paragraph]:
    """Split a source file into paragraphs; a header line opens each."""
    path = str(path)
    fields: dict[str, str] | None = None
    lines: list[str] = []
    start = 0
    with open(path, encoding="utf-8") as f:
        numbered = list(enumerate(f.read().split("\n"), 1))
    for no, line in numbered + [(len(numbered) + 1, HEADER)]:
        if line.startswith(HEADER):
            if fields is not None:
                yield Paragraph(fields, "\n".join(lines).strip("\n"), path, start)
            elif "\n".join(lines).strip():
                raise AnnotationError(path, 1, "header", f"text before the first {HEADER} header line")
            fields, lines, start = dict(_FIELD.findall(line[len(HEADER):])), [], no
            if no <= len(numbered) and "id" not in fields:
                raise AnnotationError(path, no, "id", "header line has no id=...")
        else:
            lines.append(line)


def parse_marked(marked: str, path: str = "<text>", line: int = 0) -> tuple[str, list[Span], list[Relation]]:
    """Plain text, spans and INVESTMENT relations of a marked paragraph."""
    out: list[str] = []
    spans: list[Span] = []
    keys: dict[str, int] = {}
    targets: list[tuple[int, str]] = []
    pos = 0
    length = 0

    def where(offset: int) -> int:
        return line + marked.count("\n", 0, offset) + 1

    for m in _MARK.finditer(marked):
        before = marked[pos:m.start()]
        if "[[" in before or "]]" in before:
            raise AnnotationError(path, where(pos), "mark", f"unbalanced [[ or ]] in {before[-30:]!r}")
        out.append(before)
        length += len(before)
        body = m.group(1)
        if "|" not in body:
            raise AnnotationError(path, where(m.start()), "mark", f"[[{body}]] has no |LABEL")
        text, tag = body.rsplit("|", 1)
        t = _TAG.match(tag.strip())
        if not t or t["label"] not in ENTITY_LABELS:
            raise AnnotationError(path, where(m.start()), "label",
                                  f"[[{body}]]: {tag!r} is not one of {', '.join(ENTITY_LABELS)} (with #key or >key)")
        if not text or text != text.strip() or "[[" in text:
            raise AnnotationError(path, where(m.start()), "mark", f"[[{body}]]: empty text or spaces at its edges")
        label = t["label"]
        if t["key"] is not None:
            if label != "PROJECT":
                raise AnnotationError(path, where(m.start()), "key", f"[[{body}]]: only a PROJECT takes #key")
            if t["key"] in keys:
                raise AnnotationError(path, where(m.start()), "key", f"[[{body}]]: key #{t['key']} used twice")
            keys[t["key"]] = len(spans)
        if t["target"] is not None:
            if label != "MONEY":
                raise AnnotationError(path, where(m.start()), "key", f"[[{body}]]: only a MONEY takes >key")
            targets.append((len(spans), t["target"]))
        spans.append(Span(length, length + len(text), label))
        out.append(text)
        length += len(text)
        pos = m.end()
    rest = marked[pos:]
    if "[[" in rest or "]]" in rest:
        raise AnnotationError(path, where(pos), "mark", f"unbalanced [[ or ]] in {rest[:30]!r}")
    out.append(rest)
    relations = []
    for child, key in targets:
        if key not in keys:
            raise AnnotationError(path, line + 1, "key", f">{key} points at no [[...|PROJECT#{key}]] in this paragraph")
        relations.append(Relation(keys[key], child, "INVESTMENT"))
    return "".join(out), spans, relations


def to_marked(rec: Record) -> str:
    """The inverse of parse_marked: a record written back as marked text (keys p0, p1, ...)."""
    keys = {head: f"p{i}" for i, head in enumerate(sorted({r.head for r in rec.relations}))}
    targets = {r.child: keys[r.head] for r in rec.relations}
    out, pos = [], 0
    for i, s in sorted(enumerate(rec.spans), key=lambda x: x[1].start):
        tag = s.label + (f"#{keys[i]}" if i in keys else f">{targets[i]}" if i in targets else "")
        out += [rec.text[pos:s.start], f"[[{rec.text[s.start:s.end]}|{tag}]]"]
        pos = s.end
    return "".join(out + [rec.text[pos:]])


def strip_marks(marked: str) -> str:
    return parse_marked(marked)[0]


def paragraph_record(p: Paragraph, extra_meta: dict | None = None) -> Record:
    text, spans, relations = parse_marked(p.marked, p.path, p.line)
    meta = {"authored": True, "writer": p.fields["id"].partition("-")[0],
            **{k: v for k, v in p.fields.items() if k != "id"}, **(extra_meta or {})}
    writer, _, number = p.fields["id"].partition("-")
    # the writer is the "document": doc_id groups a writer's paragraphs like a report's
    return Record(id=f"authored-{writer}#{number}", text=text, spans=spans, relations=relations, meta=meta,
                  source=(p.path, p.line))


def read_marked(path: str | Path, extra_meta: dict | None = None) -> list[Record]:
    return [paragraph_record(p, extra_meta) for p in read_paragraphs(path)]
