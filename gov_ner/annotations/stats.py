"""Counts of spans per label and relations, per document and per split."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from .schema import ENTITY_LABELS, Record

COLUMNS = ("records", "chars") + ENTITY_LABELS + ("INVESTMENT",)


def count(records: Iterable[Record], key=lambda r: r.doc_id) -> dict[str, Counter]:
    table: dict[str, Counter] = defaultdict(Counter)
    for r in records:
        row = table[key(r)]
        row["records"] += 1
        row["chars"] += len(r.text)
        row.update(s.label for s in r.spans)
        row["INVESTMENT"] += len(r.relations)
    return dict(table)


def format_table(table: dict[str, Counter], title: str = "document") -> str:
    total = Counter()
    for row in table.values():
        total.update(row)
    width = max([len(title), 5] + [len(k) for k in table])
    head = f"{title:<{width}} " + " ".join(f"{c:>10}" for c in COLUMNS)
    lines = [head, "-" * len(head)]
    for k in sorted(table):
        lines.append(f"{k:<{width}} " + " ".join(f"{table[k][c]:>10}" for c in COLUMNS))
    lines.append(f"{'total':<{width}} " + " ".join(f"{total[c]:>10}" for c in COLUMNS))
    return "\n".join(lines)
