"""Pieces several commands share: reading annotation files, --set overrides, training options."""
from __future__ import annotations

import argparse

from ..training.data import DEFAULT_ANNOTATIONS


def read_annotations(paths):
    from ..annotations.io import read_many

    return read_many(paths)


def parse_sets(items: list[str]) -> dict[str, object]:
    """--set KEY=VALUE options -> config overrides (values read as JSON when they parse)."""
    import json

    overrides: dict[str, object] = {}
    for item in items:
        key, _, value = item.partition("=")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value
    return overrides


def training_options(parser: argparse.ArgumentParser, annotations_help: str) -> None:
    """Options shared by train and retrain."""
    parser.add_argument("--annotations", nargs="+", default=list(DEFAULT_ANNOTATIONS),
                        help=f"{annotations_help} (default: %(default)s)")
    parser.add_argument("--splits", default="annotations/splits.json", help="split definition (default: %(default)s)")
    parser.add_argument("--authored", help="the authored corpus to train on as well (annotations/authored/authored.jsonl); "
                                           "its test writers never train")
    parser.add_argument("--authored-fraction", type=float, default=1.0,
                        help="share of the authored training paragraphs (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=13, help="random seed (default: %(default)s)")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="any config setting, e.g. --set training.dropout=0.2 (value read as JSON if it parses)")
    parser.add_argument("--force", action="store_true", help="replace an existing output directory")
