"""Reading report files: UTF-8 (with or without BOM) or GB18030, never guessed silently."""
from __future__ import annotations

import codecs
from pathlib import Path

# Tried in this order. UTF-8 is strict, so GB18030 text (which is rarely valid UTF-8)
# falls through to the second decoder instead of being mangled.
ENCODINGS = ("utf-8", "gb18030")


class ReportDecodeError(ValueError):
    """A report file that none of the supported encodings can decode."""

    def __init__(self, path: Path, errors: dict[str, UnicodeDecodeError]):
        self.path = Path(path)
        self.errors = errors
        detail = "; ".join(
            f"{enc}: byte {err.start} ({err.object[err.start:err.start + 1]!r}) {err.reason}"
            for enc, err in errors.items()
        )
        super().__init__(f"{path}: cannot decode as UTF-8 or GB18030 ({detail})")


def decode_report(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Decode report bytes; return (text, encoding name). A UTF-8 BOM is dropped."""
    if data.startswith(codecs.BOM_UTF8):
        data, bom = data[len(codecs.BOM_UTF8):], True
    else:
        bom = False
    if b"\x00" in data:
        raise ReportDecodeError(
            Path(path), {"binary": UnicodeDecodeError("utf-8", data, data.index(b"\x00"),
                                                       data.index(b"\x00") + 1, "NUL byte: not a text file")})
    errors: dict[str, UnicodeDecodeError] = {}
    for enc in ENCODINGS if not bom else ("utf-8",):
        try:
            return data.decode(enc), ("utf-8-sig" if bom else enc)
        except UnicodeDecodeError as err:
            errors[enc] = err
    raise ReportDecodeError(Path(path), errors)


def read_report(path: str | Path) -> str:
    """Read one report file as text (UTF-8, UTF-8 with BOM, or GB18030)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise IsADirectoryError(f"{path}: is a directory, not a report file") from None
    return decode_report(data, path)[0]
