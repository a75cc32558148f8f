"""Pieces several commands share: reading annotation files, --set overrides, training options."""
from __future__ import annotations

import argparse

from ..training.data import DEFAULT_ANNOTATIONS, DEFAULT_AUTHORED


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


def authored_options(parser: argparse.ArgumentParser) -> None:
    """--authored PATH / --no-authored; read the choice with `authored_path(args)`."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--authored", default=DEFAULT_AUTHORED,
                       help="the authored corpus trained on beside the reports; its test writers never train "
                            "(default: %(default)s)")
    group.add_argument("--no-authored", action="store_true",
                       help="train on the reports only, without the authored corpus (an ablation)")


def authored_path(args: argparse.Namespace) -> str | None:
    return None if args.no_authored else args.authored


def training_options(parser: argparse.ArgumentParser, annotations_help: str) -> None:
    """Options shared by train and retrain."""
    parser.add_argument("--annotations", nargs="+", default=list(DEFAULT_ANNOTATIONS),
                        help=f"{annotations_help} (default: %(default)s)")
    parser.add_argument("--splits", default="annotations/splits.json", help="split definition (default: %(default)s)")
    authored_options(parser)
    parser.add_argument("--authored-fraction", type=float, default=1.0,
                        help="share of the authored training paragraphs (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=13, help="random seed (default: %(default)s)")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="any config setting, e.g. --set training.dropout=0.2 (value read as JSON if it parses)")
    parser.add_argument("--force", action="store_true", help="replace an existing output directory")
