import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_ner.annotations.errors import AnnotationError
from gov_ner.annotations.io import parse_record, read_jsonl, write_jsonl
from gov_ner.annotations.schema import ENTITY_LABELS, Record, Relation, Span
from gov_ner.annotations.validate import validate

TEXT = "总投资8亿元的中公科教小镇开工,增长7%。"
GOOD = {"id": "t#p0", "text": TEXT,
        "spans": [{"start": 3, "end": 6, "label": "MONEY"}, {"start": 7, "end": 13, "label": "PROJECT"},
                  {"start": 18, "end": 20, "label": "PERCENT"}],
        "relations": [{"head": 1, "child": 0, "label": "INVESTMENT"}]}


def write_lines(tmp_path, *objs, name="a.jsonl", raw_tail=None):
    p = tmp_path / name
    body = "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs)
    p.write_text(body + (raw_tail or ""), encoding="utf-8")
    return p


def problems_for(tmp_path, obj, **kw):
    recs = list(read_jsonl(write_lines(tmp_path, obj)))
    return [str(p) for p in validate(recs, **kw)]


def test_good_record_has_no_problems(tmp_path):
    assert problems_for(tmp_path, GOOD) == []


@pytest.mark.parametrize("mutate,expect", [
    (lambda o: o["spans"][2].update(end=99), "spans[2]: offsets (18, 99) out of bounds"),
    (lambda o: o["spans"].append({"start": 16, "end": 18, "label": "AMOUNT"}), "spans[3].label: unknown label 'AMOUNT'"),
    (lambda o: o["spans"][2].update(start=15), "starts with whitespace or punctuation"),
    (lambda o: o["spans"][2].update(end=21), "ends with whitespace or punctuation"),
    (lambda o: o["spans"].append({"start": 4, "end": 6, "label": "ORG"}), "spans[3]: overlaps spans[0]"),
    (lambda o: o["relations"].append({"head": 0, "child": 9}), "relations[1]: points at missing span"),
    (lambda o: o["relations"].__setitem__(0, {"head": 0, "child": 1}), "INVESTMENT must link PROJECT -> MONEY"),
])
def test_each_problem_is_named_with_file_line_field(tmp_path, mutate, expect):
    obj = json.loads(json.dumps(GOOD))
    mutate(obj)
    got = problems_for(tmp_path, obj)
    assert len(got) == 1 and expect in got[0] and got[0].startswith(str(tmp_path / "a.jsonl") + ":1:")


def test_surrogate_pair_split_is_reported(tmp_path):
    # JSON can carry lone surrogate code units; a span edge between a pair is an error.
    rec = Record("s#0", "项目\ud83d\ude00投资", [Span(0, 3, "PROJECT")], source=("f.jsonl", 4))
    assert any("surrogate pair" in str(p) for p in validate([rec]))


def test_duplicate_ids_and_corpus_mismatch(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "r.txt").write_text("前言\n" + TEXT, encoding="utf-8")
    a = dict(GOOD, meta={"source": "corpus/r.txt", "offset": 3})
    b = dict(GOOD, meta={"source": "corpus/r.txt", "offset": 2})
    recs = list(read_jsonl(write_lines(tmp_path, a, b)))
    got = [str(p) for p in validate(recs, root=tmp_path)]
    assert len(got) == 2
    assert ":2: id: duplicate id 't#p0' (first at" in got[0]
    assert ":2: meta.offset: text does not match corpus/r.txt at offset 2" in got[1]


def test_half_written_last_line_is_reported(tmp_path):
    p = write_lines(tmp_path, GOOD, raw_tail='{"id": "t#p1", "text": "总投')
    with pytest.raises(AnnotationError, match=r"a.jsonl:2: <line>: a half-written last line"):
        list(read_jsonl(p))


def test_missing_field_and_wrong_type(tmp_path):
    with pytest.raises(AnnotationError, match=r":1: spans\[0\].label: missing"):
        list(read_jsonl(write_lines(tmp_path, {"id": "x", "text": "ab", "spans": [{"start": 0, "end": 1}]})))
    with pytest.raises(AnnotationError, match=r":1: spans\[0\].start: expected an integer"):
        parse_record({"id": "x", "text": "ab", "spans": [{"start": "0", "end": 1, "label": "LOC"}]}, "f", 1)
    with pytest.raises(AnnotationError, match=r"f:3: text: missing"):
        parse_record({"id": "x"}, "f", 3)


