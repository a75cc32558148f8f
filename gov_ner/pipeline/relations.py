"""The INVESTMENT relation step: a trainable spaCy component scoring PROJECT x MONEY pairs.

Built like explosion/projects' rel_component: candidate generation, an instance tensor and a
classifier are three registered pieces composed in the config. The instance tensor of a pair is
[mean transformer vector of the project, of the money, cue features of the text around them].
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import islice
from typing import List, Optional

import numpy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry
from spacy.vocab import Vocab
from thinc.api import Linear, Logistic, Maxout, Model, Optimizer, chain, set_dropout_rate
from thinc.types import Floats2d, Ragged

from .extensions import REL_LABEL
from .relation_features import FEATURE_NAMES, Pair, pair_features

N_FEATURES = len(FEATURE_NAMES)


@registry.architectures("gov_ner.RelationModel.v1")
def relation_model(create_instance_tensor: Model, classification_layer: Model) -> Model[List[Doc], Floats2d]:
    """Pairs of a batch of docs -> one INVESTMENT probability per candidate pair."""
    model = chain(create_instance_tensor, classification_layer)
    model.attrs["get_instances"] = create_instance_tensor.attrs["get_instances"]
    return model


@registry.architectures("gov_ner.RelationClassifier.v1")
def relation_classifier(hidden_width: int = 64, dropout: float = 0.1) -> Model[Floats2d, Floats2d]:
    """A maxout hidden layer and a logistic output: P(INVESTMENT | pair)."""
    return chain(Maxout(nO=hidden_width, nP=2, dropout=dropout, normalize=True), Linear(nO=1), Logistic())


@registry.architectures("gov_ner.InstanceTensor.v1")
def instance_tensor(tok2vec: Model[List[Doc], List[Floats2d]], get_instances: Callable[[Doc], List[Pair]],
                    use_features: bool = True, tok2vec_width: Optional[int] = None) -> Model[List[Doc], Floats2d]:
    """tok2vec: the pipeline's token vectors (a transformer listener); get_instances: candidates;
    use_features: append the cue features (false measures what the vectors give alone);
    tok2vec_width: the listener's width when its transformer is frozen (not initialized)."""
    from .architectures import set_listener_width

    set_listener_width(tok2vec, tok2vec_width)
    return Model("instance_tensor", _instance_forward, layers=[tok2vec], refs={"tok2vec": tok2vec},
                 attrs={"get_instances": get_instances, "use_features": use_features}, init=_instance_init)


@registry.architectures("gov_ner.PairFeatures.v1")
def pair_feature_tensor(get_instances: Callable[[Doc], List[Pair]]) -> Model[List[Doc], Floats2d]:
    """Instances without token vectors: the cue features, the cue-word rule's decision and
    hashed context characters of each pair (relation_features). The step is then independent
    of the NER's encoder: it trains on its own (gov_ner.training.relation_step) and fits any
    pipeline, CNN or transformer."""
    return Model("pair_features", _pair_features_forward, attrs={"get_instances": get_instances})


def _pair_features_forward(model: Model, docs: List[Doc], is_train: bool):
    from .relation_features import N_PAIR_FEATURES, context_features, rule_features
    from .relation_rules import rule_relations

    rows = []
    for doc in docs:
        pairs = model.attrs["get_instances"](doc)
        if not pairs:
            continue
        rule_rel = rule_relations(doc)
        for pair in pairs:
            rows.append(pair_features(doc, *pair) + rule_features(pair, rule_rel) + context_features(doc, pair))
    X = model.ops.asarray2f(numpy.asarray(rows, dtype="float32").reshape(-1, N_PAIR_FEATURES))
    return X, lambda dX: []


def _instance_init(model: Model, X: Optional[List[Doc]] = None, Y=None) -> Model:
    tok2vec = model.get_ref("tok2vec")
    if X is not None:
        tok2vec.initialize(X)
    return model


