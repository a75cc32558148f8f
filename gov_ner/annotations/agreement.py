"""Inter-annotator agreement: exact-match span F1 per label, and relation F1.

F1 between two annotators is symmetric: one is taken as reference, the other as
prediction; precision and recall swap when the roles swap, F1 does not.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .schema import ENTITY_LABELS, Record


def _spans(rec: Record) -> set[tuple[int, int, str]]:
    return {(s.start, s.end, s.label) for s in rec.spans}


def _rels(rec: Record) -> set[tuple]:
    out = set()
    for r in rec.relations:
        h, c = rec.spans[r.head], rec.spans[r.child]
        out.add(((h.start, h.end, h.label), (c.start, c.end, c.label), r.label))
    return out


def _f1(tp: int, n_a: int, n_b: int) -> float:
    return 2 * tp / (n_a + n_b) if n_a + n_b else 1.0


def agreement(a: Iterable[Record], b: Iterable[Record]) -> dict:
    """Agreement over the records (matched by id) that both annotators labelled."""
    a_by_id = {r.id: r for r in a}
    b_by_id = {r.id: r for r in b}
    shared = sorted(a_by_id.keys() & b_by_id.keys())
    tp, n_a, n_b = Counter(), Counter(), Counter()
    rel_tp = rel_a = rel_b = 0
    for rid in shared:
        sa, sb = _spans(a_by_id[rid]), _spans(b_by_id[rid])
        n_a.update(s[2] for s in sa)
        n_b.update(s[2] for s in sb)
        tp.update(s[2] for s in sa & sb)
        ra, rb = _rels(a_by_id[rid]), _rels(b_by_id[rid])
        rel_tp += len(ra & rb)
        rel_a += len(ra)
        rel_b += len(rb)
    per_label = {lab: {"a": n_a[lab], "b": n_b[lab], "both": tp[lab], "f1": _f1(tp[lab], n_a[lab], n_b[lab])}
                 for lab in ENTITY_LABELS}
    total_tp, total_a, total_b = sum(tp.values()), sum(n_a.values()), sum(n_b.values())
    return {
        "records": len(shared),
        "chars": sum(len(a_by_id[r].text) for r in shared),
        "per_label": per_label,
        "micro_f1": _f1(total_tp, total_a, total_b),
        "relations": {"a": rel_a, "b": rel_b, "both": rel_tp, "f1": _f1(rel_tp, rel_a, rel_b)},
    }


def disagreements(a: Iterable[Record], b: Iterable[Record]) -> list[dict]:
    """Per shared record, the spans and relations only one annotator has."""
    a_by_id = {r.id: r for r in a}
    b_by_id = {r.id: r for r in b}
    out = []
    for rid in sorted(a_by_id.keys() & b_by_id.keys()):
        ra, rb = a_by_id[rid], b_by_id[rid]
        sa, sb = _spans(ra), _spans(rb)
        only_a = sorted(sa - sb)
        only_b = sorted(sb - sa)
        rels_a, rels_b = _rels(ra), _rels(rb)
        if only_a or only_b or rels_a != rels_b:
            def show(spans):
                return [{"start": s, "end": e, "label": lab, "text": ra.text[s:e]} for s, e, lab in spans]

            def show_rel(rels):
                return [f"{ra.text[h[0]:h[1]]} -> {ra.text[c[0]:c[1]]}" for h, c, _ in sorted(rels)]

            out.append({"id": rid, "only_a": show(only_a), "only_b": show(only_b),
                        "relations_only_a": show_rel(rels_a - rels_b), "relations_only_b": show_rel(rels_b - rels_a)})
    return out


def format_agreement(result: dict, name_a: str = "a", name_b: str = "b") -> str:
    lines = [f"| label | {name_a} | {name_b} | both | F1 |", "|---|---:|---:|---:|---:|"]
    for lab, row in result["per_label"].items():
        lines.append(f"| {lab} | {row['a']} | {row['b']} | {row['both']} | {row['f1']:.3f} |")
    tot_a = sum(r["a"] for r in result["per_label"].values())
    tot_b = sum(r["b"] for r in result["per_label"].values())
    both = sum(r["both"] for r in result["per_label"].values())
    lines.append(f"| all spans (micro) | {tot_a} | {tot_b} | {both} | {result['micro_f1']:.3f} |")
    r = result["relations"]
    lines.append(f"| INVESTMENT relations | {r['a']} | {r['b']} | {r['both']} | {r['f1']:.3f} |")
    return "\n".join(lines)
