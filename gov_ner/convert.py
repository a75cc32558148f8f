"""Annotation records -> spaCy Docs / DocBin, and -> a Hugging Face `datasets.Dataset` (IOB2)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from .annotations.errors import AnnotationError
from .annotations.schema import ENTITY_LABELS, Record, Relation, Span
from .pipeline.extensions import REL_LABEL
from .pipeline.tokenizer import ReportTokenizer, offsets_of
from .text.normalise import SURROGATE, normalise


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


def normalised_doc(text: str, nlp: Language):
    """(normalised text with its offset map, Doc) for raw text, tokenised as nlp tokenises it."""
    tok = nlp.tokenizer
    if isinstance(tok, ReportTokenizer):
        norm = normalise(text, simplify=tok.simplify, drop_boilerplate=tok.drop_boilerplate)
        return norm, tok.from_normalised(norm)
    return normalise(text, simplify=False, drop_boilerplate=False), tok(text)


def record_to_doc(rec: Record, nlp: Language, report: ConversionReport | None = None) -> Doc:
    """Gold Doc for one record: entities on doc.ents, relations on doc._.rel."""
    report = report if report is not None else ConversionReport()
    bad = SURROGATE.search(rec.text)
    if bad:  # a DocBin stores text as UTF-8, which has no surrogates: fail here, naming the record
        path, line = rec.source or ("<input>", 0)
        raise AnnotationError(path, line, "text", f"record {rec.id!r}: surrogate code point U+{ord(bad.group()):04X} "
                                                  f"at offset {bad.start()} is not valid Unicode text")
    norm, doc = normalised_doc(rec.text, nlp)
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


def doc_to_record(doc: Doc) -> Record:
    """The record a gold Doc stands for (the inverse of record_to_doc): the raw text, every entity as a
    raw-offset span in document order, relations between them. Of the record's meta only the id is
    kept in a Doc; spans that record_to_doc could not align (ConversionReport.misaligned) are not there."""
    norm = offsets_of(doc)
    spans: list[Span] = []
    index: dict[int, int] = {}  # entity start token -> span index
    for ent in doc.ents:
        index[ent.start] = len(spans)
        spans.append(Span(*norm.to_raw(ent.start_char, ent.end_char), ent.label_))
    threshold = doc.user_data.get("gov_ner.rel_threshold", 0.5)
    relations = [Relation(index[h], index[c], label)
                 for (h, c), scores in sorted((doc._.rel or {}).items()) if h in index and c in index
                 for label, score in sorted(scores.items()) if score >= threshold]
    return Record(str(doc.user_data.get("gov_ner.id", "")), norm.raw, spans, relations)


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


__all__ = ["ConversionReport", "blank_nlp", "record_to_doc", "doc_to_record", "records_to_docbin", "records_to_dataset",
           "doc_iob_tags", "IOB_LABELS", "REL_LABEL"]
