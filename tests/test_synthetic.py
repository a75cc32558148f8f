"""The synthetic data: generator behaviour and the committed files of both families
(INVESTMENT paragraphs, and the NER family of ORG/LOC/PROJECT-rich sentences)."""
from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "training" / "make_synthetic.py"
COMMITTED = ROOT / "annotations" / "synthetic" / "investment.synthetic.jsonl"
N, SEED = 1500, 13
NER_COMMITTED = ROOT / "annotations" / "synthetic" / "ner.synthetic.jsonl"
NER_N, NER_SEED = 1200, 17


def _load_generator():
    spec = importlib.util.spec_from_file_location("make_synthetic", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


@pytest.fixture(scope="module")
def committed() -> list[dict]:
    with COMMITTED.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="module")
def fresh() -> list[dict]:
    """A different seed, so the checks do not rest on one sample only."""
    return gen.generate(3000, 101)


def _span_text(rec: dict, span: dict) -> str:
    return rec["text"][span["start"]:span["end"]]


def _all(committed, fresh):
    return committed + fresh


# ---------------------------------------------------------------------------------------
def test_deterministic_for_a_seed():
    a = gen.dumps(gen.generate(300, 7))
    assert a == gen.dumps(gen.generate(300, 7))
    assert a != gen.dumps(gen.generate(300, 8))


def test_committed_file_equals_script_output(tmp_path):
    out = tmp_path / "investment.synthetic.jsonl"
    subprocess.run(
        [sys.executable, str(SCRIPT), "--n", str(N), "--seed", str(SEED), "--output", str(out)],
        check=True, cwd=ROOT,
    )
    assert out.read_bytes() == COMMITTED.read_bytes()


def test_record_shape(committed):
    assert len(committed) == N
    for number, rec in enumerate(committed, 1):
        assert rec["id"] == f"synthetic#{number:05d}"
        assert set(rec) == {"id", "text", "spans", "relations", "meta"}
        assert rec["meta"] == {"synthetic": True, "template": rec["meta"]["template"],
                               "generator": "training/make_synthetic.py", "seed": SEED}
        assert rec["meta"]["template"] in gen.ALL_TEMPLATES
        assert 1 <= rec["text"].count("。") <= 4
    assert len({rec["text"] for rec in committed}) == N


def test_spans_sorted_inside_text_and_not_overlapping(committed, fresh):
    _assert_spans_sorted(_all(committed, fresh))


def _assert_spans_sorted(records):
    for rec in records:
        end = 0
        for span in rec["spans"]:
            assert span["label"] in {"ORG", "LOC", "PROJECT", "MONEY", "PERCENT"}
            assert end <= span["start"] < span["end"] <= len(rec["text"]), rec["id"]
            end = span["end"]


