"""Speed, memory and accuracy of each system, in one process: `python -m gov_ner.bench`.

Writes benchmarks/RESULTS.md. Each system is measured in a fresh subprocess so that load
time and peak memory are its own.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import subprocess
import sys
import time
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
import gov_ner
from gov_ner.training.results import load_system
spec, paths = sys.argv[1], sys.argv[2:]
nlp = load_system(spec)
load_s = time.perf_counter() - t0
from gov_ner.text.reading import read_report
texts = [read_report(p) for p in paths]
gov_ner.extract(texts[0][:200], nlp=nlp)  # warm-up
t1 = time.perf_counter()
n_ents = sum(len(gov_ner.extract(t, nlp=nlp).entities) for t in texts)
run_s = time.perf_counter() - t1
big = "\n".join(texts)
while len(big) < 50000:
    big += "\n" + big
t2 = time.perf_counter()
gov_ner.extract(big[:50000], nlp=nlp)
big_s = time.perf_counter() - t2
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
# where the time goes: the same paragraphs, one stage at a time
from gov_ner.annotations.segment import segment_report
from gov_ner.pipeline.consistency import finish_report
from gov_ner.api import doc_to_report_parts
owner, paras = zip(*[(i, t[s.start:s.end]) for i, t in enumerate(texts) for s in segment_report(t)])
stages = {}
t3 = time.perf_counter()
docs = [nlp.make_doc(p) for p in paras]
stages["tokenizer (normalise, offset map, word boundaries)"] = time.perf_counter() - t3
for name, proc in nlp.pipeline:
    t3 = time.perf_counter()
    docs = list(proc.pipe(docs, batch_size=16)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
    stages[name] = time.perf_counter() - t3
t3 = time.perf_counter()
for i in range(len(texts)):  # report-level steps see all paragraphs of a report (per doc they do nothing)
    finish_report(nlp, [d for d, o in zip(docs, owner) if o == i])
stages["report-level steps (consistency)"] = time.perf_counter() - t3
t3 = time.perf_counter()
for p, d in zip(paras, docs):
    doc_to_report_parts(d, p)
stages["results (amount parsing, raw offsets)"] = time.perf_counter() - t3
print(json.dumps({"load_s": load_s, "chars": sum(map(len, texts)), "run_s": run_s, "entities": n_ents,
                  "big_s": big_s, "peak_mb": peak_mb, "stages": stages}))
"""


def dir_size_mb(path: str) -> float | None:
    p = Path(path)
    if not p.exists():
        return None
    return sum(f.stat().st_size for f in p.rglob("*") if f.is_file()) / 2**20


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m gov_ner.bench", description=__doc__)
    ap.add_argument("systems", nargs="*", help="NAME=PATH or rules (default: shipped trf, CNN run, rules)")
    ap.add_argument("--corpus", default="corpus", help="folder of reports to run over")
    ap.add_argument("--scores", default="training/RESULTS.json", help="held-out scores to quote (micro F1)")
    ap.add_argument("-o", "--output", default="benchmarks/RESULTS.md")
    ap.add_argument("--notes", default="benchmarks/NOTES.md", help="hand-written notes appended to the page")
    ap.add_argument("--archive", type=int, metavar="N",
                    help="instead: extraction over N report files cut from the corpus with 1 and 2 processes, "
                         "and load cost with and without torch; replaces only that section of the page")
    ap.add_argument("--model", help="with --archive: the model (default: the shipped one)")
    args = ap.parse_args(argv)
    from .api import default_model_path
    from .bench_archive import replace_section, section_of

    if args.archive:
        from .bench_archive import run as run_archive

        return run_archive(args.corpus, args.archive, args.model or default_model_path(), args.output)
    from .pipeline.steps import split_spec

    systems = dict(s.split("=", 1) if "=" in s else (s, s) for s in args.systems) or {
        "shipped": default_model_path(), "rules": "rules"}
    paths = sorted(str(p) for p in Path(args.corpus).glob("*.txt"))
    scores = json.loads(Path(args.scores).read_text())["entities"] if Path(args.scores).exists() else {}
    rows = []
    for name, spec in systems.items():
        out = subprocess.run([sys.executable, "-c", CHILD, spec, *paths], capture_output=True, text=True,
                             env={**os.environ, "HF_HUB_OFFLINE": "1"})
        if out.returncode != 0:
            print(out.stderr[-2000:], file=sys.stderr)
            return 1
        r = json.loads(out.stdout.strip().splitlines()[-1])
        f1 = next((v["micro"]["f1"] for k, v in scores.items() if k.split()[0] == name.split()[0]), None)
        rows.append((name, r, dir_size_mb(split_spec(spec)[0]) if spec != "rules" else 0.0, f1))
        print(name, r, file=sys.stderr)
    command = shlex.join(["python", "-m", "gov_ner.bench", *(sys.argv[1:] if argv is None else argv)])
    lines = ["# Benchmarks", "", f"Written by `{command}` on {time.strftime('%Y-%m-%d')}: "
             f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}.",
             f"Corpus: {len(paths)} reports, {rows[0][1]['chars']:,} characters, run end to end "
             "(normalisation, entities, relations, amounts).", "",
             "| system | chars/s | load (s) | 50k-char report (s) | peak RSS (MB) | size on disk (MB) | held-out micro F1 |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name, r, size, f1 in rows:
        lines.append(f"| {name} | {r['chars'] / r['run_s']:,.0f} | {r['load_s']:.1f} | {r['big_s']:.1f} | "
                     f"{r['peak_mb']:,.0f} | {'' if size is None else f'{size:.1f}'} | "
                     f"{'' if f1 is None else f'{f1:.3f}'} |")
    lines += ["", "## Where the time goes", "",
              "Each stage timed alone over the same corpus paragraphs (seconds; share of their sum):", ""]
    names = [name for name, *_ in rows]
    stage_names = list(dict.fromkeys(k for _, r, *_ in rows for k in r["stages"]))
    lines += ["| stage | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for stage in stage_names:
        cells = []
        for _, r, *_ in rows:
            t, total = r["stages"].get(stage), sum(r["stages"].values())
            cells.append("" if t is None else f"{t:.2f} ({t / total:.0%})")
        lines.append(f"| {stage} | " + " | ".join(cells) + " |")
    if args.notes and Path(args.notes).exists():
        lines += ["", Path(args.notes).read_text(encoding="utf-8").strip()]
    page = "\n".join(lines) + "\n"
    kept = section_of(Path(args.output).read_text(encoding="utf-8")) if Path(args.output).exists() else None
    if kept:  # measured by --archive, which this run does not repeat
        page = replace_section(page, kept)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(page, encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
