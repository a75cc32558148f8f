"""The authored corpus's brief as code: the diversity matrix, each writer's plan, and the checks.

`annotations/authored/BRIEF.md` tells writers what to write; this module decides how much of
each kind (proportions are quotas drawn without replacement, so a writer's slice has them
exactly) and checks a written paragraph against its plan line. Writers drift to one length
and to investment sentences unless a plan and a checker stop them (pilot, issue 12).
"""
from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass

from .schema import Record

PROVINCES = (
    "北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省", "上海市", "江苏省",
    "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区",
    "海南省", "重庆市", "四川省", "贵州省", "云南省", "西藏自治区", "陕西省", "甘肃省", "青海省",
    "宁夏回族自治区", "新疆维吾尔自治区",
)

# dimension -> {value: weight}; weights are shares of a writer's paragraphs
KINDS = {"政府工作报告": 30, "工作总结": 20, "半年报告": 8, "季度报告": 7, "重点项目公报": 15, "五年规划": 10,
         "新闻通稿": 10}
LEVELS = {"province": 10, "city": 25, "county": 35, "township": 12, "zone": 13, "village": 5}
NOISE = {"none": 66, "traditional": 8, "pinyin": 4, "fullwidth": 5, "redacted": 6, "linebreaks": 6, "debris": 5}
LENGTHS = {(100, 200): 25, (200, 400): 35, (400, 700): 25, (700, 1100): 12, (1100, 1500): 3}
FOCUS = {"prose": 20, "bodies": 15, "places": 20, "investment": 20, "list": 10, "economy": 15}
# Writers w01-w07 wrote to FOCUS and came out 1.3x denser in names than the reports, with zones
# as places 4.7 times as often as zones being built (reports: 0.9): writers from w08 on get
# more plain prose and fewer place-focused paragraphs, and a density cap (RULES).
FOCUS_V2 = {"prose": 30, "bodies": 15, "places": 12, "investment": 20, "list": 8, "economy": 15}
FIRST_V2_WRITER = 8
YEARS = range(2010, 2027)

# entity shapes a paragraph of each focus should show; one is drawn per paragraph, in rotation
SHAPES = {
    "prose": ["党建与作风", "民生：教育医疗就业", "生态环境治理", "营商环境与改革", "乡村振兴", "安全生产与应急",
              "基层治理与社区服务", "文化旅游与城市更新"],
    "bodies": ["简称：市委、市政府、区委、区政府、县委", "人大常委会与政协，人民代表大会届次", "管委会与党工委",
               "职能部门（发改委、住建局、商务局等）", "医院、学校作为机构（ORG，不是在建）", "企业作为主体签约、投资（ORG）",
               "银行、高校、研究院", "上级机关：国务院、省委、省政府"],
    "places": ["省+市+区（县）连写的地名链", "园区作为企业落户地（落户XX经开区/高新区/产业园）",
               "开发区简称回指（高新区、经开区）", "乡镇、街道、村、社区名", "河流、山脉、道路作为地点",
               "国家战略区域（京津冀、长三角、粤港澳大湾区、成渝地区双城经济圈、海南自由贸易港）",
               "片区与商圈作为活动发生地", "跨省合作与对口支援的地名"],
    "investment": ["金额在项目前（总投资X亿元的Y）", "金额在项目后（Y项目总投资X亿元）", "同一项目的计划投资与完成投资",
                   "分期：一期、二期及各自金额", "后文回指（该项目、项目总投资）", "企业名直接加项目名",
                   "引号中的品牌项目名", "在建医院、学校（PROJECT）", "在建园区、新城（PROJECT）", "外币金额（美元、欧元）"],
    "list": ["编号清单：每项一个项目和总投资", "“等项目”共享后缀的清单", "清单中混合计划投资与完成投资",
             "分行的重点项目表述"],
    "economy": ["产值、营业收入与税收（不构成投资关系）", "多个项目合计投资（不构成投资关系）", "招商引资到位资金（不构成投资关系）",
                "补贴、贷款、专项债（不构成投资关系）", "财政收入与增长率", "固定资产投资增速与一个具体项目的投资"],
}

# Writers from w17 on are relation-pattern test writers (issue 14): the authored test split held
# fewer than 30 cases of these patterns, so their plans hold only investment and economy
# paragraphs, in these shapes (the pattern table of training/RESULTS.md counts them).
FIRST_RELATION_WRITER = 17
FOCUS_RELATIONS = {"investment": 50, "economy": 50}
RELATION_SHAPES = {
    "investment": ["金额在项目前（总投资X亿元的Y、投资X亿元建设的Y）", "分期：一期、二期及各自金额（首期X亿元）"],
    "economy": ["税收与税费（不构成投资关系），另有一个真实项目投资", "多个项目合计投资（A、B等N个项目总投资，不构成投资关系）",
                "招商引资到位资金、签约金额（不构成投资关系）", "补贴、奖励与扶持资金（不构成投资关系），另有一个真实项目投资",
                "贷款、授信与专项债（不构成投资关系），另有一个真实项目投资"],
}

