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
    with pytest.raises(AnnotationError, match=r"f:3: text: expected a string"):
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
