"""People who sign in on a shared database: accounts, their roles, what each role may do."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from bodymap.model.values import check_bool, check_id, check_text, new_id


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    THERAPIST = "therapist"
    FRONT_DESK = "front_desk"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class Permission(StrEnum):
    """One thing a role may do; the value reads after "may not" in a refusal."""

    READ_CLIENTS = "see the client list and contact details"
    EDIT_CLIENTS = "add or change clients"
    INTAKES = "read or record intake forms"
    PLANS = "read or change treatment plans and appointments"
    READ_CLINICAL = "read visits, charts and clinical notes"
    CHART = "chart visits or write clinical notes"
    SIGN = "sign or amend visits"
    IMPORT = "import client records"
    ACCOUNTS = "manage accounts"
    AUDIT = "read the audit trail"
    BACKUP = "back up the whole database"


_FRONT = frozenset({Permission.READ_CLIENTS, Permission.EDIT_CLIENTS, Permission.INTAKES,
                    Permission.PLANS})  # fmt: skip
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    # Accounts and settings, not clinical content (an owner who also treats has two accounts).
    Role.ADMINISTRATOR: frozenset(
        {
            Permission.READ_CLIENTS,
            Permission.ACCOUNTS,
            Permission.AUDIT,
            Permission.BACKUP,
            Permission.IMPORT,
        }
    ),  # fmt: skip
    Role.THERAPIST: _FRONT
    | {Permission.READ_CLINICAL, Permission.CHART, Permission.SIGN, Permission.IMPORT},  # fmt: skip
    # Clients, appointments and intake forms; no clinical notes.
    Role.FRONT_DESK: _FRONT,
}
EVERYTHING = frozenset(Permission)

_LOGIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")


def check_login(value: object) -> str:
    """An account's sign-in name: letters, digits and . _ @ - (case kept, matched exactly)."""
    if not isinstance(value, str) or not _LOGIN.match(value):
        raise ValueError(
            f"name: {value!r} is not a usable sign-in name (letters, digits and . _ @ -, "
            "starting with a letter or digit, at most 64)"
        )
    return value


@dataclass(frozen=True)
class Account:
    """Someone who signs in: a sign-in name, the name and credentials signatures show, a role."""

    name: str
    full_name: str
    role: Role
    credentials: str = ""  # e.g. "LMT, NMT": printed after the name on a signature
    disabled: bool = False
    id: str = field(default_factory=new_id)
    version: int = 0

    def __post_init__(self) -> None:
        check_login(self.name)
        check_text("full_name", self.full_name, required=True, limit=200)
        check_text("credentials", self.credentials, limit=100)
        if not isinstance(self.role, Role):
            raise ValueError(f"role: {self.role!r} is not one of {', '.join(Role)}")
        check_bool("disabled", self.disabled)
        check_id("id", self.id)

    @property
    def signature(self) -> str:
        """How a signature reads: "Dana Lee, LMT"."""
        return f"{self.full_name}, {self.credentials}" if self.credentials else self.full_name

    @property
    def permissions(self) -> frozenset[Permission]:
        return ROLE_PERMISSIONS[self.role]

    def may(self, what: Permission) -> bool:
        return what in self.permissions


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit trail: who, what, which record, when, where. Never any content."""

    at: datetime  # stored in UTC, read back in the local zone
    action: str
    account_id: str | None
    account_name: str | None
    computer: str
    client_id: str | None
    record_kind: str | None
    record_id: str | None
    seq: int = 0
