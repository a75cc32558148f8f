"""Entity scoring agrees with seqeval's strict IOB2 reference on hand-made sequences."""
import pytest

from gov_ner.rules import find_amounts
from gov_ner.text.lexicon import word_positions
from gov_ner.training.evaluate import score_sequences


def test_strict_scores_reference_values():
    gold = [["B-ORG", "I-ORG", "O", "B-MONEY", "I-MONEY"], ["B-LOC", "O"]]
    pred = [["B-ORG", "I-ORG", "O", "B-MONEY", "O"], ["I-LOC", "O"]]  # truncated MONEY, ill-formed LOC
    s = score_sequences(gold, pred)
    assert s["ORG"]["f1"] == 1.0
    assert s["MONEY"]["precision"] == 0.0 and s["MONEY"]["support"] == 1
    assert s["LOC"]["recall"] == 0.0  # strict mode: an entity starting with I- does not count
    assert s["micro"]["precision"] == pytest.approx(1 / 2) and s["micro"]["recall"] == pytest.approx(1 / 3)


@pytest.mark.parametrize("text,expected", [
    ("总投资100.45亿元", [("100.45亿元", "MONEY")]),
    ("亿元以上项目", []),
    ("近万元", []),
    ("超万亿元", [("万亿元", "MONEY")]),
    ("增长7%,提高1.5个百分点", [("7%", "PERCENT"), ("1.5个百分点", "PERCENT")]),
    ("总投资.万元的项目", [(".万元", "MONEY")]),
    ("35万人次,1500亩", []),
])
def test_rule_baseline_patterns(text, expected):
    assert [(text[s:e], lab) for s, e, lab in find_amounts(text)] == expected


def test_word_positions_from_pkuseg_lexicon():
    lex = frozenset({"天津", "银行", "新址"})
    assert word_positions("天津农商银行新址", lex) == ["B", "E", "S", "S", "B", "E", "B", "E"]


def test_cli_evaluate_model_on_a_file_matches_the_library(tiny_model, repo, tmp_path, capsys):
    import json

    from gov_ner.annotations.io import read_jsonl
    from gov_ner.cli import main
    from gov_ner.training.results import score_systems

    gold = repo / "annotations/gold/003_f6c75f8394d11ae2.jsonl"
    part = tmp_path / "part.jsonl"
    part.write_text("".join(gold.read_text(encoding="utf-8").splitlines(keepends=True)[:6]), encoding="utf-8")
    assert main(["evaluate", str(tiny_model), str(part), "--json", str(tmp_path / "s.json")]) == 0
    printed = capsys.readouterr().out
    written = json.loads((tmp_path / "s.json").read_text())
    ents, rels = score_systems({str(tiny_model): str(tiny_model)}, list(read_jsonl(part)))
    assert written["entities"] == json.loads(json.dumps(ents))
    assert written["relations"] == json.loads(json.dumps(rels))
    micro = ents[str(tiny_model)]["micro"]
    assert f"| micro | {micro['support']} |" in printed and "| cue-word rule | gold |" in printed


def test_cli_evaluate_needs_a_model(tmp_path, capsys):
    from gov_ner.cli import main

    part = tmp_path / "part.jsonl"
    part.write_text('{"id": "x#1", "text": "天津", "spans": []}\n', encoding="utf-8")
    assert main(["evaluate", str(part)]) == 2
    assert "no model" in capsys.readouterr().err


def test_relation_rows_pool_over_folds():
    from gov_ner.training.results import pool_relation_rows

    fold1 = {"r / gold": {"precision": 1.0, "recall": 0.5, "f1": 0.667, "support": 2, "predicted": 1, "tp": 1}}
    fold2 = {"r / gold": {"precision": 0.5, "recall": 1.0, "f1": 0.667, "support": 1, "predicted": 2, "tp": 1}}
    pooled = pool_relation_rows([fold1, fold2])["r / gold"]
    assert (pooled["support"], pooled["predicted"]) == (3, 3)
    assert pooled["precision"] == pytest.approx(2 / 3) and pooled["recall"] == pytest.approx(2 / 3)


def test_cli_evaluate_scores_authored_only_systems_on_the_authored_test_split_only(tiny_model, repo, tmp_path):
    import json

    from gov_ner.annotations.authored import TEST_WRITERS
    from gov_ner.cli import main

    gold = repo / "annotations/gold/003_f6c75f8394d11ae2.jsonl"
    part = tmp_path / "part.jsonl"
    part.write_text("".join(gold.read_text(encoding="utf-8").splitlines(keepends=True)[:4]), encoding="utf-8")
    authored = tmp_path / "authored.jsonl"
    lines = [ln for ln in (repo / "annotations/authored/authored.jsonl").read_text(encoding="utf-8").splitlines()
             if json.loads(ln)["meta"].get("writer") in TEST_WRITERS][:3]
    authored.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["evaluate", f"a={tiny_model}", str(part), "--authored-test", str(authored), "--json", str(tmp_path / "s.json"),
            "--results", str(tmp_path / "R.md")]
    assert main([*args[:3], "--authored-only", f"shipped={tiny_model}"]) == 2  # needs --authored-test
    assert main([*args, "--authored-only", f"shipped={tiny_model}"]) == 0
    written = json.loads((tmp_path / "s.json").read_text())
    assert set(written["entities"]) == {"a"}
    assert set(written["authored_test"]["entities"]) == {"a", "shipped"}
    assert "Scored here only" in (tmp_path / "R.md").read_text(encoding="utf-8")
