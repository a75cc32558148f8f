"""gov_ner: entities and investments from Chinese government work reports."""
from __future__ import annotations

__version__ = "0.1.0"

from . import pipeline  # noqa: F401,E402  registers the spaCy tokenizer, factories and extensions
