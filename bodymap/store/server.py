"""A database server's failures in words: unreachable, dropped connection, refused login or grant."""

from __future__ import annotations

from bodymap.store.errors import ConnectionLostError, PermissionDeniedError, StoreError

# What psycopg (libpq) and PostgreSQL say when the server is gone or the connection broke:
# a restart, a crash, a network cable out, a wrong host or port.
_UNREACHABLE = (
    "connection refused", "could not connect", "server closed the connection",
    "terminating connection", "connection timeout", "timeout expired", "no route to host",
    "could not translate host name", "network is unreachable", "connection reset",
    "the connection is closed", "connection is lost", "consuming input failed",
    "could not receive data", "could not send data", "the database system is shutting down",
    "the database system is starting up", "server conn crashed", "ssl syscall error",
    "connection not open", "bad connection",
)  # fmt: skip


def is_unreachable(message: str) -> bool:
    """Whether a driver's message says the server cannot be reached (so a retry may succeed)."""
    text = message.lower()
    return any(s in text for s in _UNREACHABLE)


def server_error(message: str) -> StoreError | None:
    """A StoreError for a server-side failure, or None when it is not one of these."""
    text = message.lower()
    if is_unreachable(text):
        return ConnectionLostError(
            "the clinic server cannot be reached (is it running, is the network plugged in?); "
            "nothing was saved this time"
        )
    if "password authentication failed" in text or "no password supplied" in text:
        return PermissionDeniedError(
            "the clinic server refused the database login: check the role's "
            "password (~/.pgpass or PGPASSWORD) with your administrator"
        )
    if "must be owner" in text or "permission denied for schema" in text:  # a schema upgrade
        return PermissionDeniedError(
            "this database role may not change the clinic database's tables (a schema upgrade "
            "is due?): the administrator runs bodymap clinic setup URL as the database's owner; "
            "nothing was changed"
        )
    if "permission denied" in text:
        return PermissionDeniedError(
            f"the clinic server refused it: this database role may not do that "
            f"({message.strip().splitlines()[0]}); nothing was changed"
        )
    if "does not exist" in text and "database" in text:
        return StoreError(f"{message.strip().splitlines()[0]}; create it first")
    return None
