"""Synthetic visits for report tests: empty charts, hundreds of strokes, non-Latin names."""

from __future__ import annotations

import random
from datetime import datetime

from bodymap.geometry import Atlas
from bodymap.model import Chart, Client, PainMark, Quality, Stroke, Visit


def client(name: str = "Test Client") -> Client:
    return Client(name=name)


def empty_visit(c: Client) -> Visit:
    return Visit(client_id=c.id, started_at=datetime(2026, 3, 2, 10, 30))


def busy_visit(c: Client, atlas: Atlas, strokes: int = 200, seed: int = 7) -> Visit:
    """A visit whose pre chart has hundreds of random strokes and a mark on every 5th zone."""
    rng = random.Random(seed)
    items = []
    for i in range(strokes):
        view = atlas.views[i % len(atlas.views)]
        zone = rng.choice(atlas.zones_in(view))
        x, y = zone.point
        pts = tuple((x + rng.uniform(-15, 15), y + rng.uniform(-15, 15)) for _ in range(12))
        items.append(Stroke(view=view, points=pts, width=rng.uniform(3, 12),
                            intensity=rng.randint(0, 10), quality=Quality.BURNING))  # fmt: skip
    marks = tuple(
        PainMark(view=z.view, point=z.point, zone=z.id, intensity=i % 11)
        for i, z in enumerate(atlas.zones[::5])
    )
    return Visit(client_id=c.id, started_at=datetime(2026, 3, 9, 14, 0),
                 pre_chart=Chart(marks=marks, strokes=tuple(items)))  # fmt: skip
