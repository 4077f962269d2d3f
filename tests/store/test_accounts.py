"""Accounts on a shared database: sign-in, wrong passwords, roles the store enforces, signing."""

import dataclasses
from datetime import timedelta

import pytest
from sqlalchemy import select

from bodymap.model.accounts import Account, Permission, Role
from bodymap.ops import records as ops
from bodymap.store import Store, access
from bodymap.store.errors import PermissionDeniedError, SignInRequiredError
from bodymap.store.schema import accounts, audit
from tests.store.conftest import PASSWORDS
from tests.store.helpers import client, intake, mark, plan, visit


def test_without_accounts_nothing_changes_and_nothing_is_audited(store):
    assert not store.accounts_required and store.may(Permission.ACCOUNTS)
    c = store.add_client(client())
    v = store.add_visit(visit(c.id))
    store.add_item(v.pre_chart.id, mark(), version=1)
    store.open_client(c.id)
    ops.sign_visit(store, store.get_visit(v.id), by="Free Text Signer")
    with store.engine.connect() as conn:
        assert conn.execute(select(audit)).all() == []


def test_the_first_account_turns_sign_in_on(db, atlas):
    with Store.open(db, atlas=atlas, create=True) as s:
        with pytest.raises(ValueError, match="first account of a database is an administrator"):
            s.add_account(Account("dana", "Dana Lee", Role.THERAPIST), "long enough")
        s.add_client(client())
        s.add_account(Account("admin", "Ada Admin", Role.ADMINISTRATOR), "long enough")
    with Store.open(db, atlas=atlas) as s:
        assert s.accounts_required
        with pytest.raises(SignInRequiredError, match="sign in first"):
            s.list_client_headers()


def test_wrong_passwords_make_the_account_wait(clinic, monkeypatch):
    s = clinic(None)
    with pytest.raises(PermissionDeniedError, match="wrong name or password"):
        s.sign_in("nobody", "whatever-it-is")
    for _ in range(access.FREE_TRIES):
        with pytest.raises(PermissionDeniedError, match="^wrong name or password$"):
            s.sign_in("dana", "not-her-password")
    # Now even the right password waits, unchecked, and trying again does not end the wait.
    for _ in range(2):
        with pytest.raises(PermissionDeniedError, match=r"too many wrong passwords.*in \d+ s"):
            s.sign_in("dana", PASSWORDS["dana"])
    later = access.now_utc() + timedelta(seconds=access.FIRST_WAIT_S + 1)
    monkeypatch.setattr(access, "now_utc", lambda: later)
    assert s.sign_in("dana", PASSWORDS["dana"]).name == "dana"
    with s.engine.connect() as conn:
        row = conn.execute(select(accounts).where(accounts.c.name == "dana")).one()
    assert row.failed_attempts == 0 and row.locked_until is None
    assert access.wait_after(50) == timedelta(seconds=access.LONGEST_WAIT_S)


def test_a_disabled_account_keeps_its_history(clinic):
    dana = clinic("dana")
    c = dana.add_client(client())
    v = ops.sign_visit(dana, dana.add_visit(visit(c.id)))
    admin = clinic("admin")
    account = admin.account("dana")
    admin.update_account(dataclasses.replace(account, disabled=True))
    with pytest.raises(PermissionDeniedError, match="disabled"):
        clinic(None).sign_in("dana", PASSWORDS["dana"])
    trail = admin.audit_trail(user="dana")
    assert [e.action for e in trail] == [
        "signed_in",
        "created",
        "created",
        "signed",
        "sign_in_refused",
    ]
    assert trail[3].record_id == v.id and trail[3].client_id == c.id
    admin.update_account(dataclasses.replace(admin.account("dana"), disabled=False))
    assert clinic("dana").signed_in.name == "dana"
    with pytest.raises(ValueError, match="last enabled administrator"):
        admin.update_account(dataclasses.replace(admin.account("admin"), disabled=True))


def test_front_desk_keeps_to_clients_appointments_and_intakes(clinic):
    dana = clinic("dana")
    c = dana.add_client(client())
    v = dana.add_visit(visit(c.id))
    desk = clinic("fran")
    desk.update_client(dataclasses.replace(desk.get_client(c.id), contact="555-0199"))
    desk.add_intake(intake(c.id))
    desk.add_plan(plan(c.id))
    seen = desk.open_client(c.id)
    assert seen.visits == () and seen.intake is not None and len(seen.plans) == 1
    assert len(dana.open_client(c.id).visits) == 1
    for refused in (
        lambda: desk.get_visit(v.id),
        lambda: desk.add_visit(visit(c.id, 1)),
        lambda: desk.add_item(v.pre_chart.id, mark(), version=1),
        lambda: desk.load_record(c.id),
        lambda: desk.audit_trail(),
        lambda: desk.accounts(),
    ):
        with pytest.raises(PermissionDeniedError, match="a front desk may not"):
            refused()
    assert dana.get_visit(v.id).pre_chart.version == 1  # nothing was changed


def test_administrators_manage_accounts_but_read_no_clinical_notes(clinic):
    dana = clinic("dana")
    c = dana.add_client(client())
    v = dana.add_visit(visit(c.id))
    admin = clinic("admin")
    assert [a.name for a in admin.accounts()] == ["admin", "dana", "fran"]
    with pytest.raises(PermissionDeniedError, match="an? administrator may not read visits"):
        admin.get_visit(v.id)
    with pytest.raises(PermissionDeniedError, match="a therapist may not manage accounts"):
        dana.add_account(Account("eve", "Eve", Role.ADMINISTRATOR), "long enough")
    with pytest.raises(PermissionDeniedError, match="a therapist may not read the audit trail"):
        dana.audit_trail()


def test_signing_and_amending_are_the_signed_in_therapists(clinic):
    dana = clinic("dana")
    c = dana.add_client(client())
    v = dana.add_visit(visit(c.id))
    with pytest.raises(
        PermissionDeniedError, match="as the signed-in therapist \\(Dana Lee, LMT\\)"
    ):
        ops.sign_visit(dana, v, by="Someone Else")
    signed = ops.sign_visit(dana, v)
    assert signed.signed_by == "Dana Lee, LMT" == dana.get_visit(v.id).signed_by
    amended = ops.amend_visit(dana, signed, reason="late note", therapist="D. Lee")
    assert amended.amendments[-1].author == "Dana Lee, LMT"


def test_passwords_are_argon2id_with_their_parameters(clinic):
    s = clinic("admin")
    with s.engine.connect() as conn:
        hashes = conn.execute(select(accounts.c.password_hash)).scalars().all()
    assert all(h.startswith("$argon2id$v=19$m=65536,t=3,p=4$") for h in hashes)
    assert not any(p in h for h in hashes for p in PASSWORDS.values())
    s.set_password("dana", "a-new-password")
    assert clinic(None).sign_in("dana", "a-new-password").name == "dana"
