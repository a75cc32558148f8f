"""Annotation records -> spaCy Docs / DocBin, and -> a Hugging Face `datasets.Dataset` (IOB2)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from .annotations.schema import ENTITY_LABELS, Record
from .pipeline.extensions import REL_LABEL
from .pipeline.tokenizer import ReportTokenizer
from .text.normalise import normalise


@dataclass
class ConversionReport:
    docs: int = 0
    spans: int = 0
    relations: int = 0
    misaligned: list[str] = field(default_factory=list)  # "record id: span text (label)"

    def __str__(self) -> str:
        return (f"{self.docs} docs, {self.spans} spans, {self.relations} relations, "
                f"{len(self.misaligned)} spans not aligned to tokens")


def blank_nlp() -> Language:
    """A blank Chinese pipeline with the project's tokenizer (char tokens, normalised text)."""
    from .pipeline.loading import entry_point_scan_skipped

    with entry_point_scan_skipped("zh", ()):
        return spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "gov_ner.ReportTokenizer.v1"}}})


def record_to_doc(rec: Record, nlp: Language, report: ConversionReport | None = None) -> Doc:
    """Gold Doc for one record: entities on doc.ents, relations on doc._.rel."""
    report = report if report is not None else ConversionReport()
    tok = nlp.tokenizer
    if isinstance(tok, ReportTokenizer):
        norm = normalise(rec.text, simplify=tok.simplify, drop_boilerplate=tok.drop_boilerplate)
        doc = tok.from_normalised(norm)
    else:
        norm, doc = normalise(rec.text, simplify=False, drop_boilerplate=False), tok(rec.text)
    ents, ent_of_span = [], {}
    for i, s in enumerate(rec.spans):
        model = norm.to_model(s.start, s.end)
        span = doc.char_span(*model, label=s.label) if model else None
        if span is None:
            report.misaligned.append(f"{rec.id}: {rec.text[s.start:s.end]!r} ({s.label})")
            continue
        ents.append(span)
        ent_of_span[i] = span
    doc.ents = sorted(ents, key=lambda e: e.start)
    rel = {}
    for r in rec.relations:
        if r.head in ent_of_span and r.child in ent_of_span:
            rel[(ent_of_span[r.head].start, ent_of_span[r.child].start)] = {r.label: 1.0}
    doc._.rel = rel
    doc.user_data["gov_ner.id"] = rec.id
    report.docs += 1
    report.spans += len(ents)
    report.relations += len(rel)
    return doc


def records_to_docbin(records: Iterable[Record], nlp: Language | None = None) -> tuple[DocBin, ConversionReport]:
    nlp = nlp or blank_nlp()
    report = ConversionReport()
    db = DocBin(store_user_data=True)
    for rec in records:
        db.add(record_to_doc(rec, nlp, report))
    return db, report


IOB_LABELS = ["O"] + [f"{p}-{label}" for label in ENTITY_LABELS for p in ("B", "I")]


def doc_iob_tags(doc: Doc) -> list[str]:
    tags = ["O"] * len(doc)
    for e in doc.ents:
        tags[e.start] = f"B-{e.label_}"
        for i in range(e.start + 1, e.end):
            tags[i] = f"I-{e.label_}"
    return tags


def records_to_dataset(records: Iterable[Record], nlp: Language | None = None):
    """A `datasets.Dataset` with columns id, doc_id, tokens (characters), ner_tags (IOB2 ClassLabel).

    Whitespace tokens are dropped, as a token-classification model would never see them.
    """
    import datasets

    nlp = nlp or blank_nlp()
    report = ConversionReport()
    rows = {"id": [], "doc_id": [], "tokens": [], "ner_tags": []}
    for rec in records:
        doc = record_to_doc(rec, nlp, report)
        pairs = [(t.text, tag) for t, tag in zip(doc, doc_iob_tags(doc)) if not t.is_space]
        rows["id"].append(rec.id)
        rows["doc_id"].append(rec.doc_id)
        rows["tokens"].append([p[0] for p in pairs])
        rows["ner_tags"].append([IOB_LABELS.index(p[1]) for p in pairs])
    features = datasets.Features({
        "id": datasets.Value("string"),
        "doc_id": datasets.Value("string"),
        "tokens": datasets.Sequence(datasets.Value("string")),
        "ner_tags": datasets.Sequence(datasets.ClassLabel(names=IOB_LABELS)),
    })
    return datasets.Dataset.from_dict(rows, features=features), report


__all__ = ["ConversionReport", "blank_nlp", "record_to_doc", "records_to_docbin", "records_to_dataset",
           "doc_iob_tags", "IOB_LABELS", "REL_LABEL"]
