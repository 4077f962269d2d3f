"""PDF reports: visit chart, comparison and 50-visit progress against a bare reportlab page.

Run: .venv/bin/python benchmarks/bench_export.py
Targets: visit chart and comparison under 150 ms, progress (50 visits) under 1 s, files < 500 KB.
"""

from __future__ import annotations

import io
import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from bodymap.export import render_comparison, render_progress, render_visit_chart
from bodymap.geometry import load_atlas
from bodymap.model import Visit
from bodymap.model.values import new_id
from bodymap.ops.demo import build_demo_record

REPEAT = 7


def bare_page() -> bytes:
    """The baseline: reportlab's own cost of a one-page document with a line of text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canv = Canvas(out, pagesize=A4)
    canv.setFont("Helvetica", 12)
    canv.drawString(72, 770, "Baseline page")
    canv.rect(72, 600, 200, 100)
    canv.showPage()
    canv.save()
    return out.getvalue()


def timed(fn: Callable[[], bytes]) -> tuple[float, float, int]:
    """(first call, median of later calls) in ms, and the output size in bytes."""
    t = time.perf_counter()
    data = fn()
    first = (time.perf_counter() - t) * 1000
    runs = []
    for _ in range(REPEAT):
        t = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t) * 1000)
    return first, statistics.median(runs), len(data)


def fifty_visits(visits: tuple[Visit, ...]) -> list[Visit]:
    """50 weekly visits cycling through the demo's charts and outcomes."""
    start = visits[0].started_at
    return [
        replace(visits[i % len(visits)], id=new_id(), started_at=start + timedelta(days=7 * i))
        for i in range(50)
    ]


def main() -> None:
    atlas = load_atlas()
    record = build_demo_record(atlas, start=date(2026, 1, 5))
    client, visits = record.client, record.visits
    many = fifty_visits(visits)
    cases: list[tuple[str, Callable[[], bytes], float]] = [
        ("bare reportlab page (baseline)", bare_page, 0),
        ("visit chart (demo intake)", lambda: render_visit_chart(client, visits[0], atlas), 150),
        ("comparison pre vs post", lambda: render_comparison(client, visits[0], atlas), 150),
        ("comparison first vs latest visit (a draft)",
         lambda: render_comparison(client, visits[0], atlas, other=visits[-1],
                                   include_drafts=True), 150),
        ("progress, 7 demo visits",
         lambda: render_progress(client, visits, atlas, include_drafts=True), 1000),
        ("progress, 50 visits",
         lambda: render_progress(client, many, atlas, include_drafts=True), 1000),
    ]  # fmt: skip
    print(f"{'report':44} {'first ms':>9} {'median ms':>10} {'x base':>8} {'KB':>7}  target")
    base = None
    for name, fn, target in cases:
        first, median, size = timed(fn)
        base = base or median
        verdict = "" if not target else ("ok" if median < target and size < 500_000 else "MISSED")
        goal = f"<{target:.0f} ms, <500 KB {verdict}" if target else ""
        print(
            f"{name:44} {first:9.1f} {median:10.1f} {median / base:8.0f} {size / 1024:7.1f}  {goal}"
        )
    print(f"(first call includes loading the fonts; medians of {REPEAT} runs)")


if __name__ == "__main__":
    main()
