"""Reading and writing annotation JSONL: our format, Prodigy and doccano exports.

Readers never modify their input; writers refuse to overwrite an existing file unless told.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import AnnotationError
from .schema import Record, Relation, Span

_SURROGATE = re.compile("[\ud800-\udfff]")


def _int(value: Any, path: str, line: int, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise AnnotationError(path, line, field, f"expected an integer, got {value!r}")
    return value


def _str(value: Any, path: str, line: int, field: str) -> str:
    if not isinstance(value, str):
        raise AnnotationError(path, line, field, f"expected a string, got {type(value).__name__}")
    return value


def _list(obj: dict, key: str, path: str, line: int) -> list:
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise AnnotationError(path, line, key, f"expected a list, got {type(value).__name__}")
    return value


def _span_index(spans: list[Span], start: int, end: int, path: str, line: int, field: str) -> int:
    for i, s in enumerate(spans):
        if (s.start, s.end) == (start, end):
            return i
    raise AnnotationError(path, line, field, f"relation points at no span ({start}, {end})")


def _prodigy_span(value: Any, path: str, line: int, field: str) -> tuple[int, int]:
    if not isinstance(value, dict):
        raise AnnotationError(path, line, field, f"expected an object with start, end, got {type(value).__name__}")
    for key in ("start", "end"):
        if key not in value:
            raise AnnotationError(path, line, f"{field}.{key}", "missing")
    return _int(value["start"], path, line, f"{field}.start"), _int(value["end"], path, line, f"{field}.end")


def _parse_native_or_prodigy(obj: dict, path: str, line: int) -> tuple[list[Span], list[Relation]]:
    spans = []
    for i, s in enumerate(_list(obj, "spans", path, line)):
        f = f"spans[{i}]"
        if not isinstance(s, dict):
            raise AnnotationError(path, line, f, "expected an object with start, end, label")
        for key in ("start", "end", "label"):
            if key not in s:
                raise AnnotationError(path, line, f"{f}.{key}", "missing")
        spans.append(Span(_int(s["start"], path, line, f"{f}.start"), _int(s["end"], path, line, f"{f}.end"),
                          _str(s["label"], path, line, f"{f}.label")))
        if "text" in s and s["text"] != obj["text"][s["start"]:s["end"]]:
            raise AnnotationError(path, line, f"{f}.text",
                                  f"{s['text']!r} != text[{s['start']}:{s['end']}] "
                                  f"{obj['text'][s['start']:s['end']]!r}")
    relations = []
    for j, r in enumerate(_list(obj, "relations", path, line)):
        f = f"relations[{j}]"
        if not isinstance(r, dict):
            raise AnnotationError(path, line, f, "expected an object")
        label = _str(r.get("label", "INVESTMENT"), path, line, f"{f}.label")
        if "head_span" in r and "child_span" in r:  # Prodigy: heads/children are token indices
            head, child = (_span_index(spans, *_prodigy_span(r[key], path, line, f"{f}.{key}"), path, line,
                                       f"{f}.{key}") for key in ("head_span", "child_span"))
        else:
            for key in ("head", "child"):
                if key not in r:
                    raise AnnotationError(path, line, f"{f}.{key}", "missing")
            head = _int(r["head"], path, line, f"{f}.head")
            child = _int(r["child"], path, line, f"{f}.child")
        relations.append(Relation(head, child, label))
    return spans, relations


def _parse_doccano(obj: dict, path: str, line: int) -> tuple[list[Span], list[Relation]]:
    spans, by_id = [], {}
    for i, e in enumerate(_list(obj, "entities", path, line) or _list(obj, "label", path, line)):
        f = f"entities[{i}]"
        if isinstance(e, list) and len(e) == 3:  # doccano's older [start, end, label]
            start, end, label = e
        elif isinstance(e, dict):
            try:
                start, end, label = e["start_offset"], e["end_offset"], e["label"]
            except KeyError as err:
                raise AnnotationError(path, line, f"{f}.{err.args[0]}", "missing") from None
            if "id" in e:
                if isinstance(e["id"], bool) or not isinstance(e["id"], (str, int)):
                    raise AnnotationError(path, line, f"{f}.id", f"expected a string or an integer, got {e['id']!r}")
                if e["id"] in by_id:
                    raise AnnotationError(path, line, f"{f}.id", f"duplicate entity id {e['id']!r} "
                                                                 f"(also entities[{by_id[e['id']]}])")
                by_id[e["id"]] = len(spans)
        else:
            raise AnnotationError(path, line, f, f"unrecognised doccano entity {e!r}")
        spans.append(Span(_int(start, path, line, f"{f}.start_offset"), _int(end, path, line, f"{f}.end_offset"),
                          _str(label, path, line, f"{f}.label")))
    relations = []
    for j, r in enumerate(_list(obj, "relations", path, line)):
        f = f"relations[{j}]"
        if not isinstance(r, dict):
            raise AnnotationError(path, line, f, f"expected an object with from_id, to_id, got {type(r).__name__}")
        ends = []
        for key in ("from_id", "to_id"):
            if key not in r:
                raise AnnotationError(path, line, f"{f}.{key}", "missing")
            try:
                ends.append(by_id[r[key]])
            except (KeyError, TypeError):  # TypeError: an unhashable id such as a list
                raise AnnotationError(path, line, f"{f}.{key}",
                                      f"relation points at unknown entity id {r[key]!r}") from None
        head, child = ends
        relations.append(Relation(head, child, _str(r.get("type", "INVESTMENT"), path, line, f"{f}.type")))
    return spans, relations


def parse_record(obj: Any, path: str = "<input>", line: int = 1) -> Record:
    """One JSON object in any supported format -> Record (shape checks only; see validate)."""
    if not isinstance(obj, dict):
        raise AnnotationError(path, line, "<record>", f"expected a JSON object, got {type(obj).__name__}")
    if "text" not in obj:
        raise AnnotationError(path, line, "text", "missing")
    text = _str(obj["text"], path, line, "text")
    meta = obj["meta"] if obj.get("meta") is not None else {}
    if not isinstance(meta, dict):
        raise AnnotationError(path, line, "meta", f"expected an object, got {type(meta).__name__}")
    rid = obj.get("id", meta.get("id", obj.get("_input_hash")))
    if rid is None:
        raise AnnotationError(path, line, "id", "missing")
    if isinstance(rid, bool) or not isinstance(rid, (str, int)):
        raise AnnotationError(path, line, "id", f"expected a string or an integer, got {type(rid).__name__}")
    if "entities" in obj or ("label" in obj and isinstance(obj["label"], list)):
        spans, relations = _parse_doccano(obj, path, line)
    else:
        spans, relations = _parse_native_or_prodigy(obj, path, line)
    if obj.get("answer") not in (None, "accept"):  # Prodigy: rejected/ignored examples
        meta = {**meta, "answer": obj["answer"]}
    return Record(str(rid), text, spans, relations, meta, source=(str(path), line))


def _undecodable(line: str) -> str | None:
    """What is wrong with a line read with errors="surrogateescape", or None if it was UTF-8."""
    for col, ch in enumerate(line, 1):
        if "\udc80" <= ch <= "\udcff":  # only surrogateescape makes these (JSON's \u escapes are ASCII)
            return f"not UTF-8: byte 0x{ord(ch) - 0xDC00:02x} at column {col}"
    return None


def read_jsonl(path: str | Path) -> Iterator[Record]:
    """Records from a JSONL file (UTF-8, a BOM is allowed); raises AnnotationError naming the file and line."""
    path = str(path)
    # undecodable bytes become U+DC80..U+DCFF so that the error can name its line
    with open(path, encoding="utf-8-sig", errors="surrogateescape") as f:
        for line_no, line in enumerate(f, 1):
            bad = _undecodable(line)
            if bad:
                raise AnnotationError(path, line_no, "<line>", bad)
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                where = "a half-written last line" if not line.endswith("\n") else "invalid JSON"
                raise AnnotationError(path, line_no, "<line>", f"{where}: {err.msg} at column {err.colno}") from None
            yield parse_record(obj, path, line_no)


def read_many(paths: Iterable[str | Path]) -> list[Record]:
    records: list[Record] = []
    for p in paths:
        p = Path(p)
        files = sorted(p.rglob("*.jsonl")) if p.is_dir() else [p]
        for f in files:
            records.extend(read_jsonl(f))
    return records


def write_jsonl(records: Iterable[Record], path: str | Path, *, overwrite: bool = False,
                as_dict: Callable[[Record], dict] = Record.to_dict) -> int:
    """Write records as JSONL, by default in our format (as_dict: another one, e.g. Prodigy's).
    Never replaces an existing file unless overwrite=True."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise FileExistsError(f"{path} exists; annotation files are never rewritten in place")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    n = 0
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            for r in records:
                obj = as_dict(r)
                line = json.dumps(obj, ensure_ascii=False)
                if _SURROGATE.search(line):  # not encodable as UTF-8: \u escapes read back the same
                    line = json.dumps(obj, ensure_ascii=True)
                f.write(line + "\n")
                n += 1
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(path)
    return n
