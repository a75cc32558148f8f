import json

import pytest

from gov_ner.annotations.schema import Record, Relation, Span
from gov_ner.convert import blank_nlp, record_to_doc
from gov_ner.pipeline.relation_features import FEATURE_NAMES, candidate_pairs, pair_features
from gov_ner.pipeline.relation_rules import rule_relations


def doc_with(text, spans):
    recs = []
    for sub, label in spans:
        i = text.index(sub)
        recs.append(Span(i, i + len(sub), label))
    return record_to_doc(Record("t", text, recs), blank_nlp())


def linked(doc):
    by = {e.start: e.text for e in doc.ents}
    return {(by[h], by[c]) for (h, c) in rule_relations(doc)}


def test_rule_links_amount_qualifying_the_project():
    doc = doc_with("总投资8亿元的中公科教小镇开工建设。", [("8亿元", "MONEY"), ("中公科教小镇", "PROJECT")])
    assert linked(doc) == {("中公科教小镇", "8亿元")}


def test_rule_links_cue_after_project_and_ignores_output_value():
    doc = doc_with("万洋众创城项目开工,总投资12亿元,预计年产值30亿元。",
                   [("万洋众创城项目", "PROJECT"), ("12亿元", "MONEY"), ("30亿元", "MONEY")])
    assert linked(doc) == {("万洋众创城项目", "12亿元")}


def test_rule_skips_group_totals():
    doc = doc_with("华宏新材料等重大产业项目120个,总投资960亿元。", [("华宏新材料", "PROJECT"), ("960亿元", "MONEY")])
    assert linked(doc) == set()


def test_rule_reaches_past_a_developer_name_and_quote():
    doc = doc_with("确保总投资14亿元的碧桂园“胜鑫·公园里”开工。", [("14亿元", "MONEY"), ("胜鑫·公园里", "PROJECT")])
    assert linked(doc) == {("胜鑫·公园里", "14亿元")}


def test_rule_gives_an_amount_opening_the_next_list_item_to_no_earlier_project():
    # the NER missed the second project: its amount must not fall back to the first one
    doc = doc_with("推动总投资8亿元中公科教小镇、总投资10亿元以岭药业人参基地落地。",
                   [("8亿元", "MONEY"), ("中公科教小镇", "PROJECT"), ("10亿元", "MONEY")])
    assert linked(doc) == {("中公科教小镇", "8亿元")}


def test_rule_links_a_phase_total_to_its_project():
    doc = doc_with("云岭国际物流港一期、二期加快建设,合计投资12.5亿欧元。",
                   [("云岭国际物流港", "PROJECT"), ("12.5亿欧元", "MONEY")])
    assert linked(doc) == {("云岭国际物流港", "12.5亿欧元")}


def test_candidates_and_features():
    doc = doc_with("总投资8亿元的中公科教小镇开工。另有税收2亿元。",
                   [("8亿元", "MONEY"), ("中公科教小镇", "PROJECT"), ("2亿元", "MONEY")])
    pairs = candidate_pairs(doc, max_chars=200)
    assert len(pairs) == 2
    feats = dict(zip(FEATURE_NAMES, pair_features(doc, *pairs[0])))
    assert feats["money_de_project"] == 1.0 and feats["cue_before_money"] == 1.0
    feats2 = dict(zip(FEATURE_NAMES, pair_features(doc, *pairs[1])))
    assert feats2["distractor_before_money"] == 1.0 and feats2["sentence_break"] == 1.0
    assert candidate_pairs(doc, max_chars=5) == [pairs[0]]


def test_gold_relation_survives_conversion():
    text = "总投资8亿元的中公科教小镇开工。"
    rec = Record("t", text, [Span(3, 6, "MONEY"), Span(7, 13, "PROJECT")], [Relation(1, 0)])
    doc = record_to_doc(rec, blank_nlp())
    assert [(p.text, m.text, s) for p, m, s in doc._.investments] == [("中公科教小镇", "8亿元", 1.0)]


# --- the relation step trained on its own (gov_ner.training.relation_step) ---------------------

@pytest.fixture(scope="module")
def relation_step(tmp_path_factory, repo):
    from gov_ner.annotations.io import read_many
    from gov_ner.training.relation_step import RelationStepArguments, train_step

    root = tmp_path_factory.mktemp("relstep")
    records = read_many([repo / "annotations/authored/authored.jsonl"])
    pick = [r for r in records if r.meta["writer"] in ("w03", "w13", "w15") and r.relations][:60]
    with open(root / "a.jsonl", "w", encoding="utf-8") as f:
        for r in pick:
            f.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
    out = train_step(RelationStepArguments(output=str(root / "step"), authored=str(root / "a.jsonl"), max_epochs=4))
    return out, pick


def test_relation_step_trains_without_test_writers_and_records_its_choices(relation_step):
    out, pick = relation_step
    info = json.loads((out / "training.json").read_text())
    assert info["records"] == sum(r.meta["writer"] != "w15" for r in pick)  # test writers never train
    assert 1 <= info["epochs"] <= 4 and 0.3 <= info["threshold"] <= 0.7
    assert info["positives"] > 0


def test_relation_step_attaches_saves_loads_and_links(relation_step, tiny_model, tmp_path):
    import gov_ner
    from gov_ner.training.relation_step import attach

    step, _ = relation_step
    model = attach(str(tiny_model), str(step), str(tmp_path / "m"))
    nlp = gov_ner.load(model)
    assert nlp.pipe_names.index("relations") < nlp.pipe_names.index("consistency")
    assert nlp.get_pipe("relations").threshold == pytest.approx(json.loads((step / "training.json").read_text())["threshold"])
    doc = nlp.make_doc("新建滨海大道项目，总投资5亿元。")
    doc.ents = [doc.char_span(2, 8, label="PROJECT"), doc.char_span(12, 15, label="MONEY")]
    doc = nlp.get_pipe("relations")(doc)
    assert len(doc._.rel) == 1  # one candidate pair, scored
    assert gov_ner.extract("", nlp=nlp).investments == []
    with pytest.raises(FileExistsError):
        attach(str(tiny_model), str(step), str(tmp_path / "m"))
