"""`gov-ner stats`."""
from __future__ import annotations

from pathlib import Path

from .common import read_annotations


def run(args) -> int:
    from ..annotations.splits import load_splits, split_of
    from ..annotations.stats import count, format_table

    records = read_annotations(args.paths)
    if args.coverage:
        return coverage(args, records)
    print(format_table(count(records), "document"))
    splits_path = Path(args.splits)
    if splits_path.exists():
        splits = load_splits(splits_path)
        print()
        print(format_table(count(records, key=lambda r: split_of(r, splits)), "split"))
    return 0


def coverage(args, records) -> int:
    """The authored corpus's coverage of the brief, and its proportions against the reports."""
    import shlex

    from ..annotations.coverage import coverage_tables

    reports = [r for r in read_annotations([args.reports]) if r.spans]
    text = coverage_tables([r for r in records if r.meta.get("authored")], reports)
    if args.markdown:
        command = "gov-ner " + shlex.join(args.argv)
        Path(args.markdown).write_text(f"# Coverage of the authored corpus\n\nWritten by `{command}`; "
                                       f"do not edit by hand. 'reports' are the paragraphs of the five corpus "
                                       f"reports that hold any entity.\n\n{text}\n", encoding="utf-8")
    print(text)
    return 0


def register(sub) -> None:
    p = sub.add_parser("stats", help="counts of spans per label, per document and per split",
                       description="Print span counts per label and relation counts, per document, "
                                   "and per split when a splits file exists.")
    p.add_argument("paths", nargs="+", help="JSONL files or folders")
    p.add_argument("--splits", default="annotations/splits.json", help="split definition (default: %(default)s)")
    p.add_argument("--coverage", action="store_true",
                   help="authored records: coverage of the brief's dimensions and proportions against the reports")
    p.add_argument("--reports", default="annotations/gold", help="with --coverage: the real reports to compare with")
    p.add_argument("--markdown", help="with --coverage: also write the tables here")
    p.set_defaults(func=run)
