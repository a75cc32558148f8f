"""INVESTMENT scores by pattern: where a relation method is right and where it fails.

Every gold relation is put in the patterns it shows (a relation can be in several), and every
MONEY that no project invests (a distractor) in the kind of amount it is. For each pattern the
table gives the gold count, how many a method found (recall), and for distractors how many it
wrongly linked. Entities are the gold ones, so the table isolates the relation step.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from ..annotations.schema import Record
from ..pipeline.relation_features import DISTRACTOR_KINDS

CUE_WINDOW = 10
TOTAL = re.compile(r"总投资|总投入|总额")
PARTIAL = re.compile(r"完成投资|计划投资|年度投资|累计投资|完成|计划|年内|当年|签约|协议")
BACK_REFERENCE = re.compile(r"该项目|该园|该工程|项目总投资|项目一期|项目二期|项目计划|前者|后者|其中")
SENTENCE_END = re.compile(r"[。！？!?；;\n]")
LIST_SEP = re.compile(r"[；;]|\n|、")
PHASE = re.compile(r"[一二三四五首]期")


def relation_patterns(rec: Record, head: int, child: int) -> list[str]:
    """The patterns one gold relation (PROJECT head → MONEY child) shows."""
    p, m = rec.spans[head], rec.spans[child]
    text = rec.text
    cue = text[max(0, m.start - CUE_WINDOW):m.start]
    out = ["amount after project" if m.start > p.start else "amount before project"]
    if TOTAL.search(cue):
        out.append("总投资 (total)")
    elif PARTIAL.search(cue):
        out.append("完成/计划投资 (completed, planned, annual)")
    if sum(r.head == head for r in rec.relations) >= 2:
        out.append("several amounts for one project")
    if len(rec.relations) >= 3 and LIST_SEP.search(text):
        out.append("list of projects with amounts")
    lo, hi = sorted((p.end, m.start)) if m.start > p.start else (m.end, p.start)
    between = text[lo:hi]
    if BACK_REFERENCE.search(between) or SENTENCE_END.search(between):
        out.append("project referred back to (该项目, next sentence)")
    if PHASE.search(text[p.start:p.end]) or PHASE.search(cue):
        out.append("phase (一期, 二期, 首期)")
    return out


def distractor_kind(rec: Record, child: int) -> str:
    m = rec.spans[child]
    cue = rec.text[max(0, m.start - CUE_WINDOW):m.start]
    for name, pattern in DISTRACTOR_KINDS:
        if pattern.search(cue):
            return f"distractor: {name}"
    return "distractor: other amount"


def pattern_table(records: Iterable[Record], predict: Callable[[Record], set[tuple[int, int]]]) -> dict[str, dict]:
    """{pattern: {gold, found, recall}} and {distractor kind: {amounts, wrongly linked}};
    predict(record) gives the (head, child) span-index pairs a method links, on gold entities."""
    gold_n, found_n, pred_n = Counter(), Counter(), Counter()
    dis_n, dis_linked = Counter(), Counter()
    for rec in records:
        gold = {(r.head, r.child) for r in rec.relations}
        pred = predict(rec)
        for head, child in gold:
            for pat in relation_patterns(rec, head, child):
                gold_n[pat] += 1
                found_n[pat] += (head, child) in pred
        for head, child in pred:  # precision: every predicted link, put in the patterns it shows
            if 0 <= head < len(rec.spans) and 0 <= child < len(rec.spans):
                for pat in relation_patterns(rec, head, child):
                    pred_n[pat] += 1
        linked_money = {c for _, c in gold}
        predicted_money = {c for _, c in pred}
        for i, s in enumerate(rec.spans):
            if s.label == "MONEY" and i not in linked_money:
                kind = distractor_kind(rec, i)
                dis_n[kind] += 1
                dis_linked[kind] += i in predicted_money
    table = {pat: {"gold": gold_n[pat], "found": found_n[pat], "recall": found_n[pat] / gold_n[pat],
                   "predicted": pred_n[pat], "precision": found_n[pat] / pred_n[pat] if pred_n[pat] else 0.0}
             for pat in sorted(gold_n)}
    for kind in sorted(dis_n):
        table[kind] = {"amounts": dis_n[kind], "wrongly linked": dis_linked[kind],
                       "false-link rate": dis_linked[kind] / dis_n[kind]}
    return table


def predictor(nlp, relate=None) -> Callable[[Record], set[tuple[int, int]]]:
    """Span-index pairs a pipeline's relation step (or `relate`, e.g. the cue-word rule) links
    when given the record's gold entities."""
    from ..convert import blank_nlp, record_to_doc
    from .evaluate import _pred_pairs

    gold_nlp = blank_nlp()

    def predict(rec: Record) -> set[tuple[int, int]]:
        gold = record_to_doc(rec, gold_nlp)
        doc = nlp.make_doc(rec.text)
        doc.ents = [doc.char_span(e.start_char, e.end_char, label=e.label_) for e in gold.ents]
        # the relation step alone, on the gold entities (its tok2vec listener, if any, runs first)
        for name, proc in nlp.pipeline:
            if name == "tok2vec" or (name == "relations" and relate is None):
                doc = proc(doc)
        if relate is not None:
            doc._.rel = relate(doc)
        pairs = _pred_pairs(doc)
        # model offsets -> record span indices (the gold doc's entities are the record's spans in order)
        index = {(e.start_char, e.end_char): i for i, e in enumerate(gold.ents)}
        order = sorted(range(len(rec.spans)), key=lambda i: (rec.spans[i].start, rec.spans[i].end))
        to_rec = {k: order[v] for k, v in index.items()} if len(order) == len(index) else {}
        return {(to_rec[p], to_rec[m]) for p, m in pairs if p in to_rec and m in to_rec}

    return predict


