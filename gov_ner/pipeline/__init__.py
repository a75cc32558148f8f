"""Everything a spaCy config names: tokenizer, factories, architectures (registered on import)."""
from . import extensions, tokenizer  # noqa: F401  (registration side effects)
from .tokenizer import ReportTokenizer, offsets_of

__all__ = ["ReportTokenizer", "offsets_of"]
