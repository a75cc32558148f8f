"""`gov-ner train`."""
from __future__ import annotations

from .common import authored_path, parse_sets, training_options


def run(args) -> int:
    from ..training.data import DataArguments
    from ..training.train import TrainingArguments, train_pipeline

    overrides = parse_sets(args.set)
    targs = TrainingArguments(config=args.config, output=args.output, encoder=args.encoder, seed=args.seed,
                              max_steps=args.max_steps, learn_rate=args.learn_rate, overrides=overrides,
                              then=args.then, then_max_steps=args.then_max_steps, force=args.force,
                              msra_steps=args.msra_steps, msra_model=args.msra_model,
                              msra_rehearsal=args.msra_rehearsal)
    dargs = DataArguments(annotations=tuple(args.annotations), splits=args.splits,
                          real_repeat=args.real_repeat,
                          authored=authored_path(args), authored_fraction=args.authored_fraction,
                          heldout=() if args.all_reports else None)
    best = train_pipeline(targs, dargs)
    print(f"best model: {best}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("train", help="train a pipeline from annotations and a config into a NEW directory",
                       description="Convert the annotations (the training reports + the authored corpus's "
                                   "training writers; dev is a fixed slice of the training reports; held-out "
                                   "reports and the authored test writers are never used), then run spaCy training "
                                   "with the config. The output directory must not exist (or pass --force).")
    p.add_argument("--config", default="configs/trf.cfg", help="spaCy config (default: %(default)s)")
    p.add_argument("-o", "--output", required=True, help="new model directory (model-best, model-last inside)")
    p.add_argument("--encoder", help="Hugging Face encoder name or local directory (default: the config's "
                                     "paths.encoder, build/encoder made by `gov-ner encoder`)")
    training_options(p, "JSONL files or folders")
    p.add_argument("--real-repeat", type=int, default=3,
                   help="each training report record appears this many times per epoch, authored ones once "
                        "(default: %(default)s)")
    p.add_argument("--then", help="a second-stage config trained from the first stage's best model "
                                  "(configs/trf-finetune.cfg: unfreeze and fine-tune the encoder)")
    p.add_argument("--then-max-steps", type=int, help="override training.max_steps of the second stage")
    p.add_argument("--msra-steps", type=int, default=0,
                        help="MSRA transfer: first train tok2vec + ner on MSRA (the [train] extra) for this many "
                             "steps, then the guide stage from it (default: 0, no MSRA)")
    p.add_argument("--msra-model", help="MSRA transfer from a stage-1 model already trained "
                                             "(OUTPUT/msra/model-labelled of an earlier run)")
    p.add_argument("--msra-rehearsal", type=int, default=3000,
                        help="MSRA sentences mixed into the guide stage (default: %(default)s)")
    p.add_argument("--all-reports", action="store_true",
                   help="train on all five reports, none held out (a model to ship; its held-out scores are void: "
                        "judge the recipe by cross-validation and the held-out run)")
    p.add_argument("--max-steps", type=int, help="override training.max_steps")
    p.add_argument("--learn-rate", type=float, help="override the initial learning rate (transformer configs)")
    p.set_defaults(func=run)
