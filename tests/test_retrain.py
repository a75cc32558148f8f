"""gov-ner retrain: validate first, never overwrite, rehearse old data, print before/after."""
import hashlib
import json
import os
from pathlib import Path

import pytest

from gov_ner.cli import main
from gov_ner.training.data import DataArguments, split_records
from gov_ner.training.retrain import RetrainArguments, RetrainInputError, retrain

HELDOUT = "002_3c575ac9aebe1420"


def _tree_digest(path: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(p for p in path.rglob("*") if p.is_file()):
        h.update(str(f.relative_to(path)).encode() + f.read_bytes())
    return h.hexdigest()


@pytest.fixture
def project(tmp_path, repo, tiny_model):
    """A small project tree: the tiny model's annotations, one held-out report, and a file of
    new paragraphs (records of 001 renamed to a new report id)."""
    root = tiny_model.parent.parent  # the tiny model's tree: ann/, authored.jsonl, model/model-last
    (tmp_path / "ann").mkdir()
    for f in (root / "ann").glob("*.jsonl"):
        (tmp_path / "ann" / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "authored.jsonl").write_text((root / "authored.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    held = (repo / f"annotations/gold/{HELDOUT}.jsonl").read_text(encoding="utf-8").splitlines()[:3]
    (tmp_path / "ann/heldout.jsonl").write_text("\n".join(held) + "\n", encoding="utf-8")
    (tmp_path / "splits.json").write_text(json.dumps({"train": ["003_f6c75f8394d11ae2"], "heldout": [HELDOUT]}))
    new = []
    for line in (repo / "annotations/gold/001_664a605172f01e95.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if len(rec["spans"]) >= 2 and len(new) < 3:
            rec["id"] = "900_new#" + rec["id"].split("#")[1]
            rec["meta"] = {}
            new.append(json.dumps(rec, ensure_ascii=False))
    (tmp_path / "new.jsonl").write_text("\n".join(new) + "\n", encoding="utf-8")
    return tmp_path


def _data(project: Path) -> DataArguments:
    return DataArguments(annotations=(str(project / "ann"),), splits=str(project / "splits.json"),
                         dev_every=2, real_repeat=2, authored=str(project / "authored.jsonl"))


def test_new_records_join_training_and_replace_corrected_ones(project):
    data = _data(project)
    before = split_records(data)
    after = split_records(DataArguments(**{**data.__dict__, "extra": (str(project / "new.jsonl"),)}))
    new_ids = {json.loads(l)["id"] for l in (project / "new.jsonl").read_text(encoding="utf-8").splitlines()}
    assert new_ids <= {r.id for r in after["train"]}
    assert not new_ids & {r.id for r in after["dev"] + after["heldout"]}
    assert len(after["train"]) == len(before["train"]) + 2 * len(new_ids)  # real records repeat twice
    assert [r.id for r in after["heldout"]] == [r.id for r in before["heldout"]]


def test_retrain_continues_from_a_model_into_a_new_directory(project, tiny_model):
    base_digest = _tree_digest(tiny_model)
    out = project / "retrained"
    result = retrain(RetrainArguments(add=(str(project / "new.jsonl"),), output=str(out), base=str(tiny_model),
                                      max_steps=4), _data(project), root=project, log=lambda *a: None)
    assert Path(result["model"]).is_dir() and Path(result["model"]).parent == out
    assert set(result["entities"]) == {"before", "after"}
    assert result["entities"]["before"]["micro"]["support"] == result["entities"]["after"]["micro"]["support"] > 0
    assert _tree_digest(tiny_model) == base_digest  # the base model is only read
    import spacy

    assert spacy.load(result["model"]).pipe_names == spacy.load(tiny_model).pipe_names
    with pytest.raises(FileExistsError):  # a second run never overwrites without force
        retrain(RetrainArguments(add=(str(project / "new.jsonl"),), output=str(out), base=str(tiny_model)),
                _data(project), root=project)


def test_retrain_never_writes_into_the_base_model(project, tiny_model):
    with pytest.raises(FileExistsError, match="base model"):
        retrain(RetrainArguments(add=(str(project / "new.jsonl"),), output=str(tiny_model), base=str(tiny_model),
                                 force=True), _data(project), root=project)


@pytest.mark.parametrize("line, field", [
    ('{"id": "900_new#p1", "text": "天津市", "spans": [{"start": 0, "end": 9, "label": "LOC"}]}', "spans[0]"),
    ('{"id": "900_new#p1", "text": "天津市", "spans": [{"start": 0, "end": 3, "label": "CITY"}]}', "spans[0].label"),
    ('{"id": "900_new#p1", "text": "天津市", "spans": [{"start": 0, "end": 3, "label": "LOC"}', "<line>"),
    (f'{{"id": "{HELDOUT}#p1", "text": "天津市", "spans": [{{"start": 0, "end": 3, "label": "LOC"}}]}}', "id"),
])
def test_bad_new_annotations_stop_before_anything_is_written(project, tiny_model, line, field):
    bad = project / "bad.jsonl"
    bad.write_text(line + "\n", encoding="utf-8")
    out = project / "never"
    with pytest.raises(RetrainInputError) as err:
        retrain(RetrainArguments(add=(str(bad),), output=str(out), base=str(tiny_model)), _data(project),
                root=project)
    assert [(p.path, p.line, p.field) for p in err.value.problems] == [(str(bad), 1, field)]
    assert not out.exists()


def test_cli_reports_problems_with_file_line_field(project, tiny_model, capsys):
    bad = project / "bad.jsonl"
    bad.write_text('{"id": "900_new#p1", "text": "天津市", "spans": [{"start": 0, "end": 3, "label": "LOC"}]}\n'
                   '{"id": "900_new#p2", "text": "市委", "spans": [{"start": 1, "end": 9, "label": "ORG"}]}\n',
                   encoding="utf-8")
    code = main(["retrain", "--add", str(bad), "--from", str(tiny_model), "-o", str(project / "x"),
                 "--annotations", str(project / "ann"), "--splits", str(project / "splits.json")])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{bad}:2: spans[0]:" in err and "nothing was trained or written" in err
    assert not (project / "x").exists()
