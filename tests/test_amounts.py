from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gov_ner.amounts import parse_chinese_number, parse_money, parse_percent, parse_value

# Real MONEY spans from the corpus (annotations/gold), with their values.
CORPUS_MONEY = [
    ("100.45亿元", Decimal("10045000000"), "CNY", ()),
    ("8億元", Decimal("800000000"), "CNY", ()),
    ("6600萬元", Decimal("66000000"), "CNY", ()),
    (".万元", None, "CNY", ("redacted",)),
    (".亿元", None, "CNY", ("redacted",)),
    (".多万元", None, "CNY", ("redacted", "approximate")),
    ("1434亿元", Decimal("143400000000"), "CNY", ()),
    ("万亿元", Decimal("1000000000000"), "CNY", ()),
    ("9000余万元", Decimal("90000000"), "CNY", ("approximate",)),
]


@pytest.mark.parametrize("text,value,currency,flags", CORPUS_MONEY)
def test_corpus_money(text, value, currency, flags):
    m = parse_money(text)
    assert m.value == value and m.currency == currency
    assert m.redacted == ("redacted" in flags) and m.approximate == ("approximate" in flags)


@pytest.mark.parametrize("text,value,high,currency", [
    ("三千万元", Decimal("30000000"), None, "CNY"),
    ("一点五亿元", Decimal("150000000"), None, "CNY"),
    ("1.2万亿元", Decimal("1200000000000"), None, "CNY"),
    ("5-10亿元", Decimal("500000000"), Decimal("1000000000"), "CNY"),
    ("5000万-1亿元", Decimal("50000000"), Decimal("100000000"), "CNY"),
    ("2亿美元", Decimal("200000000"), None, "USD"),
    ("3000万欧元", Decimal("30000000"), None, "EUR"),
    ("1.5亿港元", Decimal("150000000"), None, "HKD"),
    ("１２亿元", Decimal("1200000000"), None, "CNY"),
    ("两百零五元", Decimal("205"), None, "CNY"),
    ("XX万元", None, None, "CNY"),
])
def test_money_forms(text, value, high, currency):
    m = parse_money(text)
    assert (m.value, m.high, m.currency) == (value, high, currency)


@pytest.mark.parametrize("text,value,points,redacted", [
    ("7%", 7.0, False, False), ("113%", 113.0, False, False), ("百分之十", 10.0, False, False),
    ("1.5个百分点", 1.5, True, False), (".%", None, False, True), ("3.7", 3.7, False, False),
    ("百分之三十五点五", 35.5, False, False),
])
def test_percent_forms(text, value, points, redacted):
    p = parse_percent(text)
    assert (p.value, p.points, p.redacted) == (value, points, redacted)


def test_unreadable_value_is_none_not_an_error():
    assert parse_value("MONEY", "亿元") is None
    assert parse_value("ORG", "市委") is None


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from([("元", 1), ("万元", 10**4), ("亿元", 10**8)]))
def test_arabic_amounts_round_trip(n, unit):
    word, mult = unit
    assert parse_money(f"{n}{word}").value == Decimal(n) * mult


@given(st.integers(min_value=0, max_value=9999_9999_9999))
def test_chinese_numerals_round_trip(n):
    assert parse_chinese_number(to_chinese(n)) == n


def to_chinese(n: int) -> str:
    """Reference writer for the property test (standard reading of 万/亿 sections)."""
    digits = "零一二三四五六七八九"
    if n == 0:
        return "零"

    def section(x):
        out, zero = "", False
        for unit, div in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
            d = x // div % 10
            if d:
                out += ("零" if zero and out else "") + digits[d] + unit
                zero = False
            else:
                zero = True
        return out

    parts = []
    for unit, div in (("亿", 10**8), ("万", 10**4), ("", 1)):
        s = n // div % 10**4 if div < 10**8 else n // div
        if s:
            parts.append(section(s) + unit)
    return "".join(parts)


def test_entity_value_is_read_from_normalised_text():
    from gov_ner.api import _entity

    raw = "投資6600萬(wàn)元"
    e = _entity("MONEY", raw, 2, len(raw), "6600万元")
    assert e.text == "6600萬(wàn)元" and e.value == Decimal("66000000") and e.currency == "CNY"
