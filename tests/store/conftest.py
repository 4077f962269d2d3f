"""Store test fixtures: a clinic database with one account of each role."""

import pytest

from bodymap.model.accounts import Account, Role
from bodymap.store import Store

PASSWORDS = {"admin": "admin-pass-1", "dana": "dana-pass-22", "fran": "fran-pass-333"}


def make_clinic(db, atlas) -> None:
    """A database with an administrator, a therapist and a front-desk account."""
    with Store.open(db, atlas=atlas, create=True) as s:
        s.add_account(Account("admin", "Ada Admin", Role.ADMINISTRATOR), PASSWORDS["admin"])
        s.sign_in("admin", PASSWORDS["admin"])
        s.add_account(Account("dana", "Dana Lee", Role.THERAPIST, "LMT"), PASSWORDS["dana"])
        s.add_account(Account("fran", "Fran Desk", Role.FRONT_DESK), PASSWORDS["fran"])


@pytest.fixture
def clinic(db, atlas):
    make_clinic(db, atlas)
    opened: list[Store] = []

    def as_(name: str | None) -> Store:
        s = Store.open(db, atlas=atlas)
        opened.append(s)
        if name:
            s.sign_in(name, PASSWORDS[name])
        return s

    yield as_
    for s in opened:
        s.close()
