"""Pipeline steps without weights, which can be added to or removed from a trained model.

A model trained before a step existed gets it at release (`gov-ner release --add-step`), and
evaluation can score a model with a step added or removed (`MODEL+consistency`,
`MODEL-boundaries`) without training anything.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language

# name: (factory, where in the pipeline, config)
WEIGHTLESS_STEPS: dict[str, tuple[str, dict, dict]] = {
    "amounts": ("gov_ner_amount_rules", {"after": "ner"}, {"mode": "own"}),
    "boundaries": ("gov_ner_entity_boundaries", {"before": "ner"}, {}),
    "span_edges": ("gov_ner_span_edges", {"after": "ner"}, {}),
    "org_names": ("gov_ner_org_names", {"after": "ner"}, {}),
    "gazetteer": ("gov_ner_gazetteer", {"after": "ner"}, {}),
    "consistency": ("gov_ner_report_consistency", {"last": True}, {}),
}


def change_steps(nlp: Language, changes: Iterable[tuple[str, str]]) -> Language:
    """Apply ("+", step) / ("-", step) changes; a step already there is not added twice."""
    for sign, step in changes:
        factory, where, config = WEIGHTLESS_STEPS[step]
        present = [n for n in nlp.pipe_names if nlp.get_pipe_meta(n).factory == factory]
        if sign == "-":
            for name in present:
                nlp.remove_pipe(name)
        elif sign == "+" and not present:
            nlp.add_pipe(factory, name=step, config=config, **where)
        elif sign not in "+-":
            raise ValueError(f"change must be + or -, not {sign!r}")
    return nlp


def split_spec(spec: str) -> tuple[str, list[tuple[str, str]]]:
    """'PATH+consistency-boundaries' -> ('PATH', [('+', 'consistency'), ('-', 'boundaries')])."""
    changes: list[tuple[str, str]] = []
    while True:
        for step in WEIGHTLESS_STEPS:
            if spec.endswith(("+" + step, "-" + step)):
                changes.insert(0, (spec[-len(step) - 1], step))
                spec = spec[: -len(step) - 1]
                break
        else:
            return spec, changes
