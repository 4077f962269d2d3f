"""Outcome thresholds: pain needs 2 points AND 30 %, the PSFS MDC, values exactly on a line."""

from __future__ import annotations

import pytest

from bodymap.analysis.measures import (
    ExtentChange,
    pain_important,
    pain_mcid_level,
    psfs_beyond_error,
)


@pytest.mark.parametrize(
    ("baseline", "level"),
    [(10, 7.0), (9, 6.3), (8, 5.6), (7, 4.9), (6, 4.0), (5, 3.0), (3, 1.0), (2, 0.0),
     (1, None), (0, None)],
)  # fmt: skip
def test_pain_line_is_two_points_and_thirty_percent(baseline, level):
    assert pain_mcid_level(baseline) == (None if level is None else pytest.approx(level))


@pytest.mark.parametrize(
    ("before", "after", "important"),
    [
        (3, 2, False), (2, 1, False), (1, 0, False),  # 1 point is never enough, whatever the %
        (8, 6, False),  # 2 points but 25 %
        (3, 1, True), (2, 0, True), (8, 5, True), (10, 7, True), (10, 8, False),
        (6, 8, False),  # worse is never an improvement
    ],
)  # fmt: skip
def test_pain_important_needs_both(before, after, important):
    assert pain_important(before, after) is important


def test_a_value_exactly_on_the_line_counts_as_the_line_says():
    for baseline in range(11):
        level = pain_mcid_level(baseline)
        if level is None:
            continue
        assert pain_important(baseline, level)  # on the line: "at or below" is important
        assert not pain_important(baseline, level + 0.05)
    assert pain_important(7, 4.9)  # 7 - 0.3 * 7 is 4.8999... in floating point


def test_psfs_mdc_is_two_points_either_way_on_the_line():
    assert psfs_beyond_error(3.0, 5.0) and psfs_beyond_error(6.0, 4.0)
    assert psfs_beyond_error(10 / 3, 16 / 3)  # averages whose float difference is 1.99999...
    assert not psfs_beyond_error(3.0, 4.9)


def test_extent_change_in_percentage_points_with_relative_beside():
    e = ExtentChange(4.1, 0.9)
    assert e.change_words() == "-3.2 percentage points (-78% relative)"
    assert e.words() == (
        "pain extent 4.1% → 0.9% of the drawn body outline (-3.2 percentage points, -78% relative)"
    )
    assert ExtentChange(0.0, 2.0).change_words() == "+2.0 percentage points (none before)"
    assert ExtentChange(3.04, 2.96).words().endswith("(unchanged)")  # equal as printed
