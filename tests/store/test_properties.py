"""Property tests: any valid client round-trips through the store; invalid imports change nothing."""

import json

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect, text

from bodymap.model.codec import DecodeError, record_to_json
from bodymap.model.overview import client_overview, visit_summary
from bodymap.ops.portable import import_client_json
from bodymap.store import Store, StoreError
from tests.backends import BACKENDS
from tests.model.strategies import records

SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def dump(store: Store) -> list[str]:
    """Every row of every table, for before/after comparisons."""
    out = []
    with store.engine.connect() as conn:
        for name in sorted(inspect(conn).get_table_names()):
            out += [
                f"{name}:{tuple(r)}"
                for r in conn.exec_driver_sql(f'SELECT * FROM "{name}" ORDER BY 1')
            ]
    return sorted(out)


def forget(store: Store, client_id: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM clients WHERE id = :id"), {"id": client_id})


@pytest.fixture(scope="module", params=BACKENDS)
def shared_store(request, tmp_path_factory, atlas):
    from tests.store.helpers import client, visit

    if request.param == "sqlite":
        target = tmp_path_factory.mktemp("prop") / "bodymap.sqlite"
    else:
        target = request.getfixturevalue("pg_server").create_database("properties")
    s = Store.open(target, atlas=atlas, create=True)
    resident = s.add_client(client("Resident Synthetic"))  # so "nothing changed" means something
    s.add_visit(visit(resident.id))
    yield s
    s.close()


@SETTINGS
@given(records())
def test_any_valid_record_round_trips_through_the_store(shared_store, record):
    shared_store.import_record(record)
    try:
        assert shared_store.load_record(record.client.id) == record
        assert shared_store.get_client(record.client.id) == record.client
        assert shared_store.visits(record.client.id) == list(record.visits)
        # The light views agree with the full load, whatever the record holds.
        loaded = shared_store.load_record(record.client.id)
        assert shared_store.open_client(record.client.id) == client_overview(loaded)
        for v in loaded.visits:
            assert shared_store.get_visit(v.id) == v
            assert shared_store.visit_summary(v.id) == visit_summary(v)
    finally:
        forget(shared_store, record.client.id)


def _break(data: dict, how: str) -> str | None:
    """Make one field of an exported record invalid; returns the expected path, or None."""
    marks = [(i, s, j) for i, v in enumerate(data["visits"]) for s in ("pre_chart", "post_chart")
             for j, _ in enumerate(v[s]["marks"])]  # fmt: skip
    if how == "intensity" and marks:
        i, s, j = marks[-1]
        data["visits"][i][s]["marks"][j]["intensity"] = 11
        return f"visits[{i}].{s}.marks[{j}].intensity: 11 is above 10"
    if how == "zone" and marks:
        i, s, j = marks[0]
        data["visits"][i][s]["marks"][j]["zone"] = "left-tail"
        return f"visits[{i}].{s}.marks[{j}].zone: 'left-tail' is not a zone of this atlas"
    if how == "date" and data["visits"]:
        data["visits"][-1]["started_at"] = "13/13/2024"
        return f"visits[{len(data['visits']) - 1}].started_at"
    if how == "name":
        data["client"]["name"] = 42
        return "client.name: 42 is not text"
    if how == "version":
        data["format_version"] = 0
        return "format_version"
    return None


@SETTINGS
@given(records(), st.sampled_from(["intensity", "zone", "date", "name", "version"]))
def test_invalid_import_changes_nothing(shared_store, tmp_path, atlas, record, how):
    before = dump(shared_store)
    data = json.loads(record_to_json(record))
    expected = _break(data, how)
    assume(expected is not None)  # a record without marks or visits cannot break that way
    f = tmp_path / "client.json"
    f.write_text(json.dumps(data))
    with pytest.raises(DecodeError) as err:
        import_client_json(shared_store, f, atlas)
    assert any(e.startswith(expected) for e in err.value.errors), err.value.errors
    assert dump(shared_store) == before


def test_import_failing_inside_the_transaction_changes_nothing(store, tmp_path, atlas):
    """An id clash deep in the record aborts the whole import (all or nothing at the database)."""
    from tests.store.helpers import client, visit

    c = store.add_client(client())
    existing = store.add_visit(visit(c.id))
    other = client("Other Synthetic")
    clash = visit(other.id, 3)
    import dataclasses

    clash = dataclasses.replace(clash, id=existing.id)  # a visit id already stored
    from bodymap.model import ClientRecord

    before = dump(store)
    f = tmp_path / "clash.json"
    f.write_text(record_to_json(ClientRecord(other, visits=(visit(other.id, 1), clash))))
    with pytest.raises(StoreError, match="nothing was saved"):
        import_client_json(store, f, atlas)
    assert dump(store) == before
