"""Which paragraphs to annotate next: those the model is least sure of, pre-annotated.

    gov-ner suggest reports/ -n 200 -o batch.jsonl    # correct batch.jsonl (by hand, Prodigy, doccano)
    gov-ner retrain --add batch.jsonl -o build/retrained

Uncertainty with one model: the NER's beam search gives every entity that some parse in the beam
proposes a probability p (the summed probability of the parses that contain it); a paragraph
scores sum(min(p, 1 - p)), the expected number of entity decisions it gets wrong by taking the
likelier answer each time. With two models: the number of entities (start, end, label) that one
predicts and the other does not. Paragraphs whose text is in the annotations already, and
repeats, are skipped. The chosen paragraphs are pre-annotated by the (first) model; a predicted
span that breaks the labelling contract (validate) is left out, so the file validates as written.
"""
from __future__ import annotations

import heapq
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .schema import Record, Relation, Span
from .segment import segment_report
from .validate import check_record

FORMATS = ("ours", "prodigy", "doccano")
BEAM_WIDTH = 16


@dataclass(frozen=True)
class Paragraph:
    source: str  # the report file
    offset: int  # where the paragraph starts in the decoded file
    text: str

    @property
    def id(self) -> str:
        return f"{Path(self.source).stem}#o{self.offset}"


def unannotated_paragraphs(files: Iterable[str | Path], known_texts: set[str],
                           warn: Callable[[str], None] | None = None) -> Iterator[Paragraph]:
    """Paragraphs of the files (as gov_ner.extract cuts them) whose text is not in known_texts;
    each text once. A file that cannot be read raises, or with `warn` is named there and passed over."""
    from ..api import INPUT_ERRORS, read_input

    seen = set(known_texts)
    for f in files:
        try:
            raw, _, _ = read_input(Path(f))
        except INPUT_ERRORS as err:
            if warn is None:
                raise
            warn(f"error: {f}: {err}")
            continue
        for seg in segment_report(raw):
            text = raw[seg.start:seg.end]
            if text not in seen:
                seen.add(text)
                yield Paragraph(str(f), seg.start, text)


def _docs_before(nlp: Language, name: str, texts: Sequence[str]) -> list[Doc]:
    """The texts run through the pipeline's steps up to (not including) `name`."""
    docs = [nlp.make_doc(t) for t in texts]
    for pipe_name, proc in nlp.pipeline:
        if pipe_name == name:
            break
        docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
    return docs


def beam_uncertainty(nlp: Language, texts: Sequence[str], beam_width: int = BEAM_WIDTH) -> list[float]:
    """sum(min(p, 1 - p)) over the entities the NER's beam proposes, per text."""
    ner = nlp.get_pipe("ner")
    docs = _docs_before(nlp, "ner", texts)
    scores = []
    for beam in ner.beam_parse(docs, beam_width=beam_width):
        prob: dict[tuple, float] = defaultdict(float)
        for p, ents in ner.moves.get_beam_parses(beam):
            for ent in ents:
                prob[ent] += p
        scores.append(sum(min(p, 1.0 - p) for p in prob.values()))
    return scores


def disagreement(a: Language, b: Language, texts: Sequence[str]) -> list[float]:
    """How many entities (start, end, label) one pipeline predicts and the other does not, per text."""
    ents = [[{(e.start_char, e.end_char, e.label_) for e in doc.ents} for doc in nlp.pipe(texts)] for nlp in (a, b)]
    return [float(len(x ^ y)) for x, y in zip(*ents)]


def rank(paragraphs: Iterable[Paragraph], models: Sequence[Language], n: int,
         batch_size: int = 64) -> list[tuple[float, Paragraph]]:
    """The n most uncertain paragraphs, most uncertain first (only n are held at a time)."""
    if not 1 <= len(models) <= 2:
        raise ValueError(f"give one model (beam uncertainty) or two (disagreement), not {len(models)}")
    best: list[tuple[float, int, Paragraph]] = []  # a min-heap; the index keeps ties in input order
    batch: list[Paragraph] = []
    seen = 0

    def flush() -> None:
        nonlocal seen
        texts = [p.text for p in batch]
        scores = beam_uncertainty(models[0], texts) if len(models) == 1 else disagreement(*models, texts)
        for score, p in zip(scores, batch):
            item = (score, -seen, p)
            seen += 1
            if len(best) < n:
                heapq.heappush(best, item)
            elif item[:2] > best[0][:2]:
                heapq.heapreplace(best, item)
        batch.clear()

    for p in paragraphs:
        batch.append(p)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    return [(score, p) for score, _, p in sorted(best, key=lambda t: t[:2], reverse=True)]


