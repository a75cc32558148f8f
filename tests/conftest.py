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
def authored_training_lines(repo) -> list[str]:
    """JSONL lines of the authored corpus's short paragraphs (at most 150 characters) by its
    training writers, in corpus order; never a test writer's (those are never trained on)."""
    from gov_ner.annotations.authored import TEST_WRITERS

    lines = (repo / "annotations/authored/authored.jsonl").read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        rec = json.loads(line)
        if rec["meta"]["writer"] not in TEST_WRITERS and len(rec["text"]) <= 150:
            out.append(line)
    return out


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory, repo, authored_training_lines):
    from gov_ner.training.data import DataArguments
    from gov_ner.training.train import TrainingArguments, train_pipeline

    root = tmp_path_factory.mktemp("tiny")
    gold = (repo / "annotations/gold/003_f6c75f8394d11ae2.jsonl").read_text(encoding="utf-8").splitlines()[:4]
    (root / "ann").mkdir()
    (root / "ann/gold.jsonl").write_text("\n".join(gold) + "\n", encoding="utf-8")
    # 40 authored paragraphs train (once each); the four report records are the dev slice
    (root / "authored.jsonl").write_text("\n".join(authored_training_lines[:40]) + "\n", encoding="utf-8")
    (root / "splits.json").write_text(json.dumps({"train": ["003_f6c75f8394d11ae2"], "heldout": []}))
    data = DataArguments(annotations=("ann",), splits="splits.json", dev_every=2, real_repeat=2,
                         authored="authored.jsonl")
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
def tiny_bert(tmp_path_factory, authored_training_lines):
    """A tiny random BERT with a character WordPiece vocabulary (as bert-base-chinese has),
    the characters of the short authored paragraphs the tiny pipelines train on."""
    from transformers import BertConfig, BertModel, BertTokenizerFast

    d = tmp_path_factory.mktemp("tiny-bert")
    chars = sorted({c for line in authored_training_lines for c in line if not c.isspace()})
    (d / "vocab.txt").write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + chars) + "\n",
                                 encoding="utf-8")
    tok = BertTokenizerFast(vocab_file=str(d / "vocab.txt"), tokenize_chinese_chars=True)
    tok.save_pretrained(d)
    cfg = BertConfig(vocab_size=len(chars) + 5, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                     intermediate_size=64, max_position_embeddings=512)
    BertModel(cfg).save_pretrained(d)
    return d


@pytest.fixture
def stand_in_pipeline():
    """build(ents, step, before=()): the report tokenizer, the steps `before`, fixed entities
    [(text, label)] standing in for the NER (an entity ruler), then the factory `step`."""
    import spacy

    def build(ents, step, before=()):
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "gov_ner.ReportTokenizer.v1"}}})
        for name, factory in before:
            nlp.add_pipe(factory, name=name)
        ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
        ruler.add_patterns([{"label": lab, "pattern": [{"ORTH": ch} for ch in text]} for text, lab in ents])
        nlp.add_pipe(step)
        return nlp

    return build
