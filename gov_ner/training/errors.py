"""What a pipeline's entity errors are: every gold and predicted span classed against the other.

seqeval's strict score counts the spans that are exactly right; this page says what the rest
are, so that the next round of writing or modelling aims at the largest class. One class per
gold span, and one per prediction that touches no gold span:

- correct: a prediction with the same edges and label;
- label: a prediction with the same edges and another label (a zone read as PROJECT);
- boundary: an overlapping prediction with the same label and other edges (a name cut or run on);
- both: only overlapping predictions with another label and other edges;
- missed: no prediction overlaps it;
- spurious: a prediction that overlaps no gold span (counted under its predicted label).

With --crossval each leave-one-report-out fold model is read on its own held-out report, so the
page describes real-report errors of a recipe without any report it trained on.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import shlex
import sys
from collections import Counter
from pathlib import Path

from ..annotations.schema import ENTITY_LABELS, Record

CLASSES = ("correct", "label", "boundary", "both", "missed")
Span = tuple[int, int, str]


def classify(gold: list[Span], pred: list[Span]) -> tuple[list[tuple[str, Span, Span | None]], list[Span]]:
    """([(class, gold span, the prediction it was matched with)], spurious predictions)."""
    out = []
    for g in gold:
        s, e, label = g
        same_edges = [p for p in pred if p[0] == s and p[1] == e]
        overlap = sorted((p for p in pred if p[0] < e and s < p[1]), key=lambda p: -(min(e, p[1]) - max(s, p[0])))
        if same_edges:
            hit = next((p for p in same_edges if p[2] == label), same_edges[0])
            out.append(("correct" if hit[2] == label else "label", g, hit))
        elif any(p[2] == label for p in overlap):
            out.append(("boundary", g, next(p for p in overlap if p[2] == label)))
        elif overlap:
            out.append(("both", g, overlap[0]))
        else:
            out.append(("missed", g, None))
    spurious = [p for p in pred if not any(g[0] < p[1] and p[0] < g[1] for g in gold)]
    return out, spurious


@dataclasses.dataclass
class ErrorTable:
    """Counts and examples of each class, pooled over the records given to `add`."""

    classes: Counter = dataclasses.field(default_factory=Counter)      # (gold label, class)
    confusion: Counter = dataclasses.field(default_factory=Counter)    # (gold label, predicted label)
    spurious: Counter = dataclasses.field(default_factory=Counter)     # predicted label
    examples: dict = dataclasses.field(default_factory=dict)           # key -> Counter of strings

    def _example(self, key: str, text: str) -> None:
        self.examples.setdefault(key, Counter())[text] += 1

    def add(self, tokens: str | list[str], gold: list[Span], pred: list[Span]) -> None:
        """tokens: the units span offsets count (characters of a str, or a doc's token texts)."""
        def text(start: int, end: int) -> str:
            return "".join(tokens[start:end])

        matched, spurious = classify(gold, pred)
        for cls, g, p in matched:
            self.classes[g[2], cls] += 1
            if cls in ("label", "both"):
                self.confusion[g[2], p[2]] += 1
            if cls != "correct":
                shown = text(g[0], g[1]) + (f" → {text(p[0], p[1])}" if p and cls != "label" else "")
                self._example(f"{g[2]} {cls}" + (f" as {p[2]}" if cls in ("label", "both") else ""), shown)
        for p in spurious:
            self.spurious[p[2]] += 1
            self._example(f"{p[2]} spurious", text(p[0], p[1]))

    def to_dict(self) -> dict:
        return {"classes": {f"{g} {c}": n for (g, c), n in sorted(self.classes.items())},
                "confusion": {f"{g} as {p}": n for (g, p), n in sorted(self.confusion.items())},
                "spurious": dict(sorted(self.spurious.items())),
                "examples": {k: v.most_common() for k, v in sorted(self.examples.items())}}


def token_spans(doc) -> list[Span]:
    return [(e.start, e.end, e.label_) for e in doc.ents]


def table_for(nlp, records: list[Record], table: ErrorTable | None = None) -> ErrorTable:
    """The pipeline read as evaluation reads it (report-level steps included), classed per record.
    Gold and predicted docs share the tokenizer, so spans are compared as token ranges; examples
    show the normalised text (simplified script) of the gold doc."""
    from .evaluate import gold_and_predicted_docs

    table = table or ErrorTable()
    for gold, doc in gold_and_predicted_docs(nlp, records):
        table.add([t.text for t in gold], token_spans(gold), token_spans(doc))
    return table


def crossval_table(directory: Path, checkpoint: str = "model-last", variant: str = "",
                   root: Path = Path("."), only: tuple[str, ...] | None = None) -> tuple[ErrorTable, list[str]]:
    """Every fold model DIRECTORY/<report>/<checkpoint> (+ variant) read on its held-out report."""
    from .crossval import fold_models

    table, done = ErrorTable(), []
    for held, nlp, records in fold_models(directory, checkpoint, variant, root, only):
        table_for(nlp, records, table)
        done.append(held)
    return table, done


def format_table(table: ErrorTable, title: str, command: str, n_examples: int = 12) -> str:
    lines = [f"# {title}", "", f"Written by `{command}`. Classes: see `gov_ner/training/errors.py`.", "",
             "## Each gold span, by what the pipeline made of it", "",
             "| gold label | " + " | ".join(CLASSES) + " | gold spans | spurious (predicted label) |",
             "|---|" + "---:|" * (len(CLASSES) + 2)]
    for label in ENTITY_LABELS:
        row = [table.classes[label, c] for c in CLASSES]
        lines.append(f"| {label} | " + " | ".join(map(str, row)) + f" | {sum(row)} | {table.spurious[label]} |")
    total = [sum(table.classes[lb, c] for lb in ENTITY_LABELS) for c in CLASSES]
    lines.append("| all | " + " | ".join(map(str, total)) + f" | {sum(total)} | {sum(table.spurious.values())} |")
    lines += ["", "## Label errors (label + both): gold label read as", "",
              "| gold \\ predicted | " + " | ".join(ENTITY_LABELS) + " |", "|---|" + "---:|" * len(ENTITY_LABELS)]
    for g in ENTITY_LABELS:
        lines.append(f"| {g} | " + " | ".join(str(table.confusion[g, p]) for p in ENTITY_LABELS) + " |")
    lines += ["", "## Most frequent strings of each error class", "",
              "A boundary or both example reads gold → prediction.", ""]
    for key, strings in sorted(table.examples.items(), key=lambda kv: -sum(kv[1].values())):
        shown = "、".join(f"{s}" + (f" ×{n}" if n > 1 else "") for s, n in strings.most_common(n_examples))
        lines.append(f"- **{key}** ({sum(strings.values())}): {shown}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m gov_ner.training.errors", description=__doc__.split("\n")[0])
    ap.add_argument("--crossval", required=True,
                    help="a cross-validation directory: <report>/<checkpoint> per fold (gov-ner crossval -o)")
    ap.add_argument("--checkpoint", default="model-last")
    ap.add_argument("--variant", default="", help="weightless steps added or removed, e.g. +gazetteer")
    ap.add_argument("--fold", action="append", help="only this held-out report (repeatable)")
    ap.add_argument("--title", default="Entity errors on leave-one-report-out cross-validation")
    ap.add_argument("--markdown")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    table, done = crossval_table(Path(args.crossval), args.checkpoint, args.variant,
                                 only=tuple(args.fold) if args.fold else None)
    command = shlex.join(["python", "-m", "gov_ner.training.errors", *(argv if argv is not None else sys.argv[1:])])
    text = format_table(table, f"{args.title} ({len(done)} folds)", command)
    print(text)
    if args.markdown:
        Path(args.markdown).write_text(text, encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps({"folds": done, **table.to_dict()}, indent=2, ensure_ascii=False),
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
