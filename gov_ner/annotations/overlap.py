"""Shared character runs between texts: the authored corpus's originality check.

Texts are compared after traditional → simplified conversion and with whitespace removed, so
a paragraph cannot pass by being converted or re-wrapped. Every run of `n` characters is
hashed; two texts that share one share a run at least `n` long.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class SharedRun:
    a: str  # name of the first text
    b: str
    run: str  # one shared run (n characters, comparison form)


def comparison_form(text: str, converter=None) -> str:
    if converter is None:
        import opencc

        converter = opencc.OpenCC("t2s")
    return _SPACE.sub("", converter.convert(text))


def shared_runs(texts: Iterable[tuple[str, str]], n: int = 25, against: Iterable[tuple[str, str]] = (),
                allow: Iterable[str] = ()) -> list[SharedRun]:
    """Pairs of texts sharing an n-character run: among `texts`, and between `texts` and `against`.

    `allow` lists stock phrases: a run lying inside one of them does not count. Each pair is
    reported once, with the first run found.
    """
    import opencc

    conv = opencc.OpenCC("t2s")
    allowed = [comparison_form(p, conv) for p in allow]
    seen: dict[str, str] = {}
    for name, text in against:
        form = comparison_form(text, conv)
        for i in range(len(form) - n + 1):
            seen.setdefault(form[i:i + n], name)
    found: dict[tuple[str, str], SharedRun] = {}
    for name, text in texts:
        form = comparison_form(text, conv)
        mine: set[str] = set()
        for i in range(len(form) - n + 1):
            run = form[i:i + n]
            if run in mine:
                continue
            mine.add(run)
            other = seen.get(run)
            if other is not None and other != name and not any(run in a for a in allowed):
                found.setdefault((other, name), SharedRun(other, name, run))
        for run in mine:
            seen.setdefault(run, name)
    return list(found.values())
