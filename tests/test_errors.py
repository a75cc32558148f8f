import json

from gov_ner.annotations.schema import Record, Span
from gov_ner.training.errors import ErrorTable, classify, format_table, main, table_for


def test_each_gold_span_gets_one_class_and_stray_predictions_are_spurious():
    gold = [(0, 3, "LOC"), (4, 8, "ORG"), (10, 14, "PROJECT"), (20, 23, "LOC"), (30, 33, "MONEY")]
    pred = [(0, 3, "LOC"), (4, 8, "PROJECT"), (10, 12, "PROJECT"), (19, 23, "PROJECT"), (40, 42, "ORG")]
    matched, spurious = classify(gold, pred)
    assert [c for c, _, _ in matched] == ["correct", "label", "boundary", "both", "missed"]
    assert matched[3][2] == (19, 23, "PROJECT") and matched[4][2] is None
    assert spurious == [(40, 42, "ORG")]


def test_same_edges_with_the_right_label_wins_over_a_wrong_one():
    matched, spurious = classify([(0, 3, "LOC")], [(0, 3, "ORG"), (0, 3, "LOC")])
    assert matched[0][0] == "correct" and spurious == []


def test_nothing_in_nothing_out():
    assert classify([], []) == ([], [])
    table = ErrorTable()
    table.add("", [], [])
    assert "| all | 0 | 0 | 0 | 0 | 0 | 0 | 0 |" in format_table(table, "t", "cmd")


def test_table_counts_and_examples():
    table = ErrorTable()
    table.add("成都高新区管委会", [(0, 5, "LOC"), (5, 8, "ORG")], [(0, 5, "PROJECT")])
    assert table.classes["LOC", "label"] == 1 and table.classes["ORG", "missed"] == 1
    assert table.confusion["LOC", "PROJECT"] == 1
    d = table.to_dict()
    assert d["examples"]["LOC label as PROJECT"] == [("成都高新区", 1)]
    assert d["examples"]["ORG missed"] == [("管委会", 1)]
    page = format_table(table, "t", "cmd")
    assert "| LOC | 0 | 1 | 0 | 0 | 0 | 1 | 0 |" in page and "| LOC | 0 | 0 | 1 | 0 | 0 |" in page


def test_a_model_read_on_records_compares_token_ranges(tiny_model):
    """Raw report text (traditional, pinyin glosses, full-width) is compared on the shared
    tokenizer's tokens; examples read in its normalised text."""
    import gov_ner

    text = "東昌區(qū)總投資8億元的中公科教小鎮(zhèn)開工，增长7％。"
    money = text.index("8")
    rec = Record("r#p0", text, [Span(0, text.index("總"), "LOC"), Span(money, money + 3, "MONEY")])
    table = table_for(gov_ner.load(tiny_model), [rec])
    assert sum(n for (label, _), n in table.classes.items() if label == "MONEY") == 1
    assert sum(table.classes.values()) == 2
    for key, strings in table.to_dict()["examples"].items():
        for s, _ in strings:
            assert "(" not in s and "億" not in s, (key, s)


def test_crossval_page_from_fold_models(tiny_model, tmp_path, repo, monkeypatch):
    splits = json.loads((repo / "annotations/splits.json").read_text())
    held = splits["cross_validation"][0]
    (tmp_path / "cv" / held).mkdir(parents=True)
    (tmp_path / "cv" / held / "model-last").symlink_to(tiny_model)
    monkeypatch.chdir(repo)
    out = tmp_path / "errors.md"
    assert main(["--crossval", str(tmp_path / "cv"), "--fold", held, "--markdown", str(out),
                 "--json", str(tmp_path / "e.json")]) == 0
    page = out.read_text(encoding="utf-8")
    assert "(1 folds)" in page and "--fold" in page
    counts = json.loads((tmp_path / "e.json").read_text())["classes"]
    assert sum(counts.values()) == sum(1 for line in (repo / f"annotations/gold/{held}.jsonl").open()
                                       for _ in json.loads(line)["spans"])
