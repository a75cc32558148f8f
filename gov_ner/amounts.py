"""Money and percentages as numbers: 100.45亿元 -> Decimal('10045000000') CNY.

Values are exact Decimals in the currency's base unit (yuan, dollars, …). What the text says
beyond the number is kept as flags: approximate (余/多), redacted (., X), a range's low and
high, percentage points (个百分点).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

CURRENCIES = (("美元", "USD"), ("港元", "HKD"), ("港币", "HKD"), ("欧元", "EUR"), ("日元", "JPY"),
              ("英镑", "GBP"), ("人民币", "CNY"), ("元", "CNY"))
DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNIT = {"十": 10, "百": 100, "千": 1000}
BIG_UNIT = {"万": 10**4, "亿": 10**8}
RANGE_SEP = re.compile(r"\s*(?:-|~|～|—|–|至|到)\s*")
REDACTION = re.compile(r"^[.．*＊Xx]+$")
ARABIC = re.compile(r"^[0-9]+(?:\.[0-9]+)?")


class AmountError(ValueError):
    pass


def parse_chinese_number(text: str) -> Decimal:
    """三千万 -> 30000000, 一点五 -> 1.5, 十二 -> 12, 两百零五 -> 205."""
    if "点" in text:
        whole, frac = text.split("点", 1)
        if not frac or any(c not in DIGIT for c in frac):
            raise AmountError(f"cannot read decimal part of {text!r}")
        value = parse_chinese_number(whole) if whole else Decimal(0)
        return value + Decimal("0." + "".join(str(DIGIT[c]) for c in frac))
    # yi: everything up to the last 亿; wan: the 万 part below it; section: below 万
    yi, wan, section, digit = Decimal(0), Decimal(0), Decimal(0), None
    for ch in text:
        if ch in DIGIT:
            digit = DIGIT[ch]
        elif ch in SMALL_UNIT:
            section += (1 if digit is None else digit) * SMALL_UNIT[ch]
            digit = None
        elif ch == "万":
            part = section + (digit or 0)
            wan = (part or (0 if (yi or wan) else 1)) * BIG_UNIT[ch]
            section, digit = Decimal(0), None
        elif ch == "亿":
            part = yi + wan + section + (digit or 0)
            yi = (part or 1) * BIG_UNIT[ch]
            wan, section, digit = Decimal(0), Decimal(0), None
        else:
            raise AmountError(f"not a Chinese numeral: {ch!r} in {text!r}")
    return yi + wan + section + (digit or 0)


def _number(text: str) -> Decimal | None:
    """A number with optional trailing magnitude characters; None when redacted."""
    text = text.strip()
    if not text or text in ("万", "亿"):
        raise AmountError(f"no numeral in {text!r}")  # 亿元以上: a bare magnitude is not an amount
    m = ARABIC.match(text)
    decimal_cn = re.match(r"^(.*点[零〇一二两三四五六七八九]+)([十百千万亿]*)$", text)
    if m:
        head, rest = Decimal(m.group()), text[m.end():]
    elif REDACTION.match(text.rstrip("十百千万亿")):
        return None
    elif decimal_cn:  # 一点五亿: a decimal Chinese numeral, then magnitudes
        head, rest = parse_chinese_number(decimal_cn.group(1)), decimal_cn.group(2)
    else:
        # a whole Chinese numeral with its magnitudes (三千万, 万亿 with 万 as the numeral)
        return parse_chinese_number(text)
    mult = Decimal(1)
    for ch in rest:
        if ch in SMALL_UNIT:
            mult *= SMALL_UNIT[ch]
        elif ch in BIG_UNIT:
            mult *= BIG_UNIT[ch]
        else:
            raise AmountError(f"unexpected {ch!r} in number {text!r}")
    return head * mult


@dataclass(frozen=True)
class Money:
    text: str
    value: Decimal | None  # in the currency's base unit; the low end of a range; None if redacted
    currency: str = "CNY"
    high: Decimal | None = None  # upper end of a range
    approximate: bool = False  # 余 / 多: value is the stated part
    redacted: bool = False

    @property
    def is_range(self) -> bool:
        return self.high is not None


@dataclass(frozen=True)
class Percent:
    text: str
    value: float | None
    points: bool = False  # 个百分点: a change in percentage points
    high: float | None = None
    redacted: bool = False


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(",", "").replace(" ", "")


def parse_money(text: str) -> Money:
    """Parse a MONEY span's text (simplified or traditional, full-width or not)."""
    from .text.normalise import to_simplified

    s = _fold(to_simplified(text))
    for word, code in CURRENCIES:
        if s.endswith(word):
            s, currency = s[: -len(word)], code
            break
    else:
        raise AmountError(f"no currency unit in {text!r}")
    approximate = False
    # 9000余万 / 3000多万: the 余/多 sits between the stated part and the magnitude
    m = re.search(r"[余多]", s)
    if m:
        approximate = True
        s = s[: m.start()] + s[m.end():]
    parts = RANGE_SEP.split(s)
    if len(parts) > 2:
        raise AmountError(f"cannot read range {text!r}")
    if len(parts) == 2:
        low_txt, high_txt = parts
        magnitude = re.search(r"[十百千万亿]*$", high_txt).group()
        if not re.search(r"[十百千万亿]$", low_txt):
            low_txt += magnitude  # 5-10亿: the magnitude is shared
        low, high = _number(low_txt), _number(high_txt)
    else:
        low, high = _number(parts[0]), None
    try:
        redacted = low is None
        return Money(text, low, currency, high, approximate, redacted)
    except InvalidOperation as err:  # pragma: no cover - Decimal guards
        raise AmountError(str(err)) from None


def parse_percent(text: str) -> Percent:
    s = _fold(text)
    points = s.endswith("个百分点")
    if points:
        s = s[: -len("个百分点")]
    elif s.startswith("百分之"):
        s = s[len("百分之"):]
    elif s.endswith("%"):
        s = s[:-1]
    elif s.endswith("百分点"):
        s, points = s[: -len("百分点")], True
    parts = RANGE_SEP.split(s)
    values = []
    for p in parts:
        p = p.rstrip("%")
        if REDACTION.match(p):
            values.append(None)
        elif ARABIC.fullmatch(p):
            values.append(float(p))
        else:
            values.append(float(parse_chinese_number(p)))
    low = values[0]
    high = values[1] if len(values) > 1 else None
    return Percent(text, low, points, high, redacted=low is None)


def parse_value(label: str, text: str):
    """Money for MONEY, Percent for PERCENT, None for other labels or unreadable text."""
    try:
        if label == "MONEY":
            return parse_money(text)
        if label == "PERCENT":
            return parse_percent(text)
    except (AmountError, InvalidOperation, ValueError):
        return None
    return None
