"""What must behave the same on SQLite and PostgreSQL: text order, times, types, locking."""

import dataclasses
import threading
import time
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import text

from bodymap.model.signing import sign
from bodymap.store import ConflictError, Store
from bodymap.store.schema import charts
from tests.store.helpers import client, mark, visit

NAMES = ["Zoe Synthetic", "adam Synthetic", "\u00c9mile Synthetic", "emile Synthetic", "beth Synthetic",
         "\u00f6zlem Synthetic", "Olaf Synthetic", "  Bo   Synthetic"]  # fmt: skip
EXPECTED = ["adam Synthetic", "beth Synthetic", "  Bo   Synthetic", "emile Synthetic",
            "\u00c9mile Synthetic", "Olaf Synthetic", "\u00f6zlem Synthetic", "Zoe Synthetic"]  # fmt: skip


def test_client_list_ignores_case_and_accents(store):
    for name in NAMES:
        store.add_client(client(name))
    assert [h.name for h in store.list_client_headers()] == EXPECTED
    assert [c.name for c in store.list_clients()] == EXPECTED


def test_renaming_a_client_moves_it_in_the_list(store):
    a, b = store.add_client(client("alma Synthetic")), store.add_client(client("Bert Synthetic"))
    store.update_client(dataclasses.replace(a, name="Zelda Synthetic"))
    assert [h.id for h in store.list_client_headers()] == [b.id, a.id]


@pytest.fixture
def new_york(monkeypatch):
    """This computer's local zone is New York for the test (the C library's TZ)."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_instants_are_stored_in_utc_and_read_back_local(store, new_york):
    c = store.add_client(client())
    v = store.add_visit(visit(c.id))
    berlin = timezone(timedelta(hours=2))
    at = datetime(2026, 6, 1, 18, 45, tzinfo=berlin)
    store.sign_visit(sign(v, "T", at))
    with store.engine.connect() as conn:
        stored = conn.execute(text("SELECT signed_at, started_at FROM visits")).one()
    assert stored.signed_at == "2026-06-01T16:45:00+00:00"
    assert stored.started_at == v.started_at.isoformat()  # a wall-clock time, as entered
    got = store.get_visit(v.id)
    assert got.signed_at == at and got.signed_at.utcoffset() == timedelta(hours=-4)
    assert got.signed_at.hour == 12  # 16:45 UTC is 12:45 in New York (summer time)
    (summary,) = store.open_client(c.id).visits
    assert summary.signed_at == at and summary.signed_at.utcoffset() == timedelta(hours=-4)


def test_text_and_numbers_come_back_exactly(store):
    odd = client("\u00d8ystein O'Brien-\u4e2d\u6587 \U0001f600 Synthetic")
    c = store.add_client(dataclasses.replace(odd, notes="line 1\nline 2\ttab \\ %_"))
    assert store.get_client(c.id) == c
    assert store.resolve_client_id(c.id[:6]) == c.id
    with pytest.raises(Exception, match="no client"):
        store.resolve_client_id("%")  # LIKE wildcards are not wildcards here
    v = store.add_visit(visit(c.id))
    precise = mark(7, x=35.123456789012345)
    store.add_item(v.pre_chart.id, precise, version=1)
    assert store.get_visit(v.id).pre_chart.marks[-1].point == precise.point


def test_a_second_writer_waits_then_meets_the_version_check(db, atlas):
    """A writer blocked by another's open transaction waits, then gets a clean conflict."""
    with Store.open(db, atlas=atlas, create=True) as a, Store.open(db, atlas=atlas) as b:
        c = a.add_client(client())
        v = a.add_visit(visit(c.id))
        with a._write() as conn:  # a holds the chart's write lock ...
            a._bump(conn, charts, "chart", v.pre_chart.id, 1)
            result: list[BaseException | int] = []
            t = threading.Thread(
                target=lambda: _capture(result, b.add_item, v.pre_chart.id, mark(), version=1)
            )
            t.start()
            t.join(0.5)
            assert t.is_alive()  # ... so b waits rather than failing at once
        t.join(10)
        assert len(result) == 1 and isinstance(result[0], ConflictError)


def _capture(out, fn, *args, **kw):
    try:
        out.append(fn(*args, **kw))
    except BaseException as exc:  # noqa: BLE001 - handed to the test thread
        out.append(exc)
