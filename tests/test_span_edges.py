"""Span edges repaired after the NER: 项目/工程 after a PROJECT, brackets balanced."""
import pytest


@pytest.fixture
def edges_nlp(stand_in_pipeline):
    """Tokenizer, the boundary step, fixed entities (standing in for the NER), the step."""
    return lambda ents: stand_in_pipeline(ents, "gov_ner_span_edges",
                                          before=[("boundaries", "gov_ner_entity_boundaries")])


@pytest.mark.parametrize("text, ents, expected", [
    ("推进万洋众创城项目建设", [("万洋众创城", "PROJECT")], [("万洋众创城项目", "PROJECT")]),
    ("泯沟填埋工程完工", [("泯沟填埋", "PROJECT")], [("泯沟填埋工程", "PROJECT")]),
    # a LOC or ORG keeps its edge; only one head noun is taken
    ("河西区项目建设", [("河西区", "LOC")], [("河西区", "LOC")]),
    ("新城工程项目项目", [("新城工程", "PROJECT")], [("新城工程项目", "PROJECT")]),
    # brackets: closed when the next character closes them, dropped when dangling
    ("中豪国际大厦(G座)入驻", [("中豪国际大厦(G座", "PROJECT")], [("中豪国际大厦(G座)", "PROJECT")]),
    ("实验项目(二期)开工", [("实验项目(二期", "PROJECT")], [("实验项目(二期)", "PROJECT")]),
    ("河西区(试点)", [("河西区(", "LOC")], [("河西区", "LOC")]),
    ("甲)河西区", [(")河西区", "LOC")], [("河西区", "LOC")]),
    # balanced already: unchanged
    ("中豪国际大厦(G座)入驻", [("中豪国际大厦(G座)", "PROJECT")], [("中豪国际大厦(G座)", "PROJECT")]),
])
def test_span_edges(text, ents, expected, edges_nlp):
    doc = edges_nlp(ents)(text)
    assert [(e.text, e.label_) for e in doc.ents] == expected


def test_repair_never_runs_into_another_entity(edges_nlp):
    doc = edges_nlp([("万洋众创城", "PROJECT"), ("项目", "ORG")])("万洋众创城项目")
    assert [(e.text, e.label_) for e in doc.ents] == [("万洋众创城", "PROJECT"), ("项目", "ORG")]


def test_blocked_marks_survive_for_the_consistency_step(edges_nlp):
    nlp = edges_nlp([])
    doc = nlp.get_pipe("boundaries")(nlp.make_doc("万洋众创城项目，中国特色社会主义"))
    doc.set_ents([doc.char_span(0, 5, label="PROJECT")], default="unmodified")  # what the NER does
    doc = nlp.get_pipe("gov_ner_span_edges")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("万洋众创城项目", "PROJECT")]
    assert [t.text for t in doc if t.ent_iob_ == "B" and not t.ent_type_] == list(",中国特色社会主义")


def test_empty_doc(edges_nlp):
    assert list(edges_nlp([])("").ents) == []
