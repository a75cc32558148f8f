"""`gov-ner evaluate`."""
from __future__ import annotations

import shlex
import sys
from pathlib import Path

from ..annotations.errors import AnnotationError
from .common import read_annotations


def _models_and_annotations(items: list[str]) -> tuple[list[str], list[str]]:
    """Split `evaluate` arguments: a .jsonl file, or a folder of them with no config.cfg, is
    annotations; anything else (model directory, package, rules, NAME=PATH) is a system."""
    models, files = [], []
    for item in items:
        p = Path(item)
        is_annotations = (p.is_file() and p.suffix == ".jsonl") or (
            p.is_dir() and not (p / "config.cfg").exists() and any(p.rglob("*.jsonl")))
        (files if is_annotations else models).append(item)
    return models, files


def _named(specs: list[str]) -> dict[str, str]:
    """NAME=PATH (or PATH, named by itself) -> {name: path}."""
    return dict(s.split("=", 1) if "=" in s else (s, s) for s in specs)


def _pattern_section(pipelines: dict, records) -> str:
    """INVESTMENT recall and precision by pattern on the authored test split, gold entities:
    the cue-word rule and every system's relation step."""
    from ..training.relation_patterns import format_pattern_table, pattern_tables

    records, tables = pattern_tables(records, {f"{name} relation step": nlp for name, nlp in pipelines.items()
                                               if "relations" in nlp.pipe_names})
    return ("### INVESTMENT by pattern (authored test split, gold entities)\n\n"
            f"{len(records)} paragraphs with an amount. A relation is counted in every pattern it shows "
            "(gov_ner/training/relation_patterns.py); precision puts each predicted link in the patterns it "
            "shows. Amounts no project invests are counted by kind, with how often each method wrongly "
            "links them.\n\n" + format_pattern_table(tables))


def run(args) -> int:
    import json

    from ..annotations.splits import load_splits, select
    from ..training.evaluate import format_scores
    from ..training.results import load_system, score_systems, write_results

    models, files = _models_and_annotations(args.models)
    if not models:
        print("no model to evaluate: give a model path or package before the annotation files", file=sys.stderr)
        return 2
    if files and args.annotations:
        print("give annotations either after the model or with --annotations, not both", file=sys.stderr)
        return 2
    try:
        records = read_annotations(files or args.annotations or ["annotations/gold"])
    except AnnotationError as err:
        print(err, file=sys.stderr)
        return 1
    split = args.split or (None if files or args.annotations else "heldout")
    splits = load_splits(args.splits) if Path(args.splits).exists() else None
    if split:
        if splits is None:
            print(f"--split {split}: no split definition at {args.splits}", file=sys.stderr)
            return 2
        records = select(records, splits, split)
    elif splits:
        trained = sorted({r.doc_id for r in records if r.doc_id in splits["train"]})
        if trained:
            print(f"warning: records from training reports {', '.join(trained)}: their scores are not held-out",
                  file=sys.stderr)
    if not records:
        print("no records to evaluate", file=sys.stderr)
        return 1
    systems = _named(models)
    # systems trained on every report: scored on the authored test split only
    authored_only = _named(args.authored_only or [])
    if authored_only and not args.authored_test:
        print("--authored-only needs --authored-test", file=sys.stderr)
        return 2
    from ..training.evaluate import format_relation_scores

    pipelines = {name: load_system(spec) for name, spec in {**systems, **authored_only}.items()}  # each loaded once
    scores, relations = score_systems(systems, records, {n: pipelines[n] for n in systems})
    print(format_scores(scores))
    if relations:
        print()
        print(format_relation_scores(relations))
    sections, extra = [], {}
    if args.authored_test:
        from ..annotations.authored import TEST_WRITERS
        from ..annotations.io import read_many

        test = [r for r in read_many([Path(args.authored_test)]) if r.meta.get("writer") in TEST_WRITERS]
        if not test:
            print(f"{args.authored_test}: no paragraph of the test writers {', '.join(TEST_WRITERS)}", file=sys.stderr)
            return 1
        a_scores, a_relations = score_systems({**systems, **authored_only}, test, pipelines)
        extra = {"authored_test": {"entities": a_scores, "relations": a_relations}}
        print(f"\nauthored test split ({len(test)} paragraphs of writers {', '.join(TEST_WRITERS)}):")
        print(format_scores(a_scores))
        print()
        print(format_relation_scores(a_relations))
        sections.append(
            f"## Authored test split (a second development score, not real reports, not held-out)\n\n"
            f"{len(test)} paragraphs ({sum(len(r.text) for r in test)} characters, "
            f"{sum(len(r.relations) for r in test)} INVESTMENT relations) by the authored corpus's test writers "
            f"{', '.join(TEST_WRITERS)}, whose paragraphs no recipe trains on. Written by the project's writer "
            f"agents, so this measures the guide's conventions on report-like text, not real reports."
            + (f" Scored here only (trained on every report, so they have no held-out score): "
               f"{', '.join(authored_only)}." if authored_only else "") + "\n\n"
            + format_scores(a_scores) + "\n\n" + format_relation_scores(a_relations))
        sections.append(_pattern_section(pipelines, test))
    if args.json:
        Path(args.json).write_text(json.dumps({"entities": scores, "relations": relations, **extra}, indent=2),
                                   encoding="utf-8")
    if args.results:
        write_results(Path(args.results), scores, records=records, relations=relations,
                      command="gov-ner " + shlex.join(args.argv), extra_sections=sections, extra_json=extra)
    return 0


def register(sub) -> None:
    p = sub.add_parser("evaluate", help="score models on annotated reports (seqeval, strict IOB2)",
                       description="Score one or more systems (model paths, package names, or 'rules' for the "
                                   "MONEY/PERCENT pattern baseline) on annotation records. Name a system with "
                                   "NAME=PATH.")
    p.add_argument("models", nargs="+", metavar="MODEL [ANNOTATIONS.jsonl]",
                   help="systems to score (PATH, PACKAGE, rules, or NAME=PATH), then optionally the annotation "
                        "files or folders to score them on (all their records are scored)")
    p.add_argument("--annotations", nargs="+", help="JSONL files or folders (default: the held-out split of "
                                                    "annotations/gold)")
    p.add_argument("--split", choices=("heldout", "train"),
                   help="score only this split of --splits (default: heldout when no annotations are given)")
    p.add_argument("--splits", default="annotations/splits.json", help="split definition (default: %(default)s)")
    p.add_argument("--json", help="also write the scores as JSON to this file")
    p.add_argument("--results", help="write a results page (markdown) to this file")
    p.add_argument("--authored-test", metavar="AUTHORED.jsonl",
                   help="also score the authored corpus's test split (its test writers' paragraphs), "
                        "reported apart from the real reports")
    p.add_argument("--authored-only", action="append", metavar="NAME=PATH",
                   help="a system scored on the authored test split only: one trained on every report (a model to "
                        "ship), whose report scores would not be held-out (repeatable)")
    p.set_defaults(func=run)
