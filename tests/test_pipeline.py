"""Train -> save -> load -> predict with a tiny CNN pipeline made here (flair's habit)."""
import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gov_ner
from gov_ner.training.train import TrainingArguments, train_pipeline


def test_train_save_load_predict_round_trip(tiny_model, tmp_path):
    nlp = gov_ner.load(tiny_model)
    assert nlp.pipe_names == ["tok2vec", "boundaries", "ner", "gazetteer", "span_edges", "org_names", "amounts", "relations", "consistency"]
    text = "总投资8億元的中公科教小鎮(zhèn)開工,增长7%。"
    before = nlp(text)
    nlp.to_disk(tmp_path / "copy")
    again = spacy.load(tmp_path / "copy")(text)
    assert [(e.start_char, e.end_char, e.label_) for e in before.ents] == \
           [(e.start_char, e.end_char, e.label_) for e in again.ents]
    assert before._.rel == again._.rel
    assert before.text == "总投资8亿元的中公科教小镇开工,增长7%。"


@pytest.mark.parametrize("text", ["", " ", "\n\n", "abc", "😀\x00\x07", "\ud800孤立"])
def test_odd_input_gives_empty_or_valid_result(tiny_model, text):
    nlp = gov_ner.load(tiny_model)
    report = gov_ner.extract(text, nlp=nlp)
    for e in report.entities:
        assert text[e.start:e.end] == e.text


def test_retrain_refuses_existing_directory(tiny_model):
    with pytest.raises(FileExistsError):
        train_pipeline(TrainingArguments(config="configs/cnn.cfg", output=str(tiny_model.parent)))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["總投資", "8億元", "東昌區(qū)", "项目", "，", "\n", "  ", "增长", "7％", "市委",
                                 "中公科教小鎮(zhèn)", "abc", "１２３", "。"]), max_size=30).map("".join))
def test_entity_offsets_always_match_the_text(tiny_model, text):
    nlp = gov_ner.load(tiny_model)
    report = gov_ner.extract(text, nlp=nlp)
    for e in report.entities:
        assert text[e.start:e.end] == e.text
    for inv in report.investments:
        assert inv.project.label == "PROJECT" and inv.money.label == "MONEY"


def test_extract_file_and_batch_agree(tiny_model, repo):
    nlp = gov_ner.load(tiny_model)
    path = repo / "corpus/003_f6c75f8394d11ae2.txt"
    alone = gov_ner.extract(path, nlp=nlp)
    batch = list(gov_ner.extract_many([str(repo / "corpus/000_71dc593d3b27a9df.txt"), path], nlp=nlp))
    assert batch[1].to_dict() == alone.to_dict()
    assert alone.source == str(path)


def test_long_report_in_one_call_keeps_offsets(tiny_model, corpus_texts):
    nlp = gov_ner.load(tiny_model)
    text = corpus_texts["004_5c6816b4f2d08723"] * 2  # about 49,000 characters, traditional + pinyin
    assert len(text) > 45000
    report = gov_ner.extract(text, nlp=nlp, batch_size=8)
    assert all(text[e.start:e.end] == e.text for e in report.entities)
    starts = [e.start for e in report.entities]
    assert starts == sorted(starts)


def test_loading_a_cnn_model_does_not_import_transformers(tiny_model):
    """spaCy's factory entry-point scan (it imports spacy-transformers, transformers and
    scikit-learn) is skipped when the config needs nothing from it: load time, issue #7."""
    import subprocess
    import sys

    code = ("import sys, gov_ner; nlp = gov_ner.load(sys.argv[1]); doc = nlp('总投资8亿元'); "
            "print(nlp.pipe_names, [e.text for e in doc.ents], 'spacy_transformers' in sys.modules, "
            "'transformers' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(tiny_model)], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["['tok2vec',", "'boundaries',", "'ner',", "'gazetteer',", "'span_edges',", "'org_names',", "'amounts',", "'relations',", "'consistency']", "['8亿元']", "False", "False"]


def test_release_swaps_in_the_rule_relation_step(tiny_model, tmp_path):
    from gov_ner.packaging import release_model

    out = release_model(tiny_model, tmp_path / "rel", name="gov_ner_test", version="9.9.9", description="t",
                        relations="rules")
    nlp = gov_ner.load(out)
    assert "relations" in nlp.pipe_names and nlp.meta["version"] == "9.9.9"
    assert nlp.get_pipe_meta("relations").factory == "gov_ner_relation_rules"
    report = gov_ner.extract("总投资8亿元的中公科教小镇开工。", nlp=nlp)
    for inv in report.investments:
        assert inv.money.text == "8亿元" and inv.score == 1.0
    with pytest.raises(FileExistsError):
        release_model(tiny_model, out, name="x", version="1", description="")


def test_shipped_names_resolve_to_the_repository_models(tmp_path, monkeypatch):
    from gov_ner import api

    for name in ("zh_gov_ner_sm-0.4.0", "zh_gov_ner_sm-0.10.0", "zh_gov_ner_sm-0.9.1", "zh_gov_ner_trf-0.4.0"):
        (tmp_path / name).mkdir()
    monkeypatch.setattr(api, "REPO_MODELS", tmp_path)
    monkeypatch.delenv("GOV_NER_MODEL", raising=False)
    assert api.resolve_model("zh_gov_ner_sm") == str(tmp_path / "zh_gov_ner_sm-0.10.0")  # by version, not by text
    assert api.resolve_model(None) == str(tmp_path / f"{api.PACKAGE_NAMES[0]}-0.4.0")
    assert api.resolve_model("some/path") == "some/path"
