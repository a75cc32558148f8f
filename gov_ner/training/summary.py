"""The cross-validation section of training/RESULTS.md, gathered from the scored runs' JSON files.

Cross-validation runs take hours and are scored by their own commands (crossval, learning_curve,
score scripts), each writing a JSON file and a Markdown page that names its command. This module
only gathers their pooled rows side by side, so RESULTS.md compares the recipes on the five reports
without copying a number by hand:

    python -m gov_ner.training.summary \\
        --crossval 'CNN (sm recipe)=training/CROSSVAL_SM.json#cnn@last+gazetteer' \\
        --curve training/LEARNING_CURVE_LOO.json --into training/RESULTS.md

The section replaces whatever follows its marker in the target file (or is added at its end), so
re-running after `gov-ner evaluate` rewrote RESULTS.md, or after a new curve point, is safe.
"""
from __future__ import annotations

import argparse
import json
import re
import shlex
import sys
from pathlib import Path

MARKER = "<!-- cross-validation summary: written by python -m gov_ner.training.summary -->"
LABELS = ("ORG", "LOC", "PROJECT", "MONEY", "PERCENT", "micro")


def parse_crossval(spec: str) -> tuple[str, Path, str]:
    """'NAME=FILE.json#SYSTEM' -> (name, file, system key in the file's 'entities' rows)."""
    name, sep, rest = spec.partition("=")
    path, hash_, system = rest.rpartition("#")
    if not (sep and name and hash_ and path and system):
        raise ValueError(f"--crossval {spec!r}: expected NAME=FILE.json#SYSTEM")
    return name, Path(path), system


def written_by(json_path: Path) -> str:
    """The command named at the top of the Markdown page written beside a JSON file ('' if none)."""
    md = json_path.with_suffix(".md")
    if md.is_file():
        found = re.search(r"Written by `([^`]+)`", md.read_text(encoding="utf-8"))
        if found:
            return found.group(1)
    return ""


def crossval_rows(specs: list[str]) -> list[dict]:
    rows = []
    for spec in specs:
        name, path, system = parse_crossval(spec)
        entities = json.loads(path.read_text(encoding="utf-8"))["entities"]
        pooled_key = next((k for k in entities if k == "all folds" or k.startswith("pooled")), None)
        if pooled_key is None or system not in entities[pooled_key]:
            known = sorted(entities[pooled_key]) if pooled_key else []
            raise KeyError(f"{path}: no pooled row for system {system!r}; systems: {known}")
        folds = {k[:3]: v[system]["micro"]["f1"] for k, v in entities.items() if k != pooled_key and system in v}
        rows.append({"name": name, "source": str(path), "system": system, "pooled": entities[pooled_key][system],
                     "folds": folds, "command": written_by(path)})
    return rows


def format_summary(rows: list[dict], curves: list[tuple[Path, dict]], command: str) -> str:
    lines = [MARKER, "", "## Leave-one-report-out cross-validation (the five reports)", "",
             f"Gathered by `{command}` from the files named in each row; each file's page names the command "
             "that trained and scored it. Every fold's model never saw its report; entities pooled over the "
             "folds. Do not edit by hand.", ""]
    if rows:
        fold_ids = sorted({f for r in rows for f in r["folds"]})
        lines += ["| recipe | entities | " + " | ".join(f"{lab} F" for lab in LABELS) + " | "
                  + " | ".join(f"fold {f} micro F" for f in fold_ids) + " | source |",
                  "|---|---:|" + "---:|" * (len(LABELS) + len(fold_ids)) + "---|"]
        for r in rows:
            p = r["pooled"]
            lines.append(f"| {r['name']} | {p['micro']['support']} | "
                         + " | ".join(f"{p[lab]['f1']:.3f}" for lab in LABELS) + " | "
                         + " | ".join(f"{r['folds'][f]:.3f}" if f in r["folds"] else "–" for f in fold_ids)
                         + f" | `{r['source']}` `{r['system']}` |")
        lines += [""] + [f"- {r['name']}: `{r['command']}`" for r in rows if r["command"]] + [""]
    for curve_path, curve in curves:
        lines += [f"### Learning curve: share of the authored corpus ({curve_path.stem})", "",
                  f"From `{curve_path}` (written by `{written_by(curve_path) or 'its learning_curve command'}`). "
                  "Rows are pooled over the folds named; compare rows over the same folds only. 'authored test' "
                  "is the fold models' mean micro F1 on the authored test writers (authored text, not held-out).",
                  "", "| authored share | folds | entities | " + " | ".join(f"{lab} F" for lab in LABELS)
                  + " | authored test micro F |", "|---:|---|---:|" + "---:|" * (len(LABELS) + 1)]
        for frac, row in curve["fractions"].items():
            s = row["crossval"]
            folds = "+".join(h[:3] for h in row.get("folds", ())) or "all"
            lines.append(f"| {float(frac):.0%} | {folds} | {s['micro']['support']} | "
                         + " | ".join(f"{s[lab]['f1']:.3f}" for lab in LABELS)
                         + f" | {row.get('authored_test_micro_f1', float('nan')):.3f} |")
        lines.append("")
    return "\n".join(lines)


def write_into(target: Path, section: str) -> None:
    """Replace the section after MARKER in target (or append it); the text before it is kept."""
    text = target.read_text(encoding="utf-8") if target.is_file() else ""
    head = text.split(MARKER)[0].rstrip("\n")
    target.write_text((head + "\n\n" if head else "") + section, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m gov_ner.training.summary", description=__doc__.split("\n")[0])
    ap.add_argument("--crossval", action="append", default=[], metavar="NAME=FILE.json#SYSTEM",
                    help="a pooled cross-validation row: the JSON file a crossval run wrote and its system key")
    ap.add_argument("--curve", type=Path, action="append", default=[], help="a learning_curve JSON file")
    ap.add_argument("--into", type=Path, help="write the section into this Markdown file (after its marker)")
    args = ap.parse_args(argv)
    if not args.crossval and not args.curve:
        ap.error("nothing to gather: give --crossval and/or --curve")
    command = "python -m gov_ner.training.summary " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:]))
    rows = crossval_rows(args.crossval)
    curves = [(path, json.loads(path.read_text(encoding="utf-8"))) for path in args.curve]
    section = format_summary(rows, curves, command)
    if args.into:
        write_into(args.into, section)
        print(f"wrote the cross-validation section of {args.into}")
    else:
        print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
