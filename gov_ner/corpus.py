"""The project's corpus: reports in corpus/ described by corpus/manifest.jsonl."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .text.reading import read_report

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = REPO_ROOT / "corpus"


@dataclass(frozen=True)
class CorpusReport:
    id: str
    file: str
    region: str
    year: int
    script: str  # "simplified" or "traditional"
    title: str = ""
    source_file: str = ""
    noise: list[str] = field(default_factory=list)

    def path(self, corpus_dir: Path = CORPUS_DIR) -> Path:
        return corpus_dir / self.file

    def read(self, corpus_dir: Path = CORPUS_DIR) -> str:
        return read_report(self.path(corpus_dir))


def load_manifest(corpus_dir: str | Path = CORPUS_DIR) -> list[CorpusReport]:
    corpus_dir = Path(corpus_dir)
    path = corpus_dir / "manifest.jsonl"
    reports = []
    with open(path, encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            if line.strip():
                try:
                    reports.append(CorpusReport(**json.loads(line)))
                except (json.JSONDecodeError, TypeError) as err:
                    raise ValueError(f"{path}:{line_no}: {err}") from None
    return reports
