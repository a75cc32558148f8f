"""`gov-ner release`."""
from __future__ import annotations

import sys

from ..pipeline.steps import WEIGHTLESS_STEPS


def run(args) -> int:
    from ..packaging import release_model

    try:
        out = release_model(args.model, args.output, name=args.name, version=args.version,
                            description=args.description, relations=args.relations,
                            add_steps=tuple(args.add_step), sources=tuple(args.source),
                            renew_steps=tuple(args.renew_step))
    except FileExistsError as err:
        print(err, file=sys.stderr)
        return 1
    print(f"release: {out}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("release", help="copy a trained model into a new release directory (models/...)",
                       description="Load a trained pipeline, set its name, version and description, optionally "
                                   "replace the learned relation step by the cue-word rule (same name, same "
                                   "output), and save it to a new directory. Never overwrites.")
    p.add_argument("model", help="trained model directory (e.g. RUN/model-best)")
    p.add_argument("-o", "--output", required=True, help="new directory, e.g. models/zh_gov_ner_sm-0.6.0")
    p.add_argument("--name", required=True, help="meta name (spaCy prefixes the language: gov_ner_sm)")
    p.add_argument("--version", required=True)
    p.add_argument("--description", default="", help="meta description: how it was trained")
    p.add_argument("--relations", choices=("learned", "rules"), default="learned",
                    help="relation step to ship (default: %(default)s)")
    p.add_argument("--add-step", action="append", choices=tuple(WEIGHTLESS_STEPS), default=[],
                    help="add a weightless step the model lacks (gov_ner/pipeline/steps.py); repeatable")
    p.add_argument("--renew-step", action="append", choices=tuple(WEIGHTLESS_STEPS), default=[],
                   help="replace a weightless step with the current code's default settings; repeatable")
    p.add_argument("--source", action="append", default=[], choices=("reports", "authored", "msra", "encoder", "places"),
                   help="training data it was made from, stated in meta.json 'sources' (repeatable)")
    p.set_defaults(func=run)
