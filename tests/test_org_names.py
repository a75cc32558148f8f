"""A predicted place followed by a government body becomes one ORG."""
import pytest


@pytest.mark.parametrize("text, ents, expected", [
    ("河西区人民政府区长", [("河西区", "LOC")], [("河西区人民政府", "ORG")]),
    ("在东昌区第十届人民代表大会上", [("东昌区", "LOC")], [("东昌区第十届人民代表大会", "ORG")]),
    ("河西区委、区政府", [("河西区", "LOC"), ("区政府", "ORG")], [("河西区委", "ORG"), ("区政府", "ORG")]),
    # the NER cut an ORG out of the body name: absorbed
    ("河西区人民政府", [("河西区", "LOC"), ("民政府", "ORG")], [("河西区人民政府", "ORG")]),
    # a report title, a place alone, a body after an ORG or a PROJECT: unchanged
    ("河西区政府工作报告", [("河西区", "LOC")], [("河西区", "LOC")]),
    ("河西区建设", [("河西区", "LOC")], [("河西区", "LOC")]),
    ("东昌区总投资8亿元", [("东昌区", "LOC")], [("东昌区", "LOC")]),
    ("天津银行人民政府", [("天津银行", "ORG")], [("天津银行", "ORG")]),
    # two coordinated bodies run together: two ORGs; a generic pair or one body: unchanged
    ("在市委市政府领导下", [("市委市政府", "ORG")], [("市委", "ORG"), ("市政府", "ORG")]),
    ("镇党委镇人民政府", [("镇党委镇人民政府", "ORG")], [("镇党委", "ORG"), ("镇人民政府", "ORG")]),
    ("河西区委河西区政府", [("河西区", "LOC")], [("河西区委", "ORG"), ("河西区政府", "ORG")]),
    ("中共河西区委河西区人民政府", [("中共河西区委河西区人民政府", "ORG")],
     [("中共河西区委", "ORG"), ("河西区人民政府", "ORG")]),
    ("各级党委政府", [("党委政府", "ORG")], [("党委政府", "ORG")]),
    ("市人民政府", [("市人民政府", "ORG")], [("市人民政府", "ORG")]),
    ("区纪委监委", [("区纪委监委", "ORG")], [("区纪委监委", "ORG")]),
    # another kind of entity inside the body: left alone
    ("河西区政协委员", [("河西区", "LOC"), ("政协委员", "PROJECT")], [("河西区", "LOC"), ("政协委员", "PROJECT")]),
])
def test_place_and_body(text, ents, expected, stand_in_pipeline):
    doc = stand_in_pipeline(ents, "gov_ner_org_names")(text)
    assert [(e.text, e.label_) for e in doc.ents] == expected
