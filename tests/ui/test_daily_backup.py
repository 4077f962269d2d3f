"""Opening the app's resources takes today's rolling backup of the records database."""

from __future__ import annotations

from types import SimpleNamespace

from bodymap.store import Store
from bodymap.ui.shell.startup import open_resources


def test_opening_takes_one_daily_backup(tmp_path):
    db = tmp_path / "clinic.sqlite"
    Store.open(db, create=True).close()
    ctx = SimpleNamespace(db=str(db), atlas_path=None)
    opened = open_resources(ctx)
    assert not isinstance(opened, str), opened
    store, _ = opened
    store.close()
    backups = list((tmp_path / "backups").glob("*.sqlite"))
    assert len(backups) == 1
    opened = open_resources(ctx)  # a second start the same day adds nothing
    assert not isinstance(opened, str)
    opened[0].close()
    assert len(list((tmp_path / "backups").glob("*.sqlite"))) == 1
