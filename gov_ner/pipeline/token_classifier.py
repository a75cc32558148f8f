"""A fine-tuned Hugging Face token classifier as a spaCy NER component (`gov_ner_token_classifier`).

The classifier is trained by `gov_ner.training.finetune` (a plain PyTorch loop, as in Hugging
Face's token-classification example) and saved inside the spaCy model directory, so the
pipeline packages and loads like any other (`spacy.load`, `gov-ner package`).

Text → pieces: the encoder's fast tokenizer runs on the Doc's (normalised) text with offset
mapping; long texts are cut into overlapping windows, and a piece seen in two windows takes the
log-probabilities of the window where it has more context on its narrower side (`window_merge =
"max_context"`, as Hugging Face's question-answering post-processing picks a token's window) or their
mean (`"mean"`). A piece near a window's edge sees only a few neighbours, so a name cut by an edge is
read better from the other window. Pieces → entities: BIO tags decoded with a constrained Viterbi
(no I-X after O or after another label), so every predicted span is well formed; tokens that
carry preset annotation (the boundaries step's blocked clause marks) are forced to O. A piece's
tag covers all its characters. With `word_edge_penalty` > 0 the decoder also pays that much (in
log-probability) for an entity edge that falls inside a word of spacy-pkuseg's lexicon (forward
maximum matching, gov_ner/text/lexicon.py): a soft prior, since gold edges split such a word for
about 1 entity in 80 (mostly where the matching itself is wrong: 和县, 同党), while the
classifier's cut names (党|中央, 海|河, 央|改革办) mostly do.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from ..annotations.schema import ENTITY_LABELS

TAGS = ("O",) + tuple(f"{p}-{label}" for label in ENTITY_LABELS for p in ("B", "I"))
TAG_ID = {t: i for i, t in enumerate(TAGS)}
IGNORE = -100
WINDOW_MERGES = ("max_context", "mean")


def import_transformers():
    """transformers' token-classification classes, imported without scikit-learn.

    transformers' generation module imports scikit-learn at import time when it is installed
    (seqeval brings it), for one option of assisted text generation that a token classifier never
    runs; on this CPU that import is about a fifth of the default model's load time
    (benchmarks/RESULTS.md). So when neither is imported yet, transformers is told scikit-learn is
    absent, the state it handles without it; a process that has imported transformers or sklearn
    first is left as it is.
    """
    import sys

    if "transformers" not in sys.modules and "sklearn" not in sys.modules:
        import transformers.utils.import_utils as import_utils

        import_utils._sklearn_available = False
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    return AutoModelForTokenClassification, AutoTokenizer


def allowed_transitions(tags: Sequence[str] = TAGS) -> np.ndarray:
    """allowed[i, j]: tag j may follow tag i (IOB2)."""
    n = len(tags)
    allowed = np.ones((n, n), dtype=bool)
    for j, t in enumerate(tags):
        if t.startswith("I-"):
            for i, prev in enumerate(tags):
                allowed[i, j] = prev[2:] == t[2:] and prev != "O"
    return allowed


_ALLOWED = allowed_transitions()
_START_OK = np.array([not t.startswith("I-") for t in TAGS])
# _EDGE[prev, cur]: an entity starts or ends between two positions tagged prev, cur
_EDGE = np.array([[cur.startswith("B-") or (cur == "O" and prev != "O") for cur in TAGS] for prev in TAGS])


def viterbi(logp: np.ndarray, forced_o: np.ndarray | None = None,
            edge_cost: np.ndarray | None = None) -> list[int]:
    """Best IOB2-valid tag sequence for per-position log-probabilities (n, n_tags).
    edge_cost[i]: subtracted when an entity starts or ends between positions i-1 and i."""
    n, k = logp.shape
    if n == 0:
        return []
    scores = logp.copy()
    if forced_o is not None and forced_o.any():
        scores[forced_o, 1:] = -np.inf
    trans = np.where(_ALLOWED, 0.0, -np.inf)
    best = np.where(_START_OK, scores[0], -np.inf)
    back = np.zeros((n, k), dtype=np.int64)
    for i in range(1, n):
        cand = best[:, None] + trans  # (prev, cur)
        if edge_cost is not None and edge_cost[i]:
            cand = cand - edge_cost[i] * _EDGE
        back[i] = cand.argmax(0)
        best = cand.max(0) + scores[i]
    path = [int(best.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    return path[::-1]


def encode_windows(tokenizer, text: str, max_length: int, stride: int) -> list[dict]:
    """The text's pieces in overlapping windows: input_ids and each piece's (start, end) chars."""
    enc = tokenizer(text, return_offsets_mapping=True, truncation=True, max_length=max_length,
                    stride=stride, return_overflowing_tokens=True, add_special_tokens=True)
    return [{"input_ids": enc["input_ids"][w], "offsets": [tuple(o) for o in enc["offset_mapping"][w]]}
            for w in range(len(enc["input_ids"]))]


def merge_windows(windows: Sequence[tuple[Sequence[tuple[int, int]], np.ndarray]],
                  how: str = "max_context") -> dict[tuple[int, int], np.ndarray]:
    """One row of log-probabilities per piece (keyed by its character offsets) from the windows
    that read it: (offsets, logp rows) per window, special tokens having empty offsets.
    max_context: the row of the window where the piece has most pieces on its narrower side (the
    first such window on ties); mean: the mean of its rows."""
    if how not in WINDOW_MERGES:
        raise ValueError(f"window_merge must be one of {WINDOW_MERGES}, not {how!r}")
    best: dict[tuple[int, int], tuple[int, np.ndarray]] = {}
    sums: dict[tuple[int, int], np.ndarray] = {}
    counts: dict[tuple[int, int], int] = {}
    for offsets, logp in windows:
        real = [p for p, (s, e) in enumerate(offsets) if e > s]
        for p in real:
            key = tuple(offsets[p])
            if how == "mean":
                sums[key] = sums.get(key, 0) + logp[p]
                counts[key] = counts.get(key, 0) + 1
            else:
                context = min(p - real[0], real[-1] - p)
                if key not in best or context > best[key][0]:
                    best[key] = (context, logp[p])
    if how == "mean":
        return {k: v / counts[k] for k, v in sums.items()}
    return {k: v for k, (_, v) in best.items()}


def piece_labels(offsets: Sequence[tuple[int, int]], char_tags: Sequence[int]) -> list[int]:
    """Training label of each piece: the tag of its first character (specials and missing: ignored)."""
    labels = []
    for s, e in offsets:
        labels.append(IGNORE if e <= s else char_tags[s])
    return labels


def char_tags(text: str, spans: Iterable[tuple[int, int, str]], missing: Sequence[bool] | None = None) -> list[int]:
    """IOB2 tag id per character; characters of unknown label are IGNORE."""
    tags = [TAG_ID["O"]] * len(text)
    for s, e, label in spans:
        tags[s] = TAG_ID[f"B-{label}"]
        for i in range(s + 1, e):
            tags[i] = TAG_ID[f"I-{label}"]
    if missing is not None:
        tags = [IGNORE if m else t for t, m in zip(tags, missing)]
    return tags


def decode_spans(text: str, pieces: dict[tuple[int, int], np.ndarray],
                 forced_o_chars: set[int] = frozenset(), word_edge_penalty: float = 0.0) -> list[tuple[int, int, str]]:
    """Character spans from per-piece log-probabilities (keyed by piece offsets); an entity edge
    inside a lexicon word costs word_edge_penalty."""
    order = sorted(pieces)
    if not order:
        return []
    logp = np.stack([pieces[o] for o in order])
    forced = np.array([any(c in forced_o_chars for c in range(s, e)) for s, e in order])
    edge_cost = None
    if word_edge_penalty:
        from ..text.lexicon import cuts_word

        cuts = cuts_word(text)
        edge_cost = np.array([word_edge_penalty if s < len(cuts) and cuts[s] else 0.0 for s, _ in order])
    path = viterbi(logp, forced, edge_cost)
    spans, cur = [], None
    for (s, e), t in zip(order, path):
        tag = TAGS[t]
        if tag == "O" or tag.startswith("B-") or (cur and cur[2] != tag[2:]):
            if cur:
                spans.append(tuple(cur))
            cur = [s, e, tag[2:]] if tag != "O" else None
        else:
            cur[1] = e
    if cur:
        spans.append(tuple(cur))
    return spans


class TokenClassifierNER:
    """spaCy component: sets doc.ents from a fine-tuned token classifier."""

    def __init__(self, nlp: Language, name: str, max_length: int, stride: int, batch_size: int, threads: int,
                 window_merge: str = "max_context", word_edge_penalty: float = 0.0):
        if window_merge not in WINDOW_MERGES:
            raise ValueError(f"{name}: window_merge must be one of {WINDOW_MERGES}, not {window_merge!r}")
        self.name = name
        self.max_length = max_length
        self.stride = stride
        self.window_merge = window_merge
        if word_edge_penalty < 0:
            raise ValueError(f"{name}: word_edge_penalty must be >= 0, not {word_edge_penalty}")
        self.word_edge_penalty = word_edge_penalty
        self.batch_size = batch_size
        self.threads = threads
        self.model = None
        self.tokenizer = None
        # {(text, max_length, stride, window_merge): pieces} when a search decodes the same texts
        # with several penalties (window_search.py); None: no cache
        self.read_cache: dict | None = None

    # -- loading ---------------------------------------------------------------------------
    def load_hf(self, path: str | Path) -> "TokenClassifierNER":
        import torch

        AutoModelForTokenClassification, AutoTokenizer = import_transformers()
        self.tokenizer = AutoTokenizer.from_pretrained(str(path))
        self.model = AutoModelForTokenClassification.from_pretrained(str(path), torch_dtype=torch.float32).eval()
        tags = [self.model.config.id2label[i] for i in range(self.model.config.num_labels)]
        if tuple(tags) != TAGS:
            raise ValueError(f"{path}: the classifier's labels {tags} are not the project's tags {TAGS}")
        return self

    def initialize(self, get_examples=None, *, nlp: Language | None = None, path: str | None = None) -> None:
        """[initialize.components.NAME] path = a directory written by gov_ner.training.finetune."""
        if path is None:
            raise ValueError(f"{self.name}: initialize needs the fine-tuned classifier: "
                             f"[initialize.components.{self.name}] path = ... (gov_ner.training.finetune's best/)")
        self.load_hf(path)

    def to_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> None:
        import torch

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        self.tokenizer.save_pretrained(path)
        # fp16 on disk halves the model; it is computed in fp32 after loading
        self.model.to(torch.float16).save_pretrained(path, safe_serialization=True)
        self.model.to(torch.float32)

    def from_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> "TokenClassifierNER":
        return self.load_hf(path)

    # -- prediction ------------------------------------------------------------------------
    def _logprobs(self, texts: list[str]) -> list[dict[tuple[int, int], np.ndarray]]:
        if self.read_cache is None:
            return self._read(texts)
        keys = [(t, self.max_length, self.stride, self.window_merge) for t in texts]
        todo = [k for k in dict.fromkeys(keys) if k not in self.read_cache]
        self.read_cache.update(zip(todo, self._read([k[0] for k in todo])))
        return [self.read_cache[k] for k in keys]

    def _read(self, texts: list[str]) -> list[dict[tuple[int, int], np.ndarray]]:
        import torch

        windows = []  # (text index, window)
        for i, text in enumerate(texts):
            for w in encode_windows(self.tokenizer, text, self.max_length, self.stride) if text else []:
                windows.append((i, w))
        read: list[list] = [[] for _ in texts]  # per text: (offsets, logp) of each window
        if self.threads:
            torch.set_num_threads(self.threads)
        windows.sort(key=lambda x: len(x[1]["input_ids"]))  # less padding per batch
        pad = self.tokenizer.pad_token_id
        with torch.inference_mode():
            for b in range(0, len(windows), self.batch_size):
                batch = windows[b:b + self.batch_size]
                width = max(len(w["input_ids"]) for _, w in batch)
                ids = torch.full((len(batch), width), pad, dtype=torch.long)
                mask = torch.zeros((len(batch), width), dtype=torch.long)
                for r, (_, w) in enumerate(batch):
                    ids[r, :len(w["input_ids"])] = torch.tensor(w["input_ids"])
                    mask[r, :len(w["input_ids"])] = 1
                logp = torch.log_softmax(self.model(input_ids=ids, attention_mask=mask).logits, -1).numpy()
                for r, (i, w) in enumerate(batch):
                    read[i].append((w["offsets"], logp[r]))
        return [merge_windows(r, self.window_merge) for r in read]

    def _set(self, doc: Doc, pieces: dict) -> Doc:
        preset = {tok.idx + k for tok in doc if tok.ent_iob != 0 and not tok.ent_type for k in range(len(tok))}
        ents = []
        for s, e, label in decode_spans(doc.text, pieces, preset, self.word_edge_penalty):
            span = doc.char_span(s, e, label=label, alignment_mode="expand")
            if span is not None:
                ents.append(span)
        doc.set_ents(filter_spans(ents), default="unmodified")
        return doc

    def __call__(self, doc: Doc) -> Doc:
        return self._set(doc, self._logprobs([doc.text])[0])

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32):
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._flush(batch)
                batch = []
        yield from self._flush(batch)

    def _flush(self, docs: list[Doc]):
        for doc, pieces in zip(docs, self._logprobs([d.text for d in docs])):
            yield self._set(doc, pieces)


@Language.factory("gov_ner_token_classifier",
                  default_config={"max_length": 128, "stride": 32, "batch_size": 16, "threads": 0,
                                  "window_merge": "max_context", "word_edge_penalty": 0.0},
                  assigns=["doc.ents"])
def make_token_classifier(nlp: Language, name: str, max_length: int, stride: int, batch_size: int, threads: int,
                          window_merge: str, word_edge_penalty: float):
    """max_length: pieces per window (with specials; best the length the classifier was fine-tuned
    on, `finetune.DataArguments.max_length`); stride: pieces two windows share;
    batch_size: windows per forward pass; threads: torch threads (0: torch's default);
    window_merge: how a piece seen in two windows is read ("max_context" or "mean");
    word_edge_penalty: log-probability an entity edge inside a pkuseg-lexicon word costs (0: none)."""
    return TokenClassifierNER(nlp, name, max_length, stride, batch_size, threads, window_merge, word_edge_penalty)
