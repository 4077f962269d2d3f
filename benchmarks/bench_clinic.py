"""Clinic benchmark on a private PostgreSQL server (fsync on): rooms charting at once, and the
client screens, each against raw psycopg in the same run.

Load: 8 processes (rooms) each charting its own visits, plus 2 charting the same visits, for
60 s, with sign-in and the audit trail on as in a clinic; every committed edit must be found
afterwards. Rooms chart as fast as they can (no pause between edits) and move to the next
visit every 40 items, the size of a busy real chart, rather than growing one chart to thousands. Baseline: the same number of processes doing raw psycopg INSERT + COMMIT of one
mark row. Then: open a client with 200 visits and list 10,000 clients (and 10x both) against
raw SQL fetching the same rows. `--seconds N` shortens the load phase.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_store import (  # noqa: E402
    RAW_SUMMARIES,
    big_client,
    median_ms,
    other_clients,
)

from bodymap.model import AddItem, Client, PainMark, Stroke  # noqa: E402
from bodymap.model.accounts import Account, Role  # noqa: E402
from bodymap.ops import records as ops  # noqa: E402
from bodymap.ops.editing import edit_visit  # noqa: E402
from bodymap.store import ConflictError, Store, clinic  # noqa: E402
from bodymap.store.schema import clients  # noqa: E402
from tools.pgserver import PgServer  # noqa: E402

ROOMS, SHARED, SECONDS = 8, 2, 60
CHART_SIZE = 40  # items on one chart before a room moves on to its next visit
PASSWORD = "bench-password"
# Targets: a room's commit costs at most this many raw INSERT+COMMITs (p50, p95). A bodymap
# edit is one transaction of 7 statements (connection check, the visit's status, the chart's
# version bump, the audit line, the item's position, the insert, the commit) against the
# baseline's one, and builds the new chart in Python, on 2 shared cores with 10 rooms.
TARGET_COMMIT_RATIO = 10.0
TARGET_OVERVIEW, TARGET_LIST = 50.0, 100.0  # ms, as bench_store's


def room(url: str, client_id: str, shared: list[str], go: Any, seconds: float,
         out: mp.Queue) -> None:  # fmt: skip
    """One room charting as fast as it can until the time is up; reports what it committed.

    A room with no `shared` visits charts its own: a new visit of its client each time the
    chart holds CHART_SIZE items (the next session, as in a day of work). Rooms given the same
    `shared` list chart those visits together, moving on at the same size.
    """
    store = Store.open(url)
    store.sign_in("dana", PASSWORD)
    rng = random.Random(f"{client_id}{len(shared)}{id(go)}")
    committed: dict[str, list[str]] = {}
    latencies, conflicts, turn = [], 0, 0

    def next_doc():
        if shared:
            return edit_visit(store, store.get_visit(shared[turn]))
        return edit_visit(store, ops.new_visit(store, client_id=client_id, started_at=_t0()))

    doc = next_doc()
    out.put("ready")
    go.wait()
    end = time.time() + seconds
    while time.time() < end:
        chart = doc.visit.pre_chart
        if len(chart.marks) + len(chart.strokes) >= CHART_SIZE:
            turn += 1
            doc = next_doc()
        xy = (rng.uniform(150, 290), rng.uniform(200, 600))
        item = (
            Stroke(view="front", points=(xy, (xy[0] + 5, xy[1] + 9)), width=8, intensity=5)
            if rng.random() < 0.2
            else PainMark(view="front", point=xy, zone="left-temple", intensity=rng.randint(0, 10))
        )
        t = time.perf_counter()
        try:
            AddItem(doc, "pre", item).apply()
        except ConflictError:
            conflicts += 1  # the other room on this visit got there first: reload, go on
            doc.visit = store.get_visit(doc.visit.id)
            continue
        latencies.append(time.perf_counter() - t)
        committed.setdefault(doc.visit.id, []).append(item.id)
    store.close()
    out.put((committed, latencies, conflicts))


def raw_room(dsn: str, chart_id: str, go: Any, seconds: float, out: mp.Queue) -> None:
    """The baseline: one psycopg INSERT of a mark row and its COMMIT, as fast as it can."""
    import psycopg

    from bodymap.model.values import new_id

    latencies = []
    with psycopg.connect(dsn, autocommit=True) as conn:
        out.put("ready")
        go.wait()
        end, seq = time.time() + seconds, 0
        while time.time() < end:
            t = time.perf_counter()
            conn.execute(
                "INSERT INTO marks (id, chart_id, seq, view, x, y, zone, intensity, qualities, "
                "other_text, source, note) VALUES (%s, %s, %s, 'front', 1, 2, 'left-temple', 5, "
                "'aching', '', 'therapist', '')",
                (new_id(), chart_id, seq),
            )
            latencies.append(time.perf_counter() - t)
            seq += 1
    out.put(({}, latencies, 0))


def run_rooms(target, args_of, n: int, seconds: float) -> list[tuple]:
    """Start `n` processes, let them all get ready, start the clock together, collect results."""
    ctx = mp.get_context("spawn")
    out: mp.Queue = ctx.Queue()
    go = ctx.Event()  # set once every process has started, signed in and opened its visit
    procs = [ctx.Process(target=target, args=(*args_of(i), go, seconds, out)) for i in range(n)]
    for p in procs:
        p.start()
    for _ in procs:
        assert out.get(timeout=300) == "ready"
    go.set()
    results = [out.get(timeout=seconds + 120) for _ in procs]
    for p in procs:
        p.join(30)
    return results


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] * 1000 if len(values) > 1 else 0.0


def load_phase(server: PgServer, seconds: float) -> bool:
    url = server.create_database("clinic_load")
    clinic.setup(url, admin="admin", full_name="Admin", password=PASSWORD)
    with Store.open(url) as s:
        s.sign_in("admin", PASSWORD)
        s.add_account(Account("dana", "Dana Lee", Role.THERAPIST, "LMT"), PASSWORD)
        s.sign_out()
        s.sign_in("dana", PASSWORD)
        client_ids = [s.add_client(Client(name=f"Load Synthetic {i}")).id for i in range(ROOMS + 1)]
        shared = [ops.new_visit(s, client_id=client_ids[-1], started_at=_t0()).id
                  for _ in range(int(seconds * 10) + 10)]  # fmt: skip
    print(f"load: {ROOMS} rooms each on its own visits + {SHARED} on the same visits, "
          f"{seconds:g} s, a new visit every {CHART_SIZE} items")  # fmt: skip
    plan = [(client_ids[i], []) for i in range(ROOMS)] + [(client_ids[-1], shared)] * SHARED
    results = run_rooms(room, lambda i: (url, *plan[i]), ROOMS + SHARED, seconds)
    committed: dict[str, list[str]] = {}
    latencies, conflicts = [], 0
    for done, lat, conf in results:
        for visit_id, ids in done.items():
            committed.setdefault(visit_id, []).extend(ids)
        latencies += lat
        conflicts += conf
    with Store.open(url) as s:
        s.sign_in("dana", PASSWORD)
        found = {}
        for visit_id in committed:
            chart = s.get_visit(visit_id).pre_chart
            found[visit_id] = [x.id for x in (*chart.marks, *chart.strokes)]
        stored_total = (
            s.engine.connect()
            .exec_driver_sql("SELECT (SELECT count(*) FROM marks) + (SELECT count(*) FROM strokes)")
            .scalar()
        )
    n_committed = sum(len(v) for v in committed.values())
    n_found = sum(len(v) for v in found.values())
    same = all(sorted(committed[v]) == sorted(found[v]) for v in committed)
    same &= stored_total == n_committed  # and nothing anywhere else either
    # The baseline: as many processes, raw INSERT + COMMIT of one row each time.
    with Store.open(url) as s, s.engine.connect() as conn:
        chart_id = conn.exec_driver_sql("SELECT id FROM charts LIMIT 1").scalar()
    raw_seconds = max(10.0, seconds / 3)
    raw = run_rooms(raw_room, lambda i: (server.dsn("clinic_load"), chart_id), ROOMS + SHARED,
                    raw_seconds)  # fmt: skip
    raw_lat = [x for r in raw for x in r[1]]
    p50, p95, r50, r95 = pct(latencies, 50), pct(latencies, 95), pct(raw_lat, 50), pct(raw_lat, 95)
    print(f"  edits committed      {n_committed:8d}  ({n_committed / seconds:.0f}/s over all rooms, "
          f"{len(committed)} visits)")  # fmt: skip
    print(
        f"  edits found after    {n_found:8d}  {'equal, each on its visit' if same else 'MISMATCH'}"
    )
    print(
        f"  conflicts raised     {conflicts:8d}  (cleanly: ConflictError, reloaded, charting went on)"
    )
    print(
        f"  commit p50 / p95     {p50:8.1f} / {p95:.1f} ms  (bodymap edit: model + store + audit line)"
    )
    print(f"  raw INSERT p50 / p95 {r50:8.1f} / {r95:.1f} ms  (psycopg, one row + COMMIT, "
          f"{len(raw_lat)} in {raw_seconds:g} s)")  # fmt: skip
    ratio50, ratio95 = p50 / r50, p95 / r95
    met = ratio50 <= TARGET_COMMIT_RATIO and ratio95 <= TARGET_COMMIT_RATIO
    print(f"  ratio p50 / p95      {ratio50:8.2f} / {ratio95:.2f} x  (target <= "
          f"{TARGET_COMMIT_RATIO:g} x){'' if met else '  MISSED'}")  # fmt: skip
    return same and n_committed == n_found and met


def _t0():
    from datetime import datetime

    return datetime(2026, 1, 5, 9, 0)


def screens_phase(server: PgServer, scale: int) -> bool:
    import psycopg

    name = f"clinic_screens_{scale}"
    url = server.create_database(name)
    rng = random.Random(scale)
    n_visits, n_clients = 200 * scale, 10_000 * scale
    with Store.open(url) as store:
        record = big_client(rng, n_visits)
        t = time.perf_counter()
        store.import_record(record)
        with store.engine.begin() as conn:
            conn.execute(clients.insert(), other_clients(rng, n_clients))
        print(f"screens x{scale}: 1 client with {n_visits} visits, {n_clients} clients "
              f"(set up in {time.perf_counter() - t:.1f} s)")  # fmt: skip
        cid = record.client.id
        raw = psycopg.connect(server.dsn(name), autocommit=True)
        summaries = RAW_SUMMARIES.replace("?", "%s")

        def raw_overview() -> int:
            raw.execute("SELECT * FROM clients WHERE id = %s", (cid,)).fetchall()
            raw.execute("SELECT * FROM intakes WHERE client_id = %s ORDER BY revision DESC LIMIT 1",
                        (cid,)).fetchall()  # fmt: skip
            raw.execute("SELECT * FROM plans WHERE client_id = %s", (cid,)).fetchall()
            return len(raw.execute(summaries, (cid,)).fetchall())

        def raw_list() -> int:
            sql = (
                "SELECT id, name, date_of_birth, archived FROM clients ORDER BY sort_name, name, id"
            )
            return len(raw.execute(sql).fetchall())

        ok = True
        for title, mine, base, target in (
            (f"open client ({n_visits} visit summaries)", lambda: store.open_client(cid),
             raw_overview, TARGET_OVERVIEW * scale),
            (f"list {n_clients} clients", store.list_client_headers, raw_list, TARGET_LIST * scale),
        ):  # fmt: skip
            (s_ms, _), (r_ms, _) = median_ms(mine, 11), median_ms(base, 11)
            met = s_ms < target
            ok &= met
            print(f"  {title:<34} store {s_ms:7.1f} ms  raw {r_ms:7.1f} ms  ratio "
                  f"{s_ms / r_ms:5.2f} x  (target < {target:.0f} ms){'' if met else '  MISSED'}")  # fmt: skip
        raw.close()
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=SECONDS)
    args = parser.parse_args()
    server = PgServer(durable=True).start()
    try:
        import psycopg  # noqa: F401  (the baseline's driver; fail early if missing)

        print(f"private PostgreSQL on port {server.port} (fsync on)")
        ok = load_phase(server, args.seconds)
        for scale in (1, 10):
            ok &= screens_phase(server, scale)
    finally:
        server.remove()
    print("targets met" if ok else "targets missed (see MISSED above)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
