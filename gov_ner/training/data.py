"""Training data: annotation records -> train / dev / held-out DocBins for `spacy train`.

Held-out reports (annotations/splits.json) never reach train or dev. Dev, used by spaCy to
pick the best checkpoint, is a fixed slice of the training reports, so model selection never
sees a held-out report either. The default recipe trains on the training reports (each record
`real_repeat` times per epoch) and the authored corpus's training writers (once); its test
writers never train. The synthetic template families that 0.3.0 trained on were retired in
session 6 (training/README.md).
"""
from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..annotations.errors import AnnotationError
from ..annotations.io import read_many
from ..annotations.schema import Record
from ..annotations.validate import Problem
from ..annotations.splits import load_splits, select
from ..convert import ConversionReport, records_to_docbin

DEFAULT_ANNOTATIONS = ("annotations/gold",)
DEFAULT_SPLITS = "annotations/splits.json"
DEFAULT_AUTHORED = "annotations/authored/authored.jsonl"


@dataclass
class DataArguments:
    """Where the annotations are and how they are split."""

    annotations: tuple[str, ...] = DEFAULT_ANNOTATIONS  # JSONL files or folders
    splits: str = DEFAULT_SPLITS
    dev_every: int = 6  # every n-th training report record (by id hash) goes to dev
    real_repeat: int = 3  # report training records appear this many times per epoch (authored ones once)
    heldout: tuple[str, ...] | None = None  # override the split's held-out reports (cross-validation)
    extra: tuple[str, ...] = ()  # new annotation files (retrain --add): all go to train, never to dev
    # the authored corpus (annotations/authored/): this share of its training writers' paragraphs
    # (nested subsets: the 25% are inside the 50%); the test writers' paragraphs never train.
    # None: the reports only (`--no-authored`, for ablations)
    authored: str | None = DEFAULT_AUTHORED
    authored_fraction: float = 1.0


def _is_dev(rec: Record, args: "DataArguments") -> bool:
    return args.dev_every > 0 and zlib.crc32(rec.id.encode("utf-8")) % args.dev_every == 0


def authored_training_records(args: DataArguments, root: Path = Path(".")) -> list[Record]:
    """The authored paragraphs a recipe trains on: training writers only, `authored_fraction` of them."""
    from ..annotations.authored import TEST_WRITERS

    if not args.authored or args.authored_fraction <= 0:
        return []
    records = read_many([root / args.authored])
    keep = round(args.authored_fraction * 1000)
    return [r for r in records if r.meta.get("writer") not in TEST_WRITERS
            and zlib.crc32(r.id.encode("utf-8")) % 1000 < keep]


def split_records(args: DataArguments, root: Path = Path(".")) -> dict[str, list[Record]]:
    records = [r for r in read_many([root / p for p in args.annotations if (root / p).exists()])
               if not r.meta.get("authored")]
    splits = load_splits(root / args.splits)
    if args.heldout is not None:
        docs = sorted({r.doc_id for r in records})
        splits = {"train": [d for d in docs if d not in args.heldout], "heldout": list(args.heldout)}
    train_all = select(records, splits, "train")
    train = [r for r in train_all if not _is_dev(r, args)]
    if args.extra:
        train = merge_new_records(train, read_many([root / p for p in args.extra]), splits)
    # the reports are few and the authored paragraphs many: repeat the report ones
    train = train * max(1, args.real_repeat)
    train += authored_training_records(args, root)
    return {
        "train": train,
        "dev": [r for r in train_all if _is_dev(r, args)],
        "heldout": select(records, splits, "heldout"),
    }


def heldout_problems(records: list[Record], heldout: Iterable[str]) -> list[Problem]:
    """One problem per record that belongs to a held-out report (never to be trained on)."""
    heldout = set(heldout)
    return [Problem(*(r.source or ("<input>", 0)), "id",
                    f"{r.id!r} belongs to held-out report {r.doc_id!r}; held-out reports are never trained on")
            for r in records if r.doc_id in heldout]


def merge_new_records(train: list[Record], new: list[Record], splits: dict) -> list[Record]:
    """Training records plus newly annotated ones. A new record with an existing id replaces the
    old one (a correction); Prodigy-rejected examples are skipped; a record from a held-out
    report is an error, because the held-out scores would stop meaning anything."""
    for problem in heldout_problems(new, splits["heldout"])[:1]:
        raise AnnotationError(problem.path, problem.line, problem.field, problem.message)
    new = [r for r in new if r.meta.get("answer") in (None, "accept")]
    replaced = {r.id for r in new}
    return [r for r in train if r.id not in replaced] + new


def write_corpus(args: DataArguments, out_dir: Path, root: Path = Path(".")) -> dict[str, ConversionReport]:
    """Write train.spacy, dev.spacy, heldout.spacy into out_dir; return the conversion reports."""
    out_dir.mkdir(parents=True, exist_ok=True)
    reports = {}
    for name, recs in split_records(args, root).items():
        db, report = records_to_docbin(recs)
        db.to_disk(out_dir / f"{name}.spacy")
        reports[name] = report
    return reports
