"""The annotation record: raw text, character spans, relations between spans."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ENTITY_LABELS = ("ORG", "LOC", "PROJECT", "MONEY", "PERCENT")
RELATION_LABELS = ("INVESTMENT",)
# relation label -> (head label, child label)
RELATION_TYPES = {"INVESTMENT": ("PROJECT", "MONEY")}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Relation:
    head: int  # index into Record.spans
    child: int
    label: str = "INVESTMENT"


@dataclass
class Record:
    """One annotated paragraph. Offsets are Python str indices into `text`, end-exclusive."""

    id: str
    text: str
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    # where it was read from, for error messages; not serialised
    source: tuple[str, int] | None = field(default=None, compare=False, repr=False)

    def span_text(self, i: int) -> str:
        s = self.spans[i]
        return self.text[s.start:s.end]

    @property
    def doc_id(self) -> str:
        """The report a record comes from: the id before '#'."""
        return self.id.split("#", 1)[0]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "spans": [
                {"start": s.start, "end": s.end, "label": s.label, "text": self.text[s.start:s.end]}
                for s in self.spans
            ],
            "relations": [{"head": r.head, "child": r.child, "label": r.label} for r in self.relations],
        }
        if self.meta:
            out["meta"] = self.meta
        return out
