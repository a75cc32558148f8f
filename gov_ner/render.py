"""A self-contained HTML page: displaCy entity view per report plus the investments table."""
from __future__ import annotations

import html
from collections.abc import Iterable

from spacy import displacy

from .report import Report

COLORS = {"ORG": "#7aecec", "LOC": "#ff9561", "PROJECT": "#c887fb", "MONEY": "#e4e7d2", "PERCENT": "#feca74"}
STYLE = """body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em;max-width:70em}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}h2{margin-top:2em}"""


def render_report(report: Report) -> str:
    ents = [{"start": e.start, "end": e.end, "label": e.label} for e in report.entities]
    view = displacy.render({"text": report.text, "ents": ents, "title": None}, style="ent", manual=True,
                           page=False, options={"colors": COLORS})
    rows = "".join(
        f"<tr><td>{html.escape(i.project.text)}</td><td>{html.escape(i.money.text)}</td>"
        f"<td class=num>{'' if i.amount_cny is None else f'{i.amount_cny:,.0f}'}</td>"
        f"<td>{html.escape(i.money.currency or '')}</td><td class=num>{i.score:.2f}</td></tr>"
        for i in report.investments)
    table = ("<table><tr><th>project</th><th>amount</th><th>yuan</th><th>currency</th><th>score</th></tr>"
             f"{rows}</table>") if rows else "<p>No investments found.</p>"
    title = html.escape(report.source or "report")
    return f"<section><h2>{title}</h2><h3>Investments</h3>{table}<h3>Entities</h3>{view}</section>"


def render_html(reports: Iterable[Report]) -> str:
    body = "".join(render_report(r) for r in reports)
    return (f"<!DOCTYPE html><html lang=zh><head><meta charset=utf-8><title>gov_ner</title>"
            f"<style>{STYLE}</style></head><body>{body}</body></html>")
