from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def corpus_texts(repo) -> dict[str, str]:
    from gov_ner.text.reading import read_report

    return {p.stem: read_report(p) for p in sorted((repo / "corpus").glob("*.txt"))}
