"""training/RESULTS.md: held-out entity scores of every system, written by code, never by hand."""
from __future__ import annotations

import datetime as _dt
import json
import platform
from pathlib import Path


from ..annotations.schema import Record
from ..convert import blank_nlp
from .evaluate import evaluate_ner, format_scores


def rule_baseline():
    nlp = blank_nlp()
    nlp.add_pipe("gov_ner_amount_rules", config={"mode": "only"})
    return nlp


def load_system(spec: str):
    """'rules', a model path / package name, optionally followed by +STEP or -STEP for the
    weightless steps (gov_ner/pipeline/steps.py): `models/x+consistency` is that model with the
    report-level step added, `build/runs/y/model-best-boundaries` without its boundary step.
    A last `@windows=MAX_LENGTH,STRIDE,MERGE[,WORD_EDGE_PENALTY]` sets how a token classifier cuts
    paragraphs into windows and decodes them (window_search.py):
    `models/trf-0.4.0+gazetteer@windows=128,32,max_context`."""
    import gov_ner  # noqa: F401

    from ..pipeline.steps import change_steps, split_spec

    if spec == "rules":
        return rule_baseline()
    spec, _, windows = spec.partition("@windows=")
    path, changes = split_spec(spec)
    nlp = change_steps(gov_ner.load(path), changes)
    if windows:
        from .window_search import parse_setting, set_windows

        set_windows(nlp, parse_setting(windows))
    return nlp


def score_systems(systems: dict[str, str], records: list[Record],
                  pipelines: dict | None = None) -> tuple[dict[str, dict], dict[str, dict]]:
    """Entity scores per system, and relation scores (given gold entities and end to end) for
    every system with a relation step, plus the cue-word rule on the same entities.
    pipelines: systems already loaded ({name: Language}), used instead of loading them again."""
    ents, rels = {}, {}
    rule_given_gold: dict = {}  # the same for every system: scored once
    for name, spec in systems.items():
        nlp = pipelines[name] if pipelines is not None else load_system(spec)
        ents[name] = evaluate_ner(nlp, records)
        rels.update(relation_rows(name, nlp, records, rule_given_gold))
    return ents, rels


def relation_rows(name: str, nlp, records: list[Record], rule_given_gold: dict | None = None) -> dict[str, dict]:
    """Relation scores of a pipeline's relation step and of the cue-word rule, each given gold
    entities and end to end (from the pipeline's entities); {} if it has no relation step.
    rule_given_gold: a dict shared by calls on the same records, which keeps the rule's
    given-gold score (it does not depend on the pipeline) after the first call."""
    from ..pipeline.relation_rules import rule_relations
    from .evaluate import evaluate_relations

    if "relations" not in nlp.pipe_names:
        return {}
    cache = rule_given_gold if rule_given_gold is not None else {}
    if "row" not in cache:
        cache["row"] = evaluate_relations(rule_baseline(), records, gold_entities=True, relate=rule_relations)
    return {
        f"{name} relation step / gold": evaluate_relations(nlp, records, gold_entities=True),
        f"{name} relation step / predicted by {name}": evaluate_relations(nlp, records, gold_entities=False),
        "cue-word rule / gold": cache["row"],
        f"cue-word rule / predicted by {name}": evaluate_relations(nlp, records, gold_entities=False,
                                                                   relate=rule_relations),
    }


def pool_relation_rows(rows: list[dict[str, dict]]) -> dict[str, dict]:
    """Sum true positives, predictions and gold counts of the same rows over several folds."""
    from .evaluate import prf_row

    totals: dict[str, list[int]] = {}
    for fold in rows:
        for key, r in fold.items():
            t = totals.setdefault(key, [0, 0, 0])
            t[0] += r["tp"]
            t[1] += r["predicted"]
            t[2] += r["support"]
    return {key: prf_row(*t) for key, t in totals.items()}


def write_results(path: Path, scores: dict[str, dict], *, records: list[Record], command: str,
                  relations: dict[str, dict] | None = None, notes: str = "",
                  extra_sections: list[str] | None = None, extra_json: dict | None = None) -> str:
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
        "None of them is in any training or dev set.",
        "",
        "## Entities (seqeval, strict IOB2, entity level)",
        "",
        format_scores(scores),
        "",
    ]
    if relations:
        from .evaluate import format_relation_scores

        lines += ["## INVESTMENT relations (exact project and amount spans)", "",
                  format_relation_scores(relations), ""]
    if notes:
        lines += [notes, ""]
    for sec in extra_sections or []:
        lines += [sec, ""]
    text = "\n".join(lines)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    (path.with_suffix(".json")).write_text(json.dumps({"entities": scores, "relations": relations or {}, **(extra_json or {})},
                                                     indent=2),
                                          encoding="utf-8")
    return text
