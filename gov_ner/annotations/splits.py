"""The fixed evaluation split and the leave-one-report-out plan (annotations/splits.json)."""
from __future__ import annotations

import json
from pathlib import Path

from .schema import Record


def load_splits(path: str | Path) -> dict:
    with open(path, encoding="utf-8") as f:
        splits = json.load(f)
    for key in ("train", "heldout"):
        if key not in splits:
            raise ValueError(f"{path}: missing key {key!r}")
    overlap = set(splits["train"]) & set(splits["heldout"])
    if overlap:
        raise ValueError(f"{path}: reports both trained on and held out: {sorted(overlap)}")
    return splits


def split_of(rec: Record, splits: dict) -> str:
    for name in ("heldout", "train"):
        if rec.doc_id in splits[name]:
            return name
    return "unassigned"


def select(records: list[Record], splits: dict, name: str) -> list[Record]:
    """Records of one split: those of its reports (a record of no listed report is in none)."""
    return [r for r in records if r.doc_id in splits[name]]


def folds(splits: dict) -> list[tuple[list[str], str]]:
    """Leave-one-report-out folds: (training report ids, held-out report id)."""
    reports = splits.get("cross_validation", sorted(splits["train"] + splits["heldout"]))
    return [([r for r in reports if r != held], held) for held in reports]
