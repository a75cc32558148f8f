"""Coverage of the authored corpus over the brief's dimensions, and its proportions against the reports.

`gov-ner stats annotations/authored --coverage` prints these tables. Dimensions written in the
plan (region, level, kind, year, noise, focus) are read from each record's meta; entity shapes
are recognised from the spans themselves, so a table cannot claim a shape that was only planned.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from ..pipeline.relation_features import DISTRACTOR_ANY as DISTRACTOR
from .brief import FOCUS, KINDS, LEVELS, NOISE, PROVINCES
from .schema import ENTITY_LABELS, Record

ZONE = re.compile(r"(开发区|高新区|经开区|高新技术产业开发区|产业园区?|工业园区?|科技园|新区|自贸港|自贸区|自由贸易试验区|示范区|"
                  r"合作区|物流园|园区|片区|新城)$")
ADMIN = re.compile(r"[省市州盟县区旗镇乡街道村]")
BODY_SHORT = re.compile(r"^[省市州县区镇乡旗]?(?:委|政府|人大|人大常委会|政协|党委|党工委|管委会|纪委|监委)$")
CONGRESS = re.compile(r"人民代表大会|人大常委会|政协")
COMPANY = re.compile(r"(公司|集团|银行|股份)$")
INSTITUTION = re.compile(r"(医院|学校|中学|小学|大学|学院|幼儿园|研究院|卫生院|中心)$")
PHASE = re.compile(r"[一二三四五首]期")
LENGTH_BINS = ((0, 100), (100, 200), (200, 400), (400, 700), (700, 1100), (1100, 1500), (1500, 10**9))


def _name_spans(rec: Record, label: str):
    return [rec.text[s.start:s.end] for s in rec.spans if s.label == label]


def shape_counts(records: Iterable[Record]) -> Counter:
    """How often each entity shape of the brief occurs (recognised from the spans)."""
    c: Counter = Counter()
    for r in records:
        linked = {rel.child for rel in r.relations}
        for i, s in enumerate(r.spans):
            t = r.text[s.start:s.end]
            before = r.text[max(0, s.start - 10):s.start]
            if s.label == "LOC":
                c["place chain (LOC with 2+ admin levels)"] += len(ADMIN.findall(t)) >= 2 and len(t) >= 5
                c["zone or park as LOC"] += bool(ZONE.search(t))
            elif s.label == "PROJECT":
                c["zone or park as PROJECT"] += bool(ZONE.search(t))
                c["phase in a project name"] += bool(PHASE.search(t))
                c["company-prefixed project"] += "公司" in t
                c["quoted brand project"] += r.text[s.start - 1:s.start] in "“\"「" and s.start > 0
                c["institution as PROJECT"] += bool(INSTITUTION.search(t))
            elif s.label == "ORG":
                c["body short form (市委, 区政府, 管委会)"] += bool(BODY_SHORT.match(t))
                c["congress / standing committee / CPPCC"] += bool(CONGRESS.search(t))
                c["company as ORG"] += bool(COMPANY.search(t))
                c["institution as ORG"] += bool(INSTITUTION.search(t))
            elif s.label == "MONEY" and i not in linked:
                c["MONEY not linked (distractor cue before it)"] += bool(DISTRACTOR.search(before))
                c["MONEY not linked"] += 1
        c["list paragraph (3+ links)"] += len(r.relations) >= 3
        c["paragraph with no entity"] += not r.spans
    return c


def proportions(records: list[Record]) -> dict[str, float]:
    """The numbers the brief matches to the real reports."""
    chars = sum(len(r.text) for r in records) or 1
    labels = Counter(s.label for r in records for s in r.spans)
    shapes = shape_counts(records)
    out = {f"{lab} per 1,000 chars": 1000 * labels[lab] / chars for lab in ENTITY_LABELS}
    out["INVESTMENT per 1,000 chars"] = 1000 * sum(len(r.relations) for r in records) / chars
    out["paragraphs with an INVESTMENT link (%)"] = 100 * sum(bool(r.relations) for r in records) / max(1, len(records))
    zl, zp = shapes["zone or park as LOC"], shapes["zone or park as PROJECT"]
    out["zone/park as LOC : as PROJECT"] = zl / zp if zp else float("inf")
    out["short-form bodies among ORG (%)"] = 100 * shapes["body short form (市委, 区政府, 管委会)"] / max(1, labels["ORG"])
    out["mean paragraph length"] = chars / max(1, len(records))
    return out


def _dist(records: list[Record], key: Callable[[Record], str], values: Iterable[str] | None = None) -> list[tuple]:
    c = Counter(key(r) for r in records)
    keys = list(values) if values is not None else sorted(c)
    return [(k, c[k], 100 * c[k] / max(1, len(records))) for k in keys] + \
           [(k, c[k], 100 * c[k] / max(1, len(records))) for k in sorted(c) if values is not None and k not in keys]


def _length_bin(r: Record) -> str:
    n = len(r.text)
    lo, hi = next(b for b in LENGTH_BINS if b[0] <= n < b[1])
    return f"{lo}-{hi if hi < 10**9 else ''}"


def coverage_tables(authored: list[Record], reports: list[Record]) -> str:
    """Markdown tables: each dimension's coverage, entity shapes, and proportions vs the reports."""
    out = []
    regions = Counter(r.meta.get("region") for r in authored)
    out.append(f"### Regions: {sum(1 for p in PROVINCES if regions[p])} of {len(PROVINCES)} provincial-level regions\n")
    out.append("| region | paragraphs |\n|---|---:|")
    out += [f"| {p} | {regions[p]} |" for p in PROVINCES]
    years = sorted(int(r.meta["year"]) for r in authored if str(r.meta.get("year", "")).isdigit())
    if years:
        out.append(f"\nYears {years[0]}–{years[-1]}, {len(set(years))} distinct.")
    for title, key, values in (
        ("Administrative level of the reporting body", lambda r: r.meta.get("level", "?"), LEVELS),
        ("Document kind", lambda r: r.meta.get("kind", "?"), KINDS),
        ("Noise", lambda r: r.meta.get("noise", "?"), NOISE),
        ("Focus", lambda r: r.meta.get("focus", "?"), FOCUS),
        ("Length (characters)", _length_bin, None),
    ):
        out.append(f"\n### {title}\n\n| value | paragraphs | % |\n|---|---:|---:|")
        out += [f"| {k} | {n} | {pct:.1f} |" for k, n, pct in _dist(authored, key, values)]
    shapes_a, shapes_r = shape_counts(authored), shape_counts(reports)
    out.append("\n### Entity shapes (recognised from the spans)\n\n| shape | authored | reports |\n|---|---:|---:|")
    out += [f"| {k} | {shapes_a[k]} | {shapes_r[k]} |" for k in sorted(set(shapes_a) | set(shapes_r))]
    pa, pr = proportions(authored), proportions(reports)
    out.append("\n### Proportions against the five reports\n\n| measure | authored | reports | ratio |\n|---|---:|---:|---:|")
    for k in pa:
        ratio = pa[k] / pr[k] if pr[k] not in (0, float("inf")) else float("nan")
        out.append(f"| {k} | {pa[k]:.2f} | {pr[k]:.2f} | {ratio:.2f} |")
    return "\n".join(out)
