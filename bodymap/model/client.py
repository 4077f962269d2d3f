"""The client (patient) record and its consents."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date

from bodymap.model.values import (
    check_birth_date,
    check_bool,
    check_date,
    check_id,
    check_optional,
    check_text,
    new_id,
)


@dataclass(frozen=True)
class Client:
    """A client with contact details, consents (each with its date) and an archived flag."""

    name: str
    date_of_birth: date | None = None
    contact: str = ""
    notes: str = ""
    consent_treatment: bool = False
    consent_treatment_date: date | None = None
    consent_storage: bool = False
    consent_storage_date: date | None = None
    archived: bool = False
    id: str = field(default_factory=new_id)
    version: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        check_id("id", self.id)
        check_text("name", self.name, required=True, limit=200)
        check_optional("date_of_birth", self.date_of_birth, check_birth_date)
        check_text("contact", self.contact, limit=1000)
        check_text("notes", self.notes)
        for what in ("treatment", "storage"):
            given = check_bool(f"consent_{what}", getattr(self, f"consent_{what}"))
            when = check_optional(
                f"consent_{what}_date", getattr(self, f"consent_{what}_date"), check_date
            )
            if given and when is None:
                raise ValueError(f"consent_{what}_date: consent needs the date it was given")
        check_bool("archived", self.archived)

    def __repr__(self) -> str:
        # Keep names and notes out of tracebacks and logs.
        return f"Client(id={self.id!r}, version={self.version})"


def name_sort_key(name: str) -> str:
    """A name's place in the client list: case, accents and repeated spaces ignored.

    "émile Roux" sorts with "Emile roux", before "Fay"; the same key on every backend
    (the database compares keys code point by code point, never by its own locale).
    """
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())
