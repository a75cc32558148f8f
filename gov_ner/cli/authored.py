"""`gov-ner authored`: the authored corpus's tools (plan, check, sample, compare, lint, agreement, build)."""
from __future__ import annotations

import argparse


def run(args) -> int:
    from ..annotations.authored import main

    return main(args.rest)


def register(sub) -> None:
    p = sub.add_parser("authored", help="authored corpus: plan, check, sample, compare, lint, agreement, build",
                       description="The tools of gov_ner.annotations.authored; `gov-ner authored check -h` "
                                   "shows a tool's options.")
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p.set_defaults(func=run)
