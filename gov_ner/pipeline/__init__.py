"""Everything a config names: tokenizer, factories, architectures (registered on import)."""
from .. import rules  # noqa: F401  (registers gov_ner_amount_rules)
from . import architectures, boundaries, callbacks, consistency, gazetteer, org_names, extensions, relation_features, relation_rules, relations, span_edges, token_classifier, tokenizer  # noqa: F401  (registration)
from .tokenizer import ReportTokenizer, offsets_of

__all__ = ["ReportTokenizer", "offsets_of"]