def pre_annotate(nlp: Language, scored: Sequence[tuple[float, Paragraph]], model_name: str) -> list[Record]:
    """Records of the paragraphs with the model's entities and investments as spans and relations."""
    from ..api import doc_to_report_parts

    records = []
    for (score, p), doc in zip(scored, nlp.pipe(p.text for _, p in scored)):
        entities, investments = doc_to_report_parts(doc, p.text)
        spans = [Span(e.start, e.end, e.label) for e in entities]
        index = {(e.start, e.end): i for i, e in enumerate(entities)}
        relations = [Relation(index[(i.project.start, i.project.end)], index[(i.money.start, i.money.end)])
                     for i in investments]
        meta = {"source": p.source, "offset": p.offset, "uncertainty": round(score, 4), "suggested_by": model_name}
        records.append(_within_contract(Record(p.id, p.text, spans, relations, meta)))
    return records


def _within_contract(rec: Record) -> Record:
    """The record without the predicted spans validate() objects to (and their relations). A
    span that overlaps a rejected one is kept: spans with problems of their own go first."""
    while True:
        flagged = [(int(m.group(1)), "overlaps" in problem.message) for problem in check_record(rec)
                   for m in [re.match(r"spans\[(\d+)\]", problem.field)] if m]
        own = {i for i, overlap in flagged if not overlap}
        bad = own or {i for i, _ in flagged}
        if not bad:
            return rec
        new_index = {}
        spans = []
        for i, s in enumerate(rec.spans):
            if i not in bad:
                new_index[i] = len(spans)
                spans.append(s)
        relations = [Relation(new_index[r.head], new_index[r.child], r.label) for r in rec.relations
                     if r.head in new_index and r.child in new_index]
        rec = Record(rec.id, rec.text, spans, relations, rec.meta)


def as_format(rec: Record, fmt: str) -> dict:
    """One record as `gov-ner` (ours), Prodigy (character tokens, rel.manual relations) or
    doccano (relation project: entities with ids, relations from_id/to_id) JSON."""
    if fmt == "ours":
        return rec.to_dict()
    if fmt == "prodigy":
        def span(s: Span) -> dict:
            return {"start": s.start, "end": s.end, "label": s.label, "token_start": s.start, "token_end": s.end - 1}

        return {"id": rec.id, "text": rec.text, "meta": rec.meta,
                "tokens": [{"text": ch, "start": i, "end": i + 1, "id": i, "ws": False} for i, ch in enumerate(rec.text)],
                "spans": [span(s) for s in rec.spans],
                "relations": [{"head": rec.spans[r.head].end - 1, "child": rec.spans[r.child].end - 1,
                               "head_span": span(rec.spans[r.head]), "child_span": span(rec.spans[r.child]),
                               "label": r.label} for r in rec.relations]}
    if fmt == "doccano":
        return {"id": rec.id, "text": rec.text, "meta": rec.meta,
                "entities": [{"id": i, "label": s.label, "start_offset": s.start, "end_offset": s.end}
                             for i, s in enumerate(rec.spans)],
                "relations": [{"id": j, "from_id": r.head, "to_id": r.child, "type": r.label}
                              for j, r in enumerate(rec.relations)]}
    raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")


def suggest(files: Iterable[str | Path], models: Sequence[Language], n: int, known_texts: set[str],
            model_name: str = "model", warn: Callable[[str], None] | None = None) -> list[Record]:
    """The n paragraphs of the files to annotate next, most uncertain first, pre-annotated."""
    return pre_annotate(models[0], rank(unannotated_paragraphs(files, known_texts, warn), models, n), model_name)
