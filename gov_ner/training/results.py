"""training/RESULTS.md: held-out entity scores of every system, written by code, never by hand."""
from __future__ import annotations

import datetime as _dt
import json
import platform
from pathlib import Path

import spacy

from ..annotations.schema import Record
from ..convert import blank_nlp
from .evaluate import evaluate_ner, format_scores


def rule_baseline():
    nlp = blank_nlp()
    nlp.add_pipe("gov_ner_amount_rules")
    return nlp


def load_system(spec: str):
    """'rules' or a model path / package name."""
    import gov_ner  # noqa: F401

    return rule_baseline() if spec == "rules" else spacy.load(spec)


def score_systems(systems: dict[str, str], records: list[Record]) -> dict[str, dict]:
    return {name: evaluate_ner(load_system(spec), records) for name, spec in systems.items()}


def write_results(path: Path, scores: dict[str, dict], *, records: list[Record], command: str,
                  notes: str = "", extra_sections: list[str] | None = None) -> str:
    docs = sorted({r.doc_id for r in records})
    n_rel = sum(len(r.relations) for r in records)
    lines = [
        "# Results",
        "",
        f"Written by `{command}` on {_dt.date.today().isoformat()} "
        f"({platform.machine()}, {platform.python_version()}). Do not edit by hand.",
        "",
        f"Held-out reports: {', '.join(docs)} ({len(records)} records, "
        f"{sum(len(r.text) for r in records)} characters, {n_rel} gold INVESTMENT relations). "
        "None of them, and no synthetic record, is in any training or dev set.",
        "",
        "## Entities (seqeval, strict IOB2, entity level)",
        "",
        format_scores(scores),
        "",
    ]
    if notes:
        lines += [notes, ""]
    for sec in extra_sections or []:
        lines += [sec, ""]
    text = "\n".join(lines)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    (path.with_suffix(".json")).write_text(json.dumps(scores, indent=2), encoding="utf-8")
    return text