def _is_punct_or_space(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in "PZC"


def test_span_edges_have_no_whitespace_or_punctuation(committed, fresh):
    _assert_span_edges(_all(committed, fresh))


def _assert_span_edges(records):
    for rec in records:
        for span in rec["spans"]:
            text = _span_text(rec, span)
            first, last = text[0], text[-1]
            # Redaction marks may open a span ('.亿元', '**开发区'); '%' closes a PERCENT.
            if _is_punct_or_space(first):
                assert first in ".．" and span["label"] in ("MONEY", "PERCENT") or first in "*＊", (rec["id"], text)
            if _is_punct_or_space(last):
                assert span["label"] == "PERCENT" and last in "%％", (rec["id"], text)


def test_amount_boundaries_leave_out_modifiers(committed, fresh):
    _assert_amount_boundaries(_all(committed, fresh))


def _assert_amount_boundaries(records):
    for rec in records:
        for span in rec["spans"]:
            if span["label"] not in ("MONEY", "PERCENT"):
                continue
            text = _span_text(rec, span)
            assert not text.startswith(("约", "近", "超", "达", "突破")), (rec["id"], text)
            assert not text.endswith(("以上", "以下", "左右", "多")), (rec["id"], text)


# Arabic, full-width and Chinese numerals (simplified and traditional) or a redaction mark.
NUMERAL = re.compile(r"[0-9０-９零一二两兩三四五六七八九十百千万萬.．X]")
CURRENCY = re.compile(r"(美元|欧元|歐元|港元|日元|元)$")


def test_money_has_numeral_and_currency(committed, fresh):
    _assert_money_has_numeral_and_currency(_all(committed, fresh))


def _assert_money_has_numeral_and_currency(records):
    for rec in records:
        for span in rec["spans"]:
            if span["label"] != "MONEY":
                continue
            text = _span_text(rec, span)
            m = CURRENCY.search(text)
            assert m, (rec["id"], text)
            number = text[: m.start()]
            if number[-1:] in ("亿", "億", "万", "萬"):  # one magnitude; in 万亿 the 万 is the numeral
                number = number[:-1]
            assert number and NUMERAL.search(number), (rec["id"], text)


def test_money_never_bare_magnitude(committed):
    # 亿元以上项目 / 过亿元 / 近万元 / 总投资亿元 are not MONEY
    for rec in committed:
        for span in rec["spans"]:
            assert _span_text(rec, span) not in ("亿元", "億元", "万元", "萬元")


def test_relations_are_project_to_money(committed, fresh):
    _assert_relations_project_to_money(_all(committed, fresh))


def _assert_relations_project_to_money(records):
    for rec in records:
        children = []
        for rel in rec["relations"]:
            assert rel["label"] == "INVESTMENT"
            assert rec["spans"][rel["head"]]["label"] == "PROJECT", rec["id"]
            assert rec["spans"][rel["child"]]["label"] == "MONEY", rec["id"]
            children.append(rel["child"])
        assert len(children) == len(set(children)), rec["id"]  # one MONEY, one PROJECT


def test_distractor_templates_yield_no_relation(committed, fresh):
    for rec in _all(committed, fresh):
        name = rec["meta"]["template"]
        if name in gen.DISTRACTOR_TEMPLATES:
            assert rec["relations"] == [], rec["id"]
        else:
            assert name in gen.INVESTMENT_TEMPLATES
            assert rec["relations"], rec["id"]


def test_every_template_used_and_share_of_investment(committed):
    used = {rec["meta"]["template"] for rec in committed}
    assert used == set(gen.ALL_TEMPLATES)
    share = sum(bool(rec["relations"]) for rec in committed) / len(committed)
    assert 0.5 <= share <= 0.7


def test_variety_of_forms(committed):
    spans = [(_span_text(rec, s), s["label"]) for rec in committed for s in rec["spans"]]
    money = [t for t, label in spans if label == "MONEY"]
    percent = [t for t, label in spans if label == "PERCENT"]

    def some(items, pattern):
        return any(re.search(pattern, t) for t in items)

    for pattern in (r"^\d+\.\d+亿元$", r"^\d+万元$", r"余万元$", r"^\d+元$", r"^[一二两三四五六七八九十百千]+万元$",
                    r"点.亿元$", r"万亿元$", r"^\d+-\d+亿元$", r"美元$", r"欧元$", r"港元$", r"^\.(亿|万)元$",
                    r"^XX万元$", r"[０-９]"):
        assert some(money, pattern), pattern
    for pattern in (r"^\d+(\.\d)?%$", r"个百分点$", r"^百分之"):
        assert some(percent, pattern), pattern
    texts = [rec["text"] for rec in committed]
    assert any("項目" in t for t in texts)  # traditional characters
    assert any("," in t for t in texts) and any("，" in t for t in texts)


def test_contract_examples_from_the_generator():
    # A single trailing phase is inside; a phase list is outside.
    for rec in gen.generate(400, 3):
        for span in rec["spans"]:
            text = _span_text(rec, span)
            if span["label"] == "PROJECT":
                assert not re.search(r"[一二三]期、", text)
                assert not text.endswith("等项目")
            if span["label"] == "LOC":
                assert "的" not in text


def test_chinese_numerals():
    assert [gen.cn_int(n) for n in (1, 10, 12, 20, 105, 2500, 3050, 9000)] == [
        "一", "十", "十二", "二十", "一百零五", "两千五百", "三千零五十", "九千"]


def test_traditional_table_is_one_for_one_and_matches_opencc():
    text = gen.generate(1, 5)[0]["text"]
    assert len(gen.to_traditional(text)) == len(text)
    converter = gen.opencc_converter()
    if converter is None:
        pytest.skip("opencc not importable")
    import random

    r = random.Random(0)
    for name in gen.ALL_TEMPLATES:
        for _ in range(20):
            simplified = gen.build(r, name).text
            assert gen.to_traditional(simplified) == gen.opencc_s2t(converter, simplified)


# ---------------------------------------------------------------------------------------
# The NER family (--family ner)
# ---------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def ner_committed() -> list[dict]:
    with NER_COMMITTED.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="module")
