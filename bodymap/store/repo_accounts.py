"""The Store's accounts: sign in (with a wait after wrong passwords), add, change, disable."""

from __future__ import annotations

import dataclasses
import logging
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.engine import Connection

from bodymap.model.accounts import Account, AuditEntry, Permission, Role
from bodymap.store import access, passwords
from bodymap.store.errors import NotFoundError, PermissionDeniedError, StoreError
from bodymap.store.repo_base import RepositoryBase
from bodymap.store.schema import accounts, audit, visits

log = logging.getLogger(__name__)

WRONG = "wrong name or password"


class AccountRecords(RepositoryBase):
    """Accounts and signing in; the audit trail's reader."""

    def sign_in(self, name: str, password: str) -> Account:
        """Sign in as `name`; refused for a wrong password, a disabled account or while waiting."""
        with self._read() as conn:
            row = conn.execute(select(accounts).where(accounts.c.name == name)).first()
        # Argon2's deliberate slowness happens outside any transaction: no lock is held.
        refusal, wrong = _refusal(row, password)
        with self._write() as conn:
            if row is not None and (wrong or refusal is None):  # a wait or disabled: no count
                _count(conn, row.id, wrong)
            action = "sign_in_refused" if refusal else "signed_in"
            self._audit_as(conn, row.id if row else None, action)
        if refusal:
            log.info("sign-in refused (%s)", refusal.split(";")[0])
            raise PermissionDeniedError(refusal)
        assert row is not None
        self._accounts_on = True
        self.signed_in = access.account_from(row)
        if passwords.needs_rehash(row.password_hash):
            with self._write() as conn:
                self._store_hash(conn, row.id, passwords.hash_password(password))
        return self.signed_in

    def _audit_as(self, conn: Connection, account_id: str | None, action: str) -> None:
        access.append(conn, account_id, self.computer, action, None, "account", account_id)

    def sign_out(self) -> None:
        self.signed_in = None

    def add_account(self, account: Account, password: str) -> Account:
        """Add an account. The first one of a database must be an administrator (it turns
        sign-in on); after that only an administrator adds accounts."""
        hashed = passwords.hash_password(password)
        with self._write() as conn:
            first = not access.has_accounts(conn)
            if first and account.role is not Role.ADMINISTRATOR:
                raise ValueError("role: the first account of a database is an administrator")
            if not first:
                self._accounts_on = True
                self._allow(Permission.ACCOUNTS)
            self._check_unique(conn, account)
            conn.execute(accounts.insert(), {
                **access.account_row(account), "password_hash": hashed, "failed_attempts": 0,
                "locked_until": None, "created_at": access.stamp(access.now_utc()),
                "version": 1,
            })  # fmt: skip
            self._accounts_on = True
            self._audit(conn, "account_added", None, "account", account.id)
        return dataclasses.replace(account, version=1)

    def _check_unique(self, conn: Connection, account: Account) -> None:
        same = select(accounts.c.id).where(
            func.lower(accounts.c.name) == account.name.lower(), accounts.c.id != account.id
        )
        if conn.execute(same).first() is not None:
            raise ValueError(f"name: an account named {account.name!r} already exists")

    def accounts(self) -> list[Account]:
        """Every account, enabled or not, by sign-in name."""
        self._allow(Permission.ACCOUNTS)
        with self._read() as conn:
            found = conn.execute(select(accounts).order_by(accounts.c.name)).all()
        return [access.account_from(r) for r in found]

    def account(self, name: str) -> Account:
        """One account by its sign-in name (administrators; anyone for their own)."""
        if self.signed_in is None or self.signed_in.name != name:
            self._allow(Permission.ACCOUNTS)
        with self._read() as conn:
            row = conn.execute(select(accounts).where(accounts.c.name == name)).first()
        if row is None:
            raise NotFoundError(f"no account named {name!r}")
        return access.account_from(row)

    def update_account(self, account: Account) -> Account:
        """Change an account's names, role, credentials or disabled flag (never its history).

        The last enabled administrator cannot be disabled or given another role.
        """
        self._allow(Permission.ACCOUNTS)
        with self._write() as conn:
            self._check_unique(conn, account)
            if account.disabled or account.role is not Role.ADMINISTRATOR:
                self._keep_an_administrator(conn, account.id)
            row = access.account_row(account)
            del row["id"]
            v = self._bump(conn, accounts, "account", account.id, account.version, **row)
            self._audit(conn, "account_changed", None, "account", account.id)
        return dataclasses.replace(account, version=v)

    def _keep_an_administrator(self, conn: Connection, changing: str) -> None:
        others = conn.execute(
            select(func.count()).where(
                accounts.c.role == Role.ADMINISTRATOR.value, accounts.c.disabled.is_(False),
                accounts.c.id != changing,
            )
        ).scalar_one()  # fmt: skip
        if not others:
            raise ValueError("role: the last enabled administrator stays one (add another first)")

    def set_password(self, name: str, new: str, *, old: str | None = None) -> None:
        """A new password: an administrator's for anyone, or one's own with the old password."""
        own = self.signed_in is not None and self.signed_in.name == name
        if not (own and old is not None):
            self._allow(Permission.ACCOUNTS)
        hashed = passwords.hash_password(new)
        with self._write() as conn:
            row = conn.execute(select(accounts).where(accounts.c.name == name)).first()
            if row is None:
                raise NotFoundError(f"no account named {name!r}")
            if own and old is not None and not passwords.verify_password(row.password_hash, old):
                raise PermissionDeniedError("the old password is wrong; nothing was changed")
            self._store_hash(conn, row.id, hashed)
            self._audit(conn, "password_changed", None, "account", row.id)

    @staticmethod
    def _store_hash(conn: Connection, account_id: str, hashed: str) -> None:
        conn.execute(
            update(accounts).where(accounts.c.id == account_id)
            .values(password_hash=hashed, failed_attempts=0, locked_until=None)
        )  # fmt: skip

    def audit_trail(
        self, *, client_id: str | None = None, user: str | None = None,
        since: date | None = None, limit: int | None = None,
    ) -> list[AuditEntry]:  # fmt: skip
        """Audit lines, oldest first, filtered by client, account name and first day."""
        self._allow(Permission.AUDIT)
        stmt = select(audit, accounts.c.name).join_from(
            audit, accounts, audit.c.account_id == accounts.c.id, isouter=True
        )
        if client_id is not None:
            stmt = stmt.where(audit.c.client_id == client_id)
        if user is not None:
            stmt = stmt.where(accounts.c.name == user)
        if since is not None:
            start = datetime.combine(since, time()).astimezone()  # local midnight
            stmt = stmt.where(audit.c.at >= access.stamp(start))
        stmt = stmt.order_by(audit.c.seq)
        if limit is not None:
            stmt = stmt.order_by(None).order_by(audit.c.seq.desc()).limit(limit)
        with self._read() as conn:
            found = [access.entry_from(r) for r in conn.execute(stmt)]
        return sorted(found, key=lambda e: e.seq)

    def record_event(
        self, action: str, *, kind: str, record_id: str | None, client_id: str | None = None
    ) -> None:
        """Add an audit line for something done outside the store (a PDF exported, printed).

        A visit's client is looked up when not given.
        """
        if len(action) > 20 or not action.replace("_", "").isalpha():
            raise StoreError(f"not an audit action: {action!r}")
        if not self.accounts_required:
            return
        with self._write() as conn:
            if client_id is None and kind == "visit":
                client_id = conn.execute(
                    select(visits.c.client_id).where(visits.c.id == record_id)
                ).scalar()
            self._audit(conn, action, client_id, kind, record_id)


