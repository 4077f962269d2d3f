"""The client's self-report as a draft: areas marked or shaded, rated, then saved in one go.

Qt-free: the widgets call these use cases. Nothing reaches the visit until the client
confirms the summary, so a half-answered report never lands in the record.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import datetime

from bodymap.geometry import Atlas
from bodymap.geometry.strokes import stroke_shape
from bodymap.model import (
    AddItem,
    Change,
    Chart,
    PainMark,
    Quality,
    RemoveItem,
    Source,
    Stroke,
    UpdateItem,
    Visit,
    VisitDocument,
)
from bodymap.ops import records
from bodymap.ops.editing import edit_visit
from bodymap.store import Store

SLOT = "pre"  # what the client reports is how they feel before treatment
UNRATED = 5  # placeholder intensity until the client answers "How bad is it?"
NOTE_PREFIX = "Client (tablet): "
# What the client may pick for "What does it feel like?" (plain words are in the widgets).
CLIENT_QUALITIES = (
    Quality.ACHING, Quality.BURNING, Quality.SHARP,
    Quality.THROBBING, Quality.TINGLING, Quality.NUMBNESS,
)  # fmt: skip

Area = PainMark | Stroke


class ClientReport:
    """The areas one client marks in one sitting, held in memory until confirmed."""

    def __init__(self, atlas: Atlas, visit: Visit):
        self.atlas, self.visit_id = atlas, visit.id
        scratch = Visit(client_id=visit.client_id, started_at=datetime.now(), pre_chart=Chart())
        self.doc = VisitDocument(scratch)  # no sink: nothing is written yet
        self.rated: set[str] = set()
        self.described: set[str] = set()
        self.note = ""
        self._added: list[str] = []  # ids in the order the client made them

    @property
    def areas(self) -> list[Area]:
        chart = self.doc.visit.chart(SLOT)
        return sorted([*chart.marks, *chart.strokes], key=self._order)

    def _order(self, item: Area) -> int:
        return self._added.index(item.id) if item.id in self._added else 0

    def tap(self, view: str, x: float, y: float) -> Change:
        """Mark the zone under a tap; ValueError when the tap is off the body."""
        cmd = records.mark_point(
            self.doc, atlas=self.atlas, slot=SLOT, view=view, x=x, y=y, intensity=UNRATED,
            source=Source.CLIENT,
        )  # fmt: skip
        return self._added_change(cmd.apply())

    def shade(
        self, view: str, points: Sequence[tuple[float, float]], width: float,
        intensity: int | None = None,
    ) -> Change:  # fmt: skip
        """Shade an area; a stylus gives `intensity` from its pressure, else it is asked later."""
        cmd = records.add_stroke(
            self.doc, atlas=self.atlas, slot=SLOT, view=view, points=points, width=width,
            intensity=UNRATED if intensity is None else intensity, source=Source.CLIENT,
        )  # fmt: skip
        change = self._added_change(cmd.apply())
        if intensity is not None:
            self.rated.add(change.item_id or "")
        return change

    def _added_change(self, change: Change) -> Change:
        self._added.append(change.item_id or "")
        return change

    def remove_last(self) -> Change | None:
        """Take back the most recent area (the client's undo)."""
        if not self._added:
            return None
        item_id = self._added.pop()
        self.rated.discard(item_id)
        self.described.discard(item_id)
        return RemoveItem(self.doc, SLOT, item_id).apply()

    def rate(self, item_id: str, intensity: int) -> Change:
        self.rated.add(item_id)
        return self._update(item_id, intensity=intensity)

    def describe(self, item_id: str, qualities: Iterable[Quality]) -> Change:
        q = tuple(qualities) or (Quality.ACHING,)
        self.described.add(item_id)
        item = self.doc.visit.chart(SLOT).find(item_id)
        if isinstance(item, Stroke):  # shading carries one quality: the first chosen
            return self._update(item_id, quality=q[0])
        return self._update(item_id, qualities=q)

    def _update(self, item_id: str, **changes: object) -> Change:
        item = self.doc.visit.chart(SLOT).find(item_id)
        if item is None:
            raise KeyError(item_id)
        return UpdateItem(self.doc, SLOT, dataclasses.replace(item, **changes)).apply()  # type: ignore[arg-type]

    def main_zone(self, item: Area) -> str:
        """The zone a mark sits in, or the zone a shaded area covers most."""
        if isinstance(item, PainMark):
            return item.zone
        covered = self.atlas.coverage(item.view, stroke_shape(item.points, item.width))
        by_area = {z: f * self.atlas.zone(z).area for z, f in covered.items()}
        return max(by_area, key=by_area.__getitem__)

    def save(self, store: Store) -> Visit:
        """Add every area to the visit's pre-treatment chart as client-reported, and the note."""
        doc = edit_visit(store, store.get_visit(self.visit_id))
        for item in self.areas:
            AddItem(doc, SLOT, dataclasses.replace(item, source=Source.CLIENT)).apply()
        text = self.note.strip()
        if text:
            soap = doc.visit.soap
            joined = "\n".join(s for s in (soap.subjective.rstrip(), NOTE_PREFIX + text) if s)
            records.set_field(doc, "soap", dataclasses.replace(soap, subjective=joined)).apply()
        return doc.visit