def test_prodigy_export_is_read():
    obj = {"text": TEXT, "meta": {"id": "prodigy-1"}, "_input_hash": 1, "answer": "accept",
           "tokens": [{"text": c, "start": i, "end": i + 1, "id": i} for i, c in enumerate(TEXT)],
           "spans": [{"start": 3, "end": 6, "label": "MONEY", "token_start": 3, "token_end": 5},
                     {"start": 7, "end": 13, "label": "PROJECT", "token_start": 7, "token_end": 12}],
           "relations": [{"head": 12, "child": 5, "label": "INVESTMENT",
                          "head_span": {"start": 7, "end": 13, "token_start": 7, "token_end": 12, "label": "PROJECT"},
                          "child_span": {"start": 3, "end": 6, "token_start": 3, "token_end": 5, "label": "MONEY"}}]}
    rec = parse_record(obj)
    assert rec.id == "prodigy-1"
    assert rec.spans == [Span(3, 6, "MONEY"), Span(7, 13, "PROJECT")]
    assert rec.relations == [Relation(1, 0, "INVESTMENT")]


def test_doccano_export_is_read():
    obj = {"id": 7, "text": TEXT,
           "entities": [{"id": 11, "label": "MONEY", "start_offset": 3, "end_offset": 6},
                        {"id": 12, "label": "PROJECT", "start_offset": 7, "end_offset": 13}],
           "relations": [{"id": 1, "from_id": 12, "to_id": 11, "type": "INVESTMENT"}]}
    rec = parse_record(obj)
    assert rec.id == "7" and rec.relations == [Relation(1, 0, "INVESTMENT")]
    old = parse_record({"id": 8, "text": TEXT, "label": [[3, 6, "MONEY"]]})
    assert old.spans == [Span(3, 6, "MONEY")]


def test_writer_never_overwrites(tmp_path):
    p = write_lines(tmp_path, GOOD)
    before = p.read_bytes()
    with pytest.raises(FileExistsError):
        write_jsonl(read_jsonl(p), p)
    assert p.read_bytes() == before


@st.composite
def records(draw):
    text = draw(st.text(alphabet="总投资亿元万项目工程中公科教小镇区委0123456789.%", min_size=1, max_size=40))
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=6)))
    spans = [Span(a, b, draw(st.sampled_from(ENTITY_LABELS))) for a, b in zip(cuts[::2], cuts[1::2]) if a < b]
    return Record(draw(st.text(min_size=1, max_size=8)), text, spans, [], {"k": draw(st.integers())})


@settings(max_examples=100, deadline=None)
@given(st.lists(records(), max_size=5))
def test_write_read_round_trip(tmp_path_factory, recs):
    p = tmp_path_factory.mktemp("rt") / "out.jsonl"
    write_jsonl(recs, p)
    back = list(read_jsonl(p))
    assert [(r.id, r.text, r.spans, r.relations, r.meta) for r in back] == \
           [(r.id, r.text, r.spans, r.relations, r.meta) for r in recs]


# --- issue #7: every kind of bad record gives exactly one FILE:LINE: FIELD: line from `gov-ner validate`.
# Line 1 of each file is GOOD, so a correct line number (2) shows the error is placed, not guessed.
PRODIGY = {"text": TEXT, "_input_hash": 5, "answer": "accept",
           "spans": [{"start": 3, "end": 6, "label": "MONEY"}, {"start": 7, "end": 13, "label": "PROJECT"}],
           "relations": [{"head": 12, "child": 5, "label": "INVESTMENT",
                          "head_span": {"start": 7, "end": 13}, "child_span": {"start": 3, "end": 6}}]}
DOCCANO = {"id": 7, "text": TEXT,
           "entities": [{"id": 11, "label": "MONEY", "start_offset": 3, "end_offset": 6},
                        {"id": 12, "label": "PROJECT", "start_offset": 7, "end_offset": 13}],
           "relations": [{"id": 1, "from_id": 12, "to_id": 11, "type": "INVESTMENT"}]}
GLOSSED = "在東昌區(qū)开工"  # 區(qū): the model sees one character, 区


def edit(base, change):
    obj = json.loads(json.dumps(base))
    if obj.get("id") == GOOD["id"]:
        obj["id"] = "t#p1"  # not a duplicate of line 1
    change(obj)
    return obj


