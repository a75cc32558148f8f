"""The model in models/ (what the README's first command runs): loads, extracts from a real
report with exact offsets, and is deterministic across batch sizes."""
import pytest

import gov_ner

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def shipped():
    try:
        return gov_ner.load()
    except OSError:
        pytest.skip("no shipped model")


def test_extracts_from_the_traditional_report(shipped, repo):
    path = repo / "corpus/004_5c6816b4f2d08723.txt"
    report = gov_ner.extract(path, nlp=shipped)
    text = path.read_text(encoding="utf-8")
    assert report.entities
    assert all(text[e.start:e.end] == e.text for e in report.entities)
    assert {"MONEY", "PERCENT"} <= {e.label for e in report.entities}
    money = [e for e in report.entities if e.label == "MONEY" and e.value is not None]
    assert money and all(e.currency for e in money)


def test_same_output_alone_and_in_batches(shipped, repo):
    path = repo / "corpus/003_f6c75f8394d11ae2.txt"
    alone = gov_ner.extract(path, nlp=shipped, batch_size=1).to_dict()
    batch = list(gov_ner.extract_many([repo / "corpus/000_71dc593d3b27a9df.txt", path], nlp=shipped, batch_size=8))
    assert batch[1].to_dict() == alone
