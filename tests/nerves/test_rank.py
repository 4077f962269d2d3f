"""The three-kind ranking on hand-made patterns: the evidence rule, qualities, trigger points."""

from __future__ import annotations

from bodymap.nerves.evidence import ChartedTriggerPoint, Evidence, symptom_evidence, zone_evidence
from bodymap.nerves.patterns import DERMATOME, MUSCLE, NERVE, Pattern
from bodymap.nerves.rank import BASELINE, Weighing, rank_explanations
from bodymap.nerves.territories import History, Territory


def pat(kind: str, pid: str, core=(), partial=(), pain=(), site=(), side="right", **kw) -> Pattern:
    return Pattern(kind, pid, pid, pid, side, tuple(core), tuple(partial), tuple(pain),
                   tuple(site), "V", **kw)  # fmt: skip


ARM = ("right-thumb", "right-index", "right-forearm")
MUSCLE_ARM = pat(MUSCLE, "scalenes", core=ARM)
ROOT_ARM = pat(DERMATOME, "C6", core=ARM)


def names(found) -> list[str]:
    return [e.pattern.id for e in found]


def test_each_zone_counts_and_unexplained_zones_cost():
    small = pat(NERVE, "small", core=("right-thumb",))
    ev = zone_evidence(["right-thumb", "right-neck"])
    (e,) = rank_explanations(ev, [small])
    assert e.score == 0.5 and e.unexplained == ("right-neck",)
    assert "leaves right neck unexplained" in e.text


def test_a_partial_zone_counts_half_and_pain_free_main_zones_cost_a_little():
    p = pat(DERMATOME, "T4", partial=("right-chest", "right-back"))
    (e,) = rank_explanations(zone_evidence(["right-chest"]), [p])
    assert e.partial == ("right-chest",) and e.pain_free == ("right-back",)
    assert abs(e.score - 0.5 / 1.25) < 1e-9  # half explained, half its main zones pain-free


def test_numbness_favours_the_nerve_and_aching_the_muscle():
    numb = zone_evidence(ARM, ["numbness", "tingling"])
    assert names(rank_explanations(numb, [MUSCLE_ARM, ROOT_ARM]))[0] == "C6"
    ache = zone_evidence(ARM, ["aching"])
    assert names(rank_explanations(ache, [ROOT_ARM, MUSCLE_ARM]))[0] == "scalenes"
    # with qualities ignored the two tie, and the patterns' order decides
    tie = rank_explanations(numb, [MUSCLE_ARM, ROOT_ARM], weighing=BASELINE)
    assert tie[0].score == tie[1].score and names(tie)[0] == "scalenes"


def test_a_muscle_whose_sources_name_tingling_is_not_penalised_for_it():
    own = pat(MUSCLE, "piriformis", core=ARM, fits=frozenset({"tingling"}))
    (e,) = rank_explanations(zone_evidence(ARM, ["tingling"]), [own])
    assert e.score == 1.0 and not e.neural_unfit
    (e,) = rank_explanations(zone_evidence(ARM, ["numbness"]), [own])
    assert e.score < 1.0 and "trigger-point referral does not usually cause" in e.text


def test_a_charted_trigger_point_is_evidence_only_its_muscle_explains():
    items = [(z, 6.0, None, ("aching",)) for z in ARM]
    tp = ChartedTriggerPoint("scalenes", "right", "right-neck")
    ev = symptom_evidence(items, [tp])
    found = rank_explanations(ev, [ROOT_ARM, MUSCLE_ARM])
    assert names(found) == ["scalenes", "C6"]
    assert found[0].trigger_point and "trigger point is charted" in found[0].text
    assert found[1].score < 1.0
    # on the other side it is not this muscle's evidence
    other = symptom_evidence(items, [ChartedTriggerPoint("scalenes", "left", "left-neck")])
    assert not rank_explanations(other, [MUSCLE_ARM])[0].trigger_point


def test_intake_history_counts_for_the_nerve_its_sources_name():
    t = Territory("saph", "Saphenous", "saphenous nerve", NERVE, "", (), (), (), (), ("X",), "V",
                  history=History(("knee",), "knee surgery", ("X",)))  # fmt: skip
    nerve = pat(NERVE, "saph", core=("right-shin",), territory=t)
    root = pat(DERMATOME, "L4", core=("right-shin",))
    items = [("right-shin", 5.0, None, ("burning",))]
    plain = rank_explanations(symptom_evidence(items), [root, nerve])
    assert plain[0].score == plain[1].score  # the body map alone cannot tell them apart
    after = rank_explanations(
        symptom_evidence(items, (), ["Right knee arthroscopy"]), [root, nerve]
    )
    assert names(after) == ["saph", "L4"] and after[0].history == ("Right knee arthroscopy",)
    assert "knee surgery" in after[0].text
    other_knee = symptom_evidence(items, (), ["left knee replacement"])
    assert rank_explanations(other_knee, [root, nerve])[0].pattern.id == "L4"


def test_both_sides_explaining_the_same_midline_zone_merge():
    left = pat(DERMATOME, "S4-5", core=("coccyx",), side="left")
    right = pat(DERMATOME, "S4-5", core=("coccyx",), side="right")
    (e,) = rank_explanations(zone_evidence(["coccyx"]), [left, right])
    assert e.side == "midline"


def test_spared_zones_are_named_against_the_nerve():
    t = Territory("cts", "Median", "median nerve", NERVE, "", (), (), (), (), ("X",), "V",
                  spared_words="carpal tunnel spares the thenar")  # fmt: skip
    p = pat(NERVE, "cts", core=("right-thumb",), spared=("right-thenar",), territory=t)
    (e,) = rank_explanations(zone_evidence(["right-thumb", "right-thenar"], ["numbness"]), [p])
    assert e.spared == ("right-thenar",) and "carpal tunnel spares the thenar" in e.text


def test_empty_chart_and_top():
    assert rank_explanations(Evidence({}), [ROOT_ARM]) == []
    many = [pat(NERVE, f"n{i}", core=(ARM[i % 3],)) for i in range(9)]
    assert len(rank_explanations(zone_evidence(ARM), many, top=4)) == 4


def test_the_weighing_switches_are_independent():
    ev = symptom_evidence([(z, 6.0, None, ("numbness",)) for z in ARM],
                          [ChartedTriggerPoint("scalenes", "right")])  # fmt: skip
    only_tp = Weighing(qualities=False, history=False)
    top = rank_explanations(ev, [ROOT_ARM, MUSCLE_ARM], weighing=only_tp)
    assert names(top)[0] == "scalenes"
    only_q = Weighing(trigger_points=False, history=False)
    assert names(rank_explanations(ev, [MUSCLE_ARM, ROOT_ARM], weighing=only_q))[0] == "C6"


def test_quality_mix_weighs_each_item_by_intensity_and_share():
    ev = symptom_evidence([("z", 8.0, None, ("aching",)), ("z", 2.0, 0.5, ("numbness",))])
    assert abs(ev.neural("z") - 1 / 9) < 1e-9 and abs(ev.deep_ache("z") - 8 / 9) < 1e-9
