"""Making Language objects without spaCy's factory entry-point scan when it is not needed.

Every new Language imports all packages that register spaCy factories through entry points
(Language.__init__ calls registry._entry_point_factories.get_all()). With spacy-transformers
installed that imports transformers and scikit-learn: about 8 s of a 12 s load of the CNN
model, and of every spacy.blank(). When every factory a pipeline names is already registered
(ours by `import gov_ner.pipeline`, spaCy's own by spaCy), the scan cannot add anything the
pipeline uses, so it is skipped while that pipeline is made. Pipelines naming any other
factory (a transformer, a third-party component) get the scan as usual.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path


def config_factories(config_dir: Path) -> tuple[str, set[str | None]]:
    """(language, factory names) of the pipeline saved in config_dir; None for a sourced one."""
    from spacy.util import load_config

    cfg = load_config(config_dir / "config.cfg", interpolate=False)
    return cfg["nlp"]["lang"], {c.get("factory") for c in cfg.get("components", {}).values()}


@contextmanager
def entry_point_scan_skipped(lang: str | None, factories: Iterable[str | None] | None) -> Iterator[bool]:
    """Within the block, new Language objects skip the scan if `factories` are all known
    already; yields whether it is skipped. factories=None (unknown pipeline): never skipped."""
    from spacy.pipeline.factories import register_factories
    from spacy.util import registry

    register_factories()  # spaCy's built-in factories register lazily
    known = registry.factories.get_all()  # without entry points: what is imported already
    needed = None if factories is None else set(factories)
    if needed is None or None in needed or not all(f in known or f"{lang}.{f}" in known for f in needed):
        yield False
        return
    scanner = registry._entry_point_factories
    scanner.get_all = lambda: {}  # an instance attribute shadows the method, for this block only
    try:
        yield True
    finally:
        del scanner.get_all
