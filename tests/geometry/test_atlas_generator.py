"""The atlas generator keeps what others add to zones.json (codes, nerve territories)."""

from __future__ import annotations

import json

from tools.build_atlas import keep_added_fields


def test_fields_added_to_the_data_file_survive_regeneration(tmp_path):
    old = tmp_path / "zones.json"
    old.write_text(
        json.dumps(
            {
                "zones": [
                    {"id": "right-temple", "label": "Old words", "snomed": "123", "parent": "x"},
                    {"id": "gone-zone", "snomed": "999"},
                ]
            }
        )
    )
    fresh = [{"id": "right-temple", "label": "Right temple", "view": "front"}, {"id": "new-zone"}]
    out = keep_added_fields(fresh, old)
    # the generator's own fields are its own (label, parent); the others are kept
    assert out == [
        {"id": "right-temple", "label": "Right temple", "view": "front", "snomed": "123"},
        {"id": "new-zone"},
    ]


def test_a_missing_or_broken_data_file_adds_nothing(tmp_path):
    fresh = [{"id": "a"}]
    assert keep_added_fields(fresh, tmp_path / "absent.json") == fresh
    (tmp_path / "bad.json").write_text("{not json")
    assert keep_added_fields(fresh, tmp_path / "bad.json") == fresh
