"""What to annotate next: rank unannotated paragraphs, pre-annotate them, read them back in all
three formats, and retrain on them (the loop, on the session's tiny model)."""
import json
import shutil

import pytest

import gov_ner
from gov_ner.annotations.io import read_jsonl
from gov_ner.annotations.suggest import (Paragraph, as_format, beam_uncertainty, disagreement, rank,
                                         unannotated_paragraphs)
from gov_ner.annotations.validate import validate
from gov_ner.cli import main

ANNOTATED = "003_f6c75f8394d11ae2"
NEW = "900_new"
HELDOUT = "002_3c575ac9aebe1420"


@pytest.fixture(scope="module")
def nlp(tiny_model):
    return gov_ner.load(tiny_model)


@pytest.fixture
def project(tmp_path, repo, tiny_model):
    """Reports: one whose paragraphs are all annotated, one new (report 001 under a new name);
    annotations: the tiny model's own, all of 003, and three held-out records for retrain's table."""
    (tmp_path / "reports").mkdir()
    shutil.copy(repo / f"corpus/{ANNOTATED}.txt", tmp_path / "reports")
    shutil.copy(repo / "corpus/001_664a605172f01e95.txt", tmp_path / f"reports/{NEW}.txt")
    shutil.copytree(tiny_model.parent.parent / "ann", tmp_path / "ann")
    shutil.copy(repo / f"annotations/gold/{ANNOTATED}.jsonl", tmp_path / "ann")
    held = (repo / f"annotations/gold/{HELDOUT}.jsonl").read_text(encoding="utf-8").splitlines()[:3]
    (tmp_path / "ann/heldout.jsonl").write_text("\n".join(held) + "\n", encoding="utf-8")
    (tmp_path / "splits.json").write_text(json.dumps({"train": [ANNOTATED], "heldout": [HELDOUT]}))
    return tmp_path


def test_annotated_and_repeated_paragraphs_are_skipped(repo, tmp_path):
    known = {r.text for r in read_jsonl(repo / f"annotations/gold/{ANNOTATED}.jsonl")}
    twice = tmp_path / "twice.txt"
    twice.write_text("新建学校两所。\n新建学校两所。\n" + next(iter(known)) + "\n", encoding="utf-8")
    paragraphs = list(unannotated_paragraphs([repo / f"corpus/{ANNOTATED}.txt", twice], known))
    assert [(p.text, p.offset, p.id) for p in paragraphs] == [("新建学校两所。", 0, "twice#o0")]


def test_beam_uncertainty_is_an_expected_error_count(nlp):
    texts = ["", "区政府推动总投资8亿元的青泉科技商务区建设，同比增长7.5%。", "河西区"]
    scores = beam_uncertainty(nlp, texts)
    assert scores[0] == 0.0
    assert all(0.0 <= s for s in scores)
    assert any(s > 0 for s in scores)  # an untrained tiny model is unsure of something


def test_two_models_rank_by_disagreement(tiny_model, nlp):
    other = gov_ner.load(tiny_model)
    ruler = other.add_pipe("entity_ruler", before="relations", config={"overwrite_ents": True})
    ruler.add_patterns([{"label": "PROJECT", "pattern": "产业园"}])
    texts = ["新建产业园一个，再建产业园两个。", "天气很好。", "产业园开工。"]
    assert disagreement(nlp, other, texts) == [2.0, 0.0, 1.0]
    ranked = rank((Paragraph("r.txt", i, t) for i, t in enumerate(texts)), [nlp, other], n=2, batch_size=2)
    assert [(s, p.text) for s, p in ranked] == [(2.0, texts[0]), (1.0, texts[2])]


def test_suggest_writes_what_all_three_readers_read_back(project, tiny_model, capsys):
    out = {}
    for fmt in ("ours", "prodigy", "doccano"):
        out[fmt] = project / f"batch.{fmt}.jsonl"
        assert main(["suggest", str(project / "reports"), "-n", "6", "-o", str(out[fmt]), "--model", str(tiny_model),
                     "--annotations", str(project / "ann"), "--format", fmt]) == 0
    assert "6 paragraphs" in capsys.readouterr().out
    records = {fmt: list(read_jsonl(path)) for fmt, path in out.items()}
    ours = records["ours"]
    assert len(ours) == 6 and all(r.doc_id == NEW for r in ours)  # 003 is annotated: none of it
    scores = [r.meta["uncertainty"] for r in ours]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0
    for fmt in ("prodigy", "doccano"):
        assert [(r.id, r.text, r.spans, r.relations) for r in records[fmt]] == \
               [(r.id, r.text, r.spans, r.relations) for r in ours]
    assert not validate(ours, root=project)  # meta.source/offset point at the report text
    first = json.loads(out["prodigy"].read_text(encoding="utf-8").splitlines()[0])
    assert len(first["tokens"]) == len(first["text"])
    assert all(first["text"][s["start"]:s["end"]] for s in first["spans"])
    assert main(["suggest", str(project / "reports"), "-o", str(out["ours"]), "--model", str(tiny_model),
                 "--annotations", str(project / "ann")]) == 2  # never overwritten without --force
    assert "batch.ours.jsonl exists" in capsys.readouterr().err


def test_pre_annotations_that_break_the_contract_are_left_out(nlp):
    from gov_ner.annotations.schema import Record, Relation, Span
    from gov_ner.annotations.suggest import _within_contract

    rec = Record("x#o0", "新建，产业园项目投资8亿元。", [Span(2, 8, "PROJECT"), Span(3, 8, "PROJECT"),
                                                   Span(10, 13, "MONEY")], [Relation(1, 2)])
    kept = _within_contract(rec)
    assert kept.spans == [Span(3, 8, "PROJECT"), Span(10, 13, "MONEY")] and kept.relations == [Relation(0, 1)]
    assert as_format(kept, "doccano")["relations"] == [{"id": 0, "from_id": 0, "to_id": 1, "type": "INVESTMENT"}]


def test_the_loop_suggest_correct_retrain(project, tiny_model, capsys):
    batch = project / "batch.jsonl"
    assert main(["suggest", str(project / "reports"), "-n", "4", "-o", str(batch), "--model", str(tiny_model),
                 "--annotations", str(project / "ann"), "--format", "prodigy"]) == 0
    lines = [json.loads(line) for line in batch.read_text(encoding="utf-8").splitlines()]
    lines[0]["spans"], lines[0]["relations"] = [], []  # the annotator's correction: no entities here
    batch.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in lines) + "\n", encoding="utf-8")
    rc = main(["retrain", "--add", str(batch), "--from", str(tiny_model), "-o", str(project / "retrained"),
               "--annotations", str(project / "ann"), "--splits", str(project / "splits.json"), "--max-steps", "2",
               "--no-authored"])
    out = capsys.readouterr().out
    assert rc == 0, out
    assert "4 new records" in out and (project / "retrained/model-last/config.cfg").is_file()
