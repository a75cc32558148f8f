"""Everything a config names: tokenizer, factories, architectures (registered on import)."""
from .. import rules  # noqa: F401  (registers gov_ner_amount_rules)
from . import architectures, extensions, tokenizer  # noqa: F401  (registration side effects)
from .tokenizer import ReportTokenizer, offsets_of

__all__ = ["ReportTokenizer", "offsets_of"]
