"""The transformer config with any Hugging Face encoder: a tiny random BERT saved here.

This is the loading path users with a model hub take (bert-base-chinese and friends are
BERT models with a character WordPiece vocabulary, like the one built below).
"""
import json

import pytest

import gov_ner
from gov_ner.training.data import DataArguments
from gov_ner.training.train import TrainingArguments, train_pipeline


@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory, repo):
    from transformers import BertConfig, BertModel, BertTokenizerFast

    d = tmp_path_factory.mktemp("tiny-bert")
    chars = sorted({c for p in (repo / "annotations/synthetic").glob("*.jsonl")
                    for c in p.read_text(encoding="utf-8")[:20000] if not c.isspace()})
    (d / "vocab.txt").write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + chars) + "\n",
                                 encoding="utf-8")
    tok = BertTokenizerFast(vocab_file=str(d / "vocab.txt"), tokenize_chinese_chars=True)
    tok.save_pretrained(d)
    cfg = BertConfig(vocab_size=len(chars) + 5, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                     intermediate_size=64, max_position_embeddings=512)
    BertModel(cfg).save_pretrained(d)
    return d


def test_trf_config_trains_with_a_local_encoder(tiny_bert, tmp_path, repo, monkeypatch):
    lines = (repo / "annotations/synthetic/investment.synthetic.jsonl").read_text(encoding="utf-8").splitlines()
    (tmp_path / "ann").mkdir()
    (tmp_path / "ann/syn.jsonl").write_text("\n".join(lines[:16]) + "\n", encoding="utf-8")
    (tmp_path / "splits.json").write_text(json.dumps({"train": [], "heldout": []}))
    monkeypatch.chdir(tmp_path)
    best = train_pipeline(
        TrainingArguments(config=str(repo / "configs/trf.cfg"), output="model", encoder=str(tiny_bert), max_steps=3,
                          overrides={"training.eval_frequency": 3, "components.ner.model.tok2vec.chars.rows": 200}),
        DataArguments(annotations=("ann",), splits="splits.json", dev_every_synthetic=4))
    nlp = gov_ner.load(best.parent / "model-last")
    assert nlp.pipe_names == ["transformer", "boundaries", "ner", "org_names", "amounts", "relations", "consistency"]
    report = gov_ner.extract("總投資8億元的中公科教小鎮(zhèn)開工。\n\n增长7%。", nlp=nlp)
    assert all(report.text[e.start:e.end] == e.text for e in report.entities)
    assert gov_ner.extract("", nlp=nlp).entities == []