# Writers from w20 on write to the real-report errors (training/ERRORS_SM.md, the CNN recipe's
# leave-one-report-out folds): 281 gold PROJECTs, 90 missed and 96 read as LOC or ORG, mostly
# roads, bridges, stations, schools and renewal areas being built, and place-prefixed project
# names cut at the place; ORG misses are short company names, media, mass organisations and
# numbered schools. The authored corpus had roads as LOC twice as often as PROJECT; the reports
# have them as PROJECT three times as often. Each shape asks for the contrast in the same
# paragraph (the road as a project and a road as a place) so that places do not become PROJECT,
# the failure of the 300-paragraph pilot.
FIRST_SHAPE_WRITER = 20
FOCUS_SHAPES = {"infrastructure": 30, "firms": 25, "renewal": 15, "prose": 15, "places": 15}
ERROR_SHAPES = {
    "infrastructure": ["道路新建改造：X路、X大道、X公路作为在建项目（PROJECT），同段另有道路作为地点（LOC）",
                       "桥梁、隧道与立交：X河大桥、X跨线桥、X隧道（PROJECT，地名前缀在名内），河流作为地点（LOC）",
                       "轨道交通与站点：X城际铁路、地铁X号线、X枢纽站及站前区（PROJECT），所在地（LOC）",
                       "水利与管网：X水库、X水厂、X污水处理厂、供热管网工程（PROJECT），河流乡镇作为地点（LOC）",
                       "新建学校医院：X新城第一中学、X区人民医院新院区（PROJECT），已运营的同类机构（ORG）",
                       "带地名或企业前缀的长项目名：X港区X码头二期工程、X集团X生产基地（整名为PROJECT）"],
    "firms": ["企业简称作为主体：X药业、X资本、X科技签约、投产、纳税（ORG）",
              "“等项目”清单中只给企业名（PROJECT），同段另有企业作为签约方或投资方（ORG）",
              "媒体、群团与临时机构：区电视台、融媒体中心、工会、妇联、团区委、防控指挥部（ORG）",
              "学校医院简称作为机构：四中、区二幼、区中医院、市一院（ORG）",
              "商会、协会、联盟、研究院、分公司作为主体（ORG）"],
    "renewal": ["片区、街区、地块的更新与开发（X片区改造、X地块保障房：PROJECT），同名片区作为地点（LOC）",
                "品牌化短项目名：X汇、X里、X小镇、X城、X天地（PROJECT），有的带引号",
                "景区、公园、湿地建设（X湿地公园二期：PROJECT）与作为游览地点（LOC）"],
    "prose": SHAPES["prose"],
    "places": SHAPES["places"],
}

# focus -> what a paragraph of that focus must hold; max_density: ORG+LOC+PROJECT per 1,000 chars (default 40)
RULES = {
    "prose": dict(max_relations=0, max_names=4),
    "bodies": dict(min_org=2, max_relations=1, max_density=30),
    "places": dict(min_loc=2, max_relations=1, max_density=30),
    "investment": dict(min_relations=1),
    "list": dict(min_relations=2),
    "economy": dict(min_amounts=2, max_relations=1),
    "infrastructure": dict(min_project=1, min_loc=1),
    "firms": dict(min_org=2),
    "renewal": dict(min_project=1, min_loc=1),
}


@dataclass(frozen=True)
class PlanLine:
    id: str
    kind: str
    region: str
    level: str
    year: int
    noise: str
    length: int
    focus: str
    shape: str

    def header(self) -> str:
        return (f"@@ id={self.id} kind={self.kind} region={self.region} level={self.level} year={self.year} "
                f"noise={self.noise} length={self.length} focus={self.focus} shape={self.shape}")


def _quota(weights: dict, n: int, rng: random.Random) -> list:
    """n values with the weights' proportions (largest remainders), shuffled."""
    total = sum(weights.values())
    exact = {k: n * w / total for k, w in weights.items()}
    counts = {k: int(v) for k, v in exact.items()}
    for k in sorted(exact, key=lambda k: exact[k] - counts[k], reverse=True)[: n - sum(counts.values())]:
        counts[k] += 1
    values = [k for k, c in counts.items() for _ in range(c)]
    rng.shuffle(values)
    return values


def writer_regions(writer: int, n_writers: int = 16) -> list[str]:
    """Two provinces per writer, so 16 writers cover all 31."""
    return [PROVINCES[(2 * (writer - 1) + i) % len(PROVINCES)] for i in range(2)]


