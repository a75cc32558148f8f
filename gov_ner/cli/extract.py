"""`gov-ner extract`: report files -> JSONL (streamed, resumable, parallel), CSV or HTML."""
from __future__ import annotations

import sys
from pathlib import Path


def _stdin_report() -> tuple[str, str]:
    """Standard input decoded like a report file: (text, encoding)."""
    from ..text.reading import decode_report

    buffer = getattr(sys.stdin, "buffer", None)
    return (sys.stdin.read(), "utf-8") if buffer is None else decode_report(buffer.read(), "<stdin>")


def _inputs(paths: list[str], resume_from: Path | None, summary):
    """(name, path or text, encoding of stdin) to extract, less the files already in the output."""
    from ..archive import STDIN, completed_sources, report_files

    done = completed_sources(resume_from) if resume_from else set()
    for item in report_files(paths):
        if item == STDIN:
            yield ("<stdin>", *_stdin_report())
        elif str(item) in done:
            summary.skipped += 1
        else:
            yield str(item), item, None


def run(args) -> int:
    from ..api import extract_many, load
    from ..archive import BatchSummary, write_result
    from ..report import ReportError

    if args.resume and (args.format != "jsonl" or not args.output):
        print("--resume needs --format jsonl and -o FILE (the output it continues)", file=sys.stderr)
        return 2
    summary = BatchSummary()
    inputs = list(_inputs(args.paths, Path(args.output) if args.resume else None, summary))
    nlp = load(args.model)
    progress = None
    if len(inputs) > 1 and not args.quiet:
        from tqdm import tqdm

        progress = tqdm(total=len(inputs), unit="report", file=sys.stderr)
    out = open(args.output, "a" if args.resume else "w", encoding="utf-8") if args.output else sys.stdout
    reports = []  # csv and html only: those formats are written at the end
    try:
        results = extract_many((item for _, item, _ in inputs), nlp=nlp, n_process=args.jobs)
        for (name, _, stdin_encoding), result in zip(inputs, results):
            summary.add(result)
            if progress:
                progress.update(1)
            if isinstance(result, ReportError):
                print(f"error: {name}: {result.message}", file=sys.stderr)
                continue
            result.source = name
            result.encoding = stdin_encoding or result.encoding
            if args.format == "jsonl":
                write_result(out, result)
            else:
                reports.append(result)
        _write_tables(args, out, reports)
    finally:
        if progress:
            progress.close()
        if out is not sys.stdout:
            out.close()
    if not args.quiet or summary.failures:
        print(summary.format(), file=sys.stderr)
    return 1 if summary.failures else 0


def _write_tables(args, out, reports) -> None:
    from ..export import ENTITY_COLUMNS, INVESTMENT_COLUMNS, entity_rows, investment_rows, to_csv

    if args.format == "csv":
        out.write(to_csv((r for rep in reports for r in entity_rows(rep)), ENTITY_COLUMNS))
        if args.investments:
            Path(args.investments).write_text(
                to_csv((r for rep in reports for r in investment_rows(rep)), INVESTMENT_COLUMNS), encoding="utf-8")
    elif args.format == "html":
        from ..render import render_html

        out.write(render_html(reports))


def _positive(value: str) -> int:
    import argparse

    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value}: needs 1 or more")
    return n


def register(sub) -> None:
    p = sub.add_parser("extract", help="entities and investments from report files (JSONL, CSV or HTML)",
                       description="Run the pipeline over report files (UTF-8 with or without BOM, UTF-16/32 "
                                   "with BOM, GB18030/GBK or Big5; the JSONL says which), folders (every *.txt "
                                   "inside) or '-' for standard input. Offsets refer to each file's decoded text. "
                                   "JSONL is written report by report, so a killed run can be continued with "
                                   "--resume. A file that fails is reported and the others still processed; "
                                   "the exit code is 1 if any failed. A summary ends the run (on stderr).")
    p.add_argument("paths", nargs="+", help="files, folders, or - for stdin")
    p.add_argument("--model", help="model directory or package (default: the shipped model; $GOV_NER_MODEL)")
    p.add_argument("--format", choices=("jsonl", "csv", "html"), default="jsonl",
                   help="jsonl: one report per line; csv: one row per entity; html: a page to look at")
    p.add_argument("--investments", help="with --format csv: also write the investments table to this file")
    p.add_argument("-o", "--output", help="write here instead of standard output")
    p.add_argument("-j", "--jobs", type=_positive, default=1,
                   help="worker processes, each running whole reports (default: %(default)s)")
    p.add_argument("--resume", action="store_true",
                   help="continue a JSONL output: skip the files already in it (a half-written last line "
                        "is cut off and redone) and append the rest")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary (unless a file failed)")
    p.set_defaults(func=run)
