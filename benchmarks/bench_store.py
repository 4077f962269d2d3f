"""Store benchmark: open a client with 200 visits and list 10,000 clients, against raw sqlite3."""

from __future__ import annotations

import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from bodymap.model import Chart, Client, ClientRecord, Outcomes, PainMark, Peg, Stroke, Visit
from bodymap.store import Store, rows
from bodymap.store.schema import clients

VISITS, MARKS, STROKES, STROKE_POINTS, CLIENTS = 200, 20, 5, 40, 10_000
TARGET_OPEN_MS, TARGET_LIST_MS = 50.0, 100.0


def median_ms(fn: Callable[[], object], repeat: int = 15) -> float:
    fn()  # warm up caches
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def big_client(rng: random.Random) -> ClientRecord:
    c = Client(name="Benchmark Synthetic")
    visits = []
    for i in range(VISITS):
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
        visits.append(Visit(
            client_id=c.id, started_at=datetime(2020, 1, 1) + timedelta(days=i),
            pre_chart=Chart(marks=marks, strokes=strokes), post_chart=Chart(marks=marks[: MARKS // 2]),
            outcomes=Outcomes(pain_now=3, peg=Peg(3, 4, 5)),
        ))  # fmt: skip
    # The post charts reuse the pre marks' ids; give them their own.
    visits = [
        Visit(**{**v.__dict__, "post_chart": Chart(marks=tuple(PainMark(**{**m.__dict__, "id": f"{m.id[:24]}{j:08d}"})
                                                              for j, m in enumerate(v.post_chart.marks)))})
        for v in visits
    ]  # fmt: skip
    return ClientRecord(c, visits=tuple(visits))


def raw_open(path: Path, client_id: str) -> int:
    con = sqlite3.connect(path)
    try:
        vs = con.execute(
            "SELECT * FROM visits WHERE client_id=? ORDER BY started_at, id", (client_id,)
        ).fetchall()
        ids = [v[0] for v in vs]
        q = ",".join("?" * len(ids))
        charts = con.execute(f"SELECT * FROM charts WHERE visit_id IN ({q})", ids).fetchall()
        cids = [c[0] for c in charts]
        q = ",".join("?" * len(cids))
        n = 0
        for table in ("marks", "strokes", "findings", "arrows"):
            n += len(
                con.execute(
                    f"SELECT * FROM {table} WHERE chart_id IN ({q}) ORDER BY chart_id, seq", cids
                ).fetchall()
            )
        con.execute(
            "SELECT * FROM amendments WHERE visit_id IN (" + ",".join("?" * len(ids)) + ")", ids
        ).fetchall()
        return n
    finally:
        con.close()


def raw_list(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return len(con.execute("SELECT * FROM clients ORDER BY name, id").fetchall())
    finally:
        con.close()


def main() -> int:
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        store = Store.open(path)
        record = big_client(rng)
        t = time.perf_counter()
        store.import_record(record)
        print(f"setup: imported 1 client, {VISITS} visits in {time.perf_counter() - t:.2f} s")
        with store.engine.begin() as conn:  # bulk setup of the other clients (not measured)
            conn.execute(clients.insert(), [
                {**rows.client_row(Client(name=f"Synthetic {i:05d}")), "version": 1, "updated_at": "2024-01-01"}
                for i in range(CLIENTS - 1)
            ])  # fmt: skip
        cid = record.client.id
        assert store.visits(cid) == list(record.visits)

        open_ms = median_ms(lambda: store.visits(cid))
        raw_open_ms = median_ms(lambda: raw_open(path, cid))
        list_ms = median_ms(lambda: store.list_clients())
        raw_list_ms = median_ms(lambda: raw_list(path))
        store.close()

    items = VISITS * (MARKS + STROKES + MARKS // 2)
    print(f"open client: {VISITS} visits, {items} marks/strokes -> model objects")
    print(f"  store   {open_ms:8.1f} ms   (target < {TARGET_OPEN_MS:.0f} ms)")
    print(f"  raw     {raw_open_ms:8.1f} ms   sqlite3 fetching the same rows as tuples")
    print(f"  ratio   {open_ms / raw_open_ms:8.2f} x")
    print(f"list clients: {CLIENTS} -> Client objects")
    print(f"  store   {list_ms:8.1f} ms   (target < {TARGET_LIST_MS:.0f} ms)")
    print(f"  raw     {raw_list_ms:8.1f} ms")
    print(f"  ratio   {list_ms / raw_list_ms:8.2f} x")
    ok = open_ms < TARGET_OPEN_MS and list_ms < TARGET_LIST_MS
    print(
        "targets met"
        if ok
        else "targets missed (absolute times depend on machine load; see ratios)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
