"""The objective draft from a chart and tagged lines inside SOAP text (Qt-free)."""

from __future__ import annotations

from bodymap.model import Chart, Finding, FindingKind, PainMark, Quality, ReferralArrow, Stroke
from bodymap.model.values import TriggerPointState
from bodymap.ops.wording import join_tagged, objective_text, split_tagged, zone_phrase


def test_empty_chart_gives_no_text(atlas):
    assert objective_text(Chart(), atlas) == ""


def test_findings_then_pain_worst_first_with_the_patients_side(atlas):
    chart = Chart(
        marks=(
            PainMark("front", (30, 20), "right-crown", 3),
            PainMark("front", (60, 20), "left-crown", 6, (Quality.THROBBING,)),
        ),
        findings=(
            Finding(FindingKind.HYPERTONICITY, "front", (60, 40), "left-chest-box"),
            Finding(
                FindingKind.TRIGGER_POINT,
                "front",
                (60, 45),
                "left-chest-box",
                TriggerPointState.ACTIVE,
            ),  # fmt: skip
        ),
    )
    assert objective_text(chart, atlas) == (
        "Active TrP left chest box; hypertonicity left chest box; "
        "pain 6/10 left crown, throbbing; pain 3/10 right crown, aching."
    )


def test_strokes_name_the_zones_they_cover_and_arrows_their_target(atlas):
    chart = Chart(
        strokes=(Stroke("front", ((55, 70), (75, 80)), 8.0, 4, Quality.BURNING),),
        arrows=(ReferralArrow("front", (60, 40), "left-thigh-box"),),
    )
    text = objective_text(chart, atlas)
    assert text == "Pain 4/10 left thigh box, burning; referring to left thigh box."


def test_duplicate_findings_are_said_once_and_muscle_is_named(atlas):
    f = Finding(FindingKind.TRIGGER_POINT, "front", (60, 45), "left-chest-box", TriggerPointState.LATENT, muscle="pectoralis")  # fmt: skip
    g = Finding(FindingKind.TRIGGER_POINT, "front", (62, 45), "left-chest-box", TriggerPointState.LATENT, muscle="pectoralis")  # fmt: skip
    assert (
        objective_text(Chart(findings=(f, g)), atlas) == "Latent TrP left chest box (pectoralis)."
    )


def test_real_atlas_reads_left_temple(real_atlas):
    assert zone_phrase(real_atlas, "left-temple").startswith("left temple")


def test_tagged_lines_round_trip():
    text = join_tagged("Tight upper traps.", {"Areas treated": "neck, shoulders", "Pressure": ""})
    assert text == "Tight upper traps.\nAreas treated: neck, shoulders"
    body, found = split_tagged(text, ("Areas treated", "Pressure"))
    assert body == "Tight upper traps."
    assert found == {"Areas treated": "neck, shoulders"}


def test_tagged_values_stay_on_one_line_and_other_colons_stay_in_the_body():
    text = join_tagged("Ratio: 2:1", {"Client feedback": "ok\nthen sore"})
    body, found = split_tagged(text, ("Client feedback",))
    assert body == "Ratio: 2:1"
    assert found == {"Client feedback": "ok then sore"}
    assert join_tagged("", {"Client feedback": "fine"}) == "Client feedback: fine"
