"""A whole archive of reports: which files, what a previous run already wrote, what came out.

    done = completed_sources(Path("out.jsonl"))             # cuts a half-written last line
    todo = [f for f in report_files(["reports/"]) if str(f) not in done]
    summary = BatchSummary()
    with open("out.jsonl", "a", encoding="utf-8") as out:
        for result in extract_many(todo, n_process=2):      # a Report or a ReportError, in order
            summary.add(result)
            if isinstance(result, Report):
                write_result(out, result)

`gov-ner extract DIR -o out.jsonl --jobs N --resume` is this loop (gov_ner/cli/extract.py).
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from .annotations.schema import ENTITY_LABELS
from .report import Report, ReportError

STDIN = "-"


def report_files(paths: Iterable[str | Path]) -> Iterator[str | Path]:
    """The inputs a command line names: files as given, every *.txt below a folder (sorted; a
    folder named *.txt is passed over), and "-" (standard input) as it is."""
    for p in paths:
        if p == STDIN:
            yield STDIN
            continue
        path = Path(p)
        if path.is_dir():
            yield from (f for f in sorted(path.rglob("*.txt")) if not f.is_dir())
        else:
            yield path


def completed_sources(output: Path) -> set[str]:
    """Sources of the reports already in a JSONL output, so that a resumed run skips them.

    A run that was killed may have left its last line half-written: that line is cut off the
    file (its report is extracted again). Any other line that is not a report is an error, since
    resuming would append to a file that is not ours.
    """
    if not output.exists():
        return set()
    done: set[str] = set()
    kept, unterminated = 0, False
    with open(output, "rb+") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    done.add(json.loads(line)["source"])
                except (ValueError, KeyError, TypeError):
                    if line.endswith(b"\n"):
                        raise ValueError(f"{output}:{n}: not a report line of `gov-ner extract`; "
                                         "cannot resume into this file") from None
                    break  # the half-written last line
            kept += len(line)
            unterminated = not line.endswith(b"\n")
        f.truncate(kept)
        if unterminated:  # a whole report whose newline was not written yet
            f.seek(kept)
            f.write(b"\n")
    return done


@dataclass
class BatchSummary:
    """What a batch gave: counted as results arrive, so nothing is held per report."""

    files: int = 0
    chars: int = 0
    entities: Counter = field(default_factory=Counter)
    investments: int = 0
    failures: int = 0
    skipped: int = 0  # already in the output (--resume)

    def add(self, result: Report | ReportError) -> None:
        self.files += 1
        if isinstance(result, ReportError):
            self.failures += 1
            return
        self.chars += len(result.text)
        self.entities.update(e.label for e in result.entities)
        self.investments += len(result.investments)

    def format(self) -> str:
        labels = [*ENTITY_LABELS, *sorted(set(self.entities) - set(ENTITY_LABELS))]
        ents = ", ".join(f"{label} {self.entities[label]:,}" for label in labels)
        skipped = f" ({self.skipped:,} more already in the output: skipped)" if self.skipped else ""
        return (f"{self.files:,} files read{skipped}, {self.chars:,} characters; entities: {ents}; "
                f"{self.investments:,} investments; {self.failures} of {self.files} inputs failed")

    def to_dict(self) -> dict:
        return {"files": self.files, "skipped": self.skipped, "chars": self.chars,
                "entities": dict(self.entities), "investments": self.investments, "failures": self.failures}


def write_result(out: IO[str], report: Report) -> None:
    """One JSONL line, flushed: a run killed after it loses nothing already written."""
    out.write(report.to_json() + "\n")
    out.flush()
