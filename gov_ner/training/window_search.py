"""How the token classifier reads long paragraphs: a recorded search over its window settings.

The classifier is fine-tuned on windows of `finetune.DataArguments.max_length` pieces (128), and
real report paragraphs run to 5,000 characters, so at prediction time a paragraph is cut into
overlapping windows (`gov_ner_token_classifier`'s `max_length`, `stride`, `window_merge`). These
settings change no weight: each one is scored on the same fold models of a leave-one-report-out
cross-validation (each fold model read on its own held-out report, pooled over the folds), and
optionally on the authored test split with one more model (authored text, reported apart).
A setting's optional fourth field is the decoder's `word_edge_penalty` (an entity edge inside a
pkuseg-lexicon word costs that much log-probability; 0 when left out).

    python -m gov_ner.training.window_search --crossval build/cv/trf-s13 --variant +gazetteer \\
        --setting 256,32,mean --setting 128,32,max_context --markdown training/WINDOWS.md
"""
from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path

from .evaluate import iob_sequences, score_sequences

LABELS = ("ORG", "LOC", "PROJECT", "MONEY", "PERCENT", "micro")


Setting = tuple[int, int, str, float]


def parse_setting(text: str) -> Setting:
    """'128,32,max_context' -> (128, 32, 'max_context', 0.0); '128,32,max_context,2' -> (..., 2.0)."""
    from ..pipeline.token_classifier import WINDOW_MERGES

    try:
        length, stride, merge, *rest = text.split(",")
        length, stride = int(length), int(stride)
        penalty = float(rest[0]) if rest else 0.0
        if len(rest) > 1:
            raise ValueError
    except ValueError:
        raise argparse.ArgumentTypeError(f"--setting {text!r}: expected MAX_LENGTH,STRIDE,MERGE[,WORD_EDGE_PENALTY] "
                                         "(e.g. 128,32,max_context or 128,32,max_context,2)")
    if merge not in WINDOW_MERGES or not 0 <= stride < length - 2 or penalty < 0:
        raise argparse.ArgumentTypeError(f"--setting {text!r}: merge is one of {WINDOW_MERGES}, "
                                         "0 <= stride < max_length - 2, penalty >= 0")
    return length, stride, merge, penalty


def set_windows(nlp, setting: Setting) -> None:
    from ..pipeline.token_classifier import TokenClassifierNER

    classifiers = [p for _, p in nlp.pipeline if isinstance(p, TokenClassifierNER)]
    if not classifiers:
        raise ValueError(f"{nlp.meta.get('name', 'pipeline')}: no gov_ner_token_classifier to set windows on")
    for c in classifiers:
        c.max_length, c.stride, c.window_merge, c.word_edge_penalty = setting


def cache_reads(nlp) -> None:
    """Settings that differ only in the penalty decode the same classifier outputs: keep them."""
    from ..pipeline.token_classifier import TokenClassifierNER

    for _, p in nlp.pipeline:
        if isinstance(p, TokenClassifierNER):
            p.read_cache = {}


def name(setting: Setting) -> str:
    edges = f", word edges {setting[3]:g}" if setting[3] else ""
    return f"{setting[0]}/{setting[1]} {setting[2]}{edges}"


def search(settings: list[Setting], crossval: str | None = None, checkpoint: str = "model-last",
           variant: str = "", model: str | None = None, root: Path = Path(".")) -> dict:
    """{"crossval": {setting: scores pooled over folds}, "folds": [...], "authored_test": {setting: scores}}."""
    from .crossval import fold_models
    from .data import DataArguments
    from .learning_curve import authored_test_records
    from .results import load_system

    out: dict = {"crossval": {}, "folds": [], "authored_test": {}}
    if crossval:
        pooled = {name(s): ([], []) for s in settings}
        for held, nlp, records in fold_models(Path(crossval), checkpoint, variant, root):
            out["folds"].append(held)
            cache_reads(nlp)
            for s in settings:
                set_windows(nlp, s)
                gold, pred = iob_sequences(nlp, records)
                pooled[name(s)][0].extend(gold)
                pooled[name(s)][1].extend(pred)
        out["crossval"] = {k: score_sequences(g, p) for k, (g, p) in pooled.items()}
    if model:
        nlp = load_system(model)
        test = authored_test_records(DataArguments().authored, root)
        cache_reads(nlp)
        for s in settings:
            set_windows(nlp, s)
            out["authored_test"][name(s)] = score_sequences(*iob_sequences(nlp, test))
    return out


def format_search(result: dict, command: str) -> str:
    lines = ["# Window and decoding settings of the token classifier", "",
             f"Written by `{command}`. Weights are unchanged between rows: only how paragraphs are cut into "
             "windows (pieces per window / pieces shared by neighbours), how a piece seen twice is read, and "
             "what the decoder pays for an entity edge inside a pkuseg-lexicon word (word edges; none when "
             "not shown). Do not edit by hand.", ""]
    for key, title in (("crossval", "Leave-one-report-out folds, each read on its own report, pooled over folds "
                                    + "+".join(h[:3] for h in result["folds"])),
                       ("authored_test", "Authored test split (authored text, reported apart, never held-out)")):
        if not result[key]:
            continue
        support = next(iter(result[key].values()))["micro"]["support"]
        lines += [f"## {title} ({support} entities)", "",
                  "| windows | " + " | ".join(f"{lab} F" for lab in LABELS) + " | micro P | micro R |",
                  "|---|" + "---:|" * (len(LABELS) + 2)]
        for setting, sc in result[key].items():
            lines.append(f"| {setting} | " + " | ".join(f"{sc[lab]['f1']:.3f}" for lab in LABELS)
                         + f" | {sc['micro']['precision']:.3f} | {sc['micro']['recall']:.3f} |")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m gov_ner.training.window_search", description=__doc__.split("\n")[0])
    ap.add_argument("--crossval", help="a cross-validation directory of transformer fold models")
    ap.add_argument("--checkpoint", default="model-last")
    ap.add_argument("--variant", default="", help="weightless steps added (+STEP) or removed (-STEP) on every fold model")
    ap.add_argument("--model", help="also score this model (path + variant) on the authored test split")
    ap.add_argument("--setting", type=parse_setting, action="append", required=True,
                    help="MAX_LENGTH,STRIDE,MERGE[,WORD_EDGE_PENALTY], e.g. 128,32,max_context (repeatable)")
    ap.add_argument("--markdown")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    if not (args.crossval or args.model):
        ap.error("give --crossval, --model or both")
    result = search(args.setting, args.crossval, args.checkpoint, args.variant, args.model)
    command = "python -m gov_ner.training.window_search " + shlex.join(argv if argv is not None else sys.argv[1:])
    text = format_search(result, command)
    print(text)
    if args.markdown:
        Path(args.markdown).write_text(text, encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