def ner_fresh() -> list[dict]:
    return gen.generate_ner(2000, 101)


NAME_LABELS = ("ORG", "LOC", "PROJECT")


def test_ner_deterministic_for_a_seed():
    a = gen.dumps(gen.generate_ner(200, 7))
    assert a == gen.dumps(gen.generate_ner(200, 7))
    assert a != gen.dumps(gen.generate_ner(200, 8))


def test_ner_committed_file_equals_script_output(tmp_path):
    out = tmp_path / "ner.synthetic.jsonl"
    subprocess.run(
        [sys.executable, str(SCRIPT), "--family", "ner", "--n", str(NER_N), "--seed", str(NER_SEED),
         "--output", str(out)],
        check=True, cwd=ROOT,
    )
    assert out.read_bytes() == NER_COMMITTED.read_bytes()


def test_ner_record_shape(ner_committed, committed):
    assert len(ner_committed) == NER_N
    for number, rec in enumerate(ner_committed, 1):
        assert rec["id"] == f"synthetic-ner#{number:05d}"
        assert set(rec) == {"id", "text", "spans", "relations", "meta"}
        # the first family's meta, plus the family
        assert rec["meta"] == {"synthetic": True, "template": rec["meta"]["template"],
                               "generator": "training/make_synthetic.py", "seed": NER_SEED, "family": "ner"}
        name = rec["meta"]["template"]
        assert name in gen.NER_TEMPLATES and name not in gen.ALL_TEMPLATES
        sentences = rec["text"].count("。")
        if name in gen.NER_TITLE_TEMPLATES:  # title lines stand alone, without 。
            assert sentences == 0, rec["id"]
        else:
            assert 1 <= sentences <= 4, rec["id"]
    assert len({rec["text"] for rec in ner_committed}) == NER_N
    assert not {rec["id"] for rec in ner_committed} & {rec["id"] for rec in committed}
    assert {rec["meta"]["template"] for rec in ner_committed} == set(gen.NER_TEMPLATES)
    assert len(gen.NER_TEMPLATES) >= 40


def test_ner_offsets_are_the_written_names():
    """Every span is exactly one piece appended by Para.e: offsets exact by construction."""
    import random

    r = random.Random(5)
    for name in gen.NER_TEMPLATES:
        for _ in range(30):
            p = gen.build_ner(r, name)
            bounds, pos = {}, 0
            for piece in p.pieces:
                bounds[pos] = pos + len(piece)
                pos += len(piece)
            assert pos == len(p.text)
            for start, end, label in p.spans:
                assert bounds.get(start) == end, (name, p.text[start:end])


def test_ner_generic_checks(ner_committed, ner_fresh):
    records = ner_committed + ner_fresh
    _assert_spans_sorted(records)
    _assert_span_edges(records)
    _assert_amount_boundaries(records)
    _assert_money_has_numeral_and_currency(records)
    _assert_relations_project_to_money(records)


# Words that follow a name but never belong to it.
NOT_A_NAME_END = ("被", "在", "的", "是", "将", "要", "于", "和", "与", "年", "连续", "获", "入选")
NOT_A_NAME_START = ("在", "位于", "来自", "与", "由", "来", "全", "我", "各")


def test_ner_name_boundaries(ner_committed, ner_fresh):
    for rec in ner_committed + ner_fresh:
        text = rec["text"]
        for span in rec["spans"]:
            if span["label"] not in NAME_LABELS:
                continue
            t = _span_text(rec, span)
            assert not t.endswith(NOT_A_NAME_END), (rec["id"], t)
            assert not t.startswith(NOT_A_NAME_START) or t.startswith("全国"), (rec["id"], t)
            if span["label"] in ("ORG", "LOC"):  # no year or count glued to a name (projects may hold 年产2万吨)
                assert not any(ch.isdigit() for ch in t), (rec["id"], t)
            if span["label"] == "LOC":
                assert "的" not in t and "被" not in t, (rec["id"], t)
            if span["label"] == "ORG":
                assert "次会议" not in t, (rec["id"], t)  # 【…第十八届人民代表大会】第三次会议
                assert not t.endswith(("区长", "县长", "市长", "书记", "常委", "主任", "委员", "代表")), (rec["id"], t)
                if "人民代表大会" in t:
                    assert t.endswith("人民代表大会"), (rec["id"], t)


