"""Connection loss mid-charting: the server stops and restarts; no edit is lost or made twice."""

import pytest

from bodymap.model import AddItem, RemoveItem, SetVisitField, Soap
from bodymap.ops import records as ops
from bodymap.ops.connection import ConnectionWatch, already_applied
from bodymap.ops.editing import edit_visit
from bodymap.store import ConflictError, Store
from bodymap.store.errors import ConnectionLostError
from tests.backends import postgresql_only
from tests.store.helpers import T0, client, mark


@postgresql_only
def test_server_restart_in_the_middle_of_charting(db, atlas, pg_server, backend):
    store = Store.open(db, atlas=atlas)
    c = store.add_client(client())
    doc = edit_visit(store, ops.new_visit(store, client_id=c.id, started_at=T0))
    watch = ConnectionWatch(store)
    states = []
    watch.listeners.append(states.append)
    first = mark(3)
    assert watch.run(AddItem(doc, "pre", first)) is not None  # saved at once

    pg_server.stop()  # the server restarts (or the cable is pulled) mid-charting
    try:
        kept = [AddItem(doc, "pre", mark(7, x=40)), SetVisitField(doc, "soap", Soap(plan="ice"))]
        for command in kept:
            assert watch.run(command) is None  # kept, not lost, no traceback
        assert not watch.online and watch.state.waiting == 2
        assert "cannot be reached" in watch.state.message
        assert not store.reachable() and watch.retry() == []  # still away: still waiting
    finally:
        pg_server.start()

    saved = watch.retry()
    assert [command for command, _ in saved] == kept and watch.online
    assert [s.online for s in states][-1] and not states[0].online
    with Store.open(db, atlas=atlas) as fresh:
        got = fresh.get_visit(doc.visit.id)
    assert [m.id for m in got.pre_chart.marks] == [first.id, kept[0].item.id]
    assert got.soap.plan == "ice" and got == doc.visit
    # Editing goes on as before.
    assert watch.run(RemoveItem(doc, "pre", first.id)) is not None
    store.close()


def test_an_edit_whose_answer_was_lost_is_not_made_twice(store, atlas):
    c = store.add_client(client())
    doc = edit_visit(store, ops.new_visit(store, client_id=c.id, started_at=T0))
    command = AddItem(doc, "pre", mark(5))
    # The commit reached the database but its answer did not: the document never heard.
    stale = doc.visit
    command.apply()
    doc.visit = stale
    watch = ConnectionWatch(store, pending=[command])
    assert already_applied(command, store.get_visit(doc.visit.id))
    (done,) = watch.retry()
    assert watch.online and doc.visit == store.get_visit(doc.visit.id)
    assert len(doc.visit.pre_chart.marks) == 1


def test_a_real_conflict_is_raised_with_later_edits_still_waiting(store, db, atlas):
    c = store.add_client(client())
    v = ops.new_visit(store, client_id=c.id, started_at=T0)
    doc = edit_visit(store, v)
    with Store.open(db, atlas=atlas) as other:  # another room edits the same chart meanwhile
        other.add_item(v.pre_chart.id, mark(9), version=v.pre_chart.version)
    first, second = AddItem(doc, "pre", mark(1)), AddItem(doc, "pre", mark(2, x=40))
    watch = ConnectionWatch(store, pending=[first, second])
    with pytest.raises(ConflictError):
        watch.retry()
    assert watch.pending == [first, second] and not watch.online
    assert watch.discard() == [first, second] and watch.online


def test_unreachable_server_reads_as_one_line():
    from tools.pgserver import free_port

    with pytest.raises(ConnectionLostError, match="^the clinic server cannot be reached"):
        Store.open(f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/clinic")
