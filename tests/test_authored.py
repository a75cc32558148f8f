"""The authored corpus: markup round trip, bad markup errors, plan quotas, originality, build."""
from __future__ import annotations

import glob
from collections import Counter
from pathlib import Path

import pytest

from gov_ner.annotations.authored import ROOT, TEST_WRITERS, build, load_authored, load_second
from gov_ner.annotations.brief import ERROR_SHAPES, FOCUS, FOCUS_SHAPES, PROVINCES, check_paragraph, plan, writer_regions
from gov_ner.annotations.errors import AnnotationError
from gov_ner.annotations.markup import parse_marked, read_marked, to_marked
from gov_ner.annotations.overlap import shared_runs
from gov_ner.annotations.validate import check_record
from gov_ner.text.reading import read_report

REPO = Path(__file__).resolve().parent.parent
AUTHORED = REPO / ROOT


def test_markup_offsets_and_links():
    text, spans, rels = parse_marked("总投资[[8亿元|MONEY>a]]的[[中公科教小镇|PROJECT#a]]由[[市委|ORG]]推动")
    assert text == "总投资8亿元的中公科教小镇由市委推动"
    assert [(text[s.start:s.end], s.label) for s in spans] == [("8亿元", "MONEY"), ("中公科教小镇", "PROJECT"),
                                                              ("市委", "ORG")]
    assert [(r.head, r.child) for r in rels] == [(1, 0)]


def test_markup_spans_a_line_break():
    text, spans, _ = parse_marked("[[宝坻经济\n开发区|LOC]]新落户企业")
    assert text[spans[0].start:spans[0].end] == "宝坻经济\n开发区"


@pytest.mark.parametrize("marked, field", [
    ("[[市委|ORGG]]", "label"),
    ("[[市委]]", "mark"),
    ("[[市委|ORG]] 和 [[区委|ORG", "mark"),
    ("[[8亿元|MONEY>b]]投向[[X项目|PROJECT#a]]", "key"),
    ("[[X项目|PROJECT#a]]和[[Y项目|PROJECT#a]]", "key"),
    ("[[市委|ORG#a]]", "key"),
    ("[[ 市委|ORG]]", "mark"),
])
def test_bad_markup_names_line_and_field(tmp_path, marked, field):
    f = tmp_path / "w99-1.txt"
    f.write_text(f"@@ id=w99-0001 focus=prose\n\n{marked}\n", encoding="utf-8")
    with pytest.raises(AnnotationError) as err:
        read_marked(f)
    assert str(f) in str(err.value) and f": {field}:" in str(err.value)


