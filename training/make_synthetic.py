#!/usr/bin/env python3
"""Synthetic report-style paragraphs with entities and INVESTMENT relations.

The real government work reports hold very few INVESTMENT relations, so the relation
step is trained mostly on these paragraphs. Every sentence is built here from hand-written
templates and hand-written vocabularies (invented projects and companies, generic place
names, cue words, amounts); nothing is copied from the corpus.

Text and spans are built together: each piece of text is appended in order and an
entity's offsets are recorded as it is appended, so offsets are right by construction.
Labels follow shared/ANNOTATION_GUIDELINES.md (boundaries, decided cases).

    python training/make_synthetic.py --n 1500 --seed 13 \
        --output annotations/synthetic/investment.synthetic.jsonl

A second family (`--family ner`) holds report-style sentences rich in ORG and LOC, with
ORG / LOC / PROJECT contrasts (an institution that acts is ORG, one being built PROJECT; a
zone where firms settle is LOC), built from invented names; it is aimed at the entity
model and holds relations only where a named project is invested in:

    python training/make_synthetic.py --family ner --n 1200 --seed 17 \
        --output annotations/synthetic/ner.synthetic.jsonl

Standard library only. A small share of records is written in traditional characters
with the character table below (one character for one, so offsets do not move); when the
`opencc` package is importable the script checks that OpenCC's s2t conversion gives the
same text and stops otherwise, so the output never depends on what is installed.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

GENERATOR = "training/make_synthetic.py"
LABELS = ("ORG", "LOC", "PROJECT", "MONEY", "PERCENT")
RELATION = "INVESTMENT"

# Share of records written in traditional characters / with half-width punctuation.
TRADITIONAL_SHARE = 0.05
HALFWIDTH_PUNCT_SHARE = 0.2
# Chance that the digits of one amount or percentage are written full-width.
FULLWIDTH_DIGITS_SHARE = 0.04
MAX_SENTENCES = 4

# Redaction marks a span may start with (contract: redacted amounts '.万元', names '**开发区')
# and signs a PERCENT span may end with; all other edge punctuation is a bug.
REDACTION_START = {"MONEY": ".．", "PERCENT": ".．", "LOC": "*＊", "ORG": "*＊", "PROJECT": "*＊"}
PERCENT_END = "%％"


# --------------------------------------------------------------------------------------
# Building text and spans together
# --------------------------------------------------------------------------------------
class Para:
    """A paragraph under construction: text pieces, spans and relations in step."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.pos = 0
        self.spans: list[tuple[int, int, str]] = []
        self.rels: list[tuple[int, int]] = []

    def t(self, *texts: str) -> None:
        for text in texts:
            self.pieces.append(text)
            self.pos += len(text)

    def e(self, text: str, label: str) -> int:
        assert label in LABELS, label
        start = self.pos
        self.t(text)
        self.spans.append((start, self.pos, label))
        return len(self.spans) - 1

    def rel(self, head: int, child: int) -> None:
        assert self.spans[head][2] == "PROJECT" and self.spans[child][2] == "MONEY"
        self.rels.append((head, child))

    @property
    def text(self) -> str:
        return "".join(self.pieces)

    def sentences(self) -> int:
        return self.text.count("。")


def chance(r: random.Random, p: float) -> bool:
    return r.random() < p


def pick(r: random.Random, seq):
    return seq[r.randrange(len(seq))]


def weighted(r: random.Random, options):
    """options: sequence of (weight, value)."""
    total = sum(w for w, _ in options)
    x = r.random() * total
    for w, v in options:
        x -= w
        if x < 0:
            return v
    return options[-1][1]


# --------------------------------------------------------------------------------------
# Vocabularies (hand-written; places are generic, projects and companies invented)
# --------------------------------------------------------------------------------------
PROVINCES = ("河北", "山西", "江西", "湖南", "安徽", "河南", "甘肃", "四川", "贵州", "山东", "湖北", "陕西", "吉林", "云南")
CITIES = ("青阳市", "丰源市", "云岭市", "白河市", "临江市", "泰和市", "安平市", "宁川市", "金沙市", "嘉禾市", "东陵市", "望海市", "清平市", "石城市")
DISTRICTS = ("河西区", "龙湾区", "北塘区", "城东区", "平川区", "安宁区", "南湖区", "西山区", "新华区", "滨江区",
             "桃源县", "柳林县", "石门县", "永丰县", "长乐县", "清河县", "凤山县", "梅岭县")
TOWNS = ("石佛镇", "柳湾镇", "青山乡", "双桥镇", "白沙镇", "杨柳镇", "马坊镇", "龙口镇", "清泉镇", "红石镇", "黄土岭镇", "三里铺镇", "桃花乡", "东坝镇")
VILLAGES = ("王家庄村", "杏花村", "前进村", "东营子村", "李家沟村", "河湾村", "南屯村", "柏树村", "刘家坪村", "新民村")
REGIONS = ("京津冀", "长三角", "粤港澳大湾区", "成渝地区", "中部地区", "中西部地区", "黄河流域", "长江经济带", "珠三角", "环渤海地区")
STRATEGIC_AREAS = ("雄安新区", "横琴粤澳深度合作区", "粤港澳大湾区", "京津冀", "长三角")
RIVERS = ("清水河", "白马河", "青龙河", "凤凰河", "沙河", "月牙湖", "金溪")
# Place-like prefixes used inside project, zone, bank, school and hospital names.
PRE = ("青阳", "城南", "城北", "河西", "龙湾", "北塘", "滨江", "东湖", "南湖", "西山", "桃源", "柳林", "丰源", "云岭",
       "白河", "临江", "安平", "宁川", "金沙", "嘉禾", "望海", "清平", "石城", "凤山", "梅岭", "新城", "东城", "长乐")
ZONE_KINDS = ("经济开发区", "经济技术开发区", "高新技术产业开发区", "工业园区", "综合保税区", "临港经济区", "化工园区")
ZONE_SHORT = ("高新区", "经开区", "开发区")

BRANDS = ("鑫达", "瑞丰", "博泰", "天禾", "海润", "星河", "鼎新", "远航", "联创", "嘉诚", "鼎盛", "安达", "睿通", "德信",
          "祥云", "鸿基", "富康", "新锐", "华腾", "宏远", "金石", "中晟", "恒信", "永昌", "万象", "旭光", "晨阳", "盛和",
          "润泽", "泰昌", "凯德", "蓝海", "正元", "北辰")
REDACTED_BRANDS = ("xxx", "XX", "xx")
INDUSTRIES = ("新材料", "科技", "电子", "生物医药", "智能装备", "新能源", "食品", "物流", "化工", "环保科技", "农业发展",
              "精密机械", "光电", "汽车零部件", "纺织", "建材", "医疗器械", "数据科技")
COMPANY_SUFFIX = ("有限公司", "股份有限公司", "集团", "集团有限公司", "实业有限公司")
GOV_PAIRS = (("市委", "市政府"), ("区委", "区政府"), ("县委", "县政府"), ("省委", "省政府"), ("党中央", "国务院"))
FOREIGN_CURRENCIES = ("美元", "欧元", "港元", "美元", "欧元", "日元")

# Concept names a company stands for (kind C: written with 项目 after them, which is part of the
# name of a single project, as in the contract's 【凤凰小镇项目】 and the real gold's 【瑞典宜家物流项目】;
# a 项目 shared by a list (【A】、【B】项目, 等项目) stays outside).
BRAND_CONCEPTS = ("半导体封装测试", "新能源电池", "高端装备", "智慧农业", "生物医药", "精密铸造", "光伏组件", "氢能装备",
                  "碳纤维", "锂电材料", "智能家居", "医用耗材", "功能性食品", "数字孪生", "工业机器人", "新型建材",
                  "冷链食品", "电子元器件", "特种纸", "汽车轻量化")
# Descriptive names that need their head noun (kind A: 项目 / 工程 / 基地 inside the span).
CAPACITY_PRODUCTS = (("锂电池正极材料", "万吨"), ("高性能纤维", "万吨"), ("再生铝", "万吨"), ("光伏玻璃", "万吨"),
                     ("新能源汽车零部件", "万套"), ("智能家电", "万台"), ("特种钢材", "万吨"), ("生物有机肥", "万吨"),
                     ("预制菜", "万吨"), ("医用敷料", "亿片"), ("电子级硅材料", "万吨"), ("节能电机", "万台"),
                     ("高端轴承", "万套"), ("绿色建材", "万立方米"))
WORKS_A = ("大道快速化改造工程", "城市燃气管网改造工程", "引水工程", "水库除险加固工程", "老旧小区改造工程",
           "220千伏输变电工程", "雨污分流改造工程", "供热管网改造工程", "农村饮水安全工程", "高标准农田建设工程")
RIVER_WORKS_A = ("综合治理工程", "生态修复工程", "堤防加固工程")
BASES_A = ("现代农业示范基地", "职业教育实训基地", "中药材种植基地", "蔬菜保供基地")
# Complete facility names (kind B: never followed directly by 项目).
FACILITIES_B = ("第二水厂", "污水处理厂", "综合客运枢纽", "冷链物流中心", "安置房", "保障性租赁住房", "人民医院新院区",
                "第一中学新校区", "全民健身中心", "养老服务中心", "文化艺术中心", "会展中心", "垃圾焚烧发电厂",
                "体育中心", "图书馆新馆")
BIG_FACILITIES_B = ("高铁站综合交通枢纽", "抽水蓄能电站", "国际物流港", "大桥", "国际机场航站区")
PARKS_B = ("数字经济产业园", "科技城", "文旅小镇", "智能制造产业园", "电商物流园", "生物医药产业园", "新材料产业园",
           "康养小镇", "总部经济区", "创新创业园")
PHASES = ("一期", "二期", "三期")
# Generic facilities that are PROJECT when specific in context and with their own money, with a fitting tail.
GENERIC_FACILITIES = (("污水处理厂", "日处理能力达{n}万吨"), ("垃圾中转站", "日转运能力达{n}00吨"),
                      ("农贸市场", "新增摊位{n}00个"), ("便民服务中心", "服务周边群众{n}万余人"),
                      ("公共停车场", "新增停车泊位{n}00个"), ("日间照料中心", "年内投入使用"), ("供水站", "惠及群众{n}万余人"))
VILLAGE_WORKS = ("文化广场", "农产品冷库", "村级道路硬化工程", "污水管网", "光伏电站", "农产品加工车间", "饮水安全工程")
INSTITUTION_BUILDS = ("第二人民医院", "中医医院新院区", "妇幼保健院", "实验中学", "第三小学", "职业技术学院新校区", "传染病医院")

# Verbs and status phrases by the sort of project: industry (plants, companies' projects),
# public (infrastructure, housing, social facilities), park (parks, towns, zones being developed).
VERBS_START = {
    "industry": ("签约引进", "招引落地", "开工建设", "全力推进", "启动建设", "新开工"),
    "public": ("开工建设", "加快建设", "全力推进", "启动建设", "谋划实施", "新开工"),
    "park": ("加快建设", "全力推进", "启动建设", "规划建设"),
}
VERBS_DONE = {
    "industry": ("竣工投产", "建成投产", "投入运营"),
    "public": ("建成投用", "全面完工", "投入使用", "顺利通过竣工验收"),
    "park": ("建成开园", "全面建成", "投入运营"),
}
STATUS_COMMON = ("年内实现主体完工", "目前已完成主体施工", "正在加快办理前期手续", "已完成土地征收", "主体结构已经封顶",
                 "各项建设指标均超过序时进度")
STATUS_SORT = {
    "industry": ("现已进入设备安装阶段", "建成后将新增就业岗位{n}00个", "实现当年签约、当年开工", "计划年底前试生产",
                 "一期厂房已交付使用"),
    "public": ("预计明年建成投用", "建成后将惠及群众{n}万人", "年底前完成竣工验收", "计划年内投入使用"),
    "park": ("已入驻企业{n}家", "基础设施配套基本完善", "建成后将新增就业岗位{n}00个"),
}
LEADS = ("过去一年，", "今年以来，", "一年来，", "上半年，", "去年，", "截至目前，", "本届政府任期内，")


@dataclass(frozen=True)
class Proj:
    name: str
    kind: str  # "A": head noun 项目/工程/基地 inside; "B": complete facility; "C": company/concept name
    sort: str = "public"  # "industry", "public" or "park": picks fitting verbs and status phrases
    size: str = "project"  # amount range of its investment (see SIZES)


def brand(r: random.Random) -> str:
    return pick(r, REDACTED_BRANDS) if chance(r, 0.03) else pick(r, BRANDS)


def proj_capacity(r: random.Random) -> Proj:
    product, unit = pick(r, CAPACITY_PRODUCTS)
    n = pick(r, (1, 2, 3, 5, 6, 8, 10, 12, 15, 20, 30, 50))
    return Proj(f"{brand(r)}年产{n}{unit}{product}项目", "A", "industry")


def proj_a(r: random.Random) -> Proj:
    c = r.random()
    if c < 0.45:
        return proj_capacity(r)
    if c < 0.7:
        return Proj(pick(r, PRE) + pick(r, WORKS_A), "A")
    if c < 0.85:
        return Proj(pick(r, RIVERS) + pick(r, RIVER_WORKS_A), "A")
    return Proj(pick(r, PRE) + pick(r, BASES_A), "A", "park")


def proj_park(r: random.Random) -> Proj:
    return Proj(pick(r, PRE) + pick(r, PARKS_B), "B", "park", "big")


def proj_b(r: random.Random) -> Proj:
    c = r.random()
    if c < 0.1:
        return Proj(f"地铁{r.randint(1, 9)}号线", "B", size="big")
    if c < 0.18:
        a, b = r.sample(PRE, 2)
        return Proj(f"{a}至{b}高速公路", "B", size="big")
    if c < 0.28:
        return Proj(pick(r, PRE) + pick(r, BIG_FACILITIES_B), "B", size="big")
    if c < 0.65:
        return Proj(pick(r, PRE) + pick(r, FACILITIES_B), "B")
    return proj_park(r)


def proj_c(r: random.Random) -> Proj:
    if chance(r, 0.25):
        return Proj(brand(r) + pick(r, INDUSTRIES), "C", "industry")  # a company name standing for its project
    return Proj(brand(r) + pick(r, BRAND_CONCEPTS), "C", "industry")


def proj_industry(r: random.Random) -> Proj:
    return proj_capacity(r) if chance(r, 0.4) else proj_c(r)


def proj_any(r: random.Random, kinds: str = "ABC") -> Proj:
    kind = pick(r, kinds)
    return {"A": proj_a, "B": proj_b, "C": proj_c}[kind](r)


def distinct_projects(r: random.Random, n: int, kinds: str = "ABC") -> list[Proj]:
    out: list[Proj] = []
    while len(out) < n:
        pj = proj_any(r, kinds)
        if all(pj.name != o.name for o in out):
            out.append(pj)
    return out


def verb_start(r: random.Random, pj: Proj) -> str:
    return pick(r, VERBS_START[pj.sort])


def verb_done(r: random.Random, pj: Proj) -> str:
    return pick(r, VERBS_DONE[pj.sort])


def status(r: random.Random, pj: Proj | None = None) -> str:
    options = STATUS_COMMON + (STATUS_SORT[pj.sort] if pj else ())
    return pick(r, options).replace("{n}", str(pick(r, (3, 5, 8, 12, 20, 35))))


def company(r: random.Random) -> str:
    name = brand(r) + pick(r, INDUSTRIES) + pick(r, COMPANY_SUFFIX)
    if chance(r, 0.25):
        name = pick(r, PRE) + name
    return name


def bank(r: random.Random) -> str:
    return pick(r, PRE) + pick(r, ("农商银行", "农村商业银行", "村镇银行", "银行"))


def school(r: random.Random) -> str:
    return pick(r, PRE) + pick(r, ("理工大学", "师范学院", "职业技术学院", "农业大学", "医科大学"))


def hospital_org(r: random.Random) -> str:
    c = r.random()
    if c < 0.4:
        return school(r).replace("职业技术学院", "医学院") + "附属医院"
    return pick(r, PRE) + pick(r, ("人民医院", "中医医院", "妇幼保健院", "中心医院"))


def institute(r: random.Random) -> str:
    return pick(r, PRE) + pick(r, ("农业科学研究院", "工业技术研究院", "新材料研究院"))


def loc_admin(r: random.Random) -> str:
    """A city, a district/county, or a chain of places written together (one LOC)."""
    c = r.random()
    if c < 0.3:
        return pick(r, CITIES)
    if c < 0.55:
        return pick(r, DISTRICTS)
    if c < 0.7:
        return pick(r, CITIES) + pick(r, DISTRICTS)
    if c < 0.85:
        return pick(r, PROVINCES) + pick(r, ("", "省")) + pick(r, CITIES) + pick(r, DISTRICTS)
    return pick(r, PROVINCES) + pick(r, ("", "省")) + pick(r, CITIES) + pick(r, DISTRICTS) + pick(r, TOWNS)


def zone(r: random.Random) -> str:
    if chance(r, 0.2):
        return pick(r, ZONE_SHORT)
    if chance(r, 0.04):
        return "**" + pick(r, ZONE_KINDS)
    return pick(r, PRE) + pick(r, ZONE_KINDS)


# --------------------------------------------------------------------------------------
# Amounts and percentages
# --------------------------------------------------------------------------------------
CN_DIGITS = "零一二三四五六七八九"
FULLWIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


def cn_int(n: int) -> str:
    """Chinese numeral for 1..9999 (两 before a leading 百/千)."""
    assert 1 <= n <= 9999
    out = ""
    started = zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十")):
        d, n = divmod(n, value)
        if d:
            if zero:
                out += "零"
            digit = CN_DIGITS[d]
            if not started and d == 2 and unit in "千百":
                digit = "两"
            if not started and d == 1 and unit == "十":
                digit = ""
            out += digit + unit
            started, zero = True, False
        elif started:
            zero = True
    if n:
        out += ("零" if zero else "") + CN_DIGITS[n]
    return out