def line(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8") + b"\n"


BAD_RECORDS = [  # (case, bytes after the good first line, line, field, message fragment)
    ("invalid JSON", b'{"id": "t#p1", "text": "x",}\n', 2, "<line>", "invalid JSON"),
    ("half-written last line", b'{"id": "t#p1", "text": "\xe6\x80\xbb\xe6\x8a\x95', 2, "<line>", "a half-written last line"),
    ("not UTF-8", json.dumps({"id": "t#p1", "text": "总投资"}, ensure_ascii=False).encode("gb18030") + b"\n",
     2, "<line>", "not UTF-8: byte 0x"),
    ("not an object", b'["t#p1", "text"]\n', 2, "<record>", "expected a JSON object, got list"),
    ("missing text", line({"id": "t#p1"}), 2, "text", "missing"),
    ("missing id", line({"text": TEXT}), 2, "id", "missing"),
    ("id of a wrong type", line({"id": ["t", 1], "text": TEXT}), 2, "id", "expected a string or an integer"),
    ("text of a wrong type", line({"id": "t#p1", "text": 5}), 2, "text", "expected a string, got int"),
    ("meta not an object", line({"id": "t#p1", "text": TEXT, "meta": []}), 2, "meta", "expected an object, got list"),
    ("spans not a list", line({"id": "t#p1", "text": TEXT, "spans": {}}), 2, "spans", "expected a list, got dict"),
    ("span end of a wrong type", line(edit(GOOD, lambda o: o["spans"][1].update(end="13"))), 2, "spans[1].end",
     "expected an integer, got '13'"),
    ("span text disagrees", line(edit(GOOD, lambda o: o["spans"][0].update(text="9亿元"))), 2, "spans[0].text",
     "'9亿元' != text[3:6] '8亿元'"),
    ("span out of bounds", line(edit(GOOD, lambda o: o["spans"][0].update(start=-1))), 2, "spans[0]",
     "offsets (-1, 6) out of bounds"),
    ("unknown label", line(edit(GOOD, lambda o: o["spans"][1].update(label="PLACE"))), 2, "spans[1].label",
     "unknown label 'PLACE'"),
    ("span starts with punctuation", line(edit(GOOD, lambda o: o["spans"][2].update(start=15))), 2, "spans[2]",
     "span ',增长7%' starts with whitespace or punctuation"),
    ("span cuts a pinyin gloss", line({"id": "g#p1", "text": GLOSSED, "spans": [{"start": 1, "end": 4, "label": "LOC"}]}),
     2, "spans[0]", "cuts the pinyin gloss '(qū)' of '區'"),
    ("span in a scraper line", line({"id": "s#p1", "text": "我要反馈", "spans": [{"start": 0, "end": 4, "label": "ORG"}]}),
     2, "spans[0]", "lies in a scraper line"),
    ("overlapping spans", line(edit(GOOD, lambda o: o["spans"].append({"start": 10, "end": 15, "label": "LOC"}))),
     2, "spans[3]", "overlaps spans[1] (7, 13)"),
    ("lone surrogate in text", b'{"id": "t#p1", "text": "\\ud800\\u603b\\u6295\\u8d44"}\n', 2, "text",
     "surrogate code point U+D800 at offset 0"),
    ("relation to a missing span", line(edit(GOOD, lambda o: o["relations"][0].update(child=7))), 2, "relations[0]",
     "points at missing span (head 1, child 7"),
    ("relation head of a wrong type", line(edit(GOOD, lambda o: o["relations"][0].update(head="1"))), 2,
     "relations[0].head", "expected an integer"),
    ("relation the wrong way round", line(edit(GOOD, lambda o: o["relations"][0].update(head=0, child=1))), 2,
     "relations[0]", "INVESTMENT must link PROJECT -> MONEY, got MONEY -> PROJECT"),
    ("unknown relation label", line(edit(GOOD, lambda o: o["relations"][0].update(label="FUNDS"))), 2,
     "relations[0].label", "unknown relation label 'FUNDS'"),
    ("duplicate relation", line(edit(GOOD, lambda o: o["relations"].append({"head": 1, "child": 0}))), 2,
     "relations[1]", "duplicate relation"),
    ("duplicate id", line(GOOD), 2, "id", "duplicate id 't#p0' (first at"),
    ("Prodigy: span without label", line(edit(PRODIGY, lambda o: o["spans"][0].pop("label"))), 2, "spans[0].label",
     "missing"),
    ("Prodigy: head_span not an object", line(edit(PRODIGY, lambda o: o["relations"][0].update(head_span=12))), 2,
     "relations[0].head_span", "expected an object with start, end, got int"),
    ("Prodigy: child_span points at no span", line(edit(PRODIGY, lambda o: o["relations"][0]["child_span"].update(end=5))),
     2, "relations[0].child_span", "relation points at no span (3, 5)"),
    ("Prodigy: relation the wrong way round", line(edit(PRODIGY, lambda o: o["relations"][0].update(
        head_span={"start": 3, "end": 6}, child_span={"start": 7, "end": 13}))), 2, "relations[0]",
     "must link PROJECT -> MONEY, got MONEY -> PROJECT"),
    ("doccano: entity without end_offset", line(edit(DOCCANO, lambda o: o["entities"][1].pop("end_offset"))), 2,
     "entities[1].end_offset", "missing"),
    ("doccano: entity of an unknown shape", line(edit(DOCCANO, lambda o: o["entities"].append([3, 6]))), 2,
     "entities[2]", "unrecognised doccano entity [3, 6]"),
    ("doccano: duplicate entity id", line(edit(DOCCANO, lambda o: o["entities"][1].update(id=11))), 2,
     "entities[1].id", "duplicate entity id 11"),
    ("doccano: relation to an unknown entity", line(edit(DOCCANO, lambda o: o["relations"][0].update(to_id=99))), 2,
     "relations[0].to_id", "unknown entity id 99"),
    ("doccano: relation without from_id", line(edit(DOCCANO, lambda o: o["relations"][0].pop("from_id"))), 2,
     "relations[0].from_id", "missing"),
    ("doccano: relation not an object", line(edit(DOCCANO, lambda o: o["relations"].__setitem__(0, [12, 11]))), 2,
     "relations[0]", "expected an object with from_id, to_id, got list"),
    ("doccano: entity out of bounds", line(edit(DOCCANO, lambda o: o["entities"][0].update(end_offset=90))), 2,
     "spans[0]", "offsets (3, 90) out of bounds"),
]


@pytest.mark.parametrize("case,tail,line_no,field,fragment", BAD_RECORDS, ids=[c[0] for c in BAD_RECORDS])
def test_every_bad_record_gives_one_error_line(tmp_path, capsys, case, tail, line_no, field, fragment):
    from gov_ner.cli import main

    p = tmp_path / "ann.jsonl"
    p.write_bytes(line(GOOD) + tail)
    before = p.read_bytes()
    assert main(["validate", str(p)]) == 1
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{p}:{line_no}: {field}: "), errors[0]
    assert fragment in errors[0]
    assert p.read_bytes() == before


def test_good_records_of_every_shape_validate(tmp_path, capsys):
    """The three shapes the table above breaks are valid as given, and a UTF-8 BOM (Windows editors) is accepted."""
    from gov_ner.cli import main

    p = tmp_path / "ann.jsonl"
    p.write_bytes(b"\xef\xbb\xbf" + line(GOOD) + line(PRODIGY) + line(DOCCANO)
                  + line({"id": "g#p1", "text": GLOSSED, "spans": [{"start": 1, "end": 8, "label": "LOC"}]}))
    assert main(["validate", str(p)]) == 0, capsys.readouterr().err
    assert "4 records, 8 spans: 0 problems" in capsys.readouterr().out


def test_writer_escapes_lone_surrogates_and_leaves_nothing_behind_on_failure(tmp_path):
    # json can read "\ud800" into a str, which UTF-8 cannot encode: written as an escape, read back the same
    rec = Record("s#0", "\ud800总投资", [Span(1, 4, "PROJECT")])
    p = tmp_path / "out.jsonl"
    write_jsonl([rec], p)
    assert p.read_bytes().isascii()
    assert list(read_jsonl(p))[0].text == rec.text
    # a record that cannot be serialised: no output file, no stray .tmp
    q = tmp_path / "bad.jsonl"
    with pytest.raises(TypeError):
        write_jsonl([Record("ok", "ab"), Record("x", "ab", meta={"when": {1, 2}})], q)
    assert not q.exists() and not list(tmp_path.glob("*.tmp"))
