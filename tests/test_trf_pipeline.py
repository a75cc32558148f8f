"""The transformer config with any Hugging Face encoder: a tiny random BERT (tests/conftest.py).

This is the loading path users with a model hub take (bert-base-chinese and friends are
BERT models with a character WordPiece vocabulary, like the tiny one).
"""
import json

import pytest

import gov_ner
from gov_ner.training.data import DataArguments
from gov_ner.training.train import TrainingArguments, train_pipeline


def test_trf_config_trains_with_a_local_encoder(tiny_bert, tmp_path, repo, monkeypatch, authored_training_lines):
    gold = (repo / "annotations/gold/003_f6c75f8394d11ae2.jsonl").read_text(encoding="utf-8").splitlines()[:4]
    (tmp_path / "ann").mkdir()
    (tmp_path / "ann/gold.jsonl").write_text("\n".join(gold) + "\n", encoding="utf-8")
    (tmp_path / "authored.jsonl").write_text("\n".join(authored_training_lines[:16]) + "\n", encoding="utf-8")
    (tmp_path / "splits.json").write_text(json.dumps({"train": ["003_f6c75f8394d11ae2"], "heldout": []}))
    monkeypatch.chdir(tmp_path)
    best = train_pipeline(  # 16 authored paragraphs train; the four report records are the dev slice
        TrainingArguments(config=str(repo / "configs/trf.cfg"), output="model", encoder=str(tiny_bert), max_steps=3,
                          overrides={"training.eval_frequency": 3, "components.ner.model.tok2vec.chars.rows": 200}),
        DataArguments(annotations=("ann",), splits="splits.json", dev_every=2, authored="authored.jsonl"))
    nlp = gov_ner.load(best.parent / "model-last")
    assert nlp.pipe_names == ["transformer", "boundaries", "ner", "gazetteer", "span_edges", "org_names", "amounts", "relations", "consistency"]
    report = gov_ner.extract("總投資8億元的中公科教小鎮(zhèn)開工。\n\n增长7%。", nlp=nlp)
    assert all(report.text[e.start:e.end] == e.text for e in report.entities)
    assert gov_ner.extract("", nlp=nlp).entities == []