def cn_amount(n: int) -> str:
    """Chinese numeral before 万/亿: 两 for a bare 2."""
    return "两" if n == 2 else cn_int(n)


def fmt_dec(value: float, places: int) -> str:
    s = f"{value:.{places}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


# Ranges in yuan (log-uniform) for each use of an amount.
SIZES = {
    "small": (5_000, 5_000_000),  # village works, subsidies for one project, small facilities
    "project": (5_000_000, 10_000_000_000),  # one project
    "big": (1_000_000_000, 50_000_000_000),  # metro lines, motorways, airports
    "group": (1_000_000_000, 200_000_000_000),  # totals over many projects, revenue of a district
    "macro": (5_000_000_000, 1_500_000_000_000),  # fixed-asset investment of a city or province
}
RANGES_YI = ((1, 2), (2, 3), (3, 5), (5, 8), (5, 10), (8, 10), (10, 15), (10, 20), (20, 30), (30, 50), (50, 100))
RANGES_WAN = ((100, 200), (200, 300), (300, 500), (500, 800), (500, 1000), (1000, 2000), (2000, 3000), (3000, 5000), (5000, 8000))
THRESHOLDS_LOW = ("500万元", "1000万元", "2000万元", "3000万元", "5000万元")
THRESHOLDS = THRESHOLDS_LOW + ("1亿元", "3亿元", "5亿元", "10亿元", "20亿元", "50亿元")
FOREIGN_RATE = {"美元": 7, "欧元": 8, "港元": 0.9, "日元": 0.05}


def draw(r: random.Random, size: str) -> float:
    lo, hi = SIZES[size]
    return lo * (hi / lo) ** r.random()


