"""gov_ner: entities and investments from Chinese government work reports.

    import gov_ner
    report = gov_ner.extract("corpus/004_5c6816b4f2d08723.txt")
    for inv in report.investments:
        print(inv.project.text, inv.amount_cny)
"""
from __future__ import annotations

__version__ = "0.3.0"

from .torch_deferral import defer_torch  # noqa: E402

defer_torch()  # spaCy without torch until something else imports it (see torch_deferral)

from . import pipeline  # noqa: F401,E402  registers the spaCy tokenizer, factories and architectures
from .api import extract, extract_many, load  # noqa: E402
from .report import Entity, Investment, Report, ReportError  # noqa: E402

__all__ = ["load", "extract", "extract_many", "Entity", "Investment", "Report", "ReportError", "__version__"]
