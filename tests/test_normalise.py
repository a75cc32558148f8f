import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from gov_ner.text.normalise import normalise, to_simplified


def raw_of(n, start, end):
    return n.raw[slice(*n.to_raw(start, end))]


def test_pinyin_gloss_dropped_and_mapped_back_to_whole_name():
    raw = "通化市東昌區(qū)第十屆人民代表大會(huì)"
    n = normalise(raw)
    assert n.text == "通化市东昌区第十届人民代表大会"
    i = n.text.index("东昌区")
    assert raw_of(n, i, i + 3) == "東昌區(qū)"
    assert raw_of(n, 0, len(n.text)) == raw


def test_traditional_to_simplified_is_char_for_char():
    raw = "總投資8億元的中公科教小鎮(zhèn)項(xiàng)目開工"
    n = normalise(raw)
    assert n.text == "总投资8亿元的中公科教小镇项目开工"
    i = n.text.index("8亿元")
    assert raw_of(n, i, i + 3) == "8億元"
    assert len(to_simplified("乾隆皇帝的頭髮")) == len("乾隆皇帝的頭髮")


def test_fullwidth_folded_and_whitespace_runs_merged():
    raw = "增长１２．５％，\u3000\u3000总投资  ５亿元\r\n\r\n下一段"
    n = normalise(raw)
    assert n.text == "增长12.5%, 总投资 5亿元\n下一段"
    i = n.text.index("12.5%")
    assert raw_of(n, i, i + 5) == "１２．５％"


def test_boilerplate_lines_dropped(corpus_texts):
    n = normalise(corpus_texts["002_3c575ac9aebe1420"])
    assert "WAP手机版" not in n.text and "阅读:326" not in n.text and "ICP备" not in n.text
    assert "天津市河西区2023年政府工作报告" in n.text
    n = normalise(corpus_texts["001_664a605172f01e95"])
    assert "版权反馈" not in n.text and "免责声明" not in n.text


def test_redacted_digits_kept(corpus_texts):
    n = normalise(corpus_texts["003_f6c75f8394d11ae2"])
    assert "总投资.万元的新城格林尔食品深加工项目" in n.text


def test_every_seed_maps_back_char_by_char(corpus_texts):
    for name, raw in corpus_texts.items():
        n = normalise(raw)
        assert len(n.starts) == len(n.text) == len(n.ends)
        for i, ch in enumerate(n.text):
            piece = n.raw[n.starts[i]:n.ends[i]]
            if ch not in " \n":
                # each model character comes from one raw character (+ its pinyin gloss)
                assert piece[0] == ch or unicodedata.normalize("NFKC", piece[0]) == ch or to_simplified(piece[0]) == ch, (name, i, piece)


def test_to_model_round_trip():
    raw = "在區(qū)政府领导下，　新建污水处理厂"
    n = normalise(raw)
    s = raw.index("區(qū)政府")
    assert n.to_model(s, s + len("區(qū)政府")) is not None
    # a raw span cutting a gloss in half has no model equivalent
    assert n.to_model(s, s + 2) is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)
       | st.text(alphabet="區(qū)長(zhǎng) \n\t\u3000１２％%億元abc（）()", max_size=200))
def test_offset_map_monotonic_and_in_bounds(raw):
    n = normalise(raw)
    assert len(n.starts) == len(n.ends) == len(n.text)
    prev_end = 0
    for s, e in zip(n.starts, n.ends):
        assert 0 <= s < e <= len(raw)
        assert s >= prev_end  # strictly ordered, never overlapping
        prev_end = e
    for i in range(len(n.text)):
        for j in range(i + 1, min(len(n.text), i + 4) + 1):
            rs, re_ = n.to_raw(i, j)
            assert 0 <= rs < re_ <= len(raw)
            assert n.to_model(rs, re_) == (i, j)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=100))
def test_lone_surrogates_and_any_unicode_do_not_break(raw):
    n = normalise(raw)
    assert n.to_raw(0, len(n.text))[1] <= len(raw) if n.text else True
    assert not any("\ud800" <= c <= "\udfff" for c in n.text)  # model text is always valid UTF-8
    n.text.encode("utf-8")
