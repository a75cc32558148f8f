import pytest

from gov_ner.text.reading import ReportDecodeError, decode_report, read_report

TEXT = "天津市河西区2023年政府工作报告，總投資8億元。"


@pytest.mark.parametrize("data,enc", [
    (TEXT.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("gb18030"), "gb18030"),
])
def test_decodes_supported_encodings(data, enc):
    assert decode_report(data) == (TEXT, enc)


def test_undecodable_file_is_named(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes(b"\x81\x20\xff\xfe abc")
    with pytest.raises(ReportDecodeError) as err:
        read_report(p)
    assert "bad.txt" in str(err.value) and "GB18030" in str(err.value)


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
