"""`python -m gov_ner.bench --archive N`: a whole archive, and what loading costs.

Makes N report files in a temporary folder by cutting the corpus reports into pieces of
1,000-6,000 characters (repeating a report where a piece runs past its end), in UTF-8, GB18030
and UTF-16; nothing is kept. Then runs `gov-ner extract FOLDER -o OUT --jobs J` for J = 1, 2
in fresh processes (wall time from start to exit, model load included) and, to show memory
does not grow with the number of files, J = 1 on a quarter of the folder. Also times
`import gov_ner` + loading the CNN model + one extraction, as shipped (torch deferred) and with
torch imported first (what every load cost before). Only the section SECTION of the results
page is replaced.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SECTION = "## A whole archive"
ENCODINGS = ("utf-8", "gb18030", "utf-16")
LOAD_CHILD = r"""
import sys, time
t0 = time.perf_counter()
if sys.argv[2] == "torch-first":
    import torch
import gov_ner
nlp = gov_ner.load(sys.argv[1])
gov_ner.extract("总投资8亿元的项目开工，增长7%。", nlp=nlp)
import resource
print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "torch" in sys.modules)
"""


def make_archive(corpus: Path, folder: Path, n: int) -> int:
    """n report files cut from the corpus reports; returns their total characters."""
    from .text.reading import read_report

    texts = [read_report(p) for p in sorted(corpus.glob("*.txt"))]
    total = 0
    for i in range(n):
        text = texts[i % len(texts)]
        size = 1000 + (i * 997) % 5000
        start = (i * 7919) % len(text)
        piece = (text * (2 + size // len(text)))[start:start + size]
        (folder / f"report_{i:04d}.txt").write_bytes(piece.encode(ENCODINGS[i % len(ENCODINGS)]))
        total += len(piece)
    return total


def _run_extract(folder: Path, out: Path, jobs: int, model: str, files: list[Path] | None = None) -> dict:
    """One `gov-ner extract` in a fresh process: wall seconds, characters, peak RSS of its
    largest process (the parent or a worker; RUSAGE_CHILDREN keeps the largest waited-for one)."""
    cmd = [sys.executable, "-m", "gov_ner.cli", "extract", *(map(str, files) if files else [str(folder)]),
           "-o", str(out), "-q", "--jobs", str(jobs), "--model", model]
    # each measurement in its own process, so that RUSAGE_CHILDREN is this command's alone
    probe = ("import resource, subprocess, sys, time, json; t = time.perf_counter(); "
             "rc = subprocess.run(sys.argv[1:]).returncode; "
             "print(json.dumps({'rc': rc, 'wall_s': time.perf_counter() - t, "
             "'peak_mb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))")
    load_before = os.getloadavg()[0]
    r = json.loads(subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True,
                                  check=True).stdout.strip().splitlines()[-1])
    r["loadavg"] = (load_before, os.getloadavg()[0])  # 1-minute averages: was another job running too?
    if r["rc"] != 0:
        raise RuntimeError(f"gov-ner extract exited {r['rc']}")
    lines = out.read_text(encoding="utf-8").splitlines()
    r.update(files=len(lines), chars=sum(json.loads(line)["chars"] for line in lines))
    return r


def _load_cost(model: str, runs: int) -> dict[str, dict]:
    """Median wall seconds and peak RSS of import + load + one extraction, both ways, interleaved."""
    got: dict[str, list] = {"deferred": [], "torch-first": []}
    for _ in range(runs):
        for how in got:
            out = subprocess.run([sys.executable, "-c", LOAD_CHILD, model, how], capture_output=True, text=True,
                                 check=True).stdout.split()
            got[how].append((float(out[0]), float(out[1]), out[2] == "True"))
    return {how: {"s": statistics.median(t for t, _, _ in rows), "runs": [t for t, _, _ in rows],
                  "peak_mb": statistics.median(m for _, m, _ in rows), "torch": rows[0][2]}
            for how, rows in got.items()}


def measure(corpus: Path, n: int, model: str, load_runs: int = 3) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "archive"
        folder.mkdir()
        chars = make_archive(corpus, folder, n)
        files = sorted(folder.glob("*.txt"))
        runs = {jobs: _run_extract(folder, Path(tmp) / f"out{jobs}.jsonl", jobs, model) for jobs in (1, 2)}
        quarter = _run_extract(folder, Path(tmp) / "quarter.jsonl", 1, model, files[: n // 4])
        same = (Path(tmp) / "out1.jsonl").read_bytes() == (Path(tmp) / "out2.jsonl").read_bytes()
    return {"n": n, "chars": chars, "runs": runs, "quarter": quarter, "same_output": same,
            "load": _load_cost(model, load_runs)}


def section(r: dict, model: str) -> str:
    lines = [SECTION, "",
             f"Written by `python -m gov_ner.bench --archive {r['n']}` on {time.strftime('%Y-%m-%d')} with `{model}`: "
             f"{r['n']} report files cut from the corpus ({r['chars']:,} characters; UTF-8, GB18030 and UTF-16) in a "
             f"temporary folder, `gov-ner extract FOLDER -o OUT --jobs J` in a fresh process; wall time includes "
             f"start-up and model load. {os.cpu_count()} cores, which another job may share: the last column is the "
             "1-minute load average before and after each run (this run's own processes count in the second).", "",
             "| run | files | characters | wall (s) | chars/s | peak RSS of the largest process (MB) | load avg |",
             "|---|---:|---:|---:|---:|---:|---|"]
    rows = [(f"--jobs {jobs}", run) for jobs, run in r["runs"].items()] + [("--jobs 1, a quarter of the files",
                                                                            r["quarter"])]
    for name, run in rows:
        lines.append(f"| {name} | {run['files']:,} | {run['chars']:,} | {run['wall_s']:.1f} | "
                     f"{run['chars'] / run['wall_s']:,.0f} | {run['peak_mb']:,.0f} | "
                     f"{run['loadavg'][0]:.1f} → {run['loadavg'][1]:.1f} |")
    lines += ["", f"The `--jobs 2` output is {'byte for byte' if r['same_output'] else 'NOT'} the `--jobs 1` output.",
              "", "Loading: `import gov_ner`, `gov_ner.load(model)` and one short extraction in a fresh process "
              f"(median of {len(r['load']['deferred']['runs'])} interleaved runs):", "",
              "| how | wall (s) | runs (s) | peak RSS (MB) | torch imported |", "|---|---:|---:|---:|---|"]
    names = {"deferred": "as shipped (torch deferred, `gov_ner/torch_deferral.py`)",
             "torch-first": "`import torch` first (what thinc did on every load before)"}
    for how, m in r["load"].items():
        lines.append(f"| {names[how]} | {m['s']:.1f} | {', '.join(f'{t:.1f}' for t in m['runs'])} | "
                     f"{m['peak_mb']:,.0f} | {'yes' if m['torch'] else 'no'} |")
    return "\n".join(lines)


def replace_section(page: str, body: str, title: str = SECTION) -> str:
    """The page with the section `title` replaced by body (or put before the notes, or appended)."""
    if title in page:
        start = page.index(title)
        end = page.find("\n## ", start + len(title))
        return page[:start] + body + ("\n" + page[end:] if end != -1 else "\n")
    notes = page.find("\n## Notes")
    if notes != -1:
        return page[:notes] + "\n" + body + "\n" + page[notes:]
    return page.rstrip("\n") + "\n\n" + body + "\n"


def section_of(page: str, title: str = SECTION) -> str | None:
    if title not in page:
        return None
    start = page.index(title)
    end = page.find("\n## ", start + len(title))
    return page[start:end if end != -1 else len(page)].rstrip("\n")


def run(corpus: str, n: int, model: str, output: str) -> int:
    r = measure(Path(corpus), n, model)
    body = section(r, model)
    page = Path(output).read_text(encoding="utf-8") if Path(output).exists() else "# Benchmarks\n"
    Path(output).write_text(replace_section(page, body), encoding="utf-8")
    print(body)
    print(json.dumps(r, default=str), file=sys.stderr)
    return 0
