"""Reports -> JSONL, CSV (entities table, investments table)."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from .report import Report

ENTITY_COLUMNS = ("source", "label", "text", "start", "end", "value", "currency", "flags")
INVESTMENT_COLUMNS = ("source", "project", "project_start", "project_end", "money", "money_start", "money_end",
                      "amount_cny", "currency", "value", "flags", "score")


def entity_rows(report: Report) -> Iterable[dict]:
    for e in report.entities:
        d = e.to_dict()
        yield {"source": report.source or "", "label": e.label, "text": e.text, "start": e.start, "end": e.end,
               "value": "" if d.get("value") is None else d["value"], "currency": e.currency or "",
               "flags": ";".join(e.flags)}


def investment_rows(report: Report) -> Iterable[dict]:
    for inv in report.investments:
        m = inv.money
        yield {"source": report.source or "", "project": inv.project.text, "project_start": inv.project.start,
               "project_end": inv.project.end, "money": m.text, "money_start": m.start, "money_end": m.end,
               "amount_cny": "" if inv.amount_cny is None else str(inv.amount_cny), "currency": m.currency or "",
               "value": "" if m.value is None else str(m.value), "flags": ";".join(m.flags),
               "score": f"{inv.score:.4f}"}


def to_csv(rows: Iterable[dict], columns: tuple[str, ...]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    w.writeheader()
    for row in rows:
        w.writerow(row)
    return buf.getvalue()
