"""Account and audit rows: reading accounts, appending audit lines, the wrong-password wait."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.engine import Connection

from bodymap.model.accounts import Account, AuditEntry, Role
from bodymap.model.values import trusted
from bodymap.store.rows import when_from
from bodymap.store.schema import accounts, audit

# Wrong passwords: the first few cost nothing more than Argon2's own time; after that each
# one makes the account wait before the next try, doubling up to a quarter of an hour.
FREE_TRIES = 3
FIRST_WAIT_S = 5
LONGEST_WAIT_S = 15 * 60


def now_utc() -> datetime:
    return datetime.now(UTC)


def stamp(when: datetime) -> str:
    """An instant as the account and audit columns hold it: UTC, to the second."""
    return when.astimezone(UTC).isoformat(timespec="seconds")


def has_accounts(conn: Connection) -> bool:
    return bool(conn.execute(select(exists().where(accounts.c.id.is_not(None)))).scalar())


def append(
    conn: Connection, account_id: str | None, computer: str, action: str,
    client_id: str | None, kind: str | None, record_id: str | None,
) -> None:  # fmt: skip
    conn.execute(audit.insert(), {
        "at": stamp(now_utc()), "account_id": account_id,
        "computer": computer, "action": action, "client_id": client_id, "record_kind": kind,
        "record_id": record_id,
    })  # fmt: skip


def wait_after(failed_attempts: int) -> timedelta:
    """How long an account waits after this many wrong passwords in a row."""
    if failed_attempts < FREE_TRIES:
        return timedelta(0)
    seconds = FIRST_WAIT_S * 2 ** min(failed_attempts - FREE_TRIES, 16)
    return timedelta(seconds=min(seconds, LONGEST_WAIT_S))


def account_from(r: Any) -> Account:
    return trusted(Account, {
        "id": r.id, "name": r.name, "full_name": r.full_name, "credentials": r.credentials,
        "role": Role(r.role), "disabled": bool(r.disabled), "version": r.version,
    })  # fmt: skip


def account_row(a: Account) -> dict[str, Any]:
    return {
        "id": a.id, "name": a.name, "full_name": a.full_name, "credentials": a.credentials,
        "role": a.role.value, "disabled": a.disabled,
    }  # fmt: skip


def entry_from(r: Any) -> AuditEntry:
    return AuditEntry(
        seq=r.seq, at=when_from(r.at), action=r.action, account_id=r.account_id,
        account_name=r.name, computer=r.computer, client_id=r.client_id,
        record_kind=r.record_kind, record_id=r.record_id,
    )  # fmt: skip
