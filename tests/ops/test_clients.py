"""Client search, visits newest first, starting a visit from the last chart, moving and editing
chart items: the use cases the client list and the map call, run without Qt."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from bodymap.model import Chart, Quality, Stroke
from bodymap.ops import clients
from bodymap.ops import records as ops
from bodymap.ops.editing import edit_visit
from tests.store.helpers import T0, chart, visit


def test_search_by_name_or_birth_date_prefix_skips_archived(store):
    ada = clients.add_client(store, name="  Ada Synthetic ", date_of_birth=date(1980, 2, 29))
    bo = clients.add_client(store, name="Bo Synthetic", date_of_birth=date(1991, 7, 3))
    store.update_client(dataclasses.replace(bo, archived=True))
    assert ada.name == "Ada Synthetic"
    assert [c.id for c in clients.search_clients(store, " ada ")] == [ada.id]
    assert [c.id for c in clients.search_clients(store, "1980-02")] == [ada.id]
    assert clients.search_clients(store, "1991") == []  # archived
    assert [c.id for c in clients.search_clients(store)] == [ada.id]


def test_visits_newest_first_and_load_visit(store):
    c = clients.add_client(store, name="Synthetic")
    first, second = store.add_visit(visit(c.id, 0)), store.add_visit(visit(c.id, 7))
    assert [v.id for v in clients.client_visits(store, c.id)] == [second.id, first.id]
    assert clients.load_visit(store, first.id) == first


def test_start_from_previous_copies_the_latest_chart_with_fresh_ids(store):
    c = clients.add_client(store, name="Synthetic")
    last = store.add_visit(visit(c.id))  # its post chart has one mark, so that one is copied
    started = clients.start_visit(store, client_id=c.id, from_previous=True)
    pre = started.pre_chart
    assert [m.intensity for m in pre.marks] == [m.intensity for m in last.post_chart.marks]
    assert {i.id for i in pre.marks}.isdisjoint({i.id for i in last.post_chart.marks})
    assert started.therapist == last.therapist and started.post_chart.is_empty
    assert store.get_visit(started.id) == started
    plain = clients.start_visit(store, client_id=c.id)
    assert plain.pre_chart.is_empty and plain.therapist == ""


def test_copy_chart_keeps_every_item_under_new_ids():
    original = chart(3)
    copy = clients.copy_chart(original)
    for kind in ("marks", "strokes", "findings", "arrows"):
        before, after = getattr(original, kind), getattr(copy, kind)
        assert len(before) == len(after) > 0
        assert [b.id for b in before] != [a.id for a in after]
    assert clients.copy_chart(Chart()).is_empty


def test_move_item_takes_the_zone_of_the_new_point_and_refuses_outside(store, atlas):
    c = clients.add_client(store, name="Synthetic")
    doc = edit_visit(store, ops.new_visit(store, client_id=c.id, started_at=T0))
    mark = ops.mark_point(doc, atlas=atlas, slot="pre", view="front", x=35, y=45, intensity=4)
    item_id = mark.apply().item_id
    moved = ops.move_item(doc, atlas, "pre", item_id, 65, 20).apply()
    assert moved.item.zone == "left-crown" and moved.item.point == (65, 20)
    with pytest.raises(ValueError, match=r"point: \(5, 5\) is outside the body on the front view"):
        ops.move_item(doc, atlas, "pre", item_id, 5, 5)
    with pytest.raises(KeyError):
        ops.move_item(doc, atlas, "pre", "no-such-id", 35, 45)


def test_edit_mark_and_stroke_qualities_then_delete(store, atlas):
    c = clients.add_client(store, name="Synthetic")
    doc = edit_visit(store, ops.new_visit(store, client_id=c.id, started_at=T0))
    mark_id = ops.mark_point(
        doc, atlas=atlas, slot="pre", view="front", x=35, y=45, intensity=4,
        qualities=(Quality.OTHER,), other_text="tingly",
    ).apply().item_id  # fmt: skip
    stroke = ops.add_stroke(doc, atlas=atlas, slot="pre", view="back", points=[(30, 40), (40, 41)],
                            width=4, intensity=3)  # fmt: skip
    stroke_id = stroke.apply().item_id
    edited = ops.edit_mark(doc, "pre", mark_id, intensity=8, qualities=[Quality.BURNING]).apply()
    assert (edited.item.intensity, edited.item.qualities, edited.item.other_text) == (
        8,
        (Quality.BURNING,),
        "",
    )
    shaded = ops.edit_mark(doc, "pre", stroke_id, qualities=[]).apply().item
    assert isinstance(shaded, Stroke) and shaded.quality == Quality.ACHING and shaded.intensity == 3
    ops.delete_item(doc, "pre", mark_id).apply()
    assert store.get_visit(doc.visit.id).pre_chart.find(mark_id) is None
