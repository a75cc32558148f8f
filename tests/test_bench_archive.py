"""The archive benchmark's folder and its one section of the results page (no model run here)."""
from gov_ner.bench_archive import SECTION, make_archive, replace_section, section_of
from gov_ner.text.reading import read_report_with_encoding


def test_archive_is_cut_from_the_corpus_in_three_encodings(repo, tmp_path, corpus_texts):
    chars = make_archive(repo / "corpus", tmp_path, 9)
    files = sorted(tmp_path.glob("*.txt"))
    assert len(files) == 9
    decoded = [read_report_with_encoding(f) for f in files]
    assert sum(len(t) for t, _ in decoded) == chars
    assert {enc for _, enc in decoded} == {"utf-8", "gb18030", "utf-16-le"}
    assert all(any(t[:200] in report * 2 for report in corpus_texts.values()) for t, _ in decoded)


def test_only_the_archive_section_is_replaced():
    page = "# Benchmarks\n\nrows\n\n## Where the time goes\n\nstages\n\n## Notes (hand-written)\n\nnotes\n"
    once = replace_section(page, f"{SECTION}\n\nfirst")
    assert once.index("## Where") < once.index(SECTION) < once.index("## Notes")
    twice = replace_section(once, f"{SECTION}\n\nsecond")
    assert twice == once.replace("first", "second")
    assert section_of(twice) == f"{SECTION}\n\nsecond"
    assert section_of(page) is None
