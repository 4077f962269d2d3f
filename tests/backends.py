"""Both database backends for the store, ops and CLI tests: SQLite files and a private PostgreSQL.

A test that takes the `db` (or `new_db`, `store`) fixture runs once per backend. One
PostgreSQL server is started per test session (tools/pgserver.py); each test gets a fresh
database on it, dropped afterwards. If the server cannot start, those tests fail: a run that
quietly leaves PostgreSQL out is not a pass (see pytest_sessionfinish below).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

BACKENDS = ("sqlite", "postgresql")
PG_TEST = re.compile(r"[\[-]postgresql[\]-]")
# For a test about SQLite files themselves (pages, WAL, file copies): parametrize the backend.
sqlite_only = pytest.mark.parametrize("backend", ["sqlite"])
postgresql_only = pytest.mark.parametrize("backend", ["postgresql"])

_names = itertools.count(1)
_skipped_pg: list[str] = []


@pytest.fixture(scope="session")
def pg_server() -> Iterator:
    """The session's private PostgreSQL server (started on first use, removed at the end)."""
    from tools.pgserver import PgServer, PgUnavailable

    try:
        server = PgServer().start()
    except PgUnavailable as exc:
        pytest.fail(f"PostgreSQL tests cannot run: {exc}", pytrace=False)
    yield server
    server.remove()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def new_db(
    request: pytest.FixtureRequest, tmp_path: Path, backend: str
) -> Iterator[Callable[..., str | Path]]:
    """Make a fresh, empty database on this test's backend: a file path or a server URL."""
    made: list[str] = []

    def make(name: str = "bodymap") -> str | Path:
        if backend == "sqlite":
            return tmp_path / "records" / f"{name}.sqlite"
        server = request.getfixturevalue("pg_server")
        made.append(f"t{next(_names)}_{name}".lower())
        return server.create_database(made[-1])

    yield make
    if made:
        server = request.getfixturevalue("pg_server")
        for name in made:  # FORCE: a test that left a connection open does not block the drop
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def db(new_db: Callable[..., str | Path]) -> str | Path:
    """This test's database: a file path (SQLite) or a URL (PostgreSQL)."""
    return new_db()


@pytest.fixture
def store(db: str | Path, atlas: object) -> Iterator:
    """A store on a fresh database, once per backend."""
    from bodymap.store import Store

    s = Store.open(db, atlas=atlas, create=True)  # type: ignore[arg-type]
    yield s
    s.close()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and PG_TEST.search(report.nodeid):
        _skipped_pg.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _skipped_pg:
        print(f"\n{len(_skipped_pg)} PostgreSQL test(s) were skipped; that is a failure:")
        for nodeid in _skipped_pg[:20]:
            print(f"  {nodeid}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
