"""Reading report files in whatever encoding they arrive in, never guessed silently.

The order is deterministic: a byte-order mark decides (UTF-8, UTF-16 or UTF-32); then strict
UTF-8, which legacy Chinese text is almost never valid as; then the legacy encodings
GB18030 (GBK, GB2312) and Big5. Both of those decode many byte strings without error, so every
one that decodes is scored by the share of its non-ASCII characters that are common Chinese
characters or punctuation (`chinese_score`), and the best wins (GB18030 on a tie).
tests/test_reading.py checks the choice on 40-character windows of every corpus report, in
both scripts and both encodings. charset-normalizer, restricted to the same two encodings, was
tried while this was written: on short random corpus slices (4-8 characters) it chose wrong
more often than this score, and on longer ones no better, so it is not a dependency.
"""
from __future__ import annotations

import codecs
from functools import lru_cache
from pathlib import Path

BOMS = (  # UTF-32 first: its LE mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
LEGACY = ("gb18030", "big5", "big5hkscs")  # big5hkscs only when plain Big5 cannot decode
# Below this share of common characters (with at least MIN_SCORED non-ASCII characters) a
# legacy decoding is garbage: the file is refused instead of yielding nonsense entities.
MIN_SCORE, MIN_SCORED = 0.5, 20
# pinyin glosses in traditional reports (區(qū)) carry these
PINYIN = frozenset("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ")


def _why(err: UnicodeDecodeError | str) -> str:
    if isinstance(err, str):
        return err
    return f"byte {err.start} ({err.object[err.start:err.start + 1]!r}) {err.reason}"


class ReportDecodeError(ValueError):
    """A report file that none of the supported encodings can decode.

    `errors` says, per encoding tried, why it failed, as text: the error crosses process
    boundaries (extract_many with n_process > 1), where only plain values pickle reliably.
    """

    def __init__(self, path: Path, errors: dict[str, UnicodeDecodeError | str]):
        self.path = Path(path)
        self.errors = {enc: _why(err) for enc, err in errors.items()}
        detail = "; ".join(f"{enc}: {why}" for enc, why in self.errors.items())
        super().__init__(f"{path}: cannot decode as UTF-8, UTF-16, GB18030 or Big5 ({detail})")

    def __reduce__(self):
        return type(self), (self.path, self.errors)


def _rows(encoding: str, leads: range, trails: list[int]) -> str:
    return bytes(b for hi in leads for lo in trails for b in (hi, lo)).decode(encoding, errors="ignore")


@lru_cache(maxsize=1)
def common_characters() -> frozenset[str]:
    """The 3,755 level-1 characters of GB2312 (most used simplified) and the 5,401 frequent
    characters of Big5 (most used traditional), read from the codecs themselves."""
    simplified = _rows("gb2312", range(0xB0, 0xD8), list(range(0xA1, 0xFF)))
    traditional = _rows("big5", range(0xA4, 0xC7), list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)))
    return frozenset(simplified) | frozenset(traditional)


def _is_common(ch: str, common: frozenset[str]) -> bool:
    return (ch in common or ch in PINYIN or "\u2000" <= ch <= "\u206f"  # “”…—
            or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")  # 。、《》 and full-width forms


def chinese_score(text: str) -> tuple[float, int]:
    """(share of non-ASCII characters that are common Chinese ones, how many were scored)."""
    common = common_characters()
    scored = [ch for ch in text if not ch.isascii()]
    if not scored:
        return 1.0, 0
    return sum(_is_common(ch, common) for ch in scored) / len(scored), len(scored)


def _binary_error(data: bytes) -> UnicodeDecodeError:
    at = data.index(b"\x00")
    return UnicodeDecodeError("utf-8", data, at, at + 1, "NUL byte: not a text file")


def _decode_legacy(data: bytes, path: str | Path) -> tuple[str, str]:
    errors: dict[str, UnicodeDecodeError | str] = {}
    decoded: dict[str, str] = {}
    for enc in LEGACY:
        if enc == "big5hkscs" and "big5" in decoded:
            break
        try:
            decoded[enc] = data.decode(enc)
        except UnicodeDecodeError as err:
            errors[enc] = err
    if not decoded:
        raise ReportDecodeError(Path(path), errors)
    scores = {enc: chinese_score(text) for enc, text in decoded.items()}
    best = max(decoded, key=lambda enc: scores[enc][0])  # max keeps the first (GB18030) on a tie
    share, n = scores[best]
    if n >= MIN_SCORED and share < MIN_SCORE:
        raise ReportDecodeError(Path(path), {**errors, **{
            enc: f"decodes, but only {s:.0%} of its {k} non-ASCII characters are common Chinese ones"
            for enc, (s, k) in scores.items()}})
    return decoded[best], best


def decode_report(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Decode report bytes; return (text, encoding name). A byte-order mark is dropped."""
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc.removesuffix("-sig")), enc
            except UnicodeDecodeError as err:
                raise ReportDecodeError(Path(path), {enc: err}) from None
    if b"\x00" in data:
        raise ReportDecodeError(Path(path), {"binary": _binary_error(data)})
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = err
    try:
        return _decode_legacy(data, path)
    except ReportDecodeError as err:
        raise ReportDecodeError(Path(path), {"utf-8": utf8_error, **err.errors}) from None


def read_report_with_encoding(path: str | Path) -> tuple[str, str]:
    """(text, encoding) of one report file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise IsADirectoryError(f"{path}: is a directory, not a report file") from None
    return decode_report(data, path)


def read_report(path: str | Path) -> str:
    """Read one report file as text (see the module docstring for the encodings)."""
    return read_report_with_encoding(path)[0]
