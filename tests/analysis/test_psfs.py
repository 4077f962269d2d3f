"""The PSFS is compared only on activities rated at both the first and the latest visit."""

from __future__ import annotations

from bodymap.analysis.psfs import psfs_track
from bodymap.model import Outcomes, PsfsRating


def rated(**scores: int) -> Outcomes:
    return Outcomes(psfs=tuple(PsfsRating(a.replace("_", " "), s) for a, s in scores.items()))


def test_only_activities_rated_at_both_ends_count():
    # "gardening" is added later at 9: counting it would lift the latest average by 1.3.
    track = psfs_track([rated(typing=2, driving=4), Outcomes(),
                        rated(typing=4, Driving=5, gardening=9)])  # fmt: skip
    assert track is not None
    assert track.activities == ("typing", "driving")  # matched without regard to case
    assert track.series == (3.0, None, 4.5)
    assert track.left_out == ("gardening",)
    assert (track.first, track.latest) == (3.0, 4.5)
    assert not track.beyond_error
    assert track.change_words() == "PSFS 3.0 → 4.5 on the 2 activities rated at both"


def test_beyond_measurement_error_is_the_label_not_clinically_important():
    track = psfs_track([rated(typing=2, driving=4), rated(typing=5, driving=5)])
    assert track is not None and track.beyond_error
    words = track.change_words()
    assert words.endswith("(beyond measurement error)") and "clinically" not in words


def test_a_middle_visit_missing_an_activity_has_no_point():
    track = psfs_track([rated(a=2, b=4), rated(a=3), rated(a=6, b=6)])
    assert track is not None and track.series == (3.0, None, 6.0)


def test_no_common_activity_and_a_single_psfs():
    none_common = psfs_track([rated(typing=2), rated(lifting=8)])
    assert none_common is not None and none_common.first is None
    assert not none_common.beyond_error
    assert none_common.change_words() == (
        "PSFS: no activity rated at both the first and the latest visit"
    )
    single = psfs_track([Outcomes(), rated(typing=2)])
    assert single is not None and single.change_words() == ""
    assert psfs_track([Outcomes(), Outcomes()]) is None
