"""Report-level consistency: names found once are labelled where they recur in the report."""
import spacy

import gov_ner
from gov_ner.annotations.schema import Record
from gov_ner.pipeline.consistency import finish_report
from gov_ner.training.evaluate import iob_sequences


def _nlp(patterns, **config):
    """Tokenizer + a fixed 'NER' (an entity ruler standing in for the model) + the step."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "gov_ner.ReportTokenizer.v1"}}})
    nlp.add_pipe("gov_ner_entity_boundaries", name="boundaries")
    nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"}).add_patterns(
        [{"label": lab, "pattern": [{"ORTH": ch} for ch in text]} for text, lab in patterns])
    nlp.add_pipe("gov_ner_report_consistency", name="consistency", config=config)
    return nlp


def _ents(docs):
    return [[(e.text, e.label_) for e in d.ents] for d in docs]


def test_names_vote_count_and_short_forms():
    nlp = _nlp([])
    step = nlp.get_pipe("consistency")
    docs = [nlp.make_doc(t) for t in ["河西区河西区开发区开发区", "甲乙公司", "甲乙公司"]]
    docs[0].ents = [docs[0].char_span(0, 3, "LOC"), docs[0].char_span(3, 6, "LOC"),
                    docs[0].char_span(6, 9, "LOC"), docs[0].char_span(9, 12, "LOC")]
    docs[1].ents = [docs[1].char_span(0, 4, "ORG")]
    docs[2].ents = [docs[2].char_span(0, 4, "LOC")]  # one ORG, one LOC: a tie, left alone
    assert step.names(docs) == {"河西区": "LOC", "河西": "LOC", "开发区": "LOC"}  # 开发 is generic
    step.min_count = 3
    assert step.names(docs) == {}


def test_propagation_respects_entities_word_boundaries_and_marks():
    nlp = _nlp([("河西区", "LOC")], min_count=1)
    docs = list(nlp.pipe(["河西区政府工作报告。", "建设活力河西,高新技术企业", "支持河西。河西区"]))
    assert _ents(docs) == [[("河西区", "LOC")], [], [("河西区", "LOC")]]
    finish_report(nlp, docs)
    assert _ents(docs) == [[("河西区", "LOC")], [("河西", "LOC")], [("河西", "LOC"), ("河西区", "LOC")]]


def test_project_is_not_propagated_by_default():
    nlp = _nlp([], min_count=1)
    docs = [nlp.make_doc("建设河西排球馆。"), nlp.make_doc("运营河西排球馆")]
    docs[0].ents = [docs[0].char_span(2, 7, "PROJECT")]
    assert _ents(finish_report(nlp, docs))[1] == []
    nlp.get_pipe("consistency").labels = ("PROJECT",)
    assert _ents(finish_report(nlp, docs))[1] == [("河西排球馆", "PROJECT")]


def test_extract_applies_the_step_in_raw_offsets():
    nlp = _nlp([("河西区", "LOC")], min_count=1)
    raw = "河西區(qū)政府工作报告\n\n打造活力河西"
    report = gov_ner.extract(raw, nlp=nlp)
    assert [(e.text, e.label, e.start) for e in report.entities] == [("河西區(qū)", "LOC", 0), ("河西", "LOC", raw.index("活力") + 2)]
    nlp.remove_pipe("consistency")
    assert [e.text for e in gov_ner.extract(raw, nlp=nlp).entities] == ["河西區(qū)"]


def test_evaluation_keeps_reports_apart():
    nlp = _nlp([("河西区", "LOC")], min_count=1)
    records = [Record("a#p0", "河西区报告"), Record("a#p1", "美丽河西"), Record("b#p0", "美丽河西")]
    _, pred = iob_sequences(nlp, records)
    assert pred == [["B-LOC", "I-LOC", "I-LOC", "O", "O"], ["O", "O", "B-LOC", "I-LOC"], ["O"] * 4]


def test_system_specs_add_and_remove_weightless_steps(tiny_model):
    from gov_ner.training.results import load_system

    assert load_system(str(tiny_model)).pipe_names == ["tok2vec", "boundaries", "ner", "gazetteer", "span_edges", "org_names", "amounts", "relations", "consistency"]
    nlp = load_system(f"{tiny_model}-boundaries-consistency")
    assert nlp.pipe_names == ["tok2vec", "ner", "gazetteer", "span_edges", "org_names", "amounts", "relations"]
    assert load_system(f"{tiny_model}-consistency+consistency").pipe_names[-1] == "consistency"
    assert load_system(f"{tiny_model}+boundaries").pipe_names.count("boundaries") == 1
