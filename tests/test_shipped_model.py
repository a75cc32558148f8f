"""The models in models/ (what the README's first command runs): the default and the fast one
load by name, extract from a real report with exact offsets, link investments with amounts as
numbers, and give the same output alone and in batches."""
import pytest

import gov_ner
from gov_ner.api import PACKAGE_NAMES, resolve_model

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=PACKAGE_NAMES)
def shipped(request):
    try:
        return gov_ner.load(request.param)
    except OSError:
        pytest.skip(f"no shipped model {request.param}")


def test_default_is_the_first_shipped_name():
    default = str(resolve_model(None))
    assert PACKAGE_NAMES[0] in default
    assert str(resolve_model("zh_gov_ner_sm")).rstrip("/").split("/")[-1].startswith("zh_gov_ner_sm")


def test_extracts_from_the_traditional_report(shipped, repo):
    path = repo / "corpus/004_5c6816b4f2d08723.txt"
    report = gov_ner.extract(path, nlp=shipped)
    text = path.read_text(encoding="utf-8")
    assert report.entities
    assert all(text[e.start:e.end] == e.text for e in report.entities)
    assert {"ORG", "LOC", "PROJECT", "MONEY", "PERCENT"} <= {e.label for e in report.entities}
    money = [e for e in report.entities if e.label == "MONEY" and e.value is not None]
    assert money and all(e.currency for e in money)


def test_investments_carry_number_currency_and_score(shipped):
    report = gov_ner.extract("新建滨河大道二期工程，总投资12.5亿元，年内完成投资3亿元。", nlp=shipped)
    for inv in report.investments:
        assert inv.money.value is not None and inv.money.currency == "CNY"
        assert 0.0 <= inv.score <= 1.0
        assert inv.project.label == "PROJECT"
    assert gov_ner.extract("", nlp=shipped).entities == []


def test_same_output_alone_and_in_batches(shipped, repo):
    path = repo / "corpus/003_f6c75f8394d11ae2.txt"
    alone = gov_ner.extract(path, nlp=shipped, batch_size=1).to_dict()
    batch = list(gov_ner.extract_many([repo / "corpus/000_71dc593d3b27a9df.txt", path], nlp=shipped, batch_size=8))
    assert batch[1].to_dict() == alone
