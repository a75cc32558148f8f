"""Characters no entity may contain: marked as blocked before the NER.

The contract keeps punctuation around a span out of it (ANNOTATION_GUIDELINES: spans never
include surrounding punctuation), and no gold span contains a clause or sentence mark; only
brackets (pinyin glosses, 中豪国际大厦(G座)), `.` `-` `%` `·` `*` occur inside names and
amounts. spaCy's NER keeps a token given as `blocked` (Doc.set_ents) out of every entity; a
preset "O" is not enough, its In move ignores it (spacy/pipeline/_parser_internals/ner.pyx).
With this step before it a predicted name cannot run on through `。` into the next clause
(the CNN otherwise predicts spans such as `河西。` or `…街区。中央…`). It has nothing to learn
and changes no gold span, so it can be added to a trained pipeline.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

# clause and sentence marks, ASCII and full-width (the tokenizer folds most full-width forms)
CLAUSE_MARKS = ",，。、;；:：!！?？《》【】"


@Language.factory("gov_ner_entity_boundaries", default_config={"outside": CLAUSE_MARKS})
def make_entity_boundaries(nlp: Language, name: str, outside: str):
    """Block every token that is one of the characters in `outside` from any entity."""
    marks = frozenset(outside)

    def annotate(doc: Doc) -> Doc:
        blocked = [doc[i:i + 1] for i, tok in enumerate(doc) if tok.text in marks]
        if blocked:
            doc.set_ents([], blocked=blocked, default="unmodified")
        return doc

    return annotate
