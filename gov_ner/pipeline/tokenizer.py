"""The pipeline's tokenizer: normalises raw report text, then one token per character.

`nlp(raw_text)` therefore accepts traditional, noisy report text directly, and the Doc
keeps the map from its (normalised) characters back to the raw text it was given.
"""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces
from spacy.vocab import Vocab

from ..text.normalise import NormalisedText, normalise

RAW_KEY = "gov_ner.raw"
STARTS_KEY = "gov_ner.starts"
ENDS_KEY = "gov_ner.ends"


class ReportTokenizer:
    def __init__(self, vocab: Vocab, *, simplify: bool = True, drop_boilerplate: bool = True,
                 keep_offsets: bool = True, word_boundaries: bool = False):
        self.vocab = vocab
        self.simplify = simplify
        self.drop_boilerplate = drop_boilerplate
        self.keep_offsets = keep_offsets
        self.word_boundaries = word_boundaries

    def __call__(self, text: str) -> Doc:
        return self.from_normalised(normalise(text, simplify=self.simplify, drop_boilerplate=self.drop_boilerplate))

    def from_normalised(self, norm: NormalisedText) -> Doc:
        chars = [c for c in norm.text if c != " "]
        words, spaces = get_words_and_spaces(chars, norm.text)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        if self.word_boundaries:
            # B/M/E/S of the pkuseg-lexicon word covering each character, as the token's TAG,
            # so that a char embedding with attrs [..., "TAG"] can use it
            from ..text.lexicon import word_positions

            positions = word_positions(doc.text)
            for tok in doc:
                tok.tag_ = "WB-" + positions[tok.idx]
        if self.keep_offsets:
            doc.user_data[RAW_KEY] = norm.raw
            doc.user_data[STARTS_KEY] = norm.starts.tolist()
            doc.user_data[ENDS_KEY] = norm.ends.tolist()
        return doc

    # The tokenizer holds no data of its own: its settings live in the config.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "ReportTokenizer":
        return self

    def to_disk(self, path: str | Path, **kwargs) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, **kwargs) -> "ReportTokenizer":
        return self


@spacy.registry.tokenizers("gov_ner.ReportTokenizer.v1")
def create_report_tokenizer(simplify: bool = True, drop_boilerplate: bool = True, word_boundaries: bool = False):
    """simplify: traditional -> simplified (OpenCC); drop_boilerplate: drop scraper lines;
    word_boundaries: tag each character B/M/E/S by spacy-pkuseg's lexicon (token.tag_)."""

    def make(nlp):
        return ReportTokenizer(nlp.vocab, simplify=simplify, drop_boilerplate=drop_boilerplate,
                               word_boundaries=word_boundaries)

    return make


def offsets_of(doc: Doc) -> NormalisedText:
    """The offset map stored by ReportTokenizer (identity map for other docs)."""
    from array import array

    if RAW_KEY in doc.user_data:
        return NormalisedText(doc.user_data[RAW_KEY], doc.text, array("l", doc.user_data[STARTS_KEY]),
                              array("l", doc.user_data[ENDS_KEY]))
    n = len(doc.text)
    return NormalisedText(doc.text, doc.text, array("l", range(n)), array("l", range(1, n + 1)))