def amount_core(r: random.Random, value: float, currency: str = "元", ranges: bool = True) -> tuple[str, bool]:
    """The text of one amount (numeral + unit) and whether 约 / 以上 and the like fit it."""
    forms = [(10, "arabic"), (3, "cn"), (2, "yu"), (1, "duo")]
    if currency == "元":
        forms += [(2, "redacted")] + ([(2, "range")] if ranges else [])
        if value < 2e6:
            forms.append((6, "yuan"))
    form = weighted(r, forms)
    if form in ("cn", "yu", "duo") and value >= 1e10:
        form = "arabic"
    if form == "arabic":
        if value >= 1e12 and chance(r, 0.6):
            return fmt_dec(value / 1e12, 1) + "万亿" + currency, True
        if value >= 1e9 or (value >= 1e8 and chance(r, 0.6)):
            return fmt_dec(value / 1e8, pick(r, (0, 1, 2, 2))) + "亿" + currency, True
        if value >= 1e4:
            wan = value / 1e4
            return (fmt_dec(wan, 0) if wan >= 100 or chance(r, 0.6) else fmt_dec(wan, 1)) + "万" + currency, True
        return fmt_dec(value, 0) + currency, True
    if form == "yuan":
        return str(int(value)) + currency, True
    if form in ("yu", "duo"):  # 余 stays inside; so does a medial 多 (3000多万元), which works like 余
        mark = "余" if form == "yu" else "多"
        if value >= 1e8:
            return f"{int(value / 1e8)}亿{mark}{currency}", False
        if value >= 1e7:
            return f"{int(value / 1e7) * 1000}{mark}万{currency}", False
        if value >= 1e5:
            return f"{int(value / 1e5) * 10}{mark}万{currency}", False
        return f"{max(1, int(value / 1e3)) * 1000}{mark}{currency}", False
    if form == "cn":
        if value >= 1e8:
            yi = value / 1e8
            if yi < 10 and chance(r, 0.5):
                return f"{CN_DIGITS[int(yi)]}点{CN_DIGITS[r.randint(1, 9)]}亿{currency}", True
            n = int(yi)
            return cn_amount(n if n <= 20 else n // 10 * 10) + "亿" + currency, True
        if value >= 1e4:
            wan = int(value / 1e4)
            wan = wan // 100 * 100 if wan >= 1000 else wan // 10 * 10 if wan >= 100 else wan
            return cn_amount(wan) + "万" + currency, True
        return cn_int(max(1, int(value / 1000)) * 1000) + currency, True
    if form == "range":
        table, unit, scale = (RANGES_YI, "亿", 1e8) if value >= 1e8 else (RANGES_WAN, "万", 1e4)
        fitting = [pair for pair in table if pair[0] <= value / scale <= pair[1] * 1.5] or list(table[:2])
        a, b = pick(r, fitting)
        return f"{a}-{b}{unit}{currency}", False
    # redacted: the publisher blanked out the numeral
    unit = "亿" if value >= 1e8 else "万"
    return pick(r, (".", "X", "XX", "X.X", ".")) + unit + currency, False


def money(p: Para, r: random.Random, size: str = "project", currency: str | None = None, mods: bool = True,
          tail: bool = False, value: float | None = None, foreign: bool = False) -> int:
    """Write one amount with an optional leading 约/近/超/达/突破 and, where `tail` says the
    next character allows it, a trailing 以上/左右: all outside the MONEY span. With
    `foreign`, a few amounts come in a foreign currency."""
    if currency is None:
        currency = pick(r, FOREIGN_CURRENCIES) if foreign and chance(r, 0.06) else "元"
    if value is None:
        value = draw(r, size)
    value /= FOREIGN_RATE.get(currency, 1)
    core, modifiable = amount_core(r, value, currency, ranges=size in ("small", "project", "big"))
    if chance(r, FULLWIDTH_DIGITS_SHARE):
        core = core.translate(FULLWIDTH)
    prefix = suffix = ""
    if mods and modifiable and chance(r, 0.18):
        prefix = pick(r, ("约", "近", "超", "超过", "达", "突破"))
    elif mods and tail and modifiable and chance(r, 0.1):
        suffix = pick(r, ("以上", "左右"))
    p.t(prefix)
    idx = p.e(core, "MONEY")
    p.t(suffix)
    return idx


def threshold(p: Para, r: random.Random, below_yi: bool = False) -> int:
    """【5000万元】以上 (a numeral is present, so MONEY)."""
    idx = p.e(pick(r, THRESHOLDS_LOW if below_yi else THRESHOLDS), "MONEY")
    p.t("以上")
    return idx


def percent(p: Para, r: random.Random, kind: str = "growth") -> int:
    if kind == "growth":
        # a few redacted as 【.%】 (the project guide's form)
        core = ".%" if chance(r, 0.02) else fmt_dec(r.uniform(0.3, 25), pick(r, (0, 1, 1))) + "%"
    elif kind == "rate":
        core = f"{r.randint(85, 135)}%"
    elif kind == "share":
        core = fmt_dec(r.uniform(5, 85), pick(r, (0, 1))) + "%"
    elif kind == "points":
        core = fmt_dec(r.uniform(0.1, 5), 1) + "个百分点"
    elif kind == "bare":  # 上升3.7、0.2个百分点: the first number shares the unit of the second
        core = f"{r.randint(0, 4)}.{r.randint(1, 9)}"
    else:  # "cn"
        core = "百分之" + cn_int(pick(r, (5, 8, 10, 12, 15, 20, 25, 30, 40, 50)))
    if chance(r, FULLWIDTH_DIGITS_SHARE):
        core = core.translate(FULLWIDTH)
    return p.e(core, "PERCENT")


def growth(p: Para, r: random.Random) -> None:
    """'增长7%' / '提高1.5个百分点' / '增长百分之十' with the PERCENT span."""
    c = r.random()
    if c < 0.55:
        p.t(pick(r, ("增长", "同比增长", "增长", "增幅达")))
        percent(p, r, "growth")
    elif c < 0.8:
        p.t(pick(r, ("提高", "提升", "回落", "下降")))
        percent(p, r, "points")
    else:
        p.t(pick(r, ("增长", "同比增长")))
        percent(p, r, "cn")


# --------------------------------------------------------------------------------------
# Small writers
# --------------------------------------------------------------------------------------
def project(p: Para, pj: Proj, xiangmu: bool = False) -> int:
    """Write a project name; with `xiangmu`, a brand/company name is written with 项目, inside the span.

    (Until 2026-12 the 项目 was left outside: 354 records taught the NER to cut 项目 off single
    named projects, against the real gold, which keeps it in 21 of 23 cases in the training
    reports, the other two being list items that share one 项目.)
    """
    return p.e(pj.name + ("项目" if xiangmu and pj.kind == "C" else ""), "PROJECT")


def enumerate_items(p: Para, r: random.Random, items, write) -> list:
    """Write items joined by 、 (the last one by 和 or 、); return what `write` returns for each."""
    out = []
    last_and = chance(r, 0.4)
    for i, item in enumerate(items):
        if i:
            p.t("和" if last_and and i == len(items) - 1 else "、")
        out.append(write(item))
    return out


def lead(p: Para, r: random.Random, allow: float = 0.55, places: bool = True) -> None:
    """An optional opening clause of a sentence, often with ORG or LOC spans (LOC only with `places`)."""
    if not chance(r, allow):
        return
    c = r.random()
    if not places and 0.5 <= c < 0.9:
        c = r.random() * 0.5
    if c < 0.35:
        p.t(pick(r, LEADS))
    elif c < 0.5:
        a, b = pick(r, GOV_PAIRS)
        p.t("在")
        p.e(a, "ORG")
        p.t("、")
        p.e(b, "ORG")
        p.t(pick(r, ("的坚强领导下，", "的正确领导下，")))
    elif c < 0.65:
        p.e(loc_admin(r), "LOC")
        p.t(pick(r, ("坚持“项目为王”，", "聚焦高质量发展，", "全力稳投资、扩内需，", "牢牢扭住项目建设不放松，")))
    elif c < 0.75:
        p.t(pick(r, ("主动融入", "深度对接", "积极服务")))
        p.e(pick(r, REGIONS), "LOC")
        p.t(pick(r, ("协同发展，", "发展战略，", "产业布局，")))
    elif c < 0.9:
        p.t(pick(r, ("在", "依托")))
        p.e(zone(r), "LOC")
        p.t("，")
    else:
        p.t("在")
        if chance(r, 0.5):
            p.e(pick(r, ("市人大常委会", "区人大常委会", "县人大常委会", "市政协", "区政协", "县政协")), "ORG")
            p.t("的监督支持下，")
        else:
            p.e(pick(r, ("市委", "市政府", "区委", "区政府", "县委", "县政府", "省委", "省政府")), "ORG")
            p.t("的大力支持下，")


def inv_cue(r: random.Random, phase_ok: bool = True) -> str:
    cues = ["总投资", "总投资", "计划投资", "计划总投资", "完成投资", "年度计划投资", "年度完成投资", "签约额",
            "协议投资", "耗资", "总投资额", "累计完成投资", "当年完成投资", "投资", "概算总投资", "估算总投资"]
    if phase_ok:
        cues += ["一期投资", "一期计划投资"]
    return pick(r, cues)


def related(r: random.Random, value: float, lo: float, hi: float) -> float:
    """A second amount of the same project as a share of the first (phase, completed, annual)."""
    return value * r.uniform(lo, hi)


# --------------------------------------------------------------------------------------
# Templates with INVESTMENT relations
# --------------------------------------------------------------------------------------
def inv_total_before(p: Para, r: random.Random) -> None:
    """开工建设总投资X的【项目】."""
    lead(p, r)
    pj = proj_any(r)
    p.t(verb_start(r, pj) if chance(r, 0.7) else verb_done(r, pj))
    p.t(pick(r, ("总投资", "总投资", "计划总投资", "投资", "估算总投资")))
    m = money(p, r, pj.size, tail=True, foreign=True)
    p.t("的")
    p.rel(project(p, pj, xiangmu=True), m)
    if chance(r, 0.5):
        p.t("，", status(r, pj))
    if chance(r, 0.4):
        pj2 = proj_any(r)
        p.t("；总投资")
        m2 = money(p, r, pj2.size, tail=True)
        p.t("的")
        p.rel(project(p, pj2, xiangmu=True), m2)
        p.t(pick(r, ("同步开工", "加快推进", "完成主体施工", "进展顺利")))
    p.t("。")


def inv_total_before_bare(p: Para, r: random.Random) -> None:
    """引进总投资X【项目】 (no 的 between amount and name)."""
    lead(p, r)
    p.t(pick(r, ("成功引进", "签约落地", "新引进", "招引落地")))
    n = pick(r, (1, 1, 2, 3))
    items = [proj_industry(r)] if n == 1 else [proj_c(r) for _ in range(n)]
    for i, pj in enumerate(items):
        if i:
            p.t("、")
        p.t("总投资")
        m = money(p, r, foreign=True)
        p.rel(project(p, pj, xiangmu=n == 1 and chance(r, 0.3)), m)
    if n > 1:
        p.t(pick(r, ("等项目", "", "等一批重点项目")))
    p.t("，", pick(r, ("为产业转型升级注入了新动能", "进一步壮大了主导产业", "全年招商引资实现新突破", "实现当年签约、当年开工")), "。")


def inv_project_cue(p: Para, r: random.Random) -> None:
    """【项目】总投资X / 计划投资 / 完成投资 / 签约额 / 协议投资 / 耗资 ..."""
    located = chance(r, 0.25)
    lead(p, r, places=not located)
    pj = proj_any(r)
    if chance(r, 0.3):
        p.t(verb_start(r, pj), "的")
    idx = project(p, pj, xiangmu=chance(r, 0.5))
    if located:
        p.t("位于")
        p.e(loc_admin(r) if chance(r, 0.5) else zone(r), "LOC")
        p.t("，")
    p.t(inv_cue(r))
    p.rel(idx, money(p, r, pj.size, tail=True, foreign=True))
    p.t("，", status(r, pj))
    if chance(r, 0.3):
        p.t("，投资完成率")
        percent(p, r, "rate")
    p.t("。")


def inv_plan_complete(p: Para, r: random.Random) -> None:
    """One project with two or three amounts (planned, phase, annual, completed): all INVESTMENT."""
    lead(p, r)
    pj = proj_any(r)
    idx = project(p, pj, xiangmu=chance(r, 0.5))
    total = draw(r, pj.size)
    variant = r.randrange(4)
    if variant == 0:
        p.t(pick(r, ("计划总投资", "总投资", "概算总投资")))
        p.rel(idx, money(p, r, value=total))
        p.t("，", pick(r, ("年内", "今年", "全年", "截至目前已", "累计")), "完成投资")
        p.rel(idx, money(p, r, value=related(r, total, 0.1, 0.95), tail=True))
        if chance(r, 0.6):
            p.t("，", pick(r, ("投资完成率", "完成年度计划的")))
            percent(p, r, "rate")
    elif variant == 1:
        p.t("总投资")
        p.rel(idx, money(p, r, value=total))
        p.t("，其中", pick(r, ("一期投资", "一期工程投资", "固定资产投资")))
        p.rel(idx, money(p, r, value=related(r, total, 0.3, 0.7), tail=True))
        p.t("，", status(r, pj))
    elif variant == 2:
        p.t("总投资")
        p.rel(idx, money(p, r, value=total))
        plan = related(r, total, 0.2, 0.5)
        p.t("，今年计划投资")
        p.rel(idx, money(p, r, value=plan))
        p.t("，目前已完成投资")
        p.rel(idx, money(p, r, value=related(r, plan, 0.5, 1.1), tail=True))
    else:
        p.t("协议投资")
        p.rel(idx, money(p, r, value=total))
        p.t("，", pick(r, ("当年", "年内")), "完成投资")
        p.rel(idx, money(p, r, value=related(r, total, 0.1, 0.6), tail=True))
        p.t("，", status(r, pj))
    p.t("。")


def inv_list_paren(p: Para, r: random.Random) -> None:
    """Several projects, each with its amount in brackets, under 等项目."""
    lead(p, r)
    verb = pick(r, ("重点推进", "加快实施", "全力保障", "开工建设"))
    p.t(verb)
    items = distinct_projects(r, r.randint(2, 4), "BC")

    def write(pj: Proj) -> None:
        idx = project(p, pj)
        p.t("（", pick(r, ("总投资", "总投资", "计划投资", "年度投资")))
        p.rel(idx, money(p, r, pj.size, tail=True, foreign=True))
        p.t("）")

    enumerate_items(p, r, items, write)
    ends = ("等项目", "等重点项目", "等重大工程") if verb == "开工建设" else ("等项目建设", "等重点项目建设", "等重大工程建设")
    p.t(pick(r, ends), "，", pick(r, ("项目建设跑出加速度", "全年投资目标超额完成", "各项目均超序时进度推进")), "。")


def inv_list_clauses(p: Para, r: random.Random) -> None:
    """An aggregate over unnamed projects (no relation), then named projects each with its own amount."""
    lead(p, r)
    p.t(pick(r, ("全年实施重点项目", "谋划推进重点项目", "纳入市级重点项目")), f"{r.randint(20, 160)}个")
    if chance(r, 0.6):
        p.t("，", pick(r, ("完成投资", "总投资", "年度完成投资")))
        money(p, r, "group")
    p.t("。其中，")
    for i, pj in enumerate(distinct_projects(r, r.randint(2, 3))):
        if i:
            p.t("；")
        idx = project(p, pj, xiangmu=chance(r, 0.4))
        p.t(inv_cue(r))
        p.rel(idx, money(p, r, pj.size, tail=True, foreign=True))
        if chance(r, 0.5):
            p.t("，", status(r, pj))
    p.t("。")


def inv_respectively(p: Para, r: random.Random) -> None:
    """【A】、【B】项目总投资分别为X、Y (also elliptical items sharing one 项目)."""
    lead(p, r)
    if chance(r, 0.4):
        first, second = r.sample(("生猪屠宰", "肉牛", "肉鸡", "饲料加工", "肉制品精深加工", "蛋鸡养殖", "食用菌", "果蔬冷链"), 2)
        items = [Proj(brand(r) + first, "C", "industry"), Proj(second, "C", "industry")]  # 【华宏肉鸡】、【肉牛】项目
    else:
        items = distinct_projects(r, r.randint(2, 3), "BC")
    idxs = enumerate_items(p, r, items, lambda pj: project(p, pj))
    p.t("项目" if all(pj.kind == "C" for pj in items) else "")
    p.t(pick(r, ("总投资分别为", "分别完成投资", "计划投资分别为", "分别计划投资")))
    for i, (idx, pj) in enumerate(zip(idxs, items)):
        if i:
            p.t("、")
        p.rel(idx, money(p, r, pj.size, mods=False, foreign=True))
    p.t("，", pick(r, ("均已开工建设", "建成后将形成完整产业链", "年内全部完工", "目前进展顺利")), "。")


def inv_cross_sentence(p: Para, r: random.Random) -> None:
    """该项目 / 项目一期 / 园区 in a later sentence: link the nearest preceding mention."""
    variant = r.randrange(4)
    if variant == 0:
        a, b = distinct_projects(r, 2)
        lead(p, r)
        project(p, a, xiangmu=chance(r, 0.4))
        p.t(verb_done(r, a), "，")
        idx = project(p, b, xiangmu=chance(r, 0.4))
        p.t(pick(r, ("正式开工", "开工建设", "完成立项") + (("签约落地", "完成备案") if b.sort == "industry" else ())), "。")
        p.t(pick(r, ("该项目", "项目")), pick(r, ("总投资", "计划总投资", "一期投资")))
        p.rel(idx, money(p, r, b.size, tail=True, foreign=True))
        p.t("，", status(r, b), "。")
    elif variant == 1:
        pj = proj_industry(r)
        p.t(pick(r, ("今年", "去年", "年内")), pick(r, ("成功引进", "签约落地")))
        idx = project(p, pj, xiangmu=True)
        p.t("，落户")
        p.e(zone(r), "LOC")
        p.t("。项目", pick(r, ("一期", "一期计划", "二期")), "投资")
        p.rel(idx, money(p, r, tail=True, foreign=True))
        p.t("，", status(r, pj), "。")
    elif variant == 2:
        pj = proj_any(r)
        lead(p, r)
        p.t(verb_start(r, pj))
        idx = project(p, pj, xiangmu=True)
        p.t("。该项目由")
        p.e(company(r), "ORG")
        p.t("投资建设，", pick(r, ("计划总投资", "总投资", "协议投资")))
        p.rel(idx, money(p, r, pj.size, tail=True, foreign=True))
        if chance(r, 0.5):
            p.t("，占地", str(pick(r, (80, 150, 300, 520, 1200))), "亩")
        p.t("，", status(r, pj), "。")
    else:
        park = proj_park(r)
        lead(p, r)
        p.t("加快")
        idx = project(p, park)
        p.t(pick(r, ("开发建设", "规划建设", "建设")), "。")
        p.t(pick(r, ("园区", "项目")), pick(r, ("一期投资", "一期完成投资", "年度完成投资")))
        p.rel(idx, money(p, r, park.size, tail=True, foreign=True))
        p.t("，已入驻企业", str(r.randint(5, 60)), "家。")


def inv_invest_build(p: Para, r: random.Random) -> None:
    """投资X建设【项目】 / 耗资X建成 / 投入资金X实施 (the investing company is ORG, not linked)."""
    lead(p, r, 0.3)
    pj = proj_any(r)
    c = r.random()
    if c < 0.4:
        p.e(company(r), "ORG")
        p.t(pick(r, ("投资", "计划投资", "追加投资")))
        m = money(p, r, pj.size, foreign=True)
        p.t(pick(r, ("建设", "新建", "扩建")))
    elif c < 0.7:
        p.t(pick(r, ("耗资", "投资", "累计投入资金", "投入")))
        m = money(p, r, pj.size, foreign=True)
        p.t(pick(r, ("建成", "实施", "推进", "启动")))
    else:
        p.t("由")
        p.e(company(r), "ORG")
        p.t("投资")
        m = money(p, r, pj.size, foreign=True)
        p.t("建设的")
    p.rel(project(p, pj, xiangmu=chance(r, 0.5)), m)
    p.t("，", status(r, pj), "。")


def inv_signing(p: Para, r: random.Random) -> None:
    """签约【项目】，签约额X / 协议投资X, with the partner company as ORG."""
    lead(p, r, 0.3)
    p.t("与")
    p.e(company(r), "ORG")
    p.t(pick(r, ("签约", "签署合作协议，共同建设", "成功签约")))
    idx = project(p, proj_industry(r), xiangmu=True)
    p.t("，", pick(r, ("签约额", "协议投资", "协议总投资", "合同投资额")))
    p.rel(idx, money(p, r, tail=True, foreign=True))
    if chance(r, 0.5):
        p.t("。", pick(r, ("该项目", "项目")), "达产后预计年产值")
        money(p, r, "group")  # output value: no relation
        p.t("，年纳税")
        money(p, r, "small")
    p.t("。")


def inv_phase_single(p: Para, r: random.Random) -> None:
    """A single trailing phase stays inside: 【地铁2号线二期】总投资X."""
    lead(p, r)
    base = proj_b(r)
    # 工程 after a phase belongs to the name (cf. 南水北调东线二期工程)
    pj = Proj(base.name + pick(r, PHASES) + ("工程" if chance(r, 0.3) else ""), "B", base.sort, base.size)
    verb = chance(r, 0.5)
    if verb:
        p.t(verb_start(r, pj))
    idx = project(p, pj)
    p.t("，" if verb else "", pick(r, ("总投资", "计划投资", "完成投资", "年度投资")))
    p.rel(idx, money(p, r, pj.size, tail=True, foreign=True))
    p.t("，", status(r, pj), "。")


def inv_phase_list(p: Para, r: random.Random) -> None:
    """A phase list stays outside: 【东湖安置房】一期、二期 ... 累计完成投资X (linked to the project)."""
    lead(p, r)
    pj = proj_b(r)
    idx = project(p, pj)
    first = r.randrange(2)
    p.t(PHASES[first], "、", PHASES[first + 1], pick(r, ("", "工程")))
    p.t(pick(r, ("同步推进", "加快建设", "相继开工")), "，", pick(r, ("累计完成投资", "总投资", "合计投资")))
    p.rel(idx, money(p, r, pj.size, tail=True, foreign=True))
    p.t("。")


def inv_institution(p: Para, r: random.Random) -> None:
    """A hospital or school being built is PROJECT; an existing one is ORG."""
    build = pick(r, PRE) + pick(r, INSTITUTION_BUILDS)
    lead(p, r, 0.3)
    if chance(r, 0.5):
        p.t(pick(r, ("新建", "开工建设", "加快建设")))
        idx = p.e(build, "PROJECT")
        p.t("，", pick(r, ("计划投资", "总投资", "投资")))
        p.rel(idx, money(p, r, tail=True))
    else:
        p.t("投资")
        m = money(p, r)
        p.t(pick(r, ("新建", "建设", "扩建")))
        p.rel(p.e(build, "PROJECT"), m)
    if "医院" in build or "保健院" in build:
        p.t("，新增床位", str(pick(r, (300, 500, 800))), "张。")
    else:
        p.t("，新增学位", str(pick(r, (1200, 1800, 2700))), "个。")
    if chance(r, 0.7):
        p.e(hospital_org(r), "ORG")
        p.t(pick(r, ("与", "联合")))
        p.e(school(r), "ORG")
        p.t(pick(r, ("共建医联体", "开展医教协同合作", "签订合作协议")), "，")
        p.t(pick(r, ("优质医疗资源持续下沉", "群众就医更加便捷")), "。")


def inv_facility(p: Para, r: random.Random) -> None:
    """新建【污水处理厂】，投资X: a facility specific in context and with its own money."""
    facility, tail = pick(r, GENERIC_FACILITIES)
    if chance(r, 0.5):
        p.t("在")
        p.e(pick(r, TOWNS), "LOC")
    p.t(pick(r, ("新建", "改扩建", "建成")))
    idx = p.e(facility, "PROJECT")
    p.t("，投资")
    p.rel(idx, money(p, r, "small", tail=True))
    p.t("，", tail.replace("{n}", str(r.randint(2, 9))), "。")


def inv_foreign(p: Para, r: random.Random) -> None:
    """Foreign-currency investment links like yuan."""
    cur = pick(r, ("美元", "欧元", "港元", "美元"))
    lead(p, r, 0.3)
    pj = proj_industry(r)
    if chance(r, 0.5):
        p.t("外资企业")
        p.e(company(r), "ORG")
        p.t("投资")
        m = money(p, r, currency=cur)
        p.t("建设的")
        idx = project(p, pj, xiangmu=True)
        p.t(verb_done(r, pj))
    else:
        idx = project(p, pj, xiangmu=True)
        p.t(pick(r, ("总投资", "利用外资", "协议外资")))
        m = money(p, r, currency=cur, tail=True)
        p.t("，", status(r, pj))
    p.rel(idx, m)
    p.t("。")


def inv_zone_build(p: Para, r: random.Random) -> None:
    """A park being built is PROJECT; strategic areas and zones where things happen are LOC."""
    lead(p, r, 0.2)
    if chance(r, 0.4):
        p.t("主动对接")
        p.e(pick(r, STRATEGIC_AREAS), "LOC")
        p.t("建设，")
    p.t("加快")
    park = project(p, proj_park(r))
    p.t(pick(r, ("开发建设", "建设")), "，", pick(r, ("年度完成投资", "累计完成投资", "一期投资")))
    p.rel(park, money(p, r, tail=True, foreign=True))
    p.t("；", pick(r, ("新引进", "新落户")))
    p.e(company(r), "ORG")
    p.t("等企业", str(r.randint(3, 30)), "家，落户")
    p.e(zone(r), "LOC")
    p.t("的企业达到", str(r.randint(80, 600)), "家。")


def inv_with_output(p: Para, r: random.Random) -> None:
    """Investment next to output value, revenue and tax: only the investment links."""
    lead(p, r)
    pj = proj_industry(r)
    idx = project(p, pj, xiangmu=True)
    total = draw(r, pj.size)
    p.t(pick(r, ("总投资", "计划总投资", "完成投资")))
    p.rel(idx, money(p, r, value=total))
    p.t("，", pick(r, ("达产后可实现年产值", "投产后预计年产值", "全部建成后年营业收入可达")))
    money(p, r, value=related(r, total, 1, 4))
    p.t("、", pick(r, ("利税", "税收", "年纳税")))
    money(p, r, value=related(r, total, 0.05, 0.3), tail=True)
    p.t("。")


def inv_with_attracted(p: Para, r: random.Random) -> None:
    """The project's own investment links; investment it attracts from others does not."""
    lead(p, r)
    pj = proj_industry(r) if chance(r, 0.6) else proj_park(r)
    idx = project(p, pj, xiangmu=True)
    p.t(pick(r, ("总投资", "一期投资", "计划投资")))
    p.rel(idx, money(p, r, pj.size, foreign=True))
    p.t("，", pick(r, ("建成后可带动上下游投资", "预计带动社会投资", "带动投资")))
    money(p, r, currency=pick(r, ("元", "元", "欧元", "美元")), tail=True)
    p.t("。")


def inv_with_funding(p: Para, r: random.Random) -> None:
    """Subsidies, loans and financing for a project are not its investment."""
    lead(p, r, 0.3)
    pj = proj_any(r)
    idx = project(p, pj, xiangmu=True)
    total = draw(r, pj.size)
    p.t("总投资")
    p.rel(idx, money(p, r, value=total))
    p.t("，", pick(r, ("争取上级补助资金", "获得省级奖补资金", "争取专项补贴")))
    money(p, r, value=related(r, total, 0.01, 0.1))
    p.t("，", pick(r, ("协调", "获得")))
    p.e(bank(r), "ORG")
    p.t(pick(r, ("授信", "发放贷款", "贷款")))
    money(p, r, value=related(r, total, 0.2, 0.6), tail=True)
    p.t("。")


def inv_threshold_named(p: Para, r: random.Random) -> None:
    """【10亿元】以上项目 is MONEY without relation; a named project in the same sentence links."""
    lead(p, r)
    p.t(pick(r, ("新开工", "新签约", "新落地")))
    if chance(r, 0.5):
        threshold(p, r)
        p.t("项目", str(r.randint(3, 40)), "个")
    else:
        p.t("亿元以上项目", str(r.randint(3, 40)), "个")
    p.t("，其中")
    pj = proj_any(r)
    idx = project(p, pj, xiangmu=True)
    p.t(pick(r, ("总投资", "计划投资", "投资")))
    p.rel(idx, money(p, r, pj.size, tail=True, foreign=True))
    ends = ("刷新了本地单体项目投资纪录", status(r, pj))
    if pj.sort == "industry":
        ends += ("是近年来单体投资最大的工业项目",)
    p.t("，", pick(r, ends), "。")


def inv_company_list_then(p: Para, r: random.Random) -> None:
    """Companies under 等项目 are PROJECT; 其中【B】总投资X links the second mention."""
    lead(p, r)
    p.t(pick(r, ("推动", "促进", "加快")))
    names: list[str] = []
    for pj in (proj_c(r) for _ in range(r.randint(2, 4))):
        if pj.name not in names:
            names.append(pj.name)
    enumerate_items(p, r, names, lambda name: p.e(name, "PROJECT"))
    p.t("等项目", pick(r, ("开工建设", "竣工投产", "签约落地")), "，其中")
    idx = p.e(pick(r, names), "PROJECT")
    p.t(pick(r, ("总投资", "投资", "计划投资")))
    p.rel(idx, money(p, r, tail=True, foreign=True))
    p.t("。")


def inv_village(p: Para, r: random.Random) -> None:
    """Small village works, amounts often in yuan; the village stays inside the project name."""
    name = pick(r, VILLAGES) + pick(r, VILLAGE_WORKS)
    if chance(r, 0.4):
        p.e(pick(r, TOWNS), "LOC")
        p.t(pick(r, ("投入资金", "筹集资金", "投资")))
        m = money(p, r, "small")
        p.t(pick(r, ("修建", "建成", "实施")))
        idx = p.e(name, "PROJECT")
    else:
        idx = p.e(name, "PROJECT")
        p.t(pick(r, ("完工，", "投入使用，", "建成，")), pick(r, ("投资", "总投资", "耗资")))
        m = money(p, r, "small", tail=True)
    p.rel(idx, m)
    outcome = pick(r, ("受益群众1200余人", "村集体年增收8万元", "村容村貌明显改善", "群众满意度明显提升"))
    if outcome.endswith("万元"):  # income, not investment: MONEY without a relation
        p.t("，村集体年增收")
        p.e("8万元", "MONEY")
        p.t("。")
    else:
        p.t("，", outcome, "。")


def inv_chain_loc(p: Para, r: random.Random) -> None:
    """A chain of places is one LOC; places joined by 的 / 位于 / 在 stay apart."""
    chain = pick(r, PROVINCES) + pick(r, CITIES) + pick(r, DISTRICTS) + pick(r, TOWNS)
    pj = proj_any(r)
    c = r.random()
    if c < 0.4:
        p.t("位于")
        p.e(chain, "LOC")
        p.t("的")
        idx = project(p, pj, xiangmu=True)
        p.t(pick(r, ("总投资", "计划投资")))
        m = money(p, r, pj.size, tail=True, foreign=True)
    elif c < 0.7:
        idx = project(p, pj, xiangmu=True)
        p.t("位于")
        p.e(pick(r, CITIES), "LOC")
        p.t("的")
        p.e(pick(r, DISTRICTS), "LOC")
        p.t("，", pick(r, ("总投资", "计划投资")))
        m = money(p, r, pj.size, tail=True, foreign=True)
    else:
        p.t("在")
        p.e(chain, "LOC")
        p.t("投资")
        m = money(p, r, pj.size, foreign=True)
        p.t("建设")
        idx = project(p, pj, xiangmu=True)
    p.rel(idx, m)
    p.t("，", status(r, pj), "。")


# --------------------------------------------------------------------------------------
# Distractor templates (never a relation)
# --------------------------------------------------------------------------------------
def dis_unnamed_aggregate(p: Para, r: random.Random) -> None:
    """签约项目52个，总投资X: no PROJECT entity, so no relation."""
    lead(p, r)
    p.t(pick(r, ("全年签约项目", "新签约项目", "集中开工项目", "落地项目")), f"{r.randint(8, 150)}个，")
    p.t(pick(r, ("总投资", "协议总投资", "计划总投资")))
    money(p, r, "group", tail=True)
    if chance(r, 0.6):
        p.t("；", pick(r, ("新开工项目", "竣工项目", "续建项目")), f"{r.randint(5, 90)}个，完成投资")
        money(p, r, "group", tail=True)
    p.t("。")


def dis_group_total(p: Para, r: random.Random) -> None:
    """Totals over several named projects: PROJECT and MONEY, no relation."""
    lead(p, r)
    c = r.random()
    if c < 0.5:
        industrial = chance(r, 0.6)
        items = [proj_c(r)] + ([proj_c(r)] if chance(r, 0.5) else []) if industrial else distinct_projects(r, r.randint(1, 2), "B")
        enumerate_items(p, r, items, lambda pj: project(p, pj))
        p.t("等", "重大产业项目" if industrial else pick(r, ("重点项目", "项目")), f"{r.randint(10, 160)}个")
        p.t(pick(r, ("", "集中开工")), "，总投资")
    elif c < 0.75:
        enumerate_items(p, r, distinct_projects(r, 2, "BC"), lambda pj: project(p, pj))
        p.t(pick(r, ("两个项目", "2个项目")), pick(r, ("总投资", "合计投资", "共完成投资")))
    else:
        p.t("以")
        project(p, proj_industry(r) if chance(r, 0.5) else proj_park(r))
        p.t("为龙头的", f"{r.randint(5, 40)}个", pick(r, ("产业链项目", "配套项目")), "总投资")
    money(p, r, "group", tail=True)
    p.t("，", pick(r, ("项目建设持续提速", "为全年经济增长提供了有力支撑", "拉动全区投资增长")), "。")


def dis_fixed_asset(p: Para, r: random.Random) -> None:
    lead(p, r, 0.4)
    if chance(r, 0.08):  # 万 as the numeral: 【万亿元】 is MONEY
        p.t("全省固定资产投资首次突破")
        p.e("万亿元", "MONEY")
        p.t("大关，")
    else:
        verb = pick(r, ("完成", "达到", ""))
        p.t(pick(r, ("全社会固定资产投资", "固定资产投资", "全年固定资产投资")), verb)
        money(p, r, "macro", mods=not verb)
        p.t("，")
    growth(p, r)
    if chance(r, 0.7):
        p.t("；", pick(r, ("其中工业投资", "民间投资", "基础设施投资", "技改投资")))
        growth(p, r)
        if chance(r, 0.4):
            p.t("，占全部投资的比重为")
            percent(p, r, "share")
    p.t("。")


def dis_fiscal(p: Para, r: random.Random) -> None:
    lead(p, r, 0.3)
    p.t(pick(r, ("一般公共预算收入", "地方财政收入", "税收收入")), pick(r, ("完成", "")))
    money(p, r, "group")
    p.t("，")
    growth(p, r)
    p.t("；", pick(r, ("民生支出", "教育支出", "社会保障支出")))
    money(p, r, "group")
    p.t("，占", pick(r, ("财政支出的", "一般公共预算支出的")))
    percent(p, r, pick(r, ("share", "share", "cn")))
    p.t("。")


def dis_revenue_tax(p: Para, r: random.Random) -> None:
    lead(p, r, 0.3)
    p.e(company(r), "ORG")
    p.t(pick(r, ("实现营业收入", "全年主营业务收入", "新增营业收入", "实现销售收入")))
    revenue = draw(r, "project")
    money(p, r, value=revenue)
    p.t("，", pick(r, ("上缴税收", "实现利税", "入库税金")))
    money(p, r, value=related(r, revenue, 0.03, 0.15), tail=True)
    if chance(r, 0.6):
        p.t("，")
        growth(p, r)
    p.t("。")


def dis_output_value(p: Para, r: random.Random) -> None:
    lead(p, r)
    project(p, proj_industry(r), xiangmu=True)
    p.t(pick(r, ("建成投产后，预计年产值", "已投产，实现产值", "满负荷生产后年营业收入")))
    output = draw(r, "project")
    money(p, r, value=output)
    p.t("、", pick(r, ("年税收", "利税", "年纳税")))
    money(p, r, value=related(r, output, 0.03, 0.15))
    p.t("，", pick(r, ("可新增就业岗位600个", "将成为新的经济增长点", "带动周边农户增收")), "。")


def dis_attracted(p: Para, r: random.Random) -> None:
    lead(p, r)
    pj = proj_industry(r) if chance(r, 0.6) else proj_park(r)
    if chance(r, 0.5):
        project(p, pj, xiangmu=True)
        p.t(pick(r, ("落地后", "建成后")), pick(r, ("，带动投资", "，预计带动上下游投资", "，可撬动社会资本")))
    else:
        p.t("以")
        project(p, pj)
        p.t("为龙头，", pick(r, ("带动配套企业投资", "吸引社会资本投入", "带动投资")))
    money(p, r, currency=pick(r, ("元", "元", "欧元", "美元")), tail=True)
    p.t("。")


def dis_subsidy_loan(p: Para, r: random.Random) -> None:
    lead(p, r, 0.4)
    c = r.random()
    if c < 0.3:
        p.t(pick(r, ("兑现各类惠企奖补资金", "发放稳岗补贴", "落实减税降费")))
        money(p, r, "project")
        p.t("，惠及企业", str(r.randint(50, 3000)), "家")
    elif c < 0.55:
        p.t("为")
        project(p, proj_any(r), xiangmu=True)
        p.t(pick(r, ("争取上级补贴资金", "争取专项奖补资金", "兑现招商奖补")))
        money(p, r, "small")
    elif c < 0.8:
        p.e(bank(r), "ORG")
        p.t(pick(r, ("新增涉农贷款", "为小微企业发放贷款", "累计投放信贷资金")))
        money(p, r, "group")
    else:
        p.t(pick(r, ("协调金融机构为", "帮助")))
        project(p, proj_any(r), xiangmu=True)
        p.t(pick(r, ("融资", "争取银行贷款", "落实融资")))
        money(p, r)
    p.t("，", pick(r, ("有效缓解了企业资金压力", "金融服务实体经济能力持续增强", "营商环境进一步优化")), "。")


def dis_threshold(p: Para, r: random.Random) -> None:
    """亿元以上 / 过亿元 / 近万元 are not MONEY; 【5000万元】以上 is."""
    lead(p, r)
    p.t(pick(r, ("新开工亿元以上项目", "引进亿元以上项目", "在建亿元以上项目")), f"{r.randint(5, 60)}个，")
    if chance(r, 0.6):
        threshold(p, r, below_yi=True)
        p.t("项目", f"{r.randint(50, 300)}个")
    else:
        p.t("营业收入过亿元企业达", f"{r.randint(5, 60)}家")
    if chance(r, 0.5):
        p.t("，农村居民人均可支配收入增加近万元")
    p.t("。")


def dis_org_loc(p: Para, r: random.Random) -> None:
    c = r.random()
    if c < 0.25:
        level = pick(r, "市区县")
        p.t("在")
        p.e(level + "委", "ORG")
        p.t("、")
        p.e(level + "政府", "ORG")
        p.t("的坚强领导下，在")
        p.e(level + "人大常委会", "ORG")
        p.t("和")
        p.e(level + "政协", "ORG")
        p.t("的监督支持下，全", level, "经济社会发展取得新成效。")
    elif c < 0.5:
        p.e(bank(r), "ORG")
        if chance(r, 0.5):
            p.t(pick(r, ("新址投入使用", "设立科技支行")), "。")
        else:
            p.t("与")
            p.e(company(r), "ORG")
            p.t("签署战略合作协议。")
        p.e(hospital_org(r), "ORG")
        p.t("与")
        p.e(hospital_org(r), "ORG")
        p.t(pick(r, ("组建医联体", "开展远程会诊合作")), "，", pick(r, ("群众就医更加便捷", "基层医疗服务能力持续提升")), "。")
    elif c < 0.75:
        p.e(loc_admin(r), "LOC")
        p.t(pick(r, ("入选全国乡村治理示范单位", "获评省级文明城市", "成功创建国家卫生城市")), "，")
        p.e(school(r), "ORG")
        p.t(pick(r, ("与", "联合")))
        p.e(institute(r), "ORG")
        p.t("共建", pick(r, ("产学研基地", "联合实验室")), "。")
    else:
        p.t("主动融入")
        p.e(pick(r, REGIONS), "LOC")
        p.t("，")
        p.e(company(r), "ORG")
        p.t("等", str(r.randint(3, 30)), "家企业落户")
        p.e(zone(r), "LOC")
        p.t("，", pick(r, ("“引贸回流”成效明显", "“三个一批”扎实推进", "招商引资突破年活动成效显著")), "。")


def dis_quantities(p: Para, r: random.Random) -> None:
    """Numbers without currency and proportions in 成 / 一半: neither MONEY nor PERCENT."""
    p.e(pick(r, (pick(r, CITIES), pick(r, DISTRICTS))), "LOC")
    p.t(pick(r, ("全年接待游客", "年接待游客")), str(r.randint(12, 900)), "万人次，", pick(r, ("完成造林", "新增高标准农田", "治理水土流失")))
    p.t(str(r.randint(300, 20000)), "亩，")
    p.t(pick(r, ("新增城镇就业", "农村劳动力转移就业")), fmt_dec(r.uniform(0.2, 3), 1), "万人，")
    p.t(pick(r, ("超过一半的行政村", "三成以上的农户", "近七成的规上企业")), pick(r, ("实现数字化改造", "接入电商平台", "用上了清洁能源")), "。")


def dis_projects_no_money(p: Para, r: random.Random) -> None:
    lead(p, r, places=False)
    verb = pick(r, ("开工建设", "推动", "加快推进"))
    p.t(verb)
    enumerate_items(p, r, distinct_projects(r, r.randint(2, 4), "BC"), lambda pj: project(p, pj))
    p.t("等项目" if verb == "开工建设" else pick(r, ("等项目建设", "等项目")), "，")
    p.e(company(r), "ORG")
    p.t(pick(r, ("落户", "入驻")))
    p.e(zone(r), "LOC")
    p.t("。")


def dis_missing_numeral(p: Para, r: random.Random) -> None:
    """The publisher blanked the whole numeral: 总投资亿元的【项目】 holds no MONEY."""
    lead(p, r, 0.3)
    pj = proj_any(r)
    p.t("总投资", pick(r, ("亿元", "万元")), "的")
    project(p, pj, xiangmu=True)
    p.t("，", status(r, pj), "。")


def dis_percent(p: Para, r: random.Random) -> None:
    lead(p, r, 0.4)
    p.t(pick(r, ("地区生产总值", "规上工业增加值", "社会消费品零售总额")))
    growth(p, r)
    p.t("，", pick(r, ("重点项目投资完成率", "年度计划完成率")))
    percent(p, r, "rate")
    p.t("，", pick(r, ("城镇化率", "研发投入强度", "森林覆盖率")), pick(r, ("提高", "提升")))
    percent(p, r, "points")
    if chance(r, 0.3):
        p.t("，城乡居民收入增速分别提高")
        percent(p, r, "bare")  # 上升【3.7】、【0.2个百分点】: both PERCENT (decided case)
        p.t("、")
        percent(p, r, "points")
    p.t("。")


# --------------------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------------------
INVESTMENT_TEMPLATES = {
    "inv_total_before": (8, inv_total_before),
    "inv_total_before_bare": (4, inv_total_before_bare),
    "inv_project_cue": (10, inv_project_cue),
    "inv_plan_complete": (6, inv_plan_complete),
    "inv_list_paren": (5, inv_list_paren),
    "inv_list_clauses": (5, inv_list_clauses),
    "inv_respectively": (4, inv_respectively),
    "inv_cross_sentence": (7, inv_cross_sentence),
    "inv_invest_build": (5, inv_invest_build),
    "inv_signing": (4, inv_signing),
    "inv_phase_single": (3, inv_phase_single),
    "inv_phase_list": (2, inv_phase_list),
    "inv_institution": (3, inv_institution),
    "inv_facility": (2, inv_facility),
    "inv_foreign": (3, inv_foreign),
    "inv_zone_build": (3, inv_zone_build),
    "inv_with_output": (4, inv_with_output),
    "inv_with_attracted": (3, inv_with_attracted),
    "inv_with_funding": (3, inv_with_funding),
    "inv_threshold_named": (3, inv_threshold_named),
    "inv_company_list_then": (3, inv_company_list_then),
    "inv_village": (2, inv_village),
    "inv_chain_loc": (3, inv_chain_loc),
}
DISTRACTOR_TEMPLATES = {
    "dis_unnamed_aggregate": (5, dis_unnamed_aggregate),
    "dis_group_total": (6, dis_group_total),
    "dis_fixed_asset": (4, dis_fixed_asset),
    "dis_fiscal": (3, dis_fiscal),
    "dis_revenue_tax": (4, dis_revenue_tax),
    "dis_output_value": (4, dis_output_value),
    "dis_attracted": (4, dis_attracted),
    "dis_subsidy_loan": (5, dis_subsidy_loan),
    "dis_threshold": (3, dis_threshold),
    "dis_org_loc": (4, dis_org_loc),
    "dis_quantities": (2, dis_quantities),
    "dis_projects_no_money": (3, dis_projects_no_money),
    "dis_missing_numeral": (2, dis_missing_numeral),
    "dis_percent": (3, dis_percent),
}
# Context sentences around a record's main template: distractors that fit anywhere.
CONTEXT_TEMPLATES = ("dis_fixed_asset", "dis_fiscal", "dis_revenue_tax", "dis_output_value", "dis_attracted",
                     "dis_subsidy_loan", "dis_threshold", "dis_org_loc", "dis_quantities", "dis_percent",
                     "dis_unnamed_aggregate", "dis_group_total", "dis_projects_no_money")
INVESTMENT_SHARE = 0.6
ALL_TEMPLATES = {**INVESTMENT_TEMPLATES, **DISTRACTOR_TEMPLATES}


# --------------------------------------------------------------------------------------
# Traditional characters (one for one, so offsets stay)
# --------------------------------------------------------------------------------------
# Simplified -> traditional for every character this generator writes that changes, as
# pairs; each is the character OpenCC's s2t gives in this generator's own phrases (so 制
# is 製 as in 预制菜, 托 is 託 as in 依托, 里 stays as in 三里铺). Extend it when the
# vocabulary grows: with opencc importable, `generate` stops on any disagreement.
S2T_PAIRS = (
    "万萬与與专專业業东東两兩个個丰豐临臨为爲乐樂乡鄉书書争爭于於云雲产產亩畝亿億众衆优優会會传傳体體余餘兑兌党黨关關"
    "养養内內农農决決准準减減凤鳳凯凱划劃刘劉创創别別制製办辦务務动動劳勞区區医醫华華协協单單占佔卫衛厂廠压壓县縣双雙"
    "发發变變台臺号號后後吨噸启啓团團园園国國图圖场場坚堅坝壩壮壯处處备備复復头頭奖獎妇婦学學孪孿宁寧实實对對导導将將"
    "层層届屆属屬岗崗岭嶺布佈师師带帶帮幫广廣庄莊床牀库庫开開张張强強当當录錄征徵态態总總恒恆战戰户戶扎紮托託扩擴据據"
    "摊攤撑撐数數旧舊时時显顯术術机機条條来來杨楊松鬆极極构構枢樞标標树樹桥橋横橫欧歐气氣氢氫沟溝泽澤洁潔测測济濟润潤"
    "游遊湾灣满滿滨濱点點烧燒热熱猪豬环環现現电電疗療监監盖蓋础礎确確种種积積税稅稳穩筹籌签簽类類粤粵红紅纤纖约約级級"
    "纪紀纳納纸紙纺紡纽紐线線组組织織经經结結继繼续續维維综綜绿綠缓緩缴繳网網群羣职職联聯肃肅腾騰艺藝节節范範药藥获獲"
    "营營蓝藍补補装裝规規计計订訂训訓议議设設评評诊診试試诚誠该該调調谋謀负負财財质質贴貼贵貴贷貸贸貿费費赁賃资資车車"
    "转轉轴軸轻輕输輸边邊达達过過运運进進远遠选選钢鋼铁鐵铝鋁银銀铸鑄铺鋪链鏈销銷锂鋰锐銳镇鎮长長门門问問间間阳陽阶階"
    "际際陕陝险險顶頂项項顺順预預领領题題额額饮飲饲飼馆館马馬驻駐验驗鸡雞鸿鴻黄黃齐齊龙龍"
)
# Added for the NER family (--family ner); same rule: OpenCC's s2t in this family's phrases.
S2T_PAIRS_NER = (
    "员員报報儿兒峰峯滩灘审審兴興记記参參举舉购購请請荣榮检檢称稱仪儀断斷见見诉訴奋奮厦廈编編赔賠并並册冊适適龄齡"
    "宾賓难難势勢挂掛奥奧莱萊迁遷视視军軍筑築丽麗队隊访訪应應晋晉细細则則统統寿壽焕煥讼訟络絡诈詐骗騙讯訊赛賽键鍵"
    "听聽砺礪筛篩风風认認献獻闻聞货貨剧劇识識让讓胜勝闭閉紧緊阵陣责責欢歡帼幗牵牽异異状狀携攜绩績侧側谐諧灾災灯燈"
    "盏盞艳豔静靜涛濤辉輝鹏鵬伟偉刚剛读讀权權践踐楼樓随隨仅僅执執贯貫谈談邹鄒宽寬语語陆陸贺賀谭譚拥擁赵趙韩韓"
    "谢謝钱錢论論连連价價坛壇严嚴陈陳顾顧贾賈汤湯龚龔吕呂孙孫吴吳冯馮卢盧邓鄧许許义義苏蘇蒋蔣郑鄭韦韋罗羅"
)
S2T = str.maketrans(S2T_PAIRS[0::2] + S2T_PAIRS_NER[0::2], S2T_PAIRS[1::2] + S2T_PAIRS_NER[1::2])
# Phrases whose characters convert otherwise than the table says (same length).
S2T_PHRASES = (("上下游", "上下游"), ("回流", "迴流"),
               # NER family: 制 / 注 / 历 / 斗 convert by word
               ("控制", "控制"), ("贯制", "貫制"), ("注册", "註冊"), ("历史", "歷史"), ("奋斗", "奮鬥"), ("编制", "編制"), ("骨干", "骨幹"), ("实干", "實幹"), ("干路", "幹路"))
# Places where OpenCC's s2t is itself wrong for this text: 路签 is read as 路籤 (a railway
# token) in 高速公路签约额. The check compares after this correction.
OPENCC_QUIRKS = (("路籤約", "路簽約"),)
HALFWIDTH_PUNCT = str.maketrans("，；：（）", ",;:()")


def to_traditional(text: str) -> str:
    out = list(text.translate(S2T))
    for simplified, traditional in S2T_PHRASES:
        start = text.find(simplified)
        while start != -1:
            out[start:start + len(simplified)] = traditional
            start = text.find(simplified, start + 1)
    return "".join(out)


def opencc_s2t(converter, text: str) -> str:
    converted = converter.convert(text)
    for wrong, right in OPENCC_QUIRKS:
        converted = converted.replace(wrong, right)
    return converted


def opencc_converter():
    try:
        import opencc  # type: ignore
    except ImportError:
        return None
    return opencc.OpenCC("s2t")


# --------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------
def edge_ok(text: str, label: str) -> bool:
    """No surrounding whitespace or punctuation (redaction marks and % excepted)."""
    if not text or text != text.strip():
        return False
    first, last = text[0], text[-1]
    if unicodedata.category(first)[0] in "PZC" and first not in REDACTION_START.get(label, ""):
        return False
    if unicodedata.category(last)[0] in "PZC" and not (label == "PERCENT" and last in PERCENT_END):
        return False
    return True


def check_record(rec: dict) -> None:
    text, spans = rec["text"], rec["spans"]
    prev_end = 0
    for s in spans:
        assert s["label"] in LABELS
        assert prev_end <= s["start"] < s["end"] <= len(text), (rec["id"], s)
        prev_end = s["end"]
        assert edge_ok(text[s["start"]:s["end"]], s["label"]), (rec["id"], text[s["start"]:s["end"]])
    children = [rel["child"] for rel in rec["relations"]]
    assert len(children) == len(set(children)), rec["id"]  # one MONEY -> one PROJECT
    for rel in rec["relations"]:
        assert rel["label"] == RELATION
        assert spans[rel["head"]]["label"] == "PROJECT" and spans[rel["child"]]["label"] == "MONEY"


def build(r: random.Random, name: str) -> Para:
    p = Para()
    fn = ALL_TEMPLATES[name][1]
    before = after = 0
    if chance(r, 0.45):
        before = int(chance(r, 0.35))
        after = 1 + int(chance(r, 0.25)) if chance(r, 0.7) or not before else 0
    contexts = [c for c in CONTEXT_TEMPLATES if c != name]
    r.shuffle(contexts)
    for _ in range(before):
        ALL_TEMPLATES[contexts.pop()][1](p, r)
    fn(p, r)
    for _ in range(after):
        if p.sentences() >= MAX_SENTENCES:
            break
        mark = (len(p.pieces), p.pos, len(p.spans), len(p.rels))
        ALL_TEMPLATES[contexts.pop()][1](p, r)
        if p.sentences() > MAX_SENTENCES:  # undo a context that made the paragraph too long
            del p.pieces[mark[0]:]
            p.pos = mark[1]
            del p.spans[mark[2]:]
            del p.rels[mark[3]:]
            break
    return p


def to_record(p: Para, number: int, name: str, seed: int, traditional: bool, halfwidth: bool,
              id_prefix: str = "synthetic", family: str | None = None) -> dict:
    text = p.text
    if traditional:
        text = to_traditional(text)
    if halfwidth:
        text = text.translate(HALFWIDTH_PUNCT)
    order = sorted(range(len(p.spans)), key=lambda i: p.spans[i][0])
    new_index = {old: new for new, old in enumerate(order)}
    spans = [{"start": p.spans[i][0], "end": p.spans[i][1], "label": p.spans[i][2]} for i in order]
    relations = sorted(
        ({"head": new_index[h], "child": new_index[c], "label": RELATION} for h, c in p.rels),
        key=lambda rel: (rel["head"], rel["child"]),
    )
    meta = {"synthetic": True, "template": name, "generator": GENERATOR, "seed": seed}
    if family is not None:  # the first family's records carry no family field
        meta["family"] = family
    return {
        "id": f"{id_prefix}#{number:05d}",
        "text": text,
        "spans": spans,
        "relations": relations,
        "meta": meta,
    }


def generate(n: int, seed: int) -> list[dict]:
    r = random.Random(seed)
    inv = list(INVESTMENT_TEMPLATES.items())
    dis = list(DISTRACTOR_TEMPLATES.items())
    converter = opencc_converter()
    seen: set[str] = set()
    records: list[dict] = []
    while len(records) < n:
        group = inv if chance(r, INVESTMENT_SHARE) else dis
        name = weighted(r, [(w, nm) for nm, (w, _) in group])
        p = build(r, name)
        traditional = chance(r, TRADITIONAL_SHARE)
        halfwidth = chance(r, HALFWIDTH_PUNCT_SHARE)
        if p.text in seen:
            continue
        seen.add(p.text)
        if traditional and converter is not None and opencc_s2t(converter, p.text) != to_traditional(p.text):
            raise SystemExit(
                "the S2T table disagrees with OpenCC s2t; extend S2T_PAIRS or S2T_PHRASES:\n"
                f"  table:  {to_traditional(p.text)}\n  opencc: {opencc_s2t(converter, p.text)}"
            )
        assert 1 <= p.sentences() <= MAX_SENTENCES, p.text
        rec = to_record(p, len(records) + 1, name, seed, traditional, halfwidth)
        check_record(rec)
        assert bool(rec["relations"]) == (name in INVESTMENT_TEMPLATES), rec
        records.append(rec)
    return records


def dumps(records: list[dict]) -> str:
    return "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in records)


# ======================================================================================
# Second family: NER sentences (--family ner)
# ======================================================================================
# Report-style sentences rich in ORG and LOC, with ORG / LOC / PROJECT contrasts: the same
# kind of institution is ORG when it acts, is honoured or moves, and PROJECT when the
# sentence is about building or investing in it; a zone is LOC where firms settle. Names are
# put together from neutral syllables below, so hundreds of distinct invented names occur;
# the only real names are macro-regions (京津冀, 长三角 …) and five national news outlets
# (新华社 …). Nothing is taken from the corpus or the gold files. Relations occur only where a
# named project is invested in, by the first family's rules.
NER_FAMILY = "ner"
NER_ID_PREFIX = "synthetic-ner"  # ids synthetic-ner#00001 …: never clash with synthetic#…

NER_STEM_FIRST = "东西南北青安宁平兴丰嘉永长清富泰康乐广红白金玉明德福昌瑞文华龙凤桃柳杏"
NER_STEM_SECOND = "山泉川林桥溪岭湖江源阳庄峰坪沙湾口城原田浦滩营店集堡"
# Stems never used: names in the guides' examples and big real cities.
NER_STEM_BLOCK = frozenset((
    "金江", "东湖", "长沙", "东营", "东城", "西城", "南城", "北城", "平山", "乐山", "金山", "南山", "东山",
    "西山", "青岛", "白山", "清江", "文山", "昌平", "长城", "凤城", "丰台", "桃源", "华山", "泰山", "龙口",
    "云阳", "安阳", "南阳", "德阳", "丰城", "清源", "凤凰", "长江", "玉溪",
))
NER_STEMS = tuple(a + b for a in NER_STEM_FIRST for b in NER_STEM_SECOND if a + b not in NER_STEM_BLOCK)
NER_BRAND_FIRST = "鑫瑞恒晟博宏盛诚嘉润祥凯启正中天海科远联创新永昌"
NER_BRAND_SECOND = "达信通泰源丰科华宇航邦锐力德升腾安和利远"
NER_BRANDS = tuple(a + b for a in NER_BRAND_FIRST for b in NER_BRAND_SECOND if a != b)
NER_SURNAMES = "张王李赵刘陈杨黄周吴徐孙马郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾田董潘蒋蔡杜程苏魏吕丁任姚卢崔谭陆汪石廖贾夏韦方邹孟熊秦邱尹薛段侯史陶贺顾毛郝龚邵钱严武戴孔汤"
NER_GIVEN = "伟芳娜敏静丽强磊军洋勇艳娟涛明超秀霞刚英华建国红文海林春玉雪辉鹏宇浩凯斌波晨阳东峰健亮"
NER_ORDINALS = "一二三四五六七八"

NER_LEADS = ("一年来，", "过去一年，", "今年以来，", "五年来，", "本届政府任期内，", "去年，", "")
NER_FIELDS = ("新材料", "智能制造", "生物医药", "新能源", "数字经济", "现代农业", "海洋工程", "先进计算", "环境科学",
              "人工智能", "低碳技术", "工业设计")
NER_DEPTS = ("发展改革委", "教育局", "科技局", "工业和信息化局", "民政局", "司法局", "财政局", "人力资源和社会保障局",
             "生态环境局", "住房和城乡建设委", "城市管理委", "交通运输局", "水务局", "农业农村委", "商务局", "文化和旅游局",
             "卫生健康委", "退役军人事务局", "应急管理局", "市场监管局", "统计局", "医保局", "政务服务办", "审计局",
             "国资委", "疾病预防控制中心", "规划和自然资源局", "科学技术协会", "工商业联合会", "总工会")
NER_DEPTS_CITY = ("发展改革委", "生态环境局", "教育局", "商务局", "交通运输局", "市场监管局", "科技局", "卫生健康委")
NER_HONOURS_PLACE = ("全国文明城区", "国家生态文明建设示范区", "全国双拥模范城", "国家级全域旅游示范区", "全国科技创新百强区",
                     "省级食品安全示范区", "全国信用体系建设示范区", "国家知识产权强县工程示范区", "全国义务教育优质均衡发展区",
                     "全国平安建设先进地区", "国家农产品质量安全示范区")
NER_HONOURS_TOWN = ("全国千强镇", "全国重点镇", "省级特色小镇", "国家级卫生乡镇", "全国乡村治理示范乡镇")
NER_HONOURS_VILLAGE = ("全国民主法治示范村", "国家级传统村落", "全国乡村旅游重点村", "省级美丽乡村示范村", "全国文明村")
NER_HONOURS_COMMUNITY = ("全国综合减灾示范社区", "全国和谐社区建设示范社区", "省级文明社区", "全国示范性老年友好型社区")
NER_HONOURS_ORG = ("全国先进集体", "全国五一劳动奖状", "省级文明单位", "全国巾帼文明岗", "全国法治政府建设示范单位", "省级先进基层党组织")
NER_CAMPAIGNS = ("放管服", "一网通办", "我为群众办实事", "双随机、一公开", "四下基层", "诚信兴商", "文明餐桌", "清廉机关",
                 "万企兴万村", "消费促进月", "百日攻坚", "春风行动", "安全生产月", "最多跑一次", "接诉即办")
NER_EVENTS = ("数字经济发展峰会", "全国青少年足球邀请赛", "秋季招商推介会", "科技成果转化对接会",
              "京剧艺术节", "全民健身运动会", "农民丰收节", "新能源汽车展", "人才招聘大会", "乡村振兴论坛", "消费季启动仪式")
NER_GENERIC = ("规上工业企业", "专精特新中小企业", "国家高新技术企业", "科技型中小企业", "重点企业", "外资企业", "民营企业")


class NerPara(Para):
    """A paragraph of the NER family with its reporting place: a district, county or county-level
    city (home) and the city or province above it (parent). The bodies 区委 / 县政府 … and 全区 /
    我县 refer to them."""

    def __init__(self, r: random.Random) -> None:
        super().__init__()
        self.level = weighted(r, ((6, "区"), (3, "县"), (2, "市")))
        self.parent_level = "省" if self.level == "市" else "市"
        self.home_stem, self.parent_stem = r.sample(NER_STEMS, 2)
        self.used_names: set[str] = set()

    @property
    def home(self) -> str:
        return self.home_stem + self.level

    @property
    def parent(self) -> str:
        return self.parent_stem + self.parent_level


def nm_stem(r: random.Random, p: NerPara | None = None) -> str:
    """A stem unlike the paragraph's home and parent stems."""
    while True:
        s = pick(r, NER_STEMS)
        if p is None or s not in (p.home_stem, p.parent_stem):
            return s


def nm_person(r: random.Random) -> str:
    return pick(r, NER_SURNAMES) + "".join(pick(r, NER_GIVEN) for _ in range(r.randint(1, 2)))


def nm_date(r: random.Random) -> str:
    return f"{r.randint(2019, 2025)}年{r.randint(1, 12)}月{r.randint(1, 28)}日"


def nm_term(r: random.Random) -> str:
    """第十七届 …"""
    return "第" + cn_int(r.randint(14, 19)) + "届"


# --- places (LOC) ----------------------------------------------------------------------
def nm_district(r: random.Random, p: NerPara) -> str:
    return nm_stem(r, p) + pick(r, ("区", "区", "县"))


def nm_city(r: random.Random, p: NerPara) -> str:
    return nm_stem(r, p) + "市"


def nm_province(r: random.Random, p: NerPara) -> str:
    return nm_stem(r, p) + "省"


def nm_street(r: random.Random, p: NerPara) -> str:
    """A 街道 (sub-district): 青泉街道, 青泉路街, 青泉街."""
    return nm_stem(r, p) + pick(r, ("街道", "街道", "路街", "街"))


def nm_community(r: random.Random, p: NerPara) -> str:
    return nm_stem(r, p) + pick(r, ("社区", "社区", "家园社区", "花园社区", "新村社区", "苑社区"))


def nm_road(r: random.Random, p: NerPara) -> str:
    return nm_stem(r, p) + pick(r, ("路", "南路", "北路", "东路", "西路", "中路", "大道", "大街"))


def nm_town(r: random.Random, p: NerPara) -> str:
    return nm_stem(r, p) + pick(r, ("镇", "镇", "镇", "乡"))


def nm_village(r: random.Random, p: NerPara) -> str:
    if chance(r, 0.3):
        return pick(r, NER_SURNAMES) + pick(r, ("家庄村", "家营村", "家沟村", "家坪村"))
    return nm_stem(r, p) + "村"


def nm_river(r: random.Random, p: NerPara) -> str:
    s = nm_stem(r, p)
    return s if s[-1] in "江湖溪" else s + pick(r, ("河", "河", "江", "湖"))


def nm_building(r: random.Random, p: NerPara) -> str:
    """A named building or venue where something happens (LOC)."""
    return pick(r, (nm_stem(r, p), pick(r, NER_BRANDS))) + pick(
        r, ("大厦", "国际大厦", "科技大厦", "国际会展中心", "国际会议中心", "文化广场", "体育馆", "大剧院", "宾馆"))


def nm_zone(r: random.Random, p: NerPara) -> str:
    """A zone as a place: 青泉经济开发区, or the report's own 高新区 / 经开区 / 开发区."""
    if chance(r, 0.15):
        return pick(r, ZONE_SHORT)
    return pick(r, (p.home_stem, nm_stem(r, p))) + pick(r, ZONE_KINDS + ("高新区", "经济技术开发区"))


NER_REGIONS = ("京津冀", "长三角", "粤港澳大湾区", "中西部地区", "中部地区", "东北地区", "成渝地区", "珠三角", "环渤海地区",
               "西部地区")


def nm_chain(r: random.Random, p: NerPara) -> str:
    """A chain of places written together (one LOC)."""
    c = r.random()
    if c < 0.3:
        return nm_province(r, p) + nm_city(r, p) + nm_district(r, p)
    if c < 0.5:
        return nm_stem(r, p) + pick(r, ("", "省")) + nm_city(r, p) + nm_district(r, p) + nm_town(r, p)
    if c < 0.75:
        return p.parent + p.home + nm_street(r, p)
    return nm_city(r, p) + nm_district(r, p)


# --- organisations (ORG) ---------------------------------------------------------------
def nm_dept(r: random.Random, p: NerPara) -> str:
    c = r.random()
    if c < 0.55:
        return p.level + pick(r, NER_DEPTS)
    if c < 0.8:
        return p.home + pick(r, NER_DEPTS)
    return p.parent_level + pick(r, NER_DEPTS_CITY)


def nm_brand(r: random.Random) -> str:
    return pick(r, NER_BRANDS)


def nm_company(r: random.Random, p: NerPara, branch: bool = True) -> str:
    c = r.random()
    if not branch and 0.25 <= c < 0.4:
        c = 0.5
    name = nm_brand(r) + pick(r, INDUSTRIES) + pick(r, COMPANY_SUFFIX)
    if c < 0.25:
        name = pick(r, (p.parent_stem, nm_stem(r, p))) + name
    elif c < 0.4:  # a branch: the place stays inside the name
        name = nm_brand(r) + pick(r, ("物流", "建设", "电力", "通信", "燃气", "供水")) + pick(
            r, ("有限公司", "集团有限公司", "股份有限公司")) + pick(r, (p.home_stem, nm_stem(r, p))) + "分公司"
    return name


def nm_bank(r: random.Random, p: NerPara) -> str:
    c = r.random()
    if c < 0.4:
        return pick(r, (p.parent_stem, p.home_stem, nm_stem(r, p))) + pick(r, ("农商银行", "农村商业银行", "村镇银行"))
    if c < 0.8:
        return nm_brand(r) + "银行" + pick(r, (p.parent_stem + "分行", p.home_stem + "支行", nm_stem(r, p) + "分行"))
    return nm_brand(r) + "银行"


def nm_insurer(r: random.Random, p: NerPara) -> str:
    base = nm_brand(r) + pick(r, ("人寿保险股份有限公司", "财产保险股份有限公司", "保险集团"))
    if "股份" in base and chance(r, 0.5):
        base += pick(r, (p.parent_stem + "中心支公司", p.home_stem + "支公司"))
    return base


def nm_school(r: random.Random, p: NerPara) -> str:
    c = r.random()
    if c < 0.25:
        return nm_stem(r, p) + pick(r, ("中学", "小学", "实验小学", "实验中学", "外国语学校", "实验学校", "职业中专"))
    if c < 0.5:
        return pick(r, (p.home, p.parent)) + "第" + pick(r, NER_ORDINALS) + pick(r, ("中学", "中学", "小学"))
    if c < 0.65:  # short form: 青泉一中
        return pick(r, (p.home_stem, p.parent_stem, nm_stem(r, p))) + pick(r, NER_ORDINALS[:5]) + "中"
    if c < 0.85:
        return pick(r, (nm_stem(r, p), p.home + "第" + pick(r, NER_ORDINALS[:5]))) + "幼儿园"
    return nm_stem(r, p) + pick(r, ("街", "路")) + pick(r, ("小学", "幼儿园"))


def nm_university(r: random.Random, p: NerPara) -> str:
    return nm_stem(r, p) + pick(r, ("大学", "理工大学", "师范大学", "科技大学", "农业大学", "医科大学", "职业技术学院",
                                     "工程学院"))


def nm_institute(r: random.Random, p: NerPara) -> str:
    """A university's research institute: 青川大学新材料研究院 (one ORG)."""
    return nm_university(r, p).replace("职业技术学院", "大学") + pick(r, (pick(r, NER_FIELDS), p.home_stem)) + "研究院"


def nm_hospital(r: random.Random, p: NerPara, cdc: bool = True) -> str:
    """A hospital, a community health centre or (with `cdc`) a disease-control centre."""
    c = r.random() * (1 if cdc else 0.9)
    if c < 0.35:
        return pick(r, (p.home, p.parent)) + pick(r, ("人民医院", "中医医院", "妇幼保健院", "第二人民医院"))
    if c < 0.55:
        return nm_stem(r, p) + pick(r, ("中心医院", "中医医院", "骨科医院"))
    if c < 0.75:
        return nm_university(r, p).replace("职业技术学院", "医学院").replace("工程学院", "医学院") + "附属医院"
    if c < 0.9:
        return nm_street(r, p) + "社区卫生服务中心"
    return pick(r, (p.home, p.level)) + "疾病预防控制中心"


def nm_design_institute(r: random.Random, p: NerPara) -> str:
    return pick(r, (nm_stem(r, p), p.parent_stem)) + pick(
        r, ("市政工程设计研究院", "建筑设计研究院有限公司", "城市规划设计研究院", "交通规划设计院", "农业科学研究院",
            "环境科学研究院", "水利勘测设计研究院"))


def nm_association(r: random.Random, p: NerPara) -> str:
    c = r.random()
    if c < 0.35:
        return pick(r, (p.parent, p.home)) + pick(r, NER_FIELDS) + "产业联盟"
    if c < 0.6:
        return pick(r, (p.parent, p.home)) + pick(r, ("物流行业协会", "青年企业家协会", "个体劳动者协会", "餐饮行业协会",
                                                     "建筑业协会", "电子商务协会"))
    if c < 0.85:  # a hometown chamber: both places inside the name
        return p.home + nm_stem(r, p) + "商会"
    return nm_stem(r, p) + pick(r, ("商会", "企业联合会"))


def nm_media(r: random.Random, p: NerPara, local: bool = False) -> str:
    c = r.random()
    if c < 0.2 and not local:
        return pick(r, ("新华社", "人民日报", "光明日报", "经济日报", "中新社"))
    if c < 0.75:
        return pick(r, (p.parent_stem, nm_stem(r, p))) + pick(r, ("日报", "晚报", "广播电视台", "新闻网"))
    return p.home + "融媒体中心"


def nm_mall(r: random.Random, p: NerPara) -> str:
    return nm_brand(r) + pick(r, ("购物中心", "广场购物中心", "百货", "商业广场", "奥莱购物公园"))


def nm_zone_admin(r: random.Random, p: NerPara) -> str:
    z = nm_zone(r, p)
    return z + pick(r, ("管委会", "管理委员会"))


# --- projects (PROJECT) ----------------------------------------------------------------
def nm_school_project(r: random.Random, p: NerPara) -> str:
    c = r.random()
    if c < 0.3:
        return p.home + "第" + pick(r, NER_ORDINALS) + pick(r, ("中学", "小学", "幼儿园")) + pick(r, ("", "新校区"))
    if c < 0.6:
        return nm_stem(r, p) + pick(r, ("实验小学", "中学", "幼儿园", "九年一贯制学校", "实验学校"))
    if c < 0.8:
        return nm_university(r, p) + nm_stem(r, p) + "校区"
    return nm_school(r, p) + "新校区"


def nm_hospital_project(r: random.Random, p: NerPara) -> str:
    c = r.random()
    if c < 0.4:
        return p.home + pick(r, ("人民医院新院区", "中医医院迁建工程", "妇幼保健院", "第二人民医院", "精神卫生中心"))
    if c < 0.7:
        return nm_stem(r, p) + pick(r, ("中心医院", "康复医院", "社区卫生服务中心", "养老院"))
    return p.home + pick(r, ("疾病预防控制中心业务楼", "急救中心", "传染病医院"))


def nm_mall_project(r: random.Random, p: NerPara) -> str:
    return nm_brand(r) + pick(r, ("购物中心", "商业综合体", "城市综合体", "奥莱购物公园"))


def nm_park_project(r: random.Random, p: NerPara) -> str:
    return pick(r, (p.home_stem, nm_stem(r, p))) + pick(r, PARKS_B)


def nm_institution_project(r: random.Random, p: NerPara) -> str:
    return pick(r, (nm_school_project, nm_hospital_project))(r, p)


def ner_amount(p: NerPara, r: random.Random, lo: float, hi: float, tail: bool = True, mods: bool = True,
               size: str = "project") -> int:
    """An amount between lo and hi yuan (log-uniform), written like the first family's (`size`
    "macro" or "group": no ranges such as 5-10亿元)."""
    return money(p, r, size, value=lo * (hi / lo) ** r.random(), tail=tail, mods=mods)


def nm_fresh(r: random.Random, p: NerPara, maker, n: int = 1) -> list[str]:
    """n distinct names from `maker` that the paragraph has not used yet."""
    out: list[str] = []
    while len(out) < n:
        name = maker(r, p)
        if name not in out and name not in p.used_names:
            out.append(name)
    p.used_names.update(out)
    return out


def ner_list(p: NerPara, r: random.Random, names, label: str) -> None:
    enumerate_items(p, r, names, lambda name: p.e(name, label))


def ner_lead(p: NerPara, r: random.Random) -> None:
    """An opening like 一年来， (never twice in one paragraph)."""
    lead_ = pick(r, NER_LEADS)
    if lead_ and lead_ in p.text:
        return
    p.t(lead_)


def ner_whole(p: NerPara, r: random.Random) -> None:
    """全区 / 我县 …: never an entity."""
    p.t(pick(r, ("全", "我")) + p.level)


# --- templates: report titles (standalone records, no 。) --------------------------------
def ner_title_report(p: NerPara, r: random.Random) -> None:
    """青泉区人民政府工作报告 (ORG) / 青泉区2024年政府工作报告 (LOC, the year follows)."""
    c = r.random()
    year = f"{r.randint(2019, 2025)}年"
    if c < 0.35:
        p.e(p.home + "人民政府", "ORG")
        p.t("工作报告")
    elif c < 0.65:
        p.e(p.home, "LOC")
        p.t(year, "政府工作报告")
    elif c < 0.85:
        p.t(year)
        p.e(p.home + "政府", "ORG")
        p.t("工作报告")
    else:
        p.t("政府工作报告")


def ner_title_session(p: NerPara, r: random.Random) -> None:
    """——2024年1月10日在【青泉区第十八届人民代表大会】第三次会议上."""
    p.t(pick(r, ("——", "—— ", "")), nm_date(r), "在")
    p.e(p.home + nm_term(r) + "人民代表大会", "ORG")
    p.t("第", cn_int(r.randint(1, 6)), "次会议上")


def ner_title_signature(p: NerPara, r: random.Random) -> None:
    """【青泉区人民政府】区长 张三: the body is ORG, the person is not an entity."""
    p.e(p.home + pick(r, ("人民政府", "人民政府", "政府")), "ORG")
    p.t(pick(r, ("", "代", "副")) + p.level + "长", pick(r, (" ", "　", "  ", "")), nm_person(r))


NER_TITLE_TEMPLATES = ("ner_title_report", "ner_title_session", "ner_title_signature")


# --- templates: government bodies ----------------------------------------------------------
def ner_report_opening(p: NerPara, r: random.Random) -> None:
    """我代表【区政府】…并请区政协委员 (a role noun) 提出意见."""
    p.t("各位代表：现在，我代表")
    p.e(pick(r, (p.home + "人民政府", p.level + "人民政府", p.level + "政府")), "ORG")
    p.t("向大会报告工作，请予审议，并请", p.level, "政协委员和其他列席人员提出意见。")


def ner_leadership(p: NerPara, r: random.Random) -> None:
    p.t(pick(r, ("一年来，", "过去五年，", "")), "在")
    p.e(p.parent_level + "委", "ORG")
    p.t("、")
    p.e(p.parent_level + "政府", "ORG")
    p.t("和")
    p.e(pick(r, (p.level + "委", "中共" + p.home + "委员会")), "ORG")
    p.t("的坚强领导下，在")
    p.e(pick(r, (p.level + "人大常委会", p.home + "人大常委会")), "ORG")
    p.t("和")
    p.e(pick(r, (p.level + "政协", "政协" + p.home + "委员会")), "ORG")
    p.t("的监督支持下，", pick(r, ("全", "我")), p.level, pick(r, ("人民", "上下")),
        pick(r, ("团结奋斗、攻坚克难", "砥砺奋进、真抓实干")), "，经济社会发展取得新成效。")


def ner_office_titles(p: NerPara, r: random.Random) -> None:
    """【市委】常委、【区委】书记张三到【公司】调研: bodies before titles are ORG, persons not."""
    if chance(r, 0.5):
        p.e(p.parent_level + "委", "ORG")
        p.t("常委、")
    p.e(p.level + "委", "ORG")
    p.t("书记", nm_person(r), pick(r, ("，", "和")))
    p.e(p.level + "委", "ORG")
    p.t("副书记、", p.level, "长", nm_person(r), "先后到")
    p.e(nm_company(r, p), "ORG")
    p.t("、")
    p.e(pick(r, (nm_university(r, p), nm_hospital(r, p))), "ORG")
    p.t(pick(r, ("调研", "走访调研", "现场办公")), "，", pick(r, ("帮助解决实际困难", "协调解决问题12项", "听取意见建议")), "。")


def ner_congress(p: NerPara, r: random.Random) -> None:
    """【区第十八届人民代表大会】第三次会议 (the session stays outside); 人大代表 not an entity."""
    p.e(pick(r, (p.home, p.level)) + nm_term(r) + "人民代表大会", "ORG")
    p.t("第", cn_int(r.randint(1, 6)), "次会议", pick(r, ("于", "")), nm_date(r), pick(r, ("隆重开幕", "胜利闭幕", "召开")), "，")
    p.t(pick(r, ("出席会议的人大代表", "与会代表", "全体人大代表")), "审议通过了", pick(r, ("政府工作报告", "计划报告和预算报告")), "。")
    if chance(r, 0.5):
        p.e(pick(r, (p.level + "人大常委会", p.home + "人大常委会")), "ORG")
        p.t("全年", pick(r, ("听取审议专项工作报告", "开展执法检查", "办理代表建议")), str(r.randint(5, 60)),
            pick(r, ("项", "件")), "，")
        p.e(pick(r, (p.level + "政协", "政协" + p.home + "委员会")), "ORG")
        p.t("提交提案", str(r.randint(80, 400)), "件，", p.level, "政协委员积极建言献策。")


def ner_delegation(p: NerPara, r: random.Random) -> None:
    """【青泉区代表团】 is ORG."""
    p.e(pick(r, (p.home, p.home_stem + p.level)) + "代表团", "ORG")
    p.t("在", pick(r, ("市", "省")), "人代会期间提出", pick(r, ("议案", "建议")), str(r.randint(3, 30)), "件，")
    if chance(r, 0.5):
        p.e(nm_city(r, p) + pick(r, ("党政代表团", "代表团", "考察团")), "ORG")
        p.t("来", p.level, "考察交流，双方签订", pick(r, ("对口协作框架协议", "友好合作协议")), "。")
    else:
        p.t("涉及", pick(r, ("教育", "医疗", "交通", "生态环保")), "等领域。")


def ner_dept_action(p: NerPara, r: random.Random) -> None:
    a, b = nm_fresh(r, p, nm_dept, 2)
    ner_lead(p, r)
    p.e(a, "ORG")
    p.t(pick(r, ("会同", "联合", "牵头")))
    p.e(b, "ORG")
    p.t("开展“", pick(r, NER_CAMPAIGNS), "”", pick(r, ("专项行动", "集中整治", "主题活动")), "，")
    p.t(pick(r, ("检查", "走访", "服务")), pick(r, NER_GENERIC + ("经营主体", "重点单位")), str(r.randint(30, 900)), "家次。")


def ner_dept_award(p: NerPara, r: random.Random) -> None:
    """【区教育局】被评为…: a body honoured is ORG."""
    a, b = nm_fresh(r, p, nm_dept, 2)
    p.e(a, "ORG")
    p.t(pick(r, ("被评为", "荣获", "获评")), pick(r, NER_HONOURS_ORG), "，")
    p.e(b, "ORG")
    p.t(pick(r, ("被授予", "获评", "荣获")), pick(r, NER_HONOURS_ORG), pick(r, ("称号", "")), "。")


def ner_party_bodies(p: NerPara, r: random.Random) -> None:
    p.e(pick(r, ("中共" + p.home + "委员会", p.level + "委", p.home + "委")), "ORG")
    if chance(r, 0.7):
        p.t("召开", pick(r, ("全会", "常委会会议", "专题会议")), "，")
    else:
        p.t("印发", pick(r, ("实施意见", "工作方案", "三年行动计划")), "，")
    p.e(pick(r, (p.level + "纪委监委", p.home + "纪委监委", p.level + "委组织部", p.level + "委宣传部")), "ORG")
    p.t(pick(r, ("深入开展", "扎实推进")), "“", pick(r, NER_CAMPAIGNS), "”", pick(r, ("专项整治", "主题教育", "工作")), "。")


def ner_court(p: NerPara, r: random.Random) -> None:
    p.e(pick(r, (p.home, p.level)) + "人民法院", "ORG")
    p.t("审结各类案件", str(r.randint(1000, 20000)), "件，")
    p.e(pick(r, (p.home, p.level)) + "人民检察院", "ORG")
    p.t(pick(r, ("办理公益诉讼案件", "提起公诉")), str(r.randint(20, 600)), "件，")
    p.e(pick(r, (p.home + "公安分局", p.level + "公安局", p.home + "公安局")), "ORG")
    p.t(pick(r, ("刑事案件发案率下降", "电信网络诈骗案件发案数下降")))
    percent(p, r, "growth")
    p.t("。")


# --- templates: places -------------------------------------------------------------------
def ner_place_award(p: NerPara, r: random.Random) -> None:
    """【青泉区】被评为…: the LOC stops before the verb."""
    ner_lead(p, r)
    p.e(pick(r, (p.home, p.home, nm_district(r, p))), "LOC")
    p.t(pick(r, ("被评为", "成功创建", "获评", "入选", "被命名为")), pick(r, NER_HONOURS_PLACE), "，")
    p.e(nm_town(r, p), "LOC")
    p.t(pick(r, ("入选", "被评为")), pick(r, NER_HONOURS_TOWN), "，")
    p.e(nm_village(r, p), "LOC")
    p.t(pick(r, ("获评", "入选", "被评为")), pick(r, NER_HONOURS_VILLAGE), "。")


def ner_place_ranking(p: NerPara, r: random.Random) -> None:
    """The place ends before 在 / 被 / 是 / 连续 / 将: 【青泉区】在全市…考核中…."""
    c = r.random()
    p.e(pick(r, (p.home, p.home, p.home_stem)), "LOC")
    if c < 0.35:
        p.t("在全", p.parent_level, pick(r, ("高质量发展综合绩效评价", "营商环境评价", "年度综合考评")), "中", pick(
            r, ("位列第一", "获评优秀等次", "位居前三")), "，")
    elif c < 0.6:
        p.t("连续", pick(r, ("两", "三", "四", "五")), "年被评为全", p.parent_level,
            pick(r, ("县域经济发展先进", "招商引资先进")), p.level, "，")
    else:
        p.t("是", pick(r, ("全国重要的先进制造业基地", "国家级现代农业示范区所在地", "全省重要的交通枢纽")), "，")
    p.e(nm_town(r, p), "LOC")
    p.t(pick(r, ("将", "要")), pick(r, ("打造全域旅游示范镇", "建设省级特色产业强镇")), "，")
    p.e(pick(r, (nm_district(r, p), nm_city(r, p))), "LOC")
    p.t(pick(r, ("被列为", "被确定为")), pick(r, ("全省改革试点地区", "国家级综合改革试验区")), "。")


def ner_place_chain(p: NerPara, r: random.Random) -> None:
    """A chain of places is one LOC; places joined by 的 stay apart."""
    c = r.random()
    if c < 0.4:
        p.t("与")
        p.e(nm_chain(r, p), "LOC")
        p.t(pick(r, ("开展对口协作", "签订东西部协作协议", "结对共建")), "，")
        p.t("选派", pick(r, ("专业技术人才", "骨干教师", "医疗专家")), str(r.randint(5, 60)), "名赴当地开展帮扶。")
    elif c < 0.7:
        p.t("来自")
        p.e(nm_chain(r, p), "LOC")
        p.t("的", str(r.randint(20, 200)), "名客商来", p.level, pick(r, ("考察", "洽谈合作")), "，")
        p.t(pick(r, ("达成合作意向", "签约项目")), str(r.randint(3, 20)), "个。")
    else:
        p.e(p.parent, "LOC")
        p.t("的")
        p.e(p.home, "LOC")
        p.t(pick(r, ("区位优势明显", "交通便利")), "，距")
        p.e(nm_city(r, p), "LOC")
        p.t(pick(r, ("仅", "约")), str(r.randint(20, 120)), "公里。")


def ner_street_community(p: NerPara, r: random.Random) -> None:
    """【青泉街道安宁社区】 (chain) is one LOC; 各街道 is not an entity."""
    p.e(nm_street(r, p) + nm_community(r, p), "LOC")
    p.t(pick(r, ("获评", "入选", "被评为")), pick(r, NER_HONOURS_COMMUNITY), "，")
    a, b = nm_fresh(r, p, nm_street, 2)
    p.e(a, "LOC")
    p.t("、")
    p.e(b, "LOC")
    p.t(pick(r, ("完成", "推进")), pick(r, ("老旧小区改造", "社区服务阵地提升", "网格化管理试点")), "，各街道", pick(r, (
        "便民服务中心实现全覆盖", "社区治理水平明显提升")), "。")


def ner_chain_street(p: NerPara, r: random.Random) -> None:
    """位于【青泉市安宁区东关街道】的【公司】: chain LOC, then the ORG after 的."""
    p.t("位于")
    p.e(pick(r, (p.parent + p.home + nm_street(r, p), p.home + nm_street(r, p), p.home + nm_town(r, p))), "LOC")
    p.t("的")
    p.e(nm_company(r, p), "ORG")
    p.t(pick(r, ("获评国家级绿色工厂", "入选省级智能工厂", "新增发明专利12项", "建成数字化车间")), "。")


def ner_roads_loc(p: NerPara, r: random.Random) -> None:
    """Roads that only locate work are LOC."""
    a, b = nm_fresh(r, p, nm_road, 2)
    p.t("在")
    p.e(a, "LOC")
    p.t(pick(r, ("、", "和")))
    p.e(b, "LOC")
    p.t(pick(r, ("沿线开展环境综合整治", "沿线新增公共停车泊位" + str(r.randint(100, 900)) + "个",
                 "沿线布设智慧路灯" + str(r.randint(100, 900)) + "盏", "两侧实施绿化提升")), "，")
    p.e(pick(r, (nm_street(r, p), nm_community(r, p))), "LOC")
    p.t(pick(r, ("人居环境明显改善", "群众出行更加便捷")), "。")


def ner_road_project(p: NerPara, r: random.Random) -> None:
    """Roads under construction are PROJECT; with their own money they link."""
    if chance(r, 0.5):
        names = nm_fresh(r, p, nm_road, r.randint(2, 3))
        p.t(pick(r, ("打通", "新建", "改造提升")))
        ner_list(p, r, names, "PROJECT")
        p.t("等", str(r.randint(len(names) + 2, 15)), "条", pick(r, ("断头路", "道路", "城市主次干路")), "，")
        p.t(pick(r, ("城市路网进一步完善", "群众出行更加便捷")), "。")
    else:
        road = nm_fresh(r, p, nm_road)[0]
        idx = p.e(road + pick(r, ("提升改造工程", "拓宽工程", "道路工程", "快速化改造工程")), "PROJECT")
        p.t(pick(r, ("全面完工", "开工建设", "建成通车")), "，", pick(r, ("总投资", "计划投资", "完成投资")))
        p.rel(idx, ner_amount(p, r, 1e7, 5e9))
        p.t("。")


def ner_village_town(p: NerPara, r: random.Random) -> None:
    """【白沙镇青泉村】 (chain) is one LOC."""
    p.e(nm_town(r, p) + nm_village(r, p), "LOC")
    p.t(pick(r, ("入选", "获评")), pick(r, NER_HONOURS_VILLAGE), "，")
    p.e(nm_town(r, p), "LOC")
    p.t(pick(r, ("农村居民人均可支配收入增长", "村集体经济收入增长")))
    percent(p, r, "growth")
    p.t("，", pick(r, ("“一村一品”格局基本形成", "乡村面貌焕然一新")), "。")


def ner_river(p: NerPara, r: random.Random) -> None:
    a, b = nm_fresh(r, p, nm_river, 2)
    p.t(pick(r, ("全面落实河湖长责任，", "深入打好碧水保卫战，", "")))
    p.e(a, "LOC")
    p.t("、")
    p.e(b, "LOC")
    p.t(pick(r, ("水质稳定达到Ⅲ类标准", "国考断面水质全部达标", "出境断面水质持续改善")), "，")
    p.t("地表水优良水体比例达到")
    percent(p, r, "share")
    p.t("。")


def ner_regions(p: NerPara, r: random.Random) -> None:
    a, b = r.sample(NER_REGIONS, 2)
    p.t(pick(r, ("深度融入", "主动服务", "积极对接")))
    p.e(a, "LOC")
    p.t(pick(r, ("协同发展", "一体化发展")), "，", pick(r, ("加强与", "深化与")))
    p.e(b, "LOC")
    p.t("的", pick(r, ("产业协作", "交流合作")), "，")
    p.e(p.home, "LOC")
    p.t(pick(r, ("区位优势进一步凸显", "开放型经济水平持续提升")), "。")


def ner_venue_event(p: NerPara, r: random.Random) -> None:
    """A building where something happens is LOC."""
    p.t(pick(r, ("成功举办", "承办")), pick(r, ("", f"{r.randint(2019, 2025)}")), pick(r, NER_EVENTS), "，")
    p.t("主会场设在")
    p.e(nm_building(r, p), "LOC")
    p.t("，", pick(r, ("吸引参会嘉宾", "线上线下参与人数达")), str(r.randint(2, 80)), "万人次。")


def ner_event_place_name(p: NerPara, r: random.Random) -> None:
    """The district's name for itself inside an event name is LOC (project guide, hard case 6)."""
    p.t("成功举办第", cn_int(r.randint(2, 12)), "届")
    p.e(p.home_stem, "LOC")
    p.t(pick(r, ("文化旅游节", "读书节", "桃花节", "农民运动会", "美食节")), "，")
    p.t(pick(r, ("接待游客", "吸引游客")), str(r.randint(5, 90)), "万人次，实现旅游收入")
    ner_amount(p, r, 5e6, 3e9)
    p.t("。")


def ner_short_place(p: NerPara, r: random.Random) -> None:
    """The place's bare name inside a sentence (青泉) is LOC; slogans around it are not entities."""
    c = r.random()
    if c < 0.35:
        p.t("热忱欢迎", pick(r, ("海内外客商", "广大企业家", "各类人才")), "来")
        p.e(p.home_stem, "LOC")
        p.t(pick(r, ("投资兴业", "创新创业", "安家落户")), "，共享", pick(r, ("发展机遇", "发展成果")), "。")
    elif c < 0.7:
        p.t("全力打造“", pick(r, ("美丽", "幸福", "活力", "智慧", "平安")))
        p.e(p.home_stem, "LOC")
        p.t("”，让")
        p.e(p.home_stem, "LOC")
        p.t("的天更蓝、水更清、地更绿。")
    else:
        p.e(p.home_stem, "LOC")
        p.t(pick(r, ("站在了新的历史起点上", "发展的基础更加坚实")), "，", pick(r, ("全", "我")), p.level, "上下要",
            pick(r, ("坚定信心、乘势而上", "凝心聚力、奋勇争先")), "。")


def ner_growth(p: NerPara, r: random.Random) -> None:
    """【青泉区】地区生产总值增长7.5%: LOC then PERCENT (and money)."""
    p.e(pick(r, (p.home, p.home, p.home_stem)), "LOC")
    p.t(pick(r, ("地区生产总值", "全年地区生产总值")), pick(r, ("达到", "完成")))
    ner_amount(p, r, 2e10 if p.level == "区" else 8e9, 1.5e11 if p.level == "县" else 4e11, tail=False, mods=False,
               size="macro")
    p.t("，", pick(r, ("增长", "同比增长", "增长")))
    percent(p, r, "growth")
    p.t("，", pick(r, ("增速居全" + p.parent_level + "前列", "增速高于全省平均水平")), "；")
    ner_whole(p, r)
    p.t(pick(r, ("规上工业增加值", "社会消费品零售总额")))
    growth(p, r)
    p.t("。")


def ner_generic(p: NerPara, r: random.Random) -> None:
    """Generic classes (规上工业企业, 金融机构, 各街道) are not entities; amounts still are MONEY/PERCENT."""
    a, b = r.sample(NER_GENERIC, 2)
    ner_whole(p, r)
    p.t("新增", a, str(r.randint(5, 80)), "家、", b, str(r.randint(5, 80)), "家，")
    p.t("金融机构各项贷款余额")
    money(p, r, "group", mods=False)
    p.t("，")
    growth(p, r)
    p.t("，各街道", pick(r, ("经济发展活力持续增强", "招商引资成效明显")), "。")


def ner_people(p: NerPara, r: random.Random) -> None:
    """Persons are not entities; the body they belong to is."""
    p.t(nm_person(r), "、", nm_person(r), "等", str(r.randint(3, 12)), "人荣获",
        pick(r, ("全国劳动模范", "省级劳动模范", "全国优秀教师", "最美医生")), "称号，")
    body, role, title = pick(r, ((nm_company, "职工", "最美职工"), (nm_hospital, "医生", "最美医生"),
                                 (nm_school, "教师", "最美教师")))
    p.e(body(r, p), "ORG")
    p.t(role, nm_person(r), pick(r, ("入选", "荣登")), "“", pick(r, (title, "身边好人")), "”榜单。")


# --- templates: zones, companies, banks ----------------------------------------------------------
def ner_zone_settle(p: NerPara, r: random.Random) -> None:
    """落户【青泉经济开发区】: a zone where firms settle is LOC; the firms are ORG."""
    names = nm_fresh(r, p, nm_company, r.randint(1, 2))
    ner_lead(p, r)
    ner_list(p, r, names, "ORG")
    p.t("等", str(r.randint(len(names) + 2, 40)), "家企业", pick(r, ("落户", "入驻")))
    p.e(nm_zone(r, p), "LOC")
    p.t("，", pick(r, ("产业集聚效应持续显现", "主导产业链条不断延伸")), "。")


def ner_zone_admin_sign(p: NerPara, r: random.Random) -> None:
    """【…开发区管委会】 is an ORG; the same zone as a place is LOC."""
    admin = nm_zone_admin(r, p)
    p.e(admin, "ORG")
    p.t("与")
    p.e(nm_company(r, p), "ORG")
    p.t(pick(r, ("签订投资合作协议", "签署战略合作协议", "举行项目签约仪式")), "，")
    p.t("双方将在", pick(r, NER_FIELDS), "领域开展合作。")


def ner_signing(p: NerPara, r: random.Random) -> None:
    """签约 with a university or company; the venue is LOC."""
    p.e(pick(r, (p.home + "人民政府", p.level + "政府", p.home + "政府")), "ORG")
    p.t("与")
    p.e(pick(r, (nm_university(r, p), nm_company(r, p), nm_design_institute(r, p))), "ORG")
    p.t(pick(r, ("签署战略合作协议", "签订全面合作框架协议")), "，签约仪式在")
    p.e(nm_building(r, p), "LOC")
    p.t("举行。")


def ner_plaque(p: NerPara, r: random.Random) -> None:
    """挂牌成立 / 挂牌开业: a body that is set up or opens is ORG, not PROJECT."""
    c = r.random()
    if c < 0.35:
        p.e(nm_institute(r, p), "ORG")
        p.t(pick(r, ("在", "于")))
        p.e(nm_zone(r, p), "LOC")
        p.t("挂牌成立，", pick(r, ("首批引进科研团队", "已孵化科技企业")), str(r.randint(3, 20)), "个。")
    elif c < 0.7:
        p.e(nm_association(r, p), "ORG")
        p.t("正式挂牌成立，", pick(r, ("首批会员企业", "吸纳会员单位")), str(r.randint(20, 200)), "家。")
    else:
        p.e(nm_bank(r, p), "ORG")
        p.t(pick(r, ("挂牌开业", "正式开业", "新址投入使用")), "，", p.level, "内", pick(r, ("银行业金融机构", "金融机构")),
            "达到", str(r.randint(12, 40)), "家。")


def ner_approved(p: NerPara, r: random.Random) -> None:
    """获批: an institution is ORG; a zone that is upgraded (not built) is LOC."""
    c = r.random()
    if c < 0.35:
        p.e(pick(r, (p.home, p.parent, nm_stem(r, p))) + pick(r, ("人民医院", "中医医院", "中心医院")), "ORG")
        p.t("获批", pick(r, ("三级甲等医院", "国家级胸痛中心", "省级区域医疗中心")), "。")
    elif c < 0.65:
        p.e(pick(r, (p.home_stem, nm_stem(r, p))) + pick(r, ("经济开发区", "工业园区", "临港经济区")), "LOC")
        p.t("获批", pick(r, ("国家级绿色园区", "省级循环化改造示范园区", "国家级经济技术开发区")), "，")
        p.e(nm_company(r, p), "ORG")
        p.t("获批", pick(r, ("国家级企业技术中心", "省级工程研究中心")), "。")
    else:
        p.e(nm_university(r, p), "ORG")
        p.t("获批", pick(r, ("国家重点实验室", "博士学位授权单位", "省级现代产业学院")), "，")
        p.e(nm_company(r, p), "ORG")
        p.t("获批", pick(r, ("博士后科研工作站", "院士专家工作站")), "。")


def ner_activity(p: NerPara, r: random.Random) -> None:
    """开展…活动: organisers are ORG; the slogan in quotes is not an entity."""
    p.e(pick(r, (nm_association(r, p), nm_dept(r, p))), "ORG")
    p.t(pick(r, ("联合", "会同", "携手")))
    p.e(pick(r, (nm_dept(r, p), nm_media(r, p, local=True), nm_mall(r, p))), "ORG")
    p.t("开展“", pick(r, NER_CAMPAIGNS), "”", pick(r, ("主题活动", "系列活动", "宣传活动")), str(r.randint(10, 200)), "场次，")
    p.t("惠及群众", str(r.randint(1, 30)), "万人次。")


def ner_company_honours(p: NerPara, r: random.Random) -> None:
    a, b = nm_fresh(r, p, lambda rr, pp: nm_company(rr, pp, branch=False), 2)
    ner_lead(p, r)
    p.e(a, "ORG")
    p.t(pick(r, ("入选国家级专精特新“小巨人”企业", "获评国家级制造业单项冠军", "成功上市")), "，")
    p.e(b, "ORG")
    p.t(pick(r, ("获评省级“瞪羚”企业", "入选省级技术创新示范企业")), "，")
    p.t("新增", pick(r, NER_GENERIC), str(r.randint(5, 90)), "家。")


def ner_bank_finance(p: NerPara, r: random.Random) -> None:
    """Banks are ORG; 金融机构 is a generic class. Loans are MONEY, not investment."""
    a, b = nm_fresh(r, p, nm_bank, 2)
    p.e(a, "ORG")
    p.t("、")
    p.e(b, "ORG")
    p.t("等", pick(r, ("金融机构", "银行业金融机构")), pick(r, ("为", "向")), pick(r, NER_GENERIC),
        pick(r, ("发放贷款", "新增授信", "投放信贷资金")))
    money(p, r, "group", tail=True)
    p.t("，")
    if chance(r, 0.5):
        p.e(nm_insurer(r, p), "ORG")
        p.t(pick(r, ("提供风险保障", "承保农业保险")))
        money(p, r, "group", tail=True)
        p.t("。")
    else:
        p.t("普惠小微贷款")
        growth(p, r)
        p.t("。")


def ner_insurance(p: NerPara, r: random.Random) -> None:
    p.e(nm_insurer(r, p), "ORG")
    p.t("推出“", pick(r, ("惠民保", "安心保", "城市普惠保")), "”，", "参保群众达", str(r.randint(2, 60)), "万人，")
    p.t("累计赔付")
    money(p, r, "small", tail=True)
    p.t("。")


def ner_media(p: NerPara, r: random.Random) -> None:
    """Media named in the text are ORG."""
    a, b = nm_fresh(r, p, nm_media, 2)
    ner_lead(p, r)
    p.e(pick(r, (p.home, p.home_stem)), "LOC")
    p.t(pick(r, ("基层治理", "营商环境", "垃圾分类", "乡村振兴")), "经验做法被")
    p.e(a, "ORG")
    p.t("、")
    p.e(b, "ORG")
    p.t("等", pick(r, ("主流媒体", "媒体")), "宣传报道。")


def ner_dateline(p: NerPara, r: random.Random) -> None:
    """【新华社】【青泉】1月5日电: the outlet is ORG, the dateline place LOC; the reporter is not an entity."""
    c = r.random()
    if c < 0.5:
        p.e(pick(r, ("新华社", "中新社")), "ORG")
        p.e(pick(r, (p.parent_stem, p.home_stem)), "LOC")
        p.t(f"{r.randint(1, 12)}月{r.randint(1, 28)}日电（记者", nm_person(r), "）")
    else:
        p.e(nm_media(r, p), "ORG")
        p.t("讯（记者", nm_person(r), "）")
    p.e(pick(r, (p.home, p.parent)), "LOC")
    p.t(pick(r, ("日前", "近日")), pick(r, ("出台促进民营经济发展的若干措施", "启动城市更新行动", "发布人才新政20条")), "。")


def ner_mall_operator(p: NerPara, r: random.Random) -> None:
    """Shopping centres that run a campaign are ORG; sales are MONEY (not investment)."""
    a, b = nm_fresh(r, p, nm_mall, 2)
    p.e(a, "ORG")
    p.t("、")
    p.e(b, "ORG")
    p.t("等", pick(r, ("商业综合体", "重点商贸企业")), "开展“", pick(r, ("消费促进月", "夜经济", "老字号嘉年华")), "”", "促消费活动，")
    p.t(pick(r, ("实现销售额", "带动消费")))
    money(p, r, "project", tail=True)
    p.t("。")


def ner_mall_project(p: NerPara, r: random.Random) -> None:
    """A shopping centre being built or opened is PROJECT."""
    mall = nm_fresh(r, p, nm_mall_project)[0]
    if chance(r, 0.5):
        p.t(pick(r, ("总投资", "计划总投资")))
        m = ner_amount(p, r, 2e8, 3e10)
        p.t("的")
        p.rel(p.e(mall, "PROJECT"), m)
        p.t(pick(r, ("主体结构封顶", "建成开业", "开工建设")), "。")
    else:
        p.e(mall, "PROJECT")
        p.t(pick(r, ("建成开业", "主体结构封顶", "开工建设")), "，", pick(r, ("新增商业面积", "建筑面积")),
            str(r.randint(3, 30)), "万平方米。")


def ner_branch_company(p: NerPara, r: random.Random) -> None:
    """A branch with a place inside its name is one ORG; where it registers is LOC."""
    name = nm_brand(r) + pick(r, ("物流", "建设", "电力", "通信", "燃气", "供水", "新能源")) + pick(
        r, ("有限公司", "集团有限公司", "股份有限公司")) + p.home_stem + "分公司"
    p.e(name, "ORG")
    p.t(pick(r, ("在", "于")))
    p.e(pick(r, (p.home, nm_zone(r, p))), "LOC")
    p.t(pick(r, ("注册成立", "完成注册")), "，", pick(r, ("预计年营业收入", "年内实现营业收入")))
    money(p, r, "project", tail=True)
    p.t("。")


def ner_investing_company(p: NerPara, r: random.Random) -> None:
    """【公司】在【青泉区】投资X建设【项目】: ORG, LOC, MONEY, PROJECT with INVESTMENT."""
    p.e(nm_company(r, p, branch=False), "ORG")
    p.t("在")
    p.e(pick(r, (p.home, nm_zone(r, p))), "LOC")
    p.t(pick(r, ("投资", "计划投资", "追加投资")))
    value = draw(r, "project")
    m = money(p, r, value=value)
    p.t(pick(r, ("建设", "新建")))
    pj = nm_park_project(r, p) if chance(r, 0.4) else proj_capacity(r).name
    p.rel(p.e(pj, "PROJECT"), m)
    if chance(r, 0.35):
        p.t("，建成后年产值可达")  # output value: MONEY, not linked
        money(p, r, value=related(r, value, 1, 4), mods=False, tail=True)
        p.t("。")
    else:
        p.t("，", pick(r, ("年内开工建设", "目前已完成土地摘牌")), "。")


def ner_park_contrast(p: NerPara, r: random.Random) -> None:
    """A park being developed is PROJECT; firms settling in another park name it as LOC."""
    park = nm_fresh(r, p, nm_park_project)[0]
    p.t("加快")
    p.e(park, "PROJECT")
    p.t(pick(r, ("开发建设", "二期建设", "规划建设")), "，")
    p.e(nm_company(r, p), "ORG")
    p.t(pick(r, ("落户", "入驻")))
    p.e(nm_zone(r, p), "LOC")
    p.t("。")


# --- templates: schools, hospitals, universities -------------------------------------------
def ner_school_org(p: NerPara, r: random.Random) -> None:
    """Schools that are honoured or act are ORG (including short forms: 青泉一中)."""
    a, b = nm_fresh(r, p, nm_school, 2)
    p.e(a, "ORG")
    p.t(pick(r, ("获评全国文明校园", "被评为省级示范校") if "幼儿园" in a else (
        "获评全国文明校园", "入选全国中小学劳动教育实验校", "被评为省级示范校")), "，")
    p.e(b, "ORG")
    if "幼儿园" in b:
        p.t(pick(r, ("晋升为省级示范园", "入选全国幼儿园保教质量评估试点园")))
    elif chance(r, 0.4):
        p.t("与")
        p.e(nm_university(r, p), "ORG")
        p.t("共建", pick(r, ("实践教育基地", "人才培养基地")))
    else:
        p.t(pick(r, ("中考成绩位居全市前列", "在全国青少年科技创新大赛中获一等奖")))
    p.t("。")


def ner_school_project(p: NerPara, r: random.Random) -> None:
    """Schools being built are PROJECT; with their own money they link."""
    if chance(r, 0.5):
        names = nm_fresh(r, p, nm_school_project, r.randint(1, 3))
        p.t(pick(r, ("新建", "改扩建", "建成")))
        ner_list(p, r, names, "PROJECT")
        p.t("，新增学位", str(r.randint(6, 60) * 100), "个。")
    else:
        name = nm_fresh(r, p, nm_school_project)[0]
        p.t("投资")
        m = ner_amount(p, r, 2e7, 2e9, tail=False)
        p.t(pick(r, ("建设", "新建", "改扩建")))
        p.rel(p.e(name, "PROJECT"), m)
        p.t("，", pick(r, ("秋季学期投入使用", "主体结构已经封顶")), "。")


def ner_kindergarten(p: NerPara, r: random.Random) -> None:
    """The same kind of institution in one sentence: ORG when honoured, PROJECT when built."""
    org = nm_fresh(r, p, lambda rr, pp: pick(rr, (nm_stem(rr, pp), pp.home + "第" + pick(rr, NER_ORDINALS))) + "幼儿园")[0]
    proj = nm_fresh(r, p, lambda rr, pp: nm_stem(rr, pp) + pick(rr, ("幼儿园", "小学", "中学")))[0]
    p.e(org, "ORG")
    p.t(pick(r, ("晋升为省级示范园", "被认定为省级示范幼儿园")), "，")
    p.e(proj, "PROJECT")
    p.t(pick(r, ("建成投用", "开工建设", "完成主体施工")), "，新增学位", str(r.randint(3, 30) * 90), "个。")


def ner_hospital_org(p: NerPara, r: random.Random) -> None:
    a, b = nm_fresh(r, p, lambda rr, pp: nm_hospital(rr, pp, cdc=False), 2)
    p.e(a, "ORG")
    p.t("与")
    p.e(b, "ORG")
    p.t(pick(r, ("组建紧密型医联体", "开展远程会诊合作", "共建专科联盟")), "，")
    third = pick(r, (p.level, p.home)) + "卫生健康委"
    p.e(third, "ORG")
    p.t(pick(r, ("组织重点人群健康筛查", "开展家庭医生签约服务")), str(r.randint(1, 30)), "万人次。")


def ner_hospital_project(p: NerPara, r: random.Random) -> None:
    """Hospitals being built or rebuilt elsewhere are PROJECT; one that only moves is ORG."""
    c = r.random()
    name = nm_fresh(r, p, nm_hospital_project)[0]
    if c < 0.4:
        idx = p.e(name, "PROJECT")
        p.t(pick(r, ("开工建设", "主体结构封顶", "建成投用")), "，", pick(r, ("总投资", "计划投资", "概算总投资")))
        p.rel(idx, ner_amount(p, r, 2e7, 3e9))
        if "医院" in name or "院区" in name:
            p.t("，新增床位", str(r.randint(2, 10) * 100), "张。")
        else:
            p.t("，建筑面积", str(r.randint(5, 40) * 1000), "平方米。")
    elif c < 0.7:
        p.t("完成")
        p.e(pick(r, (p.home + "人民医院", p.home + "中医医院", p.home + "妇幼保健院", p.home_stem + "中医医院")), "PROJECT")
        p.t("异地搬迁改造，")
        p.e(nm_fresh(r, p, lambda rr, pp: nm_street(rr, pp) + "社区卫生服务中心")[0], "ORG")
        p.t("顺利搬迁。")
    else:
        p.e(name, "PROJECT")
        p.t(pick(r, ("建成投用", "开工建设")), "，")
        p.e(nm_hospital(r, p), "ORG")
        p.t(pick(r, ("新开设特色专科门诊6个", "与省级医院共建专科联盟")), "。")


def ner_university_institute(p: NerPara, r: random.Random) -> None:
    """A university's institute that settles somewhere is ORG; the place is LOC."""
    inst = nm_fresh(r, p, nm_institute)[0]
    p.e(inst, "ORG")
    p.t(pick(r, ("落户", "入驻")))
    p.e(pick(r, (nm_zone(r, p), p.home)), "LOC")
    p.t("，", pick(r, ("与", "联合")))
    p.e(nm_company(r, p), "ORG")
    p.t(pick(r, ("共建联合实验室", "开展关键技术攻关")), "。")


def ner_institute_project(p: NerPara, r: random.Random) -> None:
    """A research institute being built and invested in is PROJECT with INVESTMENT."""
    inst = nm_fresh(r, p, nm_institute)[0]
    verb = pick(r, ("加快推进", "开工建设", "启动建设"))
    p.t(verb)
    idx = p.e(inst, "PROJECT")
    if verb == "加快推进":
        p.t("建设")
    if chance(r, 0.6):
        p.t("，", pick(r, ("总投资", "计划投资")))
        p.rel(idx, ner_amount(p, r, 5e7, 5e9))
    p.t("，", pick(r, ("建成后将引进高层次人才团队10个", "年内完成主体施工")), "。")


def ner_design_institute(p: NerPara, r: random.Random) -> None:
    """Inside 《》 nothing is annotated; the institute outside is ORG."""
    p.t("委托")
    p.e(nm_design_institute(r, p), "ORG")
    p.t("编制《", p.home, pick(r, ("国土空间总体规划", "综合交通体系规划", "城市更新专项规划")), "》，")
    p.t(pick(r, ("出台", "印发")), "《", p.parent, pick(r, ("优化营商环境条例", "促进民营经济发展若干措施")), "》", pick(
        r, ("实施细则", "配套文件")), "。")


def ner_association(p: NerPara, r: random.Random) -> None:
    """Alliances, associations and chambers are ORG; the meeting venue is LOC."""
    p.e(nm_association(r, p), "ORG")
    p.t(pick(r, ("成立大会", "年会", "第一届会员大会")), "在")
    p.e(nm_building(r, p), "LOC")
    p.t("召开，", str(r.randint(20, 300)), "家", pick(r, ("会员企业", "成员单位")), "参加。")


def ner_institution_list(p: NerPara, r: random.Random) -> None:
    """Institutions under a shared 等民生项目 are PROJECT (each without the shared noun)."""
    names = nm_fresh(r, p, nm_institution_project, r.randint(2, 3))
    ner_lead(p, r)
    ner_list(p, r, names, "PROJECT")
    p.t("等", str(r.randint(len(names) + 1, 20)), "个", pick(r, ("民生项目", "社会事业项目")), pick(r, ("建成投用", "开工建设")),
        "，", pick(r, ("公共服务水平持续提升", "群众获得感明显增强")), "。")


def ner_place_locates(p: NerPara, r: random.Random) -> None:
    """A place that only locates an organisation stays a separate span: 【青泉区】的【银行】."""
    p.e(pick(r, (nm_zone(r, p), p.home, nm_street(r, p))), "LOC")
    p.t(pick(r, ("内的", "的")))
    p.e(pick(r, (nm_bank(r, p), nm_company(r, p), nm_school(r, p))), "ORG")
    p.t(pick(r, ("入选全省首批“数字化转型标杆”", "获评省级文明单位", "顺利通过国家级验收")), "。")


def ner_disease_control(p: NerPara, r: random.Random) -> None:
    p.e(pick(r, (p.level, p.home)) + pick(r, ("疾病预防控制中心", "疾病预防控制中心", "卫生健康委")), "ORG")
    p.t("联合")
    p.e(pick(r, (p.level, p.home)) + "教育局", "ORG")
    p.t(pick(r, ("在各中小学开展", "开展")), pick(r, ("学生近视防控", "传染病防控知识宣传", "健康校园创建")), "，覆盖学生",
        str(r.randint(2, 20)), "万人，", "适龄儿童疫苗接种率保持在")
    p.e(f"{r.randint(90, 98)}%", "PERCENT")
    p.t("以上。")


# --------------------------------------------------------------------------------------
# Registry of the NER family
# --------------------------------------------------------------------------------------
NER_TEMPLATES = {
    "ner_title_report": (3, ner_title_report),
    "ner_title_session": (2, ner_title_session),
    "ner_title_signature": (2, ner_title_signature),
    "ner_report_opening": (2, ner_report_opening),
    "ner_leadership": (3, ner_leadership),
    "ner_office_titles": (3, ner_office_titles),
    "ner_congress": (3, ner_congress),
    "ner_delegation": (2, ner_delegation),
    "ner_dept_action": (4, ner_dept_action),
    "ner_dept_award": (3, ner_dept_award),
    "ner_party_bodies": (2, ner_party_bodies),
    "ner_court": (2, ner_court),
    "ner_place_award": (4, ner_place_award),
    "ner_place_ranking": (3, ner_place_ranking),
    "ner_place_chain": (4, ner_place_chain),
    "ner_street_community": (4, ner_street_community),
    "ner_chain_street": (3, ner_chain_street),
    "ner_roads_loc": (3, ner_roads_loc),
    "ner_road_project": (3, ner_road_project),
    "ner_village_town": (3, ner_village_town),
    "ner_river": (2, ner_river),
    "ner_regions": (3, ner_regions),
    "ner_venue_event": (3, ner_venue_event),
    "ner_event_place_name": (2, ner_event_place_name),
    "ner_short_place": (3, ner_short_place),
    "ner_growth": (3, ner_growth),
    "ner_generic": (3, ner_generic),
    "ner_people": (2, ner_people),
    "ner_zone_settle": (4, ner_zone_settle),
    "ner_zone_admin_sign": (2, ner_zone_admin_sign),
    "ner_signing": (3, ner_signing),
    "ner_plaque": (3, ner_plaque),
    "ner_approved": (3, ner_approved),
    "ner_activity": (3, ner_activity),
    "ner_company_honours": (3, ner_company_honours),
    "ner_bank_finance": (3, ner_bank_finance),
    "ner_insurance": (2, ner_insurance),
    "ner_media": (3, ner_media),
    "ner_dateline": (2, ner_dateline),
    "ner_mall_operator": (3, ner_mall_operator),
    "ner_mall_project": (2, ner_mall_project),
    "ner_branch_company": (2, ner_branch_company),
    "ner_investing_company": (2, ner_investing_company),
    "ner_park_contrast": (3, ner_park_contrast),
    "ner_school_org": (4, ner_school_org),
    "ner_school_project": (3, ner_school_project),
    "ner_kindergarten": (2, ner_kindergarten),
    "ner_hospital_org": (3, ner_hospital_org),
    "ner_hospital_project": (3, ner_hospital_project),
    "ner_university_institute": (3, ner_university_institute),
    "ner_institute_project": (2, ner_institute_project),
    "ner_design_institute": (2, ner_design_institute),
    "ner_association": (3, ner_association),
    "ner_institution_list": (2, ner_institution_list),
    "ner_place_locates": (3, ner_place_locates),
    "ner_disease_control": (2, ner_disease_control),
}
# Sentences that may stand around a record's main template (all but the title lines).
NER_CONTEXT_TEMPLATES = tuple(name for name in NER_TEMPLATES if name not in NER_TITLE_TEMPLATES)


def build_ner(r: random.Random, name: str) -> NerPara:
    """One paragraph: the main template, with up to three context sentences (title lines stand alone)."""
    p = NerPara(r)
    fn = NER_TEMPLATES[name][1]
    if name in NER_TITLE_TEMPLATES:
        fn(p, r)
        return p
    before = after = 0
    if chance(r, 0.5):
        before = int(chance(r, 0.4))
        after = 1 + int(chance(r, 0.3)) if chance(r, 0.7) or not before else 0
    contexts = [c for c in NER_CONTEXT_TEMPLATES if c != name]
    r.shuffle(contexts)
    for _ in range(before):
        NER_TEMPLATES[contexts.pop()][1](p, r)
    fn(p, r)
    for _ in range(after):
        if p.sentences() >= MAX_SENTENCES:
            break
        mark = (len(p.pieces), p.pos, len(p.spans), len(p.rels), set(p.used_names))
        NER_TEMPLATES[contexts.pop()][1](p, r)
        if p.sentences() > MAX_SENTENCES:
            del p.pieces[mark[0]:]
            p.pos = mark[1]
            del p.spans[mark[2]:]
            del p.rels[mark[3]:]
            p.used_names = mark[4]
            break
    return p


def generate_ner(n: int, seed: int) -> list[dict]:
    """n records of the NER family; deterministic for a seed, independent of the first family."""
    r = random.Random(seed)
    items = list(NER_TEMPLATES.items())
    converter = opencc_converter()
    seen: set[str] = set()
    records: list[dict] = []
    while len(records) < n:
        name = weighted(r, [(w, nm) for nm, (w, _) in items])
        p = build_ner(r, name)
        traditional = chance(r, TRADITIONAL_SHARE)
        halfwidth = chance(r, HALFWIDTH_PUNCT_SHARE)
        if p.text in seen:
            continue
        seen.add(p.text)
        if traditional and converter is not None and opencc_s2t(converter, p.text) != to_traditional(p.text):
            raise SystemExit(
                "the S2T table disagrees with OpenCC s2t; extend S2T_PAIRS or S2T_PHRASES:\n"
                f"  table:  {to_traditional(p.text)}\n  opencc: {opencc_s2t(converter, p.text)}"
            )
        if name in NER_TITLE_TEMPLATES:
            assert p.sentences() == 0, p.text
        else:
            assert 1 <= p.sentences() <= MAX_SENTENCES, p.text
        rec = to_record(p, len(records) + 1, name, seed, traditional, halfwidth,
                        id_prefix=NER_ID_PREFIX, family=NER_FAMILY)
        check_record(rec)
        records.append(rec)
    return records


def stats(records: list[dict]) -> dict:
    templates = Counter(rec["meta"]["template"] for rec in records)
    labels = Counter(s["label"] for rec in records for s in rec["spans"])
    relations = Counter(rel["label"] for rec in records for rel in rec["relations"])
    return {
        "records": len(records),
        "with_investment": sum(1 for rec in records if rec["relations"]),
        "traditional": sum(1 for rec in records if to_traditional(rec["text"]) == rec["text"]),
        "halfwidth_punctuation": sum(1 for rec in records if "," in rec["text"]),
        "fullwidth_digits": sum(1 for rec in records if any("０" <= ch <= "９" for ch in rec["text"])),
        "sentences": dict(sorted(Counter(rec["text"].count("。") for rec in records).items())),
        "templates": dict(sorted(templates.items())),
        "labels": dict(sorted(labels.items())),
        "relations": dict(relations),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--family", choices=("investment", NER_FAMILY), default="investment",
                    help="investment: paragraphs with INVESTMENT relations (default); "
                         "ner: ORG/LOC/PROJECT-rich sentences for the entity model")
    ap.add_argument("--n", type=int, default=None, help="number of records (default 1500 / 1200 for ner)")
    ap.add_argument("--seed", type=int, default=None, help="random seed (default 13 / 17 for ner)")
    ap.add_argument("--output", type=Path, default=None,
                    help="default annotations/synthetic/investment.synthetic.jsonl / ner.synthetic.jsonl")
    ap.add_argument("--stats", action="store_true", help="print counts per template, label and relation")
    args = ap.parse_args(argv)
    ner = args.family == NER_FAMILY
    n = args.n if args.n is not None else (1200 if ner else 1500)
    seed = args.seed if args.seed is not None else (17 if ner else 13)
    if args.output is None:
        args.output = Path("annotations/synthetic") / ("ner.synthetic.jsonl" if ner else "investment.synthetic.jsonl")
    records = generate_ner(n, seed) if ner else generate(n, seed)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(dumps(records), encoding="utf-8")
    if args.stats:
        print(json.dumps(stats(records), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