def _instance_forward(model: Model, docs: List[Doc], is_train: bool):
    tok2vec = model.get_ref("tok2vec")
    get_instances = model.attrs["get_instances"]
    use_features = model.attrs["use_features"]
    all_pairs = [get_instances(doc) for doc in docs]
    tokvecs, bp_tokvecs = tok2vec(docs, is_train)
    ops = model.ops
    width = tokvecs[0].shape[1] if tokvecs else 0
    rows = []
    for doc, pairs, vecs in zip(docs, all_pairs, tokvecs):
        for project, money in pairs:
            row = [vecs[project.start:project.end].mean(axis=0), vecs[money.start:money.end].mean(axis=0)]
            if use_features:
                row.append(ops.asarray1f(numpy.asarray(pair_features(doc, project, money), dtype="float32")))
            rows.append(ops.xp.concatenate(row))
    n_cols = 2 * width + (N_FEATURES if use_features else 0)
    X = ops.xp.stack(rows) if rows else ops.alloc2f(0, n_cols)

    def backprop(dX: Floats2d) -> List[Doc]:
        d_tokvecs = [ops.alloc2f(*v.shape) for v in tokvecs]
        i = 0
        for k, pairs in enumerate(all_pairs):
            for project, money in pairs:
                d_tokvecs[k][project.start:project.end] += dX[i, :width] / (project.end - project.start)
                d_tokvecs[k][money.start:money.end] += dX[i, width:2 * width] / (money.end - money.start)
                i += 1
        return bp_tokvecs(d_tokvecs)

    return X, backprop


class InvestmentRelations(TrainablePipe):
    """Scores each candidate PROJECT x MONEY pair; sets doc._.rel and hence doc._.investments."""

    def __init__(self, vocab: Vocab, model: Model, name: str = "relations", *, threshold: float = 0.5,
                 one_project_per_money: bool = True):
        self.vocab = vocab
        self.model = model
        self.name = name
        self.cfg = {"labels": [REL_LABEL], "threshold": threshold, "one_project_per_money": one_project_per_money}

    @property
    def labels(self):
        return tuple(self.cfg["labels"])

    @property
    def threshold(self) -> float:
        return self.cfg["threshold"]

    def predict(self, docs: Iterable[Doc]) -> Floats2d:
        docs = list(docs)
        if not any(self.model.attrs["get_instances"](d) for d in docs):
            return self.model.ops.alloc2f(0, 1)
        return self.model.predict(docs)

    def set_annotations(self, docs: Iterable[Doc], scores: Floats2d) -> None:
        get_instances = self.model.attrs["get_instances"]
        i = 0
        for doc in docs:
            rel = {}
            best_for_money: dict[int, tuple[float, int]] = {}
            for project, money in get_instances(doc):
                score = float(scores[i, 0])
                i += 1
                rel[(project.start, money.start)] = {REL_LABEL: score}
                if score > best_for_money.get(money.start, (-1.0, -1))[0]:
                    best_for_money[money.start] = (score, project.start)
            if self.cfg["one_project_per_money"]:
                # the contract: one MONEY links to at most one PROJECT; keep the best-scoring one
                for (p, m), s in rel.items():
                    if best_for_money[m][1] != p:
                        s[REL_LABEL] = min(s[REL_LABEL], self.threshold - 1e-6)
            doc._.rel = rel
            doc.user_data["gov_ner.rel_threshold"] = self.threshold

    def _gold(self, examples: List[Example]) -> Floats2d:
        get_instances = self.model.attrs["get_instances"]
        truths = []
        for eg in examples:
            gold = eg.reference._.rel or {}
            for project, money in get_instances(eg.predicted):
                truths.append(gold.get((project.start, money.start), {}).get(REL_LABEL, 0.0))
        return self.model.ops.asarray2f(numpy.asarray(truths, dtype="float32").reshape(-1, 1))

    @staticmethod
    def _with_gold_entities(examples: Iterable[Example]) -> List[Example]:
        """Train on gold entities: copy the reference's entities onto the predicted docs
        (tokens are identical characters on both sides)."""
        out = []
        for eg in examples:
            pred = eg.predicted
            pred.ents = [pred.char_span(e.start_char, e.end_char, label=e.label_) for e in eg.reference.ents]
            out.append(eg)
        return out

    def update(self, examples: Iterable[Example], *, drop: float = 0.0, sgd: Optional[Optimizer] = None,
               losses: Optional[dict] = None) -> dict:
        losses = {} if losses is None else losses
        losses.setdefault(self.name, 0.0)
        examples = self._with_gold_entities(examples)
        docs = [eg.predicted for eg in examples]
        if not any(self.model.attrs["get_instances"](d) for d in docs):
            return losses
        set_dropout_rate(self.model, drop)
        scores, backprop = self.model.begin_update(docs)
        loss, d_scores = self.get_loss(examples, scores)
        backprop(d_scores)
        if sgd is not None:
            self.finish_update(sgd)
        losses[self.name] += loss
        return losses

    def get_loss(self, examples: Iterable[Example], scores: Floats2d) -> tuple[float, Floats2d]:
        truths = self._gold(list(examples))
        # weight positives up: most candidate pairs are not investments
        weights = 1.0 + 2.0 * truths
        d_scores = (scores - truths) * weights / max(1, scores.shape[0])
        eps = 1e-7
        loss = -(weights * (truths * self.model.ops.xp.log(scores + eps)
                            + (1 - truths) * self.model.ops.xp.log(1 - scores + eps))).mean()
        return float(loss), d_scores

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Optional[Language] = None,
                   labels=None) -> None:
        examples = self._with_gold_entities(list(islice(get_examples(), 32)))
        docs = [eg.predicted for eg in examples]
        self.model.initialize(X=docs, Y=self._gold(examples))

    def score(self, examples: Iterable[Example], **kwargs) -> dict:
        return score_relations(examples, self.threshold)

    def add_label(self, label: str) -> int:
        if label not in self.cfg["labels"]:
            raise ValueError(f"{self.name} only knows {REL_LABEL}")
        return 0


