"""`gov-ner package`."""
from __future__ import annotations


def run(args) -> int:
    from ..api import default_model_path
    from ..packaging import package_model

    wheel = package_model(args.model or default_model_path(), args.output, name=args.name)
    print(f"wheel: {wheel}")
    print(f"install: pip install <this repository> && pip install {wheel}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("package", help="build an installable wheel of a trained pipeline (spacy package)",
                       description="Run `spacy package` on a model directory with the project's code, giving a "
                                   "wheel; after `pip install` of gov-ner and the wheel, spacy.load('zh_gov_ner_trf') "
                                   "works offline.")
    p.add_argument("model", nargs="?", default=None, help="model directory (default: the shipped model)")
    p.add_argument("-o", "--output", default="dist", help="where the wheel goes (default: %(default)s)")
    p.add_argument("--name", help="package name without the language prefix (default: the model's meta.json name)")
    p.set_defaults(func=run)
