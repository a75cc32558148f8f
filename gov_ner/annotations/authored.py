"""The authored corpus: paragraphs the project wrote and annotated itself (annotations/authored/).

Layout (every file in the inline markup of `markup.py`):

    plans/wNN.txt                 the writer's plan: one header per paragraph, text to be written
    written/wNN-K.txt             what writer wNN wrote and annotated (file K of its slice)
    second/<annotator>/wNN-K.txt  an independent second annotation of a sample, from the bare text
    reviewed/<reviewer>/wNN-K.txt the reviewer's corrected copy of a whole written file
    authored.jsonl                built from the above by `build`; what training reads

Nothing here rewrites a file a person (or agent) made: `build` writes a new JSONL and refuses
to overwrite it unless told. The reviewed copy, where there is one, is the record's gold; its
text must equal the written text, so a review can move marks but never words.

    python -m gov_ner.annotations.authored plan --writer 3 --n 128 > plans/w03.txt
    python -m gov_ner.annotations.authored check written/w03-1.txt
    python -m gov_ner.annotations.authored sample written/w03-1.txt   # bare text of every 5th paragraph
    python -m gov_ner.annotations.authored compare written/w03-1.txt second/r01/w03-1.txt
    python -m gov_ner.annotations.authored build -o annotations/authored/authored.jsonl
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import zlib
from pathlib import Path

from .brief import check_paragraph, plan
from .errors import AnnotationError
from .markup import read_marked, read_paragraphs, strip_marks
from .schema import Record
from .validate import check_record

ROOT = Path("annotations/authored")
# writers whose every paragraph is the authored test split: never trained on, reported apart
# the authored test split: w15, w16 (the general plan) and w17–w19 (relation patterns, issue 14)
TEST_WRITERS = ("w15", "w16", "w17", "w18", "w19")
SAMPLE_EVERY = 5  # every 5th paragraph (by id hash) is annotated a second time, independently


def in_sample(record_id: str) -> bool:
    return zlib.crc32(record_id.encode("utf-8")) % SAMPLE_EVERY == 0


def _by_name(folder: Path) -> dict[str, tuple[str, Path]]:
    """file name -> (person, path) for files under folder/<person>/."""
    found = {}
    for path in sorted(folder.glob("*/*.txt")):
        found[path.name] = (path.parent.name, path)
    return found


def load_authored(root: str | Path = ROOT) -> list[Record]:
    """Every authored record, the reviewed copy where there is one, with writer and reviewer."""
    root = Path(root)
    reviewed = _by_name(root / "reviewed")
    records = []
    for path in sorted((root / "written").glob("*.txt")):
        written = read_marked(path)
        if path.name not in reviewed:
            records += written
            continue
        reviewer, rpath = reviewed[path.name]
        final = read_marked(rpath, {"reviewer": reviewer})
        ids = [r.id for r in written]
        if [r.id for r in final] != ids:
            raise AnnotationError(str(rpath), 1, "id", f"reviewed copy does not hold the same paragraphs as {path}")
        for w, r in zip(written, final):
            if w.text != r.text:
                raise AnnotationError(str(rpath), r.source[1], "text",
                                      f"{r.id}: the review changed the text; a review moves marks, never words")
        records += final
    return records


def load_second(root: str | Path = ROOT) -> tuple[list[Record], list[Record]]:
    """(first annotation, independent second annotation) of the doubly annotated paragraphs."""
    root = Path(root)
    first = {r.id: r for r in (rec for p in sorted((root / "written").glob("*.txt")) for rec in read_marked(p))}
    a, b = [], []
    for name, (annotator, path) in sorted(_by_name(root / "second").items()):
        for rec in read_marked(path, {"annotator": annotator}):
            if rec.id not in first:
                raise AnnotationError(str(path), rec.source[1], "id", f"{rec.id} is in no written file")
            if first[rec.id].text != rec.text:
                raise AnnotationError(str(path), rec.source[1], "text", f"{rec.id}: text differs from the written one")
            a.append(first[rec.id])
            b.append(rec)
    return a, b


def build(root: str | Path, out: str | Path, force: bool = False) -> list[Record]:
    out = Path(out)
    if out.exists() and not force:
        raise FileExistsError(f"{out} exists; use --force to replace it")
    records = load_authored(root)
    tmp = out.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
    tmp.replace(out)
    return records


def check_files(paths: list[str]) -> int:
    """Print every problem of the given written files; the number of problems."""
    n = 0
    for path in paths:
        try:
            records = read_marked(path)
        except AnnotationError as err:
            print(err)
            n += 1
            continue
        for rec in records:
            for p in check_record(rec):
                print(f"{path}:{rec.source[1]}: {rec.id}: {p.field}: {p.message}")
                n += 1
            for msg in check_paragraph(rec):
                print(f"{path}:{rec.source[1]}: {rec.id}: {msg}")
                n += 1
        print(f"{path}: {len(records)} paragraphs, {sum(len(r.text) for r in records)} chars, "
              f"{sum(len(r.spans) for r in records)} spans, {sum(len(r.relations) for r in records)} links")
    return n


def sample_text(path: str) -> str:
    """Headers and bare text of the sampled paragraphs of a written file, for the second annotator."""
    out = []
    for p in read_paragraphs(path):
        rid = f"authored-{p.fields['id'].replace('-', '#', 1)}"
        if in_sample(rid):
            header = " ".join(f"{k}={v}" for k, v in p.fields.items())
            out.append(f"@@ {header}\n{strip_marks(p.marked)}\n")
    return "\n".join(out)


def read_allow(path: str | Path) -> list[tuple[str, re.Pattern, str]]:
    """(surface, context pattern, reason) rules: a bare occurrence whose context (…left【X】right…)
    matches the pattern is right as it is. One rule a line: SURFACE<TAB>REGEX<TAB>REASON."""
    rules = []
    path = Path(path)
    if not path.exists():
        return rules
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not parts[2].strip():
            raise AnnotationError(str(path), no, "rule", "expected SURFACE<TAB>REGEX<TAB>REASON")
        try:
            rules.append((parts[0], re.compile(parts[1]), parts[2]))
        except re.error as err:
            raise AnnotationError(str(path), no, "regex", str(err)) from None
    return rules


def lint(records: list[Record], allow: list[tuple[str, re.Pattern, str]]) -> list:
    """Strings labelled in one place and bare in another (or labelled two ways), less what an
    allow rule explains: a bare occurrence whose context matches the rule's pattern, or a label
    conflict whose rule pattern matches the word `label-conflict` (decided sentence by sentence)."""
    from .consistency import check_consistency

    out = []
    for f in check_consistency(records, min_len=2):
        if f.kind == "label-conflict" and any(surface == f.surface and pat.search("label-conflict")
                                              for surface, pat, _ in allow):
            continue  # decided by the sentence each time (a park built here, a place there)
        if f.kind == "unlabelled":
            left = [o for o in f.occurrences
                    if not any(surface in (f.surface, "*") and pat.search(o) for surface, pat, _ in allow)]
            if not left:
                continue
            f.occurrences = left
        out.append(f)
    return out


def agreement_report(root: str | Path = ROOT) -> str:
    """Markdown: agreement of writers (first) and independent second annotators, pooled and per pair."""
    from collections import defaultdict

    from .agreement import agreement, format_agreement

    a, b = load_second(root)
    lines = [f"Independent second annotation of {len(b)} paragraphs "
             f"({sum(len(r.text) for r in b):,} characters), exact-match span F1, before review.", "",
             format_agreement(agreement(a, b), "writer", "second"), "",
             "| writer | second annotator | paragraphs | micro F1 | INVESTMENT F1 |", "|---|---|---:|---:|---:|"]
    pairs = defaultdict(lambda: ([], []))
    for x, y in zip(a, b):
        key = (x.meta["writer"], y.meta["annotator"])
        pairs[key][0].append(x)
        pairs[key][1].append(y)
    for (writer, annotator), (xs, ys) in sorted(pairs.items()):
        res = agreement(xs, ys)
        lines.append(f"| {writer} | {annotator} | {res['records']} | {res['micro_f1']:.3f} | "
                     f"{res['relations']['f1']:.3f} |")
    return "\n".join(lines)


def compare(path_a: str, path_b: str) -> int:
    """Print agreement and every disagreement between two marked files of the same paragraphs."""
    from .agreement import agreement, disagreements, format_agreement

    a, b = read_marked(path_a), read_marked(path_b)
    by_id = {r.id: r for r in a}
    for rec in b:
        if rec.id in by_id and by_id[rec.id].text != rec.text:
            print(f"{path_b}:{rec.source[1]}: {rec.id}: text differs from {path_a}; marks may move, words may not")
            return 1
    print(format_agreement(agreement(a, b), Path(path_a).parent.name, Path(path_b).parent.name))
    for d in disagreements(a, b):
        print(f"\n{d['id']}")
        for key in ("only_a", "only_b"):
            for s in d[key]:
                print(f"  {key}: {s['text']} {s['label']} ({s['start']}-{s['end']})")
        for key in ("relations_only_a", "relations_only_b"):
            for rel in d[key]:
                print(f"  {key}: {rel}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m gov_ner.annotations.authored", description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("plan", help="a writer's plan: one header line per paragraph to write")
    p.add_argument("--writer", type=int, required=True)
    p.add_argument("--n", type=int, default=128)
    p.add_argument("--seed", type=int, default=0)
    c = sub.add_parser("check", help="check written files: markup, guide edges, the plan line's demands")
    c.add_argument("paths", nargs="+")
    s = sub.add_parser("sample", help="bare text of a file's sampled paragraphs (for independent re-annotation)")
    s.add_argument("path")
    lt = sub.add_parser("lint", help="strings labelled in one place and bare in another, less LINT_ALLOW*.tsv")
    lt.add_argument("--root", default=str(ROOT))
    lt.add_argument("--writer", help="only findings with an occurrence in this writer's paragraphs")
    sub.add_parser("agreement", help="agreement of writers and second annotators (markdown)")
    k = sub.add_parser("compare", help="agreement and disagreements between two marked files")
    k.add_argument("a")
    k.add_argument("b")
    b = sub.add_parser("build", help="write authored.jsonl from written/ and reviewed/")
    b.add_argument("--root", default=str(ROOT))
    b.add_argument("-o", "--output", default=str(ROOT / "authored.jsonl"))
    b.add_argument("--force", action="store_true")
    args = ap.parse_args(argv)
    if args.cmd == "plan":
        print("\n\n".join(line.header() for line in plan(args.writer, args.n, args.seed)))
    elif args.cmd == "check":
        return 1 if check_files(args.paths) else 0
    elif args.cmd == "sample":
        print(sample_text(args.path))
    elif args.cmd == "lint":
        allow = [rule for path in sorted(Path(args.root).glob("LINT_ALLOW*.tsv")) for rule in read_allow(path)]
        findings = lint(load_authored(args.root), allow)
        if args.writer:  # only the occurrences in this writer's paragraphs (and label conflicts there)
            for f in findings:
                f.occurrences = [o for o in f.occurrences if f"authored-{args.writer}#" in o]
            findings = [f for f in findings if f.occurrences]
        for f in findings:
            print(f)
        print(f"{len(findings)} findings")
        return 1 if findings else 0
    elif args.cmd == "agreement":
        print(agreement_report())
    elif args.cmd == "compare":
        return compare(args.a, args.b)
    elif args.cmd == "build":
        try:
            records = build(args.root, args.output, args.force)
        except (AnnotationError, FileExistsError) as err:
            print(err, file=sys.stderr)
            return 1
        print(f"{args.output}: {len(records)} records")
    return 0


if __name__ == "__main__":
    sys.exit(main())
