"""Candidate PROJECT x MONEY pairs and what the text between them says.

Shared by the learned relation step and the cue-word rule baseline, so both see the same
candidates and the same cues.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import List, Tuple

from spacy.tokens import Doc, Span
from spacy.util import registry

CUES = ("总投资", "计划投资", "完成投资", "年度投资", "年投资", "一期投资", "二期投资", "累计投资", "协议投资",
        "签约额", "签约金额", "耗资", "投资额", "投入", "投资")
DISTRACTORS = ("产值", "营业收入", "收入", "税收", "税", "补贴", "奖补", "补助", "贷款", "融资", "带动", "撬动",
               "销售", "营收", "资金", "专项债", "债券", "利润", "出口", "进出口", "消费", "增加值", "GDP", "生产总值",
               "注册资本", "资产", "规模", "授信", "捐赠", "援助")
# The kinds of amount that are not an investment in a project, by the cue before them: what the
# authored brief asks writers for, what COVERAGE.md counts and what the pattern table of training/RESULTS.md scores.
# (DISTRACTORS above is the cue-word rule's own list; the learned step takes it as a feature,
# so it changes only with a retrained step.)
DISTRACTOR_KINDS = (
    ("output value / revenue", re.compile(r"产值|收入|营收|销售|利润|GDP|生产总值|交易额")),
    ("tax", re.compile(r"税")),
    ("funds attracted", re.compile(r"到位|引资|招商|引进|利用外资")),
    ("subsidy / award", re.compile(r"补助|补贴|奖励|资助|扶持")),
    ("loan / bond / credit", re.compile(r"贷款|债|授信|融资|基金")),
    ("total over several projects", re.compile(r"合计|共计|累计|总计|[0-9一二三四五六七八九十]+个|等")),
)
DISTRACTOR_ANY = re.compile("|".join(p.pattern for _, p in DISTRACTOR_KINDS))
SENT_END = re.compile(r"[。！？；!?;\n]")
CLAUSE_END = re.compile(r"[，,、。！？；!?;:：\n]")
Pair = Tuple[Span, Span]  # (project, money)


def candidate_pairs(doc: Doc, max_chars: int = 200) -> List[Pair]:
    """Every (PROJECT, MONEY) pair in `doc` whose gap is at most max_chars characters."""
    projects = [e for e in doc.ents if e.label_ == "PROJECT"]
    monies = [e for e in doc.ents if e.label_ == "MONEY"]
    out = []
    for p in projects:
        for m in monies:
            gap = m.start_char - p.end_char if m.start_char >= p.end_char else p.start_char - m.end_char
            if gap <= max_chars:
                out.append((p, m))
    return out


@registry.misc("gov_ner.investment_candidates.v1")
def make_candidates(max_chars: int = 200) -> Callable[[Doc], List[Pair]]:
    """Candidate generator: PROJECT x MONEY pairs no more than max_chars characters apart."""

    def get(doc: Doc) -> List[Pair]:
        return candidate_pairs(doc, max_chars)

    return get


def _cue_before(text: str, end: int, words, window: int) -> bool:
    ctx = text[max(0, end - window):end]
    ctx = CLAUSE_END.split(ctx)[-1]
    return any(w in ctx for w in words)


FEATURE_NAMES = (
    "money_after_project", "gap_le_2", "gap_le_8", "gap_le_25", "gap_le_60", "gap_gt_60", "log_gap",
    "cue_before_money", "total_cue_before_money", "distractor_before_money", "cue_between", "distractor_between",
    "money_de_project", "sentence_break", "clause_breaks", "other_money_between", "other_project_between",
    "group_marker_between", "refers_back", "nearest_money", "nearest_project", "same_clause",
    "project_ends_with_xiangmu", "bias",
)


def pair_features(doc: Doc, project: Span, money: Span) -> List[float]:
    """Numbers describing the text around and between one candidate pair."""
    text = doc.text
    after = money.start_char >= project.end_char
    lo, hi = (project.end_char, money.start_char) if after else (money.end_char, project.start_char)
    between = text[lo:hi]
    gap = len(between)
    ents = list(doc.ents)
    others_m = [e for e in ents if e.label_ == "MONEY" and e != money and lo <= e.start_char < hi]
    others_p = [e for e in ents if e.label_ == "PROJECT" and e != project and lo <= e.start_char < hi]
    monies = [e for e in ents if e.label_ == "MONEY" and ((e.start_char >= project.end_char) == after)]
    projects = [e for e in ents if e.label_ == "PROJECT" and ((e.end_char <= money.start_char) == after)]
    dist = lambda a, b: abs(a.start_char - b.start_char)  # noqa: E731
    nearest_m = min(monies, key=lambda e: dist(e, project), default=None)
    nearest_p = min(projects, key=lambda e: dist(e, money), default=None)
    clause_breaks = len(CLAUSE_END.findall(between))
    return [
        float(after), float(gap <= 2), float(gap <= 8), float(gap <= 25), float(gap <= 60), float(gap > 60),
        math.log1p(gap) / 5.0,
        float(_cue_before(text, money.start_char, CUES, 8)),
        float(_cue_before(text, money.start_char, ("总投资", "计划投资", "完成投资", "协议投资"), 8)),
        float(_cue_before(text, money.start_char, DISTRACTORS, 8)),
        float(any(c in between for c in CUES)),
        float(any(c in between for c in DISTRACTORS)),
        float(not after and between in ("的", "")),
        float(bool(SENT_END.search(between))),
        min(clause_breaks, 4) / 4.0,
        min(len(others_m), 3) / 3.0,
        min(len(others_p), 3) / 3.0,
        float(bool(re.search(r"等|[0-9一二三四五六七八九十]+个", between))),
        float(any(w in between for w in ("该项目", "项目总投资", "其中", "一期", "二期"))),
        float(nearest_m == money),
        float(nearest_p == project),
        float(clause_breaks == 0),
        float(project.text.endswith(("项目", "工程"))),
        1.0,
    ]


# --- features for a relation step without token vectors (gov_ner.PairFeatures.v1) ------------
# The cue-word rule's decision is itself a feature, so a learned step built on these rescores
# the rule rather than competing with it: it can keep the rule's links, drop the ones the
# context argues against (distractor amounts), and add the ones the rule misses.
HASH_BUCKETS = 64
RULE_FEATURE_NAMES = ("rule_links_pair", "rule_links_money_elsewhere", "rule_links_project_elsewhere")


def rule_features(pair: Pair, rule_rel: dict) -> List[float]:
    project, money = pair
    linked = any(m == money.start for (_, m) in rule_rel)
    mine = (project.start, money.start) in rule_rel
    project_elsewhere = any(p == project.start and m != money.start for (p, m) in rule_rel)
    return [float(mine), float(linked and not mine), float(project_elsewhere)]


def _hashed(text: str, offset: int, out: List[float]) -> None:
    """Character unigrams and bigrams of text into HASH_BUCKETS slots from offset (crc32, so
    the slots are the same in every process)."""
    import zlib

    grams = list(text) + [text[i:i + 2] for i in range(len(text) - 1)]
    for g in grams:
        out[offset + zlib.crc32(g.encode("utf-8")) % HASH_BUCKETS] = 1.0


def context_features(doc: Doc, pair: Pair) -> List[float]:
    """Hashed characters of the clause before the money, and of the text between the two
    (only when it is short: a long gap says nothing in particular)."""
    project, money = pair
    text = doc.text
    out = [0.0] * (2 * HASH_BUCKETS)
    clause = CLAUSE_END.split(text[max(0, money.start_char - 10):money.start_char])[-1]
    _hashed(clause, 0, out)
    lo, hi = sorted((project.end_char, money.start_char)) if money.start_char >= project.end_char else \
        (money.end_char, project.start_char)
    if hi - lo <= 30:
        _hashed(text[lo:hi], HASH_BUCKETS, out)
    return out


N_PAIR_FEATURES = len(FEATURE_NAMES) + len(RULE_FEATURE_NAMES) + 2 * HASH_BUCKETS
