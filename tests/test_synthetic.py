"""The synthetic INVESTMENT data: generator behaviour and the committed file."""
from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "training" / "make_synthetic.py"
COMMITTED = ROOT / "annotations" / "synthetic" / "investment.synthetic.jsonl"
N, SEED = 1500, 13


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
    for rec in _all(committed, fresh):
        end = 0
        for span in rec["spans"]:
            assert span["label"] in {"ORG", "LOC", "PROJECT", "MONEY", "PERCENT"}
            assert end <= span["start"] < span["end"] <= len(rec["text"]), rec["id"]
            end = span["end"]


def _is_punct_or_space(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in "PZC"


def test_span_edges_have_no_whitespace_or_punctuation(committed, fresh):
    for rec in _all(committed, fresh):
        for span in rec["spans"]:
            text = _span_text(rec, span)
            first, last = text[0], text[-1]
            # Redaction marks may open a span ('.亿元', '**开发区'); '%' closes a PERCENT.
            if _is_punct_or_space(first):
                assert first in ".．" and span["label"] in ("MONEY", "PERCENT") or first in "*＊", (rec["id"], text)
            if _is_punct_or_space(last):
                assert span["label"] == "PERCENT" and last in "%％", (rec["id"], text)


def test_amount_boundaries_leave_out_modifiers(committed, fresh):
    for rec in _all(committed, fresh):
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
    for rec in _all(committed, fresh):
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
    for rec in _all(committed, fresh):
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
