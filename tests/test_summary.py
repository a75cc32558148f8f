"""The cross-validation section of RESULTS.md is gathered from scored runs' files, never typed."""
import json

import pytest

from gov_ner.training.summary import MARKER, main, parse_crossval


def scores(f1: float, support: int) -> dict:
    row = {"precision": f1, "recall": f1, "f1": f1, "support": support}
    return {lab: dict(row) for lab in ("ORG", "LOC", "PROJECT", "MONEY", "PERCENT", "micro")}


def test_summary_gathers_pooled_rows_and_replaces_its_section(tmp_path):
    cv = tmp_path / "CV.json"
    cv.write_text(json.dumps({"entities": {
        "000_x": {"cnn": scores(0.5, 10)}, "001_y": {"cnn": scores(0.7, 30)},
        "all folds": {"cnn": scores(0.65, 40), "cnn+gazetteer": scores(0.66, 40)}}}))
    (tmp_path / "CV.md").write_text("# CV\n\nWritten by `gov-ner crossval -o somewhere`.\n")
    curve = tmp_path / "CURVE.json"
    curve.write_text(json.dumps({"fractions": {
        "0": {"crossval": scores(0.4, 25), "folds": ["001_y"], "authored_test_micro_f1": 0.5},
        "1": {"crossval": scores(0.6, 25), "folds": ["001_y"]}}}))
    target = tmp_path / "RESULTS.md"
    target.write_text("# Results\n\nkept text\n")
    argv = ["--crossval", f"CNN={cv}#cnn", "--curve", str(curve), "--into", str(target)]
    assert main(argv) == 0
    first = target.read_text()
    assert main(argv) == 0
    assert target.read_text() == first            # re-running replaces the section, never appends twice
    assert first.startswith("# Results\n\nkept text\n") and first.count(MARKER) == 1
    row = next(line for line in first.splitlines() if line.startswith("| CNN |"))
    assert "| 40 | 0.650 |" in row and "| 0.500 | 0.700 |" in row   # pooled, then fold 000 and 001
    assert "gov-ner crossval -o somewhere" in first
    assert "| 0% | 001 | 25 |" in first and "| 100% | 001 | 25 |" in first


def test_summary_names_the_file_when_a_system_is_missing(tmp_path):
    cv = tmp_path / "CV.json"
    cv.write_text(json.dumps({"entities": {"all folds": {"cnn": scores(0.6, 4)}}}))
    with pytest.raises(KeyError, match="CV.json.*'trf'"):
        main(["--crossval", f"T={cv}#trf"])
    with pytest.raises(ValueError, match="NAME=FILE.json#SYSTEM"):
        parse_crossval("no-system=CV.json")