def rel_char_pairs(doc: Doc, threshold: float = 0.5) -> set:
    """doc._.rel as {((project start_char, end_char), (money start_char, end_char))} at or above threshold."""
    by_start = {e.start: e for e in doc.ents}
    return {((by_start[h].start_char, by_start[h].end_char), (by_start[c].start_char, by_start[c].end_char))
            for (h, c), scores in (doc._.rel or {}).items()
            if scores.get(REL_LABEL, 0.0) >= threshold and h in by_start and c in by_start}


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_relations(examples: Iterable[Example], threshold: float = 0.5) -> dict:
    """rel_p / rel_r / rel_f over (project chars, money chars) pairs, exact match."""
    tp = n_pred = n_gold = 0
    for eg in examples:
        pred = rel_char_pairs(eg.predicted, threshold)
        gold = rel_char_pairs(eg.reference)
        tp += len(pred & gold)
        n_pred += len(pred)
        n_gold += len(gold)
    p, r, f = prf(tp, n_pred, n_gold)
    return {"rel_p": p, "rel_r": r, "rel_f": f}


@Language.factory("gov_ner_relations", default_config={"threshold": 0.5, "one_project_per_money": True},
                  default_score_weights={"rel_f": 0.0, "rel_p": None, "rel_r": None})
def make_relations(nlp: Language, name: str, model: Model, threshold: float, one_project_per_money: bool):
    """threshold: minimum score for an INVESTMENT; one_project_per_money: keep only the best
    project for each amount, as the annotation contract says."""
    return InvestmentRelations(nlp.vocab, model, name, threshold=threshold,
                               one_project_per_money=one_project_per_money)
