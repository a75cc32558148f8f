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

# Concept names a company stands for (kind C: a following 项目 stays outside the span).
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
    """Write a project name; with `xiangmu`, a brand/company name is followed by 项目 outside the span."""
    idx = p.e(pj.name, "PROJECT")
    if xiangmu and pj.kind == "C":
        p.t("项目")
    return idx


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
    p.t("，", pick(r, ("受益群众1200余人", "村集体年增收8万元", "村容村貌明显改善", "群众满意度明显提升")), "。")


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
S2T = str.maketrans(S2T_PAIRS[0::2], S2T_PAIRS[1::2])
# Phrases whose characters convert otherwise than the table says (same length).
S2T_PHRASES = (("上下游", "上下游"), ("回流", "迴流"))
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


def to_record(p: Para, number: int, name: str, seed: int, traditional: bool, halfwidth: bool) -> dict:
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
    return {
        "id": f"synthetic#{number:05d}",
        "text": text,
        "spans": spans,
        "relations": relations,
        "meta": {"synthetic": True, "template": name, "generator": GENERATOR, "seed": seed},
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
    ap.add_argument("--n", type=int, default=1500, help="number of records")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--output", type=Path, default=Path("annotations/synthetic/investment.synthetic.jsonl"))
    ap.add_argument("--stats", action="store_true", help="print counts per template, label and relation")
    args = ap.parse_args(argv)
    records = generate(args.n, args.seed)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(dumps(records), encoding="utf-8")
    if args.stats:
        print(json.dumps(stats(records), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