def test_ner_nothing_inside_book_titles_and_role_nouns(ner_committed, ner_fresh):
    for rec in ner_committed + ner_fresh:
        text = rec["text"]
        covered = set()
        for span in rec["spans"]:
            covered.update(range(span["start"], span["end"]))
        for m in re.finditer(r"《[^》]*》", text):  # 《…》 titles: nothing inside
            assert not covered & set(range(m.start(), m.end())), (rec["id"], m.group())
        for m in re.finditer(r"(政协委员|人大代表)", text):  # role nouns
            assert not covered & set(range(m.start(), m.end())), (rec["id"], m.group())
        # quoted slogans and campaigns are not entities; only a place inside one is (“美丽【青泉】”)
        for m in re.finditer(r"[“\"]([^”\"]*)[”\"]", text):
            for span in rec["spans"]:
                if m.start() < span["start"] < m.end():
                    assert span["label"] == "LOC", (rec["id"], m.group())


def test_ner_titles_mark_the_body_only(ner_committed):
    for rec in ner_committed:
        if rec["meta"]["template"] != "ner_title_signature":
            continue
        (span,) = rec["spans"]
        assert span["label"] == "ORG" and span["start"] == 0
        assert _span_text(rec, span).endswith("政府")
        assert re.match(r"(代|副)?[区县市區縣](长|長)", rec["text"][span["end"]:]), rec["text"]


def test_ner_label_mix_and_contrasts(ner_committed):
    spans = [(gen.to_traditional(_span_text(rec, s)), s["label"]) for rec in ner_committed for s in rec["spans"]]
    labels = Counter(label for _, label in spans)
    assert labels["ORG"] + labels["LOC"] > 0.6 * sum(labels.values())
    assert labels["PROJECT"] and labels["MONEY"] and labels["PERCENT"]
    # the same kinds of institution occur as ORG (acting, honoured, moving) and as PROJECT (being built)
    for suffix in ("医院", "中学", "小学", "幼儿园", "研究院", "购物中心", "社区卫生服务中心"):
        suffix = gen.to_traditional(suffix)
        kinds = {label for t, label in spans if t.endswith(suffix)}
        assert {"ORG", "PROJECT"} <= kinds, (suffix, kinds)
    # hundreds of distinct names
    assert len({t for t, label in spans if label == "ORG"}) > 500
    assert len({t for t, label in spans if label == "LOC"}) > 500
    # bare place names (青泉) and chains of places both occur as LOC
    assert any(len(t) == 2 and label == "LOC" and t not in gen.ZONE_SHORT for t, label in spans)
    assert any(label == "LOC" and re.search(r"[市][^市]*[区县縣區].*(镇|乡|街道|街|鎮|鄉)$", t) for t, label in spans)


def test_ner_investment_only_for_named_invested_projects(ner_committed):
    for rec in ner_committed:
        for rel in rec["relations"]:
            head = rec["spans"][rel["head"]]
            assert head["label"] == "PROJECT"
    assert sum(bool(rec["relations"]) for rec in ner_committed) < 0.2 * len(ner_committed)


# Generic words that may occur in any report: short body words, zone short forms, macro-regions.
BODY_WORD = re.compile(r"^[省市区县](委|政府|人民政府|政协|人大常委会|[^\W\d]{0,10}(局|委|办|中心|会))$")


def test_ner_names_do_not_leak_from_heldout_reports(ner_committed):
    """No name in the NER family is an entity of a held-out report, except generic words."""
    gold = sorted(ROOT.glob("annotations/gold/002_*.jsonl")) + sorted(ROOT.glob("annotations/gold/003_*.jsonl"))
    if not gold:
        pytest.skip("held-out gold files not present")
    held = set()
    for path in gold:
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            held.update(rec["text"][s["start"]:s["end"]] for s in rec["spans"] if s["label"] in NAME_LABELS)
    generic = set(gen.NER_REGIONS) | set(gen.ZONE_SHORT) | {"中国"}
    leaked = sorted({
        _span_text(rec, s) for rec in ner_committed for s in rec["spans"]
        if s["label"] in NAME_LABELS and _span_text(rec, s) in held
    } - generic)
    assert all(BODY_WORD.match(t) for t in leaked), leaked


def test_ner_traditional_table_matches_opencc():
    converter = gen.opencc_converter()
    if converter is None:
        pytest.skip("opencc not importable")
    import random

    r = random.Random(0)
    for name in gen.NER_TEMPLATES:
        for _ in range(20):
            simplified = gen.build_ner(r, name).text
            assert gen.to_traditional(simplified) == gen.opencc_s2t(converter, simplified)