def plan(writer: int, n: int, seed: int = 0, start: int = 1) -> list[PlanLine]:
    rng = random.Random(f"{seed}-{writer}")
    regions = writer_regions(writer)
    if writer >= FIRST_SHAPE_WRITER:
        focus_weights, shape_table = FOCUS_SHAPES, ERROR_SHAPES
    elif writer >= FIRST_RELATION_WRITER:
        focus_weights, shape_table = FOCUS_RELATIONS, RELATION_SHAPES
    else:
        focus_weights, shape_table = (FOCUS_V2 if writer >= FIRST_V2_WRITER else FOCUS), SHAPES
    cols = {name: _quota(w, n, rng) for name, w in
            (("kind", KINDS), ("level", LEVELS), ("noise", NOISE), ("length", LENGTHS), ("focus", focus_weights))}
    shape_turn = Counter()
    lines = []
    for i in range(n):
        focus = cols["focus"][i]
        shapes = shape_table[focus]
        shape = shapes[(writer + shape_turn[focus]) % len(shapes)]
        shape_turn[focus] += 1
        lo, hi = cols["length"][i]
        lines.append(PlanLine(
            id=f"w{writer:02d}-{start + i:04d}", kind=cols["kind"][i], region=regions[i % 2], level=cols["level"][i],
            year=rng.choice(YEARS), noise=cols["noise"][i], length=rng.randrange(lo, hi, 10), focus=focus,
            shape=shape.replace(" ", ""),
        ))
    return lines


# --- checks of a written paragraph against its plan line -------------------------------------

_TRAD = None
_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
_AMOUNT = re.compile(r"[0-9０-９.．XＸ*]+(?:\.[0-9]+)?(?:余|多)?(?:万亿|亿|千万|百万|万|千)?(?:元|美元|欧元|港元)")
_PERCENT = re.compile(r"[0-9０-９.X]+(?:\.[0-9]+)?[%％]")
NAME_LABELS = ("ORG", "LOC", "PROJECT")


def _is_traditional(text: str) -> bool:
    global _TRAD
    if _TRAD is None:
        import opencc

        _TRAD = opencc.OpenCC("t2s")
    return _TRAD.convert(text) != text


def _uncovered(rec: Record, pattern: re.Pattern, label: str) -> list[str]:
    covered = [(s.start, s.end) for s in rec.spans if s.label == label]
    return [m.group() for m in pattern.finditer(rec.text)
            if not any(s <= m.start() and m.end() <= e for s, e in covered)]


def check_paragraph(rec: Record) -> list[str]:
    """What in a written paragraph does not follow its plan line (empty: it does)."""
    meta = rec.meta
    problems = []
    n = len(rec.text)
    target = int(meta.get("length", 0) or 0)
    if target and not (0.6 * target <= n <= 1.5 * target and 80 <= n <= 1600):
        problems.append(f"length {n} is far from the plan's {target}")
    labels = Counter(s.label for s in rec.spans)
    rules = RULES.get(meta.get("focus", ""), {})
    names = sum(labels[k] for k in NAME_LABELS)
    checks = [
        (len(rec.relations) < rules.get("min_relations", 0), f"needs >= {rules.get('min_relations')} INVESTMENT links"),
        (len(rec.relations) > rules.get("max_relations", 99), f"allows <= {rules.get('max_relations')} INVESTMENT links"),
        (names > rules.get("max_names", 999), f"plain prose allows <= {rules.get('max_names')} names, has {names}"),
        (1000 * names / max(n, 1) > rules.get("max_density", 40),
         f"{1000 * names / max(n, 1):.0f} names per 1,000 chars; keep <= {rules.get('max_density', 40)} "
         f"(the reports: 15): write the prose between the names"),
        (labels["ORG"] < rules.get("min_org", 0), f"needs >= {rules.get('min_org')} ORG"),
        (labels["LOC"] < rules.get("min_loc", 0), f"needs >= {rules.get('min_loc')} LOC"),
        (labels["PROJECT"] < rules.get("min_project", 0), f"needs >= {rules.get('min_project')} PROJECT"),
        (labels["MONEY"] + labels["PERCENT"] < rules.get("min_amounts", 0), "needs >= 2 MONEY/PERCENT"),
    ]
    problems += [f"focus={meta.get('focus')}: {msg}" for bad, msg in checks if bad]
    noise = meta.get("noise", "none")
    if noise in ("traditional", "pinyin") and not _is_traditional(rec.text):
        problems.append("noise=traditional: the text is not in traditional characters")
    if noise == "pinyin" and len(_PINYIN.findall(rec.text)) < 3:
        problems.append("noise=pinyin: fewer than 3 pinyin glosses like 區(qū)")
    if noise == "fullwidth" and not re.search("[０-９]", rec.text):
        problems.append("noise=fullwidth: no full-width digits")
    if noise == "redacted" and not re.search(r"XX|\*\*|[^0-9]\.[万亿%]", rec.text):
        problems.append("noise=redacted: no redacted figure (XX, **, .万元)")
    if noise == "linebreaks" and "\n" not in rec.text:
        problems.append("noise=linebreaks: no line break inside the text")
    for amount in _uncovered(rec, _AMOUNT, "MONEY"):
        problems.append(f"amount {amount!r} is not marked MONEY")
    for pct in _uncovered(rec, _PERCENT, "PERCENT"):
        problems.append(f"percentage {pct!r} is not marked PERCENT")
    return problems