def pattern_tables(records: Iterable[Record], pipelines: dict) -> tuple[list[Record], dict[str, dict]]:
    """The records with an amount, and the pattern table of the cue-word rule and of each
    pipeline's relation step ({column name: pipeline}), all on gold entities."""
    from ..pipeline.relation_rules import rule_relations
    from .results import rule_baseline

    records = [r for r in records if r.relations or any(s.label == "MONEY" for s in r.spans)]
    tables = {"cue-word rule": pattern_table(records, predictor(rule_baseline(), relate=rule_relations))}
    for name, nlp in pipelines.items():
        tables[name] = pattern_table(records, predictor(nlp))
    return records, tables


def format_pattern_table(tables: dict[str, dict[str, dict]]) -> str:
    """Markdown with one column pair per method."""
    methods = list(tables)
    rows = list(next(iter(tables.values())))
    head = "| pattern | gold | " + " | ".join(f"{m} found / predicted | {m} R | {m} P" for m in methods) + " |"
    lines = [head, "|---|---:|" + "---:|---:|---:|" * len(methods)]
    for row in rows:
        first = tables[methods[0]][row]
        if "gold" in first:
            cells = " | ".join(f"{tables[m][row]['found']} / {tables[m][row]['predicted']} | "
                               f"{tables[m][row]['recall']:.3f} | {tables[m][row]['precision']:.3f}" for m in methods)
            lines.append(f"| {row} | {first['gold']} | {cells} |")
    lines += ["", "| amount that is not an investment | amounts | " +
              " | ".join(f"{m} wrongly linked | {m} false-link rate" for m in methods) + " |",
              "|---|---:|" + "---:|---:|" * len(methods)]
    for row in rows:
        first = tables[methods[0]][row]
        if "amounts" in first:
            cells = " | ".join(f"{tables[m][row]['wrongly linked']} | {tables[m][row]['false-link rate']:.3f}"
                               for m in methods)
            lines.append(f"| {row} | {first['amounts']} | {cells} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """python -m gov_ner.training.relation_patterns [--model M ...] RECORDS... [--markdown F]"""
    import argparse
    import sys
    from pathlib import Path

    from ..annotations.io import read_many
    from .results import load_system

    ap = argparse.ArgumentParser(prog="python -m gov_ner.training.relation_patterns", description=__doc__.split("\n")[0])
    ap.add_argument("records", nargs="+", help="annotation JSONL files or folders (gold entities and relations)")
    ap.add_argument("--model", action="append", default=[], help="NAME=PATH of a pipeline whose relation step is scored")
    ap.add_argument("--writers", help="authored records of these writers only (comma-separated: w15,w16)")
    ap.add_argument("--markdown")
    args = ap.parse_args(argv)
    records = read_many(args.records)
    if args.writers:
        records = [r for r in records if r.meta.get("writer") in args.writers.split(",")]
    pipelines = {name: load_system(path) for name, _, path in (spec.partition("=") for spec in args.model)}
    records, tables = pattern_tables(records, pipelines)
    text = format_pattern_table(tables)
    command = "python -m gov_ner.training.relation_patterns " + " ".join(argv if argv is not None else sys.argv[1:])
    out = f"Written by `{command}`; gold entities, {len(records)} paragraphs.\n\n{text}\n"
    print(out)
    if args.markdown:
        Path(args.markdown).write_text(out, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
