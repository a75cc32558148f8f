"""The `gov-ner` command: one module per subcommand, each a thin wrapper over a library function.

Each module has `register(subparsers)`, which adds its parser and sets `func` to its `run(args)`.
Modules import the library inside `run`, so `gov-ner --help` stays fast.
"""
from __future__ import annotations

import argparse
import sys

from ..annotations.errors import AnnotationError
from . import (agreement, authored, consistency, convert, crossval, encoder, evaluate, extract, package, release, retrain,
               stats, suggest, train, validate)

COMMANDS = (validate, stats, convert, consistency, agreement, authored, train, evaluate, extract, suggest, release, retrain,
            encoder, package, crossval)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="gov-ner", description=(
        "Entities (ORG, LOC, PROJECT, MONEY, PERCENT) and INVESTMENT relations in Chinese "
        "government work reports."))
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # the command as typed, for the result pages that quote it
    args.argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return args.func(args)
    except AnnotationError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except (OSError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