def test_text_before_first_header_is_an_error(tmp_path):
    f = tmp_path / "w99-1.txt"
    f.write_text("一段没有标题的文字\n@@ id=w99-0001\n正文\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match="before the first"):
        read_marked(f)


def test_plan_quotas_are_exact_and_regions_cover_all():
    lines = plan(3, 100)
    focus = Counter(p.focus for p in lines)
    assert focus == Counter({k: v for k, v in FOCUS.items()})  # weights sum to 100: exact counts
    assert len({p.id for p in lines}) == 100
    covered = {r for w in range(1, 17) for r in writer_regions(w)}
    assert covered == set(PROVINCES)


def test_plans_from_w20_write_to_the_real_report_errors():
    lines = plan(20, 100)
    assert Counter(p.focus for p in lines) == Counter(FOCUS_SHAPES)
    assert {p.shape for p in lines if p.focus == "infrastructure"} == set(ERROR_SHAPES["infrastructure"])
    rec = read_marked_text("@@ id=w99-0001 focus=infrastructure length=60\n沿[[滨江大道|LOC]]布局的管网改造全面完成，"
                           "居民出行条件明显改善，群众满意度持续提升。")
    assert any("PROJECT" in p for p in check_paragraph(rec))


def test_check_paragraph_finds_unmarked_amounts_and_focus_demands():
    rec = read_marked_text("@@ id=w99-0001 focus=investment length=60\n[[X产业园|PROJECT]]总投资12亿元，同比增长7.5%。")
    problems = check_paragraph(rec)
    assert any("12亿元" in p for p in problems)
    assert any("7.5%" in p for p in problems)
    assert any("INVESTMENT" in p for p in problems)


def read_marked_text(content: str):
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(content)
    return read_marked(f.name)[0]


def test_round_trip_to_marked():
    rec = read_marked_text("@@ id=w99-0001\n[[A项目|PROJECT#k]]总投资[[3亿元|MONEY>k]]，计划投资[[1亿元|MONEY>k]]，[[区委|ORG]]。")
    text, spans, rels = parse_marked(to_marked(rec))
    assert (text, spans, rels) == (rec.text, rec.spans, rec.relations)


def test_shared_runs_finds_copies_after_conversion():
    a = "本年度全区新开工建设重点项目四十二个，完成固定资产投资的比例明显提高，营商环境持续改善。"
    b = "前言。" + a.replace("项目", "項目").replace("营商环境", "營商環境") + "其后。"
    found = shared_runs([("a", a), ("b", b)])
    assert len(found) == 1 and {found[0].a, found[0].b} == {"a", "b"}
    assert not shared_runs([("a", a), ("c", "完全不同的一段文字，讲的是乡村振兴和生态保护工作。")])


# --- the corpus itself -------------------------------------------------------------------

def _authored():
    if not (AUTHORED / "written").is_dir() or not list((AUTHORED / "written").glob("*.txt")):
        pytest.skip("no authored paragraphs yet")
    return load_authored(AUTHORED)


def test_authored_corpus_is_original():
    """No paragraph shares a 25-character run with corpus/ or with another paragraph."""
    records = _authored()
    corpus = [(p, read_report(p)) for p in sorted(glob.glob(str(REPO / "corpus" / "*.txt")))]
    found = shared_runs([(r.id, r.text) for r in records], n=25, against=corpus)
    assert not found, "\n".join(f"{s.a} ~ {s.b}: {s.run}" for s in found[:20])


def test_authored_corpus_validates():
    problems = [p for r in _authored() for p in check_record(r)]
    assert not problems, "\n".join(map(str, problems[:20]))


def test_authored_records_are_marked_and_split():
    records = _authored()
    assert all(r.meta.get("authored") and r.meta.get("writer") for r in records)
    test = [r for r in records if r.meta["writer"] in TEST_WRITERS]
    assert len({r.id for r in records}) == len(records)
    if len(records) >= 2000:  # the whole corpus: the test writers' share is fixed
        assert 0.05 <= len(test) / len(records) <= 0.2


def test_built_jsonl_is_up_to_date(tmp_path):
    """authored.jsonl (what training reads) is exactly what `build` makes from the sources."""
    records = _authored()
    built = AUTHORED / "authored.jsonl"
    if not built.exists():
        pytest.skip("authored.jsonl not built yet")
    fresh = tmp_path / "a.jsonl"
    build(AUTHORED, fresh)
    assert fresh.read_text(encoding="utf-8") == built.read_text(encoding="utf-8")
    assert len(records) == len(built.read_text(encoding="utf-8").splitlines())


def test_second_annotations_match_their_first():
    a, b = load_second(AUTHORED)
    assert [r.id for r in a] == [r.id for r in b]
    assert all(x.text == y.text for x, y in zip(a, b))


def test_lint_is_resolved():
    """Every string labelled in one place and bare in another is marked or explained (LINT_ALLOW*.tsv)."""
    from gov_ner.annotations.authored import lint, read_allow

    records = _authored()
    allow = [rule for p in sorted(AUTHORED.glob("LINT_ALLOW*.tsv")) for rule in read_allow(p)]
    findings = lint(records, allow)
    assert not findings, "\n".join(str(f) for f in findings[:10])


def test_agreement_meets_the_target():
    from gov_ner.annotations.agreement import agreement

    a, b = load_second(AUTHORED)
    if len(b) < 100:
        pytest.skip("second annotation not done yet")
    result = agreement(a, b)
    assert len(b) / len(_authored()) >= 0.18  # about one paragraph in five
    assert result["micro_f1"] >= 0.90
