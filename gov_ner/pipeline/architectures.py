"""Thinc architectures the configs name.

gov_ner.TransformerWithChars.v1 gives the NER a character-identity feature beside the
transformer: the XLM-R vocabulary has no piece for many rare CJK characters (they become
<unk>, so the transformer cannot tell two place-name characters apart), and pieces such as
`%,` fuse an entity's last character with the punctuation after it. A hash embedding of each
character, encoded over a small window, restores both.
"""
from __future__ import annotations

from typing import List

from spacy.ml.models.tok2vec import MaxoutWindowEncoder, MultiHashEmbed
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Maxout, Model, chain, concatenate, with_array
from thinc.types import Floats2d


@registry.architectures("gov_ner.CharEmbed.v1")
def char_embed(width: int = 64, rows: int = 8000, depth: int = 2, window_size: int = 1) -> Model[List[Doc], List[Floats2d]]:
    """Per-character hash embedding (the character and its shape) with a window CNN.

    width: output width; rows: hash table rows for the character; depth/window_size: CNN layers
    and how many characters each layer sees on either side.
    """
    embed = MultiHashEmbed(width=width, attrs=["NORM", "SHAPE"], rows=[rows, 100], include_static_vectors=False)
    if depth == 0:
        return embed
    return chain(embed, MaxoutWindowEncoder(width=width, window_size=window_size, maxout_pieces=3, depth=depth))


@registry.architectures("gov_ner.TransformerWithChars.v1")
def transformer_with_chars(
    transformer: Model[List[Doc], List[Floats2d]],
    chars: Model[List[Doc], List[Floats2d]] | None,
    width: int = 256,
) -> Model[List[Doc], List[Floats2d]]:
    """Concatenate a transformer listener with character features and mix them to `width`.

    chars: a gov_ner.CharEmbed.v1 model, or null to measure what the transformer gives alone.
    """
    combined = transformer if chars is None else concatenate(transformer, chars)
    model = chain(combined, with_array(Maxout(nO=width, nP=2, dropout=0.1, normalize=True)))
    model.set_dim("nO", width)
    return model
