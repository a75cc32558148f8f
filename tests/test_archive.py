"""A whole archive: parallel extraction in input order, a run killed mid-way and resumed, the summary.

Uses the session's tiny CNN pipeline (conftest.tiny_model).
"""
import json
import os
import signal
import subprocess
import sys
import time

import pytest

import gov_ner
from gov_ner.archive import BatchSummary, completed_sources, report_files
from gov_ner.cli import main
from gov_ner.report import ReportError

REPORT = "總投资8億元的中公科教小鎮(zhèn)项目開工，增長7％。\n区委推进产业园区建设，投资12.5亿元。\n"


@pytest.fixture(scope="module")
def nlp(tiny_model):
    return gov_ner.load(tiny_model)


def _archive(folder, corpus_texts, n):
    """n report files cut from the corpus, in several encodings, and one bad file."""
    folder.mkdir()
    texts = list(corpus_texts.values())
    for i in range(n):
        text = texts[i % len(texts)][: 3000 + 500 * i]
        enc = ("utf-8", "gb18030", "utf-16")[i % 3]
        (folder / f"r{i:03d}.txt").write_bytes(text.encode(enc))
    (folder / "broken.txt").write_bytes(b"\x89PNG\x00\x00")
    return folder


def test_parallel_results_equal_serial_ones_in_input_order(nlp, tmp_path, corpus_texts):
    folder = _archive(tmp_path / "a", corpus_texts, 7)
    items = list(report_files([folder]))
    serial = [r.to_dict() for r in gov_ner.extract_many(items, nlp=nlp)]
    parallel = [r.to_dict() for r in gov_ner.extract_many(iter(items), nlp=nlp, n_process=2)]
    assert parallel == serial
    assert [r["source"] for r in serial] == [str(p) for p in items]
    assert serial[0]["source"].endswith("broken.txt") and "NUL" in serial[0]["error"]
    assert {r.get("encoding") for r in serial[1:]} == {"utf-8", "gb18030", "utf-16-le"}


def test_cli_jobs_two_writes_what_jobs_one_writes_and_a_summary(tiny_model, tmp_path, corpus_texts, capsys):
    folder = _archive(tmp_path / "a", corpus_texts, 5)
    rc1 = main(["extract", str(folder), "--model", str(tiny_model), "-o", str(tmp_path / "one.jsonl"), "-q"])
    rc2 = main(["extract", str(folder), "--model", str(tiny_model), "-o", str(tmp_path / "two.jsonl"), "--jobs", "2"])
    err = capsys.readouterr().err
    assert rc1 == rc2 == 1  # broken.txt
    assert (tmp_path / "one.jsonl").read_text(encoding="utf-8") == (tmp_path / "two.jsonl").read_text(encoding="utf-8")
    reports = [json.loads(line) for line in (tmp_path / "two.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(reports) == 5
    labels = {}
    for r in reports:
        for e in r["entities"]:
            labels[e["label"]] = labels.get(e["label"], 0) + 1
    summary = err.strip().splitlines()[-1]
    chars = sum(r["chars"] for r in reports)
    assert summary.startswith(f"6 files read, {chars:,} characters; entities: ")
    for label, n in labels.items():
        assert f"{label} {n:,}" in summary
    assert summary.endswith(f"{sum(len(r['investments']) for r in reports)} investments; 1 of 6 inputs failed")


def test_completed_sources_cuts_a_half_written_last_line(tmp_path):
    out = tmp_path / "out.jsonl"
    whole = json.dumps({"source": "a.txt", "entities": []}) + "\n"
    out.write_text(whole + '{"source": "b.txt", "entit', encoding="utf-8")
    assert completed_sources(out) == {"a.txt"}
    assert out.read_text(encoding="utf-8") == whole
    out.write_text(whole + json.dumps({"source": "c.txt"}), encoding="utf-8")  # killed before its newline
    assert completed_sources(out) == {"a.txt", "c.txt"}
    assert out.read_text(encoding="utf-8").endswith('"c.txt"}\n')
    assert completed_sources(tmp_path / "none.jsonl") == set()


def test_completed_sources_refuses_a_file_that_is_not_ours(tmp_path):
    out = tmp_path / "notes.jsonl"
    out.write_text("not json\n" + json.dumps({"source": "a.txt"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="notes.jsonl:1: not a report line"):
        completed_sources(out)


def test_a_killed_run_resumes_with_nothing_lost_or_duplicated(tiny_model, tmp_path, corpus_texts):
    folder = _archive(tmp_path / "a", corpus_texts, 24)
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "gov_ner.cli", "extract", str(folder), "--model", str(tiny_model), "-o", str(out),
           "-q", "--jobs", "2"]
    run = subprocess.Popen(cmd, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and run.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 4:
            break
        time.sleep(0.05)
    os.killpg(run.pid, signal.SIGKILL)  # the workers too, as a machine going down would
    run.wait()
    assert run.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    written = out.read_bytes()
    assert 4 <= written.count(b"\n") < 24
    with open(out, "ab") as f:  # as if the kill had come in the middle of a line
        f.write(b'{"source": "' + str(folder / "r099.txt").encode() + b'", "entities": [{"lab')

    rc = main(["extract", str(folder), "--model", str(tiny_model), "-o", str(out), "-q", "--jobs", "2", "--resume"])
    assert rc == 1  # broken.txt, again
    resumed = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    sources = [r["source"] for r in resumed]
    assert len(sources) == len(set(sources)) == 24
    clean = tmp_path / "clean.jsonl"
    main(["extract", str(folder), "--model", str(tiny_model), "-o", str(clean), "-q"])
    expected = {json.loads(line)["source"]: json.loads(line) for line in clean.read_text(encoding="utf-8").splitlines()}
    assert {r["source"]: r for r in resumed} == expected


def test_workers_of_a_killed_run_do_not_outlive_it(tiny_model, tmp_path, corpus_texts):
    folder = _archive(tmp_path / "a", corpus_texts, 24)
    out = tmp_path / "out.jsonl"
    run = subprocess.Popen([sys.executable, "-m", "gov_ner.cli", "extract", str(folder), "--model", str(tiny_model),
                            "-o", str(out), "-q", "--jobs", "2"], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and not (out.exists() and out.read_bytes().count(b"\n") >= 2):
        time.sleep(0.05)
    workers = subprocess.run(["pgrep", "-P", str(run.pid)], capture_output=True, text=True).stdout.split()
    assert len(workers) >= 2, workers
    run.kill()  # the parent only, as the OOM killer would
    run.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(os.path.exists(f"/proc/{pid}") for pid in workers):
        time.sleep(0.2)
    alive = [pid for pid in workers if os.path.exists(f"/proc/{pid}")
             and "Z" not in open(f"/proc/{pid}/stat").read().split(")")[-1].split()[0]]
    assert not alive


def test_summary_counts_reports_and_failures():
    from gov_ner.report import Entity, Report

    s = BatchSummary()
    s.add(Report("总投资8亿元", [Entity("MONEY", "8亿元", 3, 6)]))
    s.add(ReportError("x.txt", "x.txt: not found", FileNotFoundError()))
    assert (s.files, s.chars, s.entities["MONEY"], s.failures) == (2, 6, 1, 1)
    assert s.format().endswith("1 of 2 inputs failed")
