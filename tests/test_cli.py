import json
import subprocess
import sys

from gov_ner.cli import main


def test_help_lists_commands(capsys):
    try:
        main(["--help"])
    except SystemExit as e:
        assert e.code == 0
    out = capsys.readouterr().out
    for cmd in ("validate", "stats", "convert", "consistency", "agreement"):
        assert cmd in out


def test_validate_reports_file_line_field(tmp_path, capsys):
    p = tmp_path / "bad.jsonl"
    p.write_text(json.dumps({"id": "x", "text": "宝坻区", "spans": [{"start": 0, "end": 3, "label": "PLACE"}]},
                            ensure_ascii=False) + "\n", encoding="utf-8")
    before = p.read_bytes()
    assert main(["validate", str(p)]) == 1
    err = capsys.readouterr().err
    assert f"{p}:1: spans[0].label: unknown label 'PLACE'" in err
    assert p.read_bytes() == before


def test_stats_and_convert(repo, tmp_path, capsys):
    assert main(["stats", str(repo / "annotations" / "gold"), "--splits", str(repo / "annotations" / "splits.json")]) == 0
    out = capsys.readouterr().out
    assert "heldout" in out and "004_5c6816b4f2d08723" in out
    out_path = tmp_path / "gold.spacy"
    assert main(["convert", str(repo / "annotations" / "gold" / "003_f6c75f8394d11ae2.jsonl"), "-o", str(out_path), "--strict"]) == 0
    assert out_path.exists()
    assert main(["convert", str(repo / "annotations" / "gold" / "003_f6c75f8394d11ae2.jsonl"), "-o", str(out_path)]) == 1


def test_console_script_runs():
    r = subprocess.run([sys.executable, "-m", "gov_ner.cli", "convert", "--help"], capture_output=True, text=True)
    assert r.returncode == 0 and "--to" in r.stdout


def test_every_command_module_registers_its_parser(capsys):
    """gov_ner/cli/ has one module per command; each one's --help works and names its options."""
    import pytest

    from gov_ner.cli import COMMANDS

    names = [m.__name__.rsplit(".", 1)[1] for m in COMMANDS]
    assert {"extract", "suggest", "retrain", "evaluate", "train"} <= set(names)
    for name in names:
        with pytest.raises(SystemExit) as exit_:
            main([name, "--help"])
        assert exit_.value.code == 0
        assert f"usage: gov-ner {name}" in capsys.readouterr().out
    main_help = subprocess.run([sys.executable, "-m", "gov_ner.cli", "extract", "--help"], capture_output=True, text=True)
    assert "--jobs" in main_help.stdout and "--resume" in main_help.stdout


def test_training_commands_default_to_the_authored_corpus_and_take_no_authored(capsys):
    """train, retrain and crossval train on the reports + the authored corpus unless --no-authored."""
    import pytest

    from gov_ner.cli import build_parser
    from gov_ner.cli.common import authored_path

    parser = build_parser()
    for argv in (["train", "-o", "x"], ["retrain", "--add", "a.jsonl", "-o", "x"], ["crossval", "-o", "x"]):
        assert authored_path(parser.parse_args(argv)) == "annotations/authored/authored.jsonl"
        assert authored_path(parser.parse_args(argv + ["--authored", "a.jsonl"])) == "a.jsonl"
        assert authored_path(parser.parse_args(argv + ["--no-authored"])) is None
        with pytest.raises(SystemExit):  # one or the other
            parser.parse_args(argv + ["--authored", "a.jsonl", "--no-authored"])
        with pytest.raises(SystemExit):  # the synthetic families are retired
            parser.parse_args(argv + ["--no-synthetic"])
    capsys.readouterr()


def test_crossval_score_only_writes_the_pooled_table_first(tmp_path, tiny_model, capsys):
    """`gov-ner crossval --score-only` scores fold models made elsewhere (here one fold, the tiny
    model copied in) without training, and its page opens with the pooled table."""
    import shutil

    from gov_ner.cli import main

    fold = "003_f6c75f8394d11ae2"
    shutil.copytree(tiny_model, tmp_path / "cv" / fold / "model-last")
    md = tmp_path / "cv.md"
    assert main(["crossval", "-o", str(tmp_path / "cv"), "--score-only", "--checkpoint", "model-last",
                 "--msra-model", "stage1", "--markdown", str(md), "--json", str(tmp_path / "cv.json")]) == 0
    page = md.read_text(encoding="utf-8")
    assert page.index("## pooled: 003") < page.index(f"## held out: {fold}")
    assert "MSRA first" in page and "--score-only" in page
    assert not (tmp_path / "cv" / "000_71dc593d3b27a9df").exists()  # the other folds were skipped, not trained
    capsys.readouterr()
