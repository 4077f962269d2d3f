"""Store benchmark: open a client with 200 visits, one visit, the full record, and list 10,000
clients, each against raw sqlite3 fetching the same rows as tuples in the same run."""

from __future__ import annotations

import dataclasses
import gc
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from bodymap.model import (
    Chart,
    Client,
    ClientRecord,
    Intake,
    Outcomes,
    PainMark,
    Peg,
    Stroke,
    TreatmentPlan,
    Visit,
)
from bodymap.model.values import new_id
from bodymap.store import Store, rows
from bodymap.store.schema import clients

VISITS, MARKS, STROKES, STROKE_POINTS, CLIENTS = 200, 20, 5, 40, 10_000
# Targets (ms) from the issue; one visit is what the chart screen waits for after a click.
TARGET_OVERVIEW, TARGET_VISIT, TARGET_LIST = 50.0, 5.0, 100.0


class GcClock:
    """Time spent in CPython's cycle collector (a share of building many objects)."""

    def __init__(self) -> None:
        self.ms, self._start = 0.0, 0.0

    def __call__(self, phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.ms += (time.perf_counter() - self._start) * 1000


def median_ms(fn: Callable[[], object], repeat: int = 21) -> tuple[float, float]:
    """The median time of `fn`, and the mean cycle-collector time per call."""
    fn()  # warm up caches
    times, clock = [], GcClock()
    gc.callbacks.append(clock)
    try:
        for _ in range(repeat):
            t = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t) * 1000)
    finally:
        gc.callbacks.remove(clock)
    return statistics.median(times), clock.ms / repeat


