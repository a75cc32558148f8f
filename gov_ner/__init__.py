"""gov_ner: entities and investments from Chinese government work reports.

    import gov_ner
    report = gov_ner.extract("corpus/004_5c6816b4f2d08723.txt")
    for inv in report.investments:
        print(inv.project.text, inv.amount_cny)

The public names are imported on first use (PEP 562), so tools that need only a submodule
(`python -m gov_ner.annotations.authored check`, run by writers many times an hour) do not pay
for spaCy; `gov_ner.load` registers the pipeline's factories before it loads a model.
"""
from __future__ import annotations

import importlib

__version__ = "0.6.2"

from .torch_deferral import defer_torch  # noqa: E402

defer_torch()  # spaCy without torch until something else imports it (see torch_deferral)

_PUBLIC = {"load": ".api", "extract": ".api", "extract_many": ".api", "Entity": ".report",
           "Investment": ".report", "Report": ".report", "ReportError": ".report", "pipeline": ".pipeline"}
__all__ = ["load", "extract", "extract_many", "Entity", "Investment", "Report", "ReportError", "__version__"]


def __getattr__(name: str):
    if name in _PUBLIC:
        module = importlib.import_module(_PUBLIC[name], __name__)
        value = module if name == "pipeline" else getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
