"""Coordinates at the model boundary for edits and imports alike; CLI imports of bad values."""

import json

import pytest

from bodymap.cli.main import main
from bodymap.model import PainMark, Stroke
from bodymap.ops import records as ops
from bodymap.ops.editing import edit_visit
from bodymap.store import Store
from tests.backends import sqlite_only
from tests.store.helpers import T0, client, visit


def test_an_edit_outside_the_view_is_refused_by_the_store(store):
    c = store.add_client(client())
    v = store.add_visit(visit(c.id))
    far = PainMark(view="front", point=(35, 1e5), zone="right-chest-box", intensity=5)
    with pytest.raises(ValueError, match=r"point: \(35, 100000\) is outside the view"):
        store.add_item(v.pre_chart.id, far, version=1)
    wild = Stroke(view="back", points=((30, 40), (-400, 40)), width=3, intensity=2)
    with pytest.raises(ValueError, match=r"points\[1\]: \(-400, 40\) is outside the view"):
        store.add_item(v.pre_chart.id, wild, version=1)
    assert store.get_visit(v.id) == v  # nothing was written


def test_a_drag_that_leaves_the_view_stops_at_its_edge(store, atlas):
    c = ops.new_client(store, name="Synthetic")
    doc = edit_visit(store, ops.new_visit(store, client_id=c.id, started_at=T0, therapist="T"))
    cmd = ops.add_stroke(doc, atlas=atlas, slot="pre", view="back",
                         points=[(30, 40), (60, 40), (900, -300)], width=4, intensity=3)  # fmt: skip
    cmd.apply()
    assert doc.visit.pre_chart.strokes[0].points == ((30, 40), (60, 40), (105, -5))
    assert store.get_visit(doc.visit.id) == doc.visit


@sqlite_only
@pytest.mark.parametrize(
    ("value", "message"),
    [
        (1e308, "point.x: 1e+308 is above 1e+06"),
        (1000.0, "point: (1000, 45) is outside the view"),
    ],
)
def test_import_json_refuses_far_points_by_name(tmp_path, capsys, atlas, value, message, backend):
    src = tmp_path / "records.sqlite"
    with Store.open(src, atlas=atlas, create=True) as s:
        c = s.add_client(client())
        s.add_visit(visit(c.id))
    out = tmp_path / "c.json"
    assert main(["--db", str(src), "export-json", c.id, "-o", str(out)]) == 0
    data = json.loads(out.read_text())
    data["visits"][0]["pre_chart"]["marks"][0]["point"][0] = value
    out.write_text(json.dumps(data))
    capsys.readouterr()
    other = tmp_path / "other.sqlite"
    status = main(["--db", str(other), "--atlas", str(atlas.source), "import-json", str(out)])
    err = capsys.readouterr().err
    assert status == 1 and "visits[0].pre_chart.marks[0]." + message in err
    assert "Traceback" not in err and not other.exists()  # a refused file creates nothing
