"""Training callbacks the configs name."""
from __future__ import annotations

from spacy.language import Language
from spacy.util import registry


@registry.callbacks("gov_ner.init_frozen_transformers.v1")
def init_frozen_transformers():
    """Load the weights and tokenizer of frozen transformer components before training.

    spaCy never initializes a frozen component, but a transformer used frozen as a feature
    extractor (not sourced from a trained pipeline) still has to load its encoder.
    """

    def callback(nlp: Language) -> Language:
        for name in nlp.config["training"]["frozen_components"]:
            pipe = nlp.get_pipe(name)
            if pipe.__class__.__name__ == "Transformer":
                pipe.model.initialize(X=[nlp.make_doc("初始化")])
                # its listeners learn their width from an initialized transformer; tell them
                width = pipe.model.get_dim("nO")
                for listener in pipe.listeners:
                    if listener.has_dim("nO") is None:
                        listener.set_dim("nO", width)
        return nlp

    return callback
