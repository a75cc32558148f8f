"""What extraction returns: entities and investments with offsets into the text as given."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class Entity:
    label: str
    text: str  # == source_text[start:end]
    start: int
    end: int
    value: Decimal | float | None = None  # Decimal in the currency's unit for MONEY, float (%) for PERCENT
    currency: str | None = None  # MONEY only: CNY, USD, …
    flags: tuple[str, ...] = ()  # approximate, redacted, range, points

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"label": self.label, "text": self.text, "start": self.start, "end": self.end}
        if self.label in ("MONEY", "PERCENT"):
            d["value"] = None if self.value is None else (str(self.value) if isinstance(self.value, Decimal) else self.value)
            if self.currency:
                d["currency"] = self.currency
            d["flags"] = list(self.flags)
        return d


@dataclass(frozen=True)
class Investment:
    project: Entity
    money: Entity
    score: float

    @property
    def amount_cny(self) -> Decimal | None:
        """The amount in yuan, or None (redacted, or a foreign currency: see money.currency)."""
        return self.money.value if self.money.currency == "CNY" else None

    def to_dict(self) -> dict[str, Any]:
        amt = self.amount_cny
        return {"project": self.project.to_dict(), "money": self.money.to_dict(),
                "amount_cny": None if amt is None else str(amt), "score": round(self.score, 4)}


@dataclass
class Report:
    text: str
    entities: list[Entity] = field(default_factory=list)
    investments: list[Investment] = field(default_factory=list)
    source: str | None = None  # file path, when read from one
    encoding: str | None = None  # how the file was decoded (utf-8, utf-16-le, gb18030, big5, …)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "encoding": self.encoding, "chars": len(self.text),
                "entities": [e.to_dict() for e in self.entities],
                "investments": [i.to_dict() for i in self.investments]}

    def to_json(self, **kwargs) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)


@dataclass(frozen=True)
class ReportError:
    """An input that gave no report (unreadable, undecodable, not text): what and why."""

    source: str | None  # the path, or None for text given directly
    message: str  # names the file
    error: BaseException = field(compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "error": self.message}
