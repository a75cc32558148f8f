import pickle

import pytest

from gov_ner.text.reading import ReportDecodeError, chinese_score, decode_report, read_report

TEXT = "天津市河西区2023年政府工作报告，總投資8億元。"
SIMPLIFIED = "河西区坚持稳中求进工作总基调，全年完成固定资产投资120亿元，同比增长7.5%，新建保障性住房三千套。"
TRADITIONAL = "河西區堅持穩中求進工作總基調，全年完成固定資產投資120億元，同比增長7.5%，新建保障性住房三千套。"


@pytest.mark.parametrize("data,enc", [
    (TEXT.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("gb18030"), "gb18030"),
    (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16-le"),
    (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be"),
    (b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"), "utf-32-le"),
    (TEXT.encode("utf-16"), "utf-16-le"),  # Python's own utf-16 writes a BOM (little-endian here)
])
def test_decodes_supported_encodings(data, enc):
    assert decode_report(data) == (TEXT, enc)


@pytest.mark.parametrize("text", [SIMPLIFIED, TRADITIONAL, TEXT])
def test_gbk_and_gb18030_text_of_either_script_is_gb18030(text):
    assert decode_report(text.encode("gbk")) == (text, "gb18030")
    assert decode_report(text.encode("gb18030")) == (text, "gb18030")


def test_big5_traditional_text_is_big5_although_gb18030_decodes_it_too():
    data = TRADITIONAL.encode("big5")
    garbage = data.decode("gb18030")  # no error: only the score tells them apart
    assert garbage != TRADITIONAL
    assert chinese_score(garbage)[0] < 0.5 < chinese_score(TRADITIONAL)[0]
    assert decode_report(data) == (TRADITIONAL, "big5")


def test_simplified_text_in_gb18030_is_not_taken_for_big5():
    text = "天津市河西区2023年政府工作报告，总投资8亿元。"
    data = text.encode("gb18030")
    assert data.decode("big5") != text  # decodes as Big5 without error, into nonsense
    assert decode_report(data) == (text, "gb18030")


def test_gb18030_or_big5_is_decided_right_on_corpus_slices(corpus_texts):
    """Every 40-character window of the corpus (both scripts), encoded both ways where it can be."""
    import opencc

    to_trad, to_simp = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
    checked = 0
    for raw in corpus_texts.values():
        for start in range(0, len(raw) - 40, 97):
            window = raw[start:start + 40]
            for enc, text in (("gb18030", to_simp.convert(window)), ("gb18030", to_trad.convert(window)),
                              ("big5", to_trad.convert(window))):
                data = text.encode(enc, errors="ignore")
                if data.isascii():
                    continue
                assert decode_report(data)[1] == enc, (enc, text)
                checked += 1
    assert checked > 1000


def test_undecodable_file_is_named(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes(b"\x81\x20\xff\xfe abc")
    with pytest.raises(ReportDecodeError) as err:
        read_report(p)
    assert "bad.txt" in str(err.value) and "GB18030" in str(err.value) and "Big5" in str(err.value)


def test_text_that_decodes_only_into_nonsense_is_refused(tmp_path):
    import random

    rng = random.Random(0)  # pairs of high bytes: every one is a GB18030 character, few are common ones
    p = tmp_path / "noise.txt"
    p.write_bytes(bytes(rng.randrange(0x81, 0xFF) for _ in range(400)))
    with pytest.raises(ReportDecodeError, match="noise.txt.*common Chinese"):
        read_report(p)


def test_decode_error_survives_pickling(tmp_path):
    """Worker processes send it back to the parent (extract_many with n_process > 1)."""
    with pytest.raises(ReportDecodeError) as err:
        decode_report(b"\x81\x20\xff", tmp_path / "x.txt")
    again = pickle.loads(pickle.dumps(err.value))
    assert str(again) == str(err.value) and again.path == err.value.path


def test_binary_file_is_refused(tmp_path):
    p = tmp_path / "image.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ReportDecodeError, match="image.png.*NUL"):
        read_report(p)


def test_directory_is_refused(tmp_path):
    with pytest.raises(IsADirectoryError, match=str(tmp_path)):
        read_report(tmp_path)


def test_corpus_manifest_matches_files(repo):
    from gov_ner.corpus import load_manifest

    reports = load_manifest(repo / "corpus")
    assert sorted(r.file for r in reports) == sorted(p.name for p in (repo / "corpus").glob("*.txt"))
    assert {r.script for r in reports} == {"simplified", "traditional"}
    for r in reports:
        assert r.read(repo / "corpus")
