"""Leave-one-report-out cross-validation on two tiny reports (two folds, tiny models)."""
import dataclasses
import json
import os

import pytest

from gov_ner.training.crossval import cross_validate, fold_models
from gov_ner.training.data import DataArguments
from gov_ner.training.train import TrainingArguments


def test_crossval_folds_variants_and_reuse(tmp_path, repo, tiny_overrides):
    ann = tmp_path / "ann"
    ann.mkdir()
    for rep in ("003_f6c75f8394d11ae2", "000_71dc593d3b27a9df"):
        lines = (repo / f"annotations/gold/{rep}.jsonl").read_text(encoding="utf-8").splitlines()[:6]
        (ann / f"{rep}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    reports = ["003_f6c75f8394d11ae2", "000_71dc593d3b27a9df"]
    (tmp_path / "splits.json").write_text(json.dumps({"train": reports, "heldout": [], "cross_validation": reports}))
    data = DataArguments(annotations=("ann",), splits="splits.json", dev_every=2, real_repeat=1, authored=None)
    args = TrainingArguments(config=str(repo / "configs/cnn.cfg"), output=str(tmp_path / "cv"), max_steps=6,
                             overrides=tiny_overrides)
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = cross_validate(args, data, variants=("", "+consistency", "-boundaries"))
        fold_model = tmp_path / "cv" / reports[0] / "model-best" / "config.cfg"
        stamp = fold_model.stat().st_mtime_ns
        again = cross_validate(args, data, variants=("",), reuse=True)
        stamp_after = fold_model.stat().st_mtime_ns
        one = cross_validate(args, data, reuse=True, checkpoints=("model-best", "model-last"), only=(reports[1],))
        # a run that stopped part-way (model-last on disk, no completion file) is trained again
        (tmp_path / "cv" / reports[0] / "training-complete.json").unlink()
        cross_validate(args, data, reuse=True, only=(reports[0],))
        stamp_resumed = fold_model.stat().st_mtime_ns
        resumed = (tmp_path / "cv" / reports[0] / "training-complete.json").is_file()
        # scoring never reads a run still in progress (or stopped): its model-last is a snapshot
        marker = tmp_path / "cv" / reports[1] / "training-complete.json"
        saved = marker.read_text()
        marker.unlink()
        in_progress = cross_validate(args, data, score_only=True)
        walked_in_progress = [held for held, _, _ in fold_models(tmp_path / "cv", "model-best", data=data)]
        marker.write_text(saved)
        import shutil

        shutil.rmtree(tmp_path / "cv" / reports[0])
        scored = cross_validate(args, data, score_only=True)
        walked = [(held, [r.doc_id for r in recs]) for held, _, recs in fold_models(tmp_path / "cv", data=data)]
        with pytest.raises(FileNotFoundError, match="no fold model"):
            list(fold_models(tmp_path / "cv", data=data, only=(reports[0],)))
        removed = not (tmp_path / "cv" / reports[0]).exists()
        # a learning-curve point scored from fold models made elsewhere (its 0% point here)
        from gov_ner.training.learning_curve import format_curve, learning_curve

        (tmp_path / "curve").mkdir()
        (tmp_path / "curve" / "authored-0").symlink_to(tmp_path / "cv")
        curve = learning_curve(dataclasses.replace(args, output=str(tmp_path / "curve")), data, [0.0, 0.5],
                               score_only=True)
        curve_variant = learning_curve(dataclasses.replace(args, output=str(tmp_path / "curve")), data, [0.0],
                                       score_only=True, variant="-amounts")
        scored_variant = cross_validate(args, data, score_only=True, variants=("-amounts",))
    finally:
        os.chdir(cwd)
    assert set(result["entities"]) == {*reports, "all folds"}
    assert set(result["entities"]["all folds"]) == {"cnn", "cnn+consistency", "cnn-boundaries"}
    # each fold scores its own report only: pooled support is the sum of the folds'
    support = [result["entities"][r]["cnn"]["micro"]["support"] for r in reports]
    assert result["entities"]["all folds"]["cnn"]["micro"]["support"] == sum(support) > 0
    assert result["relations"]["all folds"]
    # reuse scores the same fold models again, without training them anew
    assert stamp_after == stamp
    assert again["entities"]["all folds"]["cnn"] == result["entities"]["all folds"]["cnn"]
    assert stamp_resumed != stamp and resumed
    assert in_progress["folds"] == [reports[0]]
    assert walked_in_progress == [reports[0]]  # the error table and window search skip it too
    # one fold, both checkpoints: the pooled row is named for the folds it has, not 'all folds'
    assert set(one["entities"]) == {reports[1], "pooled: 000"}
    assert set(one["entities"][reports[1]]) == {"cnn", "cnn@last"}
    assert one["entities"][reports[1]]["cnn"] == result["entities"][reports[1]]["cnn"]
    # score only: the fold without a model is skipped, not trained
    assert set(scored["entities"]) == {reports[1], "pooled: 000"}
    assert removed
    # the walk the error table and the window search share: only the fold left, its own report's records
    assert [held for held, _ in walked] == [reports[1]]
    assert set(walked[0][1]) == {reports[1]}
    point = curve["fractions"]["0"]
    assert list(curve["fractions"]) == ["0"]  # the 50% point has no fold models yet: left out, not an error
    assert point["folds"] == [reports[1]]
    assert point["crossval"] == scored["entities"][reports[1]]["cnn"]
    assert "| 0% (folds 000) |" in format_curve(curve, "cmd")
    # the curve's variant is the one its fold models are scored with
    assert curve_variant["fractions"]["0"]["crossval"] == scored_variant["entities"][reports[1]]["cnn-amounts"]
    assert curve_variant["fractions"]["0"]["crossval"] != point["crossval"]


def test_crossval_rejects_an_unknown_fold(tmp_path, repo):
    import pytest

    (tmp_path / "splits.json").write_text(json.dumps({"train": ["a"], "heldout": [], "cross_validation": ["a"]}))
    data = DataArguments(annotations=(), splits=str(tmp_path / "splits.json"), authored=None)
    with pytest.raises(ValueError, match="no cross-validation fold"):
        cross_validate(TrainingArguments(config=str(repo / "configs/cnn.cfg"), output=str(tmp_path / "cv")), data,
                       only=("b",))


def test_finetune_heldout_from_the_command_line(repo, monkeypatch):
    """`--heldout A,B` holds out reports A and B (a tuple-typed field would be split into characters
    by HfArgumentParser, and nothing would be held out); without it, the split's held-out reports."""
    from transformers import HfArgumentParser

    from gov_ner.training.finetune import DataArguments as FinetuneData
    from gov_ner.training.finetune import LoopArguments, ModelArguments, guide_records

    monkeypatch.chdir(repo)
    parser = HfArgumentParser((ModelArguments, FinetuneData, LoopArguments))
    for argv, held in ((["--heldout", "004_5c6816b4f2d08723"], {"004_5c6816b4f2d08723"}),
                       ([], {"002_3c575ac9aebe1420", "003_f6c75f8394d11ae2"})):
        _, data, _ = parser.parse_args_into_dataclasses(args=["--stage", "guide", *argv])
        split = guide_records(data)
        assert {r.doc_id for r in split["heldout"]} == held
        assert not held & {r.doc_id for r in split["train"] + split["dev"]}
