"""Portable JSON: lossless round trips and strict decoding with field paths in every message."""

import json
from datetime import date, datetime

import pytest
from hypothesis import given, settings

from bodymap.model import Chart, Client, ClientRecord, PainMark, Visit
from bodymap.model.codec import DecodeError, record_from_json, record_to_json
from tests.model.strategies import records


def sample_record(n_visits=3) -> ClientRecord:
    c = Client(name="Synthetic", date_of_birth=date(1990, 1, 2))
    vs = tuple(
        Visit(
            client_id=c.id,
            started_at=datetime(2024, 1, 1 + i, 9),
            pre_chart=Chart(
                marks=(PainMark(view="front", point=(35, 45), zone="right-chest-box", intensity=i),)
            ),
        )
        for i in range(n_visits)
    )
    return ClientRecord(c, visits=vs)


def edited(record: ClientRecord, change) -> str:
    data = json.loads(record_to_json(record))
    change(data)
    return json.dumps(data)


@settings(max_examples=60, deadline=None)
@given(records())
def test_any_valid_record_round_trips_through_json(record):
    assert record_from_json(record_to_json(record)) == record


def test_error_names_the_offending_field():
    def bad(d):
        d["visits"][2]["pre_chart"]["marks"][0]["intensity"] = 11

    with pytest.raises(DecodeError) as err:
        record_from_json(edited(sample_record(), bad))
    assert err.value.errors == ["visits[2].pre_chart.marks[0].intensity: 11 is above 10"]


def test_every_problem_is_listed():
    def bad(d):
        d["visits"][0]["pre_chart"]["marks"][0]["point"] = [None, 1]
        d["visits"][1]["started_at"] = "yesterday"
        d["client"]["date_of_birth"] = 19900102
        d["client"]["shoe_size"] = 42
        del d["visits"][2]["client_id"]

    with pytest.raises(DecodeError) as err:
        record_from_json(edited(sample_record(), bad))
    assert sorted(err.value.errors) == sorted([
        "visits[0].pre_chart.marks[0].point[0]: null is not a number",
        'visits[1].started_at: "yesterday" is not an ISO date and time',
        "client.date_of_birth: 19900102 is not a date (YYYY-MM-DD)",
        "client.shoe_size: unknown field",
        "visits[2].client_id: missing",
    ])  # fmt: skip


def test_nan_and_wrong_types_are_rejected():
    text = record_to_json(sample_record()).replace('"intensity": 0', '"intensity": NaN', 1)
    with pytest.raises(
        DecodeError, match=r"visits\[0\].pre_chart.marks\[0\].intensity: nan is not"
    ):
        record_from_json(text)
    with pytest.raises(DecodeError, match='client.archived: "no" is not true or false'):
        record_from_json(edited(sample_record(), lambda d: d["client"].update(archived="no")))


def test_format_version_is_checked():
    with pytest.raises(DecodeError, match="format_version: 99 is not supported"):
        record_from_json(edited(sample_record(), lambda d: d.update(format_version=99)))
    with pytest.raises(DecodeError, match="not a bodymap client export"):
        record_from_json('{"hello": 1}')
    with pytest.raises(DecodeError, match="not valid JSON"):
        record_from_json("{")


def test_cross_record_rules():
    def other_client(d):
        d["visits"][1]["client_id"] = "someone-else"

    with pytest.raises(DecodeError, match=r"visits\[1\].client_id: does not match client.id"):
        record_from_json(edited(sample_record(), other_client))
