"""Doc extensions shared by the relation step, training data and the public API."""
from __future__ import annotations

from spacy.tokens import Doc

REL_LABEL = "INVESTMENT"


def _investments(doc: Doc) -> list[tuple]:
    """(project span, money span, score) for every INVESTMENT scored >= the doc's threshold."""
    threshold = doc.user_data.get("gov_ner.rel_threshold", 0.5)
    by_start = {e.start: e for e in doc.ents}
    out = []
    for (h, c), scores in (doc._.rel or {}).items():
        score = scores.get(REL_LABEL, 0.0)
        if score >= threshold and h in by_start and c in by_start:
            out.append((by_start[h], by_start[c], score))
    return sorted(out, key=lambda t: (t[0].start, t[1].start))


def register() -> None:
    # rel: {(head ent start token, child ent start token): {label: score}}, as in
    # explosion/projects' rel_component; gold relations use score 1.0.
    if not Doc.has_extension("rel"):
        Doc.set_extension("rel", default=None)
    if not Doc.has_extension("investments"):
        Doc.set_extension("investments", getter=_investments)


register()
