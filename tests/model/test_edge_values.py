"""Values from the edges (broken imports, wild drags): refused at the model boundary by name."""

import json
from datetime import date, datetime, timedelta

import pytest

from bodymap.model import Chart, Client, ClientRecord, Stroke, Visit
from bodymap.model.atlas_check import record_problems
from bodymap.model.codec import DecodeError, record_from_json, record_to_json
from bodymap.model.signing import amend, sign
from tests.model.test_codec import edited, sample_record


def test_a_huge_coordinate_is_refused_by_the_model_naming_the_point():
    with pytest.raises(ValueError, match=r"points\[1\]\.x: 1e\+308 is above 1e\+06"):
        Stroke(view="front", points=((30, 40), (1e308, 40)), width=3, intensity=4)
    with pytest.raises(
        DecodeError, match=r"visits\[0\]\.pre_chart\.marks\[0\]\.point\.y: .* is below"
    ):
        record_from_json(edited(sample_record(), _set_mark_y(-1e308)))


def _set_mark_y(y):
    def change(d):
        d["visits"][0]["pre_chart"]["marks"][0]["point"][1] = y

    return change


def test_points_outside_the_view_box_are_refused_with_the_atlas(atlas):
    far = Stroke(view="back", points=((30, 40), (30, 5000)), width=3, intensity=4)
    visit = Visit(client_id="c1", started_at=datetime(2024, 1, 1), pre_chart=Chart(strokes=(far,)))
    problems = record_problems(ClientRecord(Client(name="S", id="c1"), visits=(visit,)), atlas)
    assert problems == [
        "visits[0].pre_chart.strokes[0].points[1]: (30, 5000) is outside the view "
        "(x -5 to 105, y -5 to 105)"
    ]
    near = Stroke(view="back", points=((30, 40), (-4.9, 104.9)), width=3, intensity=4)
    visit = Visit(client_id="c1", started_at=datetime(2024, 1, 1), pre_chart=Chart(strokes=(near,)))
    assert record_problems(ClientRecord(Client(name="S", id="c1"), visits=(visit,)), atlas) == []


def test_a_date_of_birth_in_the_future_is_refused():
    with pytest.raises(ValueError, match="date_of_birth: 2999-01-01 is in the future"):
        Client(name="S", date_of_birth=date(2999, 1, 1))
    tomorrow = date.today() + timedelta(days=1)
    with pytest.raises(ValueError, match="is in the future"):
        Client(name="S", date_of_birth=tomorrow)
    assert Client(name="S", date_of_birth=date.today()).date_of_birth == date.today()

    def future(d):
        d["client"]["date_of_birth"] = "2999-01-01"

    with pytest.raises(DecodeError, match="client.date_of_birth: 2999-01-01 is in the future"):
        record_from_json(edited(sample_record(), future))


def _signed_and_amended() -> ClientRecord:
    record = sample_record(1)
    v = sign(record.visits[0], "T. Therapist", datetime(2024, 1, 1, 10))
    v = amend(v, "T. Therapist", datetime(2024, 1, 2), "typo", therapist="T. Therapist")
    return ClientRecord(record.client, visits=(v,))


def test_an_amendment_whose_original_is_not_json_is_refused_on_import():
    good = _signed_and_amended()
    assert record_from_json(record_to_json(good)) == good

    def broken(d):
        d["visits"][0]["amendments"][0]["original_json"] = '{"id": "abc", '

    with pytest.raises(DecodeError) as err:
        record_from_json(edited(good, broken))
    assert err.value.errors[0].startswith("visits[0].amendments[0].original_json: not valid JSON:")

    def other_visit(d):
        original = json.loads(d["visits"][0]["amendments"][0]["original_json"])
        original["id"] = "someone-elses-visit"
        d["visits"][0]["amendments"][0]["original_json"] = json.dumps(original)

    with pytest.raises(DecodeError, match="holds another visit"):
        record_from_json(edited(good, other_visit))

    def not_a_visit(d):
        d["visits"][0]["amendments"][0]["original_json"] = '{"started_at": 5}'

    with pytest.raises(DecodeError, match=r"original_json: started_at: 5 is not an ISO date"):
        record_from_json(edited(good, not_a_visit))


def test_a_lone_surrogate_is_refused_naming_the_field():
    with pytest.raises(
        ValueError,
        match=r"notes: contains an unpaired surrogate character \(U\+D800\) at position 3",
    ):
        Client(name="S", notes="abc\ud800")
    text = record_to_json(sample_record()).replace(
        '"name": "Synthetic"', '"name": "Syn\\udc00thetic"'
    )
    with pytest.raises(DecodeError, match=r"client.name: contains an unpaired surrogate"):
        record_from_json(text)


def test_json_nested_100000_deep_is_a_message_not_a_crash():
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(DecodeError, match=r"\(file\): nested too deeply to be a bodymap record"):
        record_from_json(deep)
    inside = record_to_json(sample_record())[:-1] + ', "extra": ' + deep + "}"
    with pytest.raises(DecodeError, match="nested too deeply"):
        record_from_json(inside)