def big_client(rng: random.Random, n_visits: int = VISITS) -> ClientRecord:
    c = Client(name="Benchmark Synthetic", date_of_birth=date(1970, 5, 6))
    visits = []
    for i in range(n_visits):
        marks = tuple(
            PainMark(view="front", point=(rng.uniform(0, 440), rng.uniform(0, 960)), zone="left-temple",
                     intensity=rng.randint(0, 10))
            for _ in range(MARKS)
        )  # fmt: skip
        strokes = tuple(
            Stroke(view="back", points=tuple((rng.uniform(0, 440), rng.uniform(0, 960)) for _ in range(STROKE_POINTS)),
                   width=8.0, intensity=rng.randint(0, 10))
            for _ in range(STROKES)
        )  # fmt: skip
        # The post chart repeats half the pre marks, each with an id of its own.
        post = Chart(marks=tuple(dataclasses.replace(m, id=new_id()) for m in marks[: MARKS // 2]))
        visits.append(Visit(
            client_id=c.id, started_at=datetime(2020, 1, 1) + timedelta(days=i),
            pre_chart=Chart(marks=marks, strokes=strokes), post_chart=post,
            outcomes=Outcomes(pain_now=3, pain_worst=rng.randint(0, 10), peg=Peg(3, 4, 5)),
        ))  # fmt: skip
    t0 = datetime(2020, 1, 1)
    intakes = tuple(
        Intake(client_id=c.id, revision=r, recorded_at=t0, chief_complaint="neck") for r in (1, 2)
    )
    plan = TreatmentPlan(client_id=c.id, created_at=t0, goals=("sleep",), planned_visits=6)
    return ClientRecord(c, intakes=intakes, visits=tuple(visits), plans=(plan,))


def other_clients(rng: random.Random, n: int = CLIENTS) -> list[dict[str, object]]:
    return [
        {**rows.client_row(Client(name=f"Synthetic {rng.random():.8f}", contact="555-0100",
                                  date_of_birth=date(1940 + i % 60, 1 + i % 12, 1 + i % 28))),
         "version": 1, "updated_at": "2024-01-01"}
        for i in range(n - 1)
    ]  # fmt: skip


# -- raw sqlite3: the same rows as tuples, on a connection kept open (as the store's pool is)


def _tally(alias: str) -> str:
    def of(what: str, table: str) -> str:
        return f"(SELECT {what} FROM {table} WHERE chart_id = {alias}.id)"

    return ", ".join([
        f"{alias}.id", f"{alias}.version", of("count(*)", "marks"), of("max(intensity)", "marks"),
        of("count(*)", "strokes"), of("max(intensity)", "strokes"), of("count(*)", "findings"),
        of("count(*)", "arrows"),
    ])  # fmt: skip


RAW_SUMMARIES = f"""
    SELECT v.id, v.client_id, v.started_at, v.therapist, v.kind, v.status, v.outcomes,
           v.signed_at, v.signed_by, v.version,
           (SELECT count(*) FROM amendments a WHERE a.visit_id = v.id), {_tally("pre")}, {_tally("post")}
    FROM visits v JOIN charts pre ON pre.visit_id = v.id AND pre.slot = 'pre'
                  JOIN charts post ON post.visit_id = v.id AND post.slot = 'post'
    WHERE v.client_id = ? ORDER BY v.started_at, v.id"""  # fmt: skip


def raw_overview(con: sqlite3.Connection, client_id: str) -> int:
    con.execute("SELECT * FROM clients WHERE id = ?", (client_id,)).fetchall()
    con.execute(
        "SELECT * FROM intakes WHERE client_id = ? ORDER BY revision DESC LIMIT 1", (client_id,)
    ).fetchall()
    con.execute("SELECT * FROM plans WHERE client_id = ?", (client_id,)).fetchall()
    return len(con.execute(RAW_SUMMARIES, (client_id,)).fetchall())


def _raw_items(con: sqlite3.Connection, column: str, key: str) -> int:
    n = 0
    for t in ("marks", "strokes", "findings", "arrows"):
        n += len(con.execute(
            f"SELECT {t}.* FROM {t} JOIN charts c ON {t}.chart_id = c.id "
            f"JOIN visits v ON c.visit_id = v.id WHERE v.{column} = ? ORDER BY {t}.chart_id, {t}.seq",
            (key,),
        ).fetchall())  # fmt: skip
    con.execute(
        f"SELECT a.* FROM amendments a JOIN visits v ON a.visit_id = v.id WHERE v.{column} = ?",
        (key,),
    ).fetchall()
    return n


def raw_visit(con: sqlite3.Connection, visit_id: str) -> int:
    con.execute("SELECT * FROM visits WHERE id = ?", (visit_id,)).fetchall()
    con.execute("SELECT * FROM charts WHERE visit_id = ?", (visit_id,)).fetchall()
    return _raw_items(con, "id", visit_id)


def raw_record(con: sqlite3.Connection, client_id: str) -> int:
    con.execute("SELECT * FROM clients WHERE id = ?", (client_id,)).fetchall()
    con.execute("SELECT * FROM intakes WHERE client_id = ?", (client_id,)).fetchall()
    con.execute("SELECT * FROM plans WHERE client_id = ?", (client_id,)).fetchall()
    con.execute(
        "SELECT * FROM visits WHERE client_id = ? ORDER BY started_at, id", (client_id,)
    ).fetchall()
    con.execute(
        "SELECT c.* FROM charts c JOIN visits v ON c.visit_id = v.id WHERE v.client_id = ?",
        (client_id,),
    ).fetchall()
    return _raw_items(con, "client_id", client_id)


def raw_headers(con: sqlite3.Connection) -> int:
    sql = "SELECT id, name, date_of_birth, archived FROM clients ORDER BY sort_name, name, id"
    return len(con.execute(sql).fetchall())


def raw_clients(con: sqlite3.Connection) -> int:
    return len(con.execute("SELECT * FROM clients ORDER BY sort_name, name, id").fetchall())


def report(
    title: str, store: tuple[float, float], raw: tuple[float, float], target: float | None
) -> bool:
    (store_ms, gc_ms), (raw_ms, _) = store, raw
    goal = f"(target < {target:.0f} ms)" if target else "(no target)"
    met = target is None or store_ms < target
    print(f"{title}")
    print(f"  store {store_ms:8.1f} ms   {goal}{'' if met else '  MISSED'}")
    if gc_ms >= 0.5:
        print(f"        {gc_ms:8.1f} ms   of it (mean) in CPython's cycle collector")
    print(f"  raw   {raw_ms:8.1f} ms   sqlite3, same rows as tuples")
    print(f"  ratio {store_ms / raw_ms:8.2f} x")
    return met


def main() -> int:
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        store = Store.open(path, create=True)
        record = big_client(rng)
        t = time.perf_counter()
        store.import_record(record)
        print(f"setup: imported 1 client, {VISITS} visits in {time.perf_counter() - t:.2f} s")
        with store.engine.begin() as conn:  # bulk setup of the other clients (not measured)
            conn.execute(clients.insert(), other_clients(rng))
        cid, vid = record.client.id, record.visits[VISITS // 2].id
        assert store.load_record(cid) == record
        con = sqlite3.connect(path)
        figures = [
            ("open client: details, latest intake, plans, 200 visit summaries (no chart items)",
             lambda: store.open_client(cid), lambda: raw_overview(con, cid), TARGET_OVERVIEW),
            (f"open one visit: {MARKS + MARKS // 2} marks, {STROKES} strokes -> Visit",
             lambda: store.get_visit(vid), lambda: raw_visit(con, vid), TARGET_VISIT),
            (f"full load_record (export): {VISITS} visits, "
             f"{VISITS * (MARKS + STROKES + MARKS // 2)} marks/strokes",
             lambda: store.load_record(cid), lambda: raw_record(con, cid), None),
            (f"list {CLIENTS} clients -> ClientHeader (list_client_headers)",
             lambda: store.list_client_headers(), lambda: raw_headers(con), TARGET_LIST),
            (f"list {CLIENTS} clients -> full Client (list_clients)",
             lambda: store.list_clients(), lambda: raw_clients(con), None),
        ]  # fmt: skip
        results = [(title, median_ms(s), median_ms(r), goal) for title, s, r, goal in figures]
        con.close()
        store.close()
    ok = all([report(*r) for r in results])
    print("targets met" if ok else "targets missed (absolute times depend on machine load)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
