"""How often gold entity edges fall inside a word of spacy-pkuseg's lexicon: the evidence behind the
decoder's `word_edge_penalty` (gov_ner/pipeline/token_classifier.py, training/WORD_EDGES.md).

    python -m gov_ner.training.word_edges annotations/gold/*.jsonl annotations/authored/authored.jsonl

An edge splits a word when an entity starts on a character that continues a lexicon word, or ends
before one that does (forward maximum matching over the record's text as written).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable

NAME_LABELS = ("ORG", "LOC", "PROJECT")


def split_edges(records: Iterable, lexicon=None) -> tuple[Counter, Counter, dict[str, list[str]]]:
    """(entities per label, entities with an edge inside a lexicon word, examples per label)."""
    from ..text.lexicon import cuts_word

    total, split, examples = Counter(), Counter(), {label: [] for label in NAME_LABELS}
    for rec in records:
        names = [s for s in rec.spans if s.label in NAME_LABELS]
        if not names:
            continue
        cuts = cuts_word(rec.text, lexicon)
        for s in names:
            total[s.label] += 1
            if cuts[s.start] or (s.end < len(cuts) and cuts[s.end]):
                split[s.label] += 1
                examples[s.label].append(f"{rec.text[max(0, s.start - 2):s.start]}[{rec.text[s.start:s.end]}]{rec.text[s.end:s.end + 2]}")
    return total, split, examples


def main(argv: list[str] | None = None) -> int:
    from ..annotations.io import read_many

    ap = argparse.ArgumentParser(prog="python -m gov_ner.training.word_edges", description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="+", help="annotation JSONL files")
    ap.add_argument("--examples", type=int, default=5, help="examples shown per label")
    args = ap.parse_args(argv)
    total, split, examples = split_edges(read_many(args.files))
    print("| label | entities | an edge inside a lexicon word | share |\n|---|---:|---:|---:|")
    for label in NAME_LABELS:
        n = total[label]
        print(f"| {label} | {n} | {split[label]} | {split[label] / n if n else 0:.3f} |")
    for label in NAME_LABELS:
        if examples[label][:args.examples]:
            print(f"{label}: " + "、".join(examples[label][:args.examples]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
