"""Word-boundary features from spacy-pkuseg's bundled lexicon (about 390,000 words).

Characters are the model's tokens; this says where dictionary words are. Each character
gets B, M, E (begin, middle, end of a dictionary word of 2-8 characters, by forward maximum
matching) or S (no word). spacy-pkuseg's segmentation models are downloaded on first use,
which this project cannot do; its lexicon ships inside the package.
"""
from __future__ import annotations

import os
import pickle
from functools import lru_cache

MAX_WORD = 8


@lru_cache(maxsize=1)
def pkuseg_lexicon() -> frozenset[str]:
    import spacy_pkuseg

    path = os.path.join(os.path.dirname(spacy_pkuseg.__file__), "dicts", "default.pkl")
    with open(path, "rb") as f:
        words = pickle.load(f)  # one word per line
    return frozenset(w for w in words.split("\n") if 2 <= len(w) <= MAX_WORD and not w[0].isdigit())


def forward_matches(text: str, words, longest: int, firsts: frozenset[str] | None = None) -> list[tuple[int, int]]:
    """Forward maximum matching: leftmost-longest (start, end) of `words` (2 to `longest`
    characters) in text, none overlapping. firsts: the words' first characters, if known
    (positions starting with another character are skipped)."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        if firsts is not None and text[i] not in firsts:
            i += 1
            continue
        for size in range(min(longest, n - i), 1, -1):
            if text[i:i + size] in words:
                out.append((i, i + size))
                i += size
                break
        else:
            i += 1
    return out


def word_positions(text: str, lexicon: frozenset[str] | None = None) -> list[str]:
    """B/M/E/S for each character of `text` (forward maximum matching)."""
    lexicon = pkuseg_lexicon() if lexicon is None else lexicon
    tags = ["S"] * len(text)
    for start, end in forward_matches(text, lexicon, MAX_WORD):
        tags[start] = "B"
        for j in range(start + 1, end - 1):
            tags[j] = "M"
        tags[end - 1] = "E"
    return tags


def cuts_word(text: str, lexicon: frozenset[str] | None = None) -> list[bool]:
    """For each character: True when it continues a lexicon word (M or E), so a span edge just
    before it cuts that word."""
    return [t in "ME" for t in word_positions(text, lexicon)]