def _refusal(row: Any, password: str) -> tuple[str | None, bool]:
    """Why a sign-in is refused (None: it is not), and whether the password was wrong."""
    if row is None:
        passwords.burn_time()  # an unknown name takes as long as a wrong password
        return WRONG, False
    now = access.now_utc()
    if row.locked_until and datetime.fromisoformat(row.locked_until) > now:
        wait = int((datetime.fromisoformat(row.locked_until) - now).total_seconds()) + 1
        return f"too many wrong passwords for this account; try again in {wait} s", False
    if not passwords.verify_password(row.password_hash, password):
        return WRONG, True
    if row.disabled:
        return "this account is disabled; an administrator can enable it again", False
    return None, False


def _count(conn: Connection, account_id: str, wrong: bool) -> None:
    """Count a wrong password (and set the wait it earns), or clear the count after a right one."""
    same = accounts.c.id == account_id
    if not wrong:
        conn.execute(
            update(accounts).where(same, accounts.c.failed_attempts > 0)
            .values(failed_attempts=0, locked_until=None)
        )  # fmt: skip
        return
    # Counted in SQL, so wrong passwords typed at two computers at once both count.
    conn.execute(
        update(accounts).where(same).values(failed_attempts=accounts.c.failed_attempts + 1)
    )
    failed = conn.execute(select(accounts.c.failed_attempts).where(same)).scalar_one()
    wait = access.wait_after(failed)
    if wait:
        conn.execute(
            update(accounts).where(same).values(locked_until=access.stamp(access.now_utc() + wait))
        )
