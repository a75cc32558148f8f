import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def corpus_texts(repo) -> dict[str, str]:
    from gov_ner.text.reading import read_report

    return {p.stem: read_report(p) for p in sorted((repo / "corpus").glob("*.txt"))}


# A tiny CNN pipeline trained once per session from a few records (flair's habit: every
# test of a trained model uses a model made in the test run, never the shipped one).
TINY = {"components.tok2vec.model.encode.width": 16, "components.tok2vec.model.encode.depth": 1,
        "components.tok2vec.model.embed.rows": [500, 50, 16], "training.eval_frequency": 10}


@pytest.fixture(scope="session")
def tiny_overrides() -> dict:
    return dict(TINY)


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory, repo):
    from gov_ner.training.data import DataArguments
    from gov_ner.training.train import TrainingArguments, train_pipeline

    root = tmp_path_factory.mktemp("tiny")
    syn = (repo / "annotations/synthetic/investment.synthetic.jsonl").read_text(encoding="utf-8").splitlines()[:40]
    gold = (repo / "annotations/gold/003_f6c75f8394d11ae2.jsonl").read_text(encoding="utf-8").splitlines()[:4]
    (root / "ann").mkdir()
    (root / "ann/syn.jsonl").write_text("\n".join(syn) + "\n", encoding="utf-8")
    (root / "ann/gold.jsonl").write_text("\n".join(gold) + "\n", encoding="utf-8")
    (root / "splits.json").write_text(json.dumps({"train": ["003_f6c75f8394d11ae2"], "heldout": []}))
    data = DataArguments(annotations=("ann",), splits="splits.json", dev_every=2, dev_every_synthetic=4, real_repeat=2)
    args = TrainingArguments(config=str(repo / "configs/cnn.cfg"), output=str(root / "model"), max_steps=12,
                             overrides=TINY)
    cwd = os.getcwd()
    os.chdir(root)
    try:
        train_pipeline(args, data)
    finally:
        os.chdir(cwd)
    return root / "model" / "model-last"


@pytest.fixture(scope="session")
def tiny_bert(tmp_path_factory, repo):
    """A tiny random BERT with a character WordPiece vocabulary (as bert-base-chinese has)."""
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
