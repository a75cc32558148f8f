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
from thinc.api import Maxout, Model, chain, with_array
from thinc.types import Floats2d


@registry.architectures("gov_ner.CharEmbed.v1")
def char_embed(width: int = 64, rows: int = 8000, depth: int = 2, window_size: int = 1,
               word_boundaries: bool = False) -> Model[List[Doc], List[Floats2d]]:
    """Per-character hash embedding (the character and its shape) with a window CNN.

    width: output width; rows: hash table rows for the character; depth/window_size: CNN layers
    and how many characters each layer sees on either side; word_boundaries: also embed the
    B/M/E/S lexicon tag the tokenizer puts in TAG (needs the tokenizer's word_boundaries).
    """
    attrs, rows_per_attr = ["NORM", "SHAPE"], [rows, 100]
    if word_boundaries:
        attrs.append("TAG")
        rows_per_attr.append(16)
    embed = MultiHashEmbed(width=width, attrs=attrs, rows=rows_per_attr, include_static_vectors=False)
    if depth == 0:
        return embed
    return chain(embed, MaxoutWindowEncoder(width=width, window_size=window_size, maxout_pieces=3, depth=depth))


@registry.architectures("gov_ner.TransformerWithChars.v1")
def transformer_with_chars(
    transformer: Model[List[Doc], List[Floats2d]],
    chars: Model[List[Doc], List[Floats2d]] | None,
    width: int = 256,
    transformer_width: int | None = None,
) -> Model[List[Doc], List[Floats2d]]:
    """Concatenate a transformer listener with character features and mix them to `width`.

    chars: a gov_ner.CharEmbed.v1 model, or null to measure what the transformer gives alone.
    transformer_width: the encoder's hidden size; needed when the transformer is frozen (a
    frozen component is not initialized, so its listeners cannot learn their width from it).
    """
    set_listener_width(transformer, transformer_width)
    combined = transformer if chars is None else concat_doc_features(transformer, chars)
    model = chain(combined, with_array(Maxout(nO=width, nP=2, dropout=0.1, normalize=True)))
    model.set_dim("nO", width)
    return model


def set_listener_width(model: Model, width: int | None) -> None:
    """Give every unsized layer of a listener model (the listener and the chain around it) `width`."""
    if width is None:
        return
    for node in model.walk():
        if node.has_dim("nO") is None:
            node.set_dim("nO", width)


def concat_doc_features(*layers: Model[List[Doc], List[Floats2d]]) -> Model[List[Doc], List[Floats2d]]:
    """Per-doc column concatenation of several Doc -> token-vector layers.

    thinc's `concatenate` sums its layers' input gradients, which for a list of Docs (whose
    layers return nothing meaningful) fails; here each layer's backprop is just called.
    """
    return Model("concat_doc_features", _concat_forward, layers=list(layers), init=_concat_init)


def _concat_init(model: Model, X=None, Y=None) -> Model:
    for layer in model.layers:
        layer.initialize(X=X)
    return model


def _concat_forward(model: Model, docs: List[Doc], is_train: bool):
    outputs, backprops = zip(*(layer(docs, is_train) for layer in model.layers))
    widths = [out[0].shape[1] if out else 0 for out in outputs]
    Y = [model.ops.xp.hstack([out[i] for out in outputs]) for i in range(len(docs))]

    def backprop(dY: List[Floats2d]) -> List[Doc]:
        start = 0
        for width, bp in zip(widths, backprops):
            bp([d[:, start:start + width] for d in dY])
            start += width
        return docs

    return Y, backprop
