"""Entity scores with seqeval (strict IOB2, entity level) on annotation records.

The pipeline reads each record's raw text exactly as a user's report would be read; gold and
predicted docs share the tokenizer, so their character tokens line up one to one.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc

from ..annotations.schema import ENTITY_LABELS, Record
from ..convert import blank_nlp, doc_iob_tags, record_to_doc
from ..pipeline.consistency import finish_report
from ..pipeline.relations import prf, rel_char_pairs


def predicted_docs(nlp: Language, records: list[Record], batch_size: int = 16) -> list[Doc]:
    """The pipeline's docs for the records, with its report-level steps (gov_ner.extract's
    finish_report) applied to the paragraphs of each report together."""
    docs = list(nlp.pipe((r.text for r in records), batch_size=batch_size))
    by_report: dict[str, list[Doc]] = {}
    for rec, doc in zip(records, docs):
        by_report.setdefault(rec.doc_id, []).append(doc)
    for report_docs in by_report.values():
        finish_report(nlp, report_docs)
    return docs


def gold_and_predicted_docs(nlp: Language, records: list[Record], batch_size: int = 16) -> list[tuple[Doc, Doc]]:
    """(gold doc, predicted doc) per record, token for token (the shared tokenizer)."""
    gold_nlp = blank_nlp()
    pairs = [(record_to_doc(r, gold_nlp), d) for r, d in zip(records, predicted_docs(nlp, records, batch_size))]
    for r, (g, p) in zip(records, pairs):
        if len(g) != len(p):
            raise ValueError(f"{r.id}: pipeline made {len(p)} tokens, gold has {len(g)}: tokenizers differ")
    return pairs


def iob_sequences(nlp: Language, records: list[Record], batch_size: int = 16) -> tuple[list[list[str]], list[list[str]]]:
    pairs = gold_and_predicted_docs(nlp, records, batch_size)
    return [doc_iob_tags(g) for g, _ in pairs], [doc_iob_tags(p) for _, p in pairs]


def score_sequences(gold: list[list[str]], pred: list[list[str]]) -> dict:
    """{label: {precision, recall, f1, support}} for the five labels plus 'micro'."""
    # imported here: seqeval pulls in scikit-learn (~2.7 s), which extraction never needs
    from seqeval.metrics import classification_report
    from seqeval.scheme import IOB2

    report = classification_report(gold, pred, mode="strict", scheme=IOB2, output_dict=True, zero_division=0)
    out = {}
    for label in ENTITY_LABELS:
        row = report.get(label, {"precision": 0.0, "recall": 0.0, "f1-score": 0.0, "support": 0})
        out[label] = {"precision": float(row["precision"]), "recall": float(row["recall"]),
                      "f1": float(row["f1-score"]), "support": int(row["support"])}
    micro = report["micro avg"]
    out["micro"] = {"precision": float(micro["precision"]), "recall": float(micro["recall"]),
                    "f1": float(micro["f1-score"]), "support": int(micro["support"])}
    return out


def evaluate_ner(nlp: Language, records: Iterable[Record]) -> dict:
    return score_sequences(*iob_sequences(nlp, list(records)))


def format_scores(rows: dict[str, dict], labels: tuple[str, ...] = ENTITY_LABELS + ("micro",)) -> str:
    """Markdown table: one column group (P/R/F) per system."""
    systems = list(rows)
    head = "| label | support | " + " | ".join(f"{s} P | {s} R | {s} F" for s in systems) + " |"
    sep = "|---|---:|" + "---:|" * (3 * len(systems))
    lines = [head, sep]
    for lab in labels:
        first = rows[systems[0]].get(lab)
        if first is None:
            continue
        cells = []
        for s in systems:
            r = rows[s].get(lab)
            cells += ["–"] * 3 if r is None else [f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['f1']:.3f}"]
        lines.append(f"| {lab} | {first['support']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _pred_pairs(doc) -> set:
    return {((p.start_char, p.end_char), (m.start_char, m.end_char)) for p, m, _ in doc._.investments}


def prf_row(tp: int, n_pred: int, n_gold: int) -> dict:
    p, r, f = prf(tp, n_pred, n_gold)
    return {"precision": p, "recall": r, "f1": f, "support": n_gold, "predicted": n_pred, "tp": tp}


def evaluate_relations(nlp: Language, records: Iterable[Record], *, gold_entities: bool,
                       relate: Callable[[Doc], dict] | None = None) -> dict:
    """INVESTMENT P/R/F over exact (project, money) character spans, with the gold count.

    gold_entities=True runs the pipeline with its NER replaced by the gold entities (the
    relation step alone); False scores it end to end. relate: score another relation method
    (the cue-word rule) on the same entities instead of the pipeline's relation component.
    """
    records = list(records)
    gold_nlp = blank_nlp()
    tp = n_pred = n_gold = 0
    for rec in records:
        gold = record_to_doc(rec, gold_nlp)
        doc = nlp.make_doc(rec.text)
        for name, proc in nlp.pipeline:
            if name == "relations" and relate is not None:
                continue
            if name == "ner" and gold_entities:
                doc.ents = [doc.char_span(e.start_char, e.end_char, label=e.label_) for e in gold.ents]
            else:
                doc = proc(doc)
        if gold_entities and "ner" not in nlp.pipe_names:
            doc.ents = [doc.char_span(e.start_char, e.end_char, label=e.label_) for e in gold.ents]
        if relate is not None:
            doc._.rel = relate(doc)
        g, p = rel_char_pairs(gold), _pred_pairs(doc)
        tp += len(g & p)
        n_pred += len(p)
        n_gold += len(g)
    return prf_row(tp, n_pred, n_gold)


def format_relation_scores(rows: dict[str, dict]) -> str:
    lines = ["| system | entities | gold relations | predicted | P | R | F |", "|---|---|---:|---:|---:|---:|---:|"]
    for name, r in rows.items():
        system, ents = name.split(" / ", 1) if " / " in name else (name, "")
        lines.append(f"| {system} | {ents} | {r['support']} | {r['predicted']} | {r['precision']:.3f} | "
                     f"{r['recall']:.3f} | {r['f1']:.3f} |")
    return "\n".join(lines)
