"""The committed gold data: valid, aligned with the model's tokens, split without leakage."""
import json

from gov_ner.annotations.agreement import agreement
from gov_ner.annotations.consistency import check_consistency
from gov_ner.annotations.io import read_many
from gov_ner.annotations.schema import Record, Span
from gov_ner.annotations.splits import folds, load_splits, select
from gov_ner.annotations.validate import validate
from gov_ner.convert import records_to_docbin


def gold(repo):
    return read_many([repo / "annotations" / "gold"])


def test_gold_is_valid_and_matches_corpus(repo):
    recs = gold(repo)
    assert validate(recs, root=repo) == []
    assert {r.doc_id for r in recs} == {p.stem for p in (repo / "corpus").glob("*.txt")}


def test_gold_covers_every_paragraph(repo):
    from gov_ner.annotations.segment import segment_report
    from gov_ner.text.reading import read_report

    recs = gold(repo)
    for path in (repo / "corpus").glob("*.txt"):
        segs = segment_report(read_report(path))
        offsets = sorted(r.meta["offset"] for r in recs if r.doc_id == path.stem)
        assert offsets == [s.start for s in segs]


def test_gold_converts_with_zero_misaligned_spans(repo):
    _, report = records_to_docbin(gold(repo))
    assert report.misaligned == []
    assert report.spans == sum(len(r.spans) for r in gold(repo))


def test_split_has_no_leakage(repo):
    splits = load_splits(repo / "annotations" / "splits.json")
    recs = gold(repo)
    train, held = select(recs, splits, "train"), select(recs, splits, "heldout")
    assert {r.doc_id for r in train}.isdisjoint({r.doc_id for r in held})
    assert len(train) + len(held) == len(recs)
    assert sum(len(r.relations) for r in held) > 0
    assert [h for _, h in folds(splits)] == sorted({r.doc_id for r in recs})


def test_a_record_of_no_listed_report_is_in_no_split():
    splits = {"train": ["a"], "heldout": ["b"]}
    recs = [Record("a#1", "x"), Record("b#1", "y"), Record("c#1", "z")]
    assert [r.id for r in select(recs, splits, "train")] == ["a#1"]
    assert [r.id for r in select(recs, splits, "heldout")] == ["b#1"]


def test_default_recipe_is_the_reports_and_the_authored_training_writers(repo):
    """The default training data (0.4.0's recipe): training-report records ×real_repeat, every
    authored training writer's paragraph once, no test writer's, dev and held-out real text only."""
    from collections import Counter

    from gov_ner.annotations.authored import TEST_WRITERS
    from gov_ner.training.data import DataArguments, split_records

    data = DataArguments()
    assert data.annotations == ("annotations/gold",) and data.authored == "annotations/authored/authored.jsonl"
    splits = load_splits(repo / data.splits)
    parts = split_records(data, repo)
    authored = read_many([repo / data.authored])
    training_writers = {r.id for r in authored if r.meta["writer"] not in TEST_WRITERS}
    counts = Counter(r.id for r in parts["train"])
    reports = {i: n for i, n in counts.items() if not i.startswith("authored-")}
    assert {i for i in counts if i.startswith("authored-")} == training_writers
    assert all(counts[i] == 1 for i in training_writers)
    assert reports and set(reports.values()) == {data.real_repeat}
    assert {i.split("#")[0] for i in reports} == set(splits["train"])
    assert parts["dev"] and {r.doc_id for r in parts["dev"]} <= set(splits["train"])
    assert not {r.id for r in parts["dev"]} & set(counts)
    assert {r.doc_id for r in parts["heldout"]} == set(splits["heldout"])
    # --no-authored: the same report records, nothing authored
    bare = split_records(DataArguments(authored=None), repo)
    assert Counter(r.id for r in bare["train"]) == Counter(reports)
    assert [r.id for r in bare["dev"]] == [r.id for r in parts["dev"]]


def test_agreement_reference_values():
    text = "宝坻区政府投资8亿元"
    a = [Record("r", text, [Span(0, 2, "LOC"), Span(2, 5, "ORG"), Span(7, 10, "MONEY")])]
    b = [Record("r", text, [Span(0, 5, "ORG"), Span(7, 10, "MONEY")])]
    res = agreement(a, b)
    assert res["per_label"]["MONEY"]["f1"] == 1.0
    assert res["per_label"]["ORG"]["f1"] == 0.0
    assert res["micro_f1"] == 2 * 1 / (3 + 2)


def test_consistency_flags_conflicts_and_misses_across_scripts():
    recs = [Record("a#1", "東昌區(qū)建设", [Span(0, 7, "LOC")]),
            Record("b#1", "东昌区投资", []),
            Record("c#1", "东昌区开工", [Span(0, 3, "PROJECT")])]
    findings = {(f.kind, f.surface) for f in check_consistency(recs)}
    assert ("label-conflict", "东昌区") in findings and ("unlabelled", "东昌区") in findings
