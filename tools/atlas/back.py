"""Back view cuts and zone seeds (design half = the patient's LEFT side on the back view)."""

from __future__ import annotations

from tools.atlas.figure import hand_cuts, hand_seeds, outline_half
from tools.atlas.geometry import C, Curve, Design, L, M, P


def _head_and_neck() -> list[Curve]:
    return [
        C("hair", P(0.2, 0.272, "cr1"), P(0.0, 0.292, "crown_b")),
        C("crown_b", P(0.0, 0.862, "skull_mid"), straight=True),
        C("ear_top", P(0.252, 0.55, "mast_in"), P(0.205, 0.80, "sb_lat"), "neck_top"),
        C("cr1", P(0.245, 0.41), "mast_in"),
        C("skull_mid", P(0.05, 0.861, "sb1"), P(0.12, 0.853, "sb2"), "sb_lat"),
        C(
            "sb1",
            P(0.05, 1.345, "c7_1"),
            P(0.05, 2.3, "t7_1"),
            P(0.05, 2.92, "t12_1"),
            P(0.05, 3.55, "l5_1"),
            straight=True,
        ),
        C(
            "sb2",
            P(0.132, 1.1),
            P(0.142, 1.33, "c7_2"),
            P(0.15, 1.5, "pv1"),
            P(0.17, 2.3, "t7_2"),
            P(0.18, 2.92, "t12_2"),
            P(0.19, 3.55, "l5_2"),
        ),
        C(P(0.0, 1.35, "c7"), "c7_1", "c7_2", P(0.25, 1.315), "trap1"),
        C("t7_1", P(0.0, 2.3, "t7"), straight=True),
        C("t7_1", "t7_2", straight=True),
        C("t12_1", P(0.0, 2.92, "t12"), straight=True),
        C("t12_1", "t12_2", straight=True),
        C("l5_1", P(0.0, 3.55, "l5"), straight=True),
        C("l5_1", "l5_2", straight=True),
    ]


def _shoulder_and_back() -> list[Curve]:
    return [
        # superior border of the scapula / trapezius ridge
        C("pv1", P(0.33, 1.47, "sup_ang"), P(0.62, 1.455), "acromion"),
        # spine of the scapula
        M(P(0.315, 1.69, "spine_root"), P(0.55, 1.63), P(0.78, 1.555, "spine_lat"), "acromion"),
        # medial (vertebral) border, down to the inferior angle
        M("sup_ang", "spine_root", P(0.33, 2.1), P(0.385, 2.42, "inf_ang")),
        C("inf_ang", "t7_2"),
        # lateral border of the scapula, from the glenoid to the inferior angle
        M("spine_lat", P(0.7, 1.95), "inf_ang"),
        C("axilla", P(0.76, 1.78), "spine_lat"),
        C("arm_l1", P(1.0, 2.05), P(0.9, 2.02, "ua_top"), "axilla"),
        C("inf_ang", P(0.55, 2.36), "tr2"),
        C("rib", P(0.45, 2.82, "mb1"), "t12_2"),
        C("mb1", P(0.452, 3.05), P(0.47, 3.19, "icu")),
        # the belt-line band lies on the iliac crest: its upper and lower edges, the crest itself
        # drawn through it, then the crest's medial end down to the PSIS between low back and SI
        C("crest_hi", P(0.58, 3.19), "icu", P(0.37, 3.245), P(0.31, 3.37, "ic2")),
        C("tr4", P(0.6, 3.47, "icb_h"), P(0.45, 3.455), P(0.35, 3.5), P(0.31, 3.6, "si_top")),
        L("iliac", P(0.47, 3.29), "ic2"),
        M("ic2", "l5_2"),
        C("ic2", "si_top"),
        # sacrum (a midline wedge), coccyx, gluteal cleft
        # sacrum (a midline wedge) down to the tailbone, whose zone is fingertip-sized
        C("l5_2", P(0.155, 3.69, "sac_mid"), P(0.11, 3.765, "sac_tip")),
        C("sac_tip", P(0.0, 3.73, "cocc_top")),
        C("sac_tip", P(0.18, 3.87), P(0.148, 3.982, "bc"), P(0.0, 4.048, "cocc_tip")),
        M("cocc_tip", "crotch", straight=True),
        C("si_top", P(0.27, 3.78, "si_low"), "sac_mid"),
        # buttocks and the lateral hip
        C("icb_h", P(0.615, 3.8), P(0.62, 4.0, "bh1")),
        C("bh1", P(0.4, 3.985), P(0.2, 3.99), "bc"),
        M("th_m1", P(0.2, 4.33), P(0.42, 4.305, "gf_mid"), P(0.6, 4.225, "gf_lat"), "th_o1"),
        C("bh1", "gf_lat"),
    ]


def _leg() -> list[Curve]:
    return [
        C("gf_mid", P(0.37, 4.9), P(0.335, 5.605, "kb_mt")),
        C("knee_m_top", "kb_mt", "knee_o_top"),
        C("knee_m_bot", P(0.335, 6.14, "kb_mb"), "knee_o_bot"),
        C("kb_mb", P(0.362, 6.6), P(0.36, 7.0), P(0.355, 7.2, "ach_top")),
        C("calf_m3", "ach_top", "leg_o4"),
        C("mall_m", P(0.36, 7.69), "mall_o"),
        C("heel_m", P(0.375, 7.83), "sole_o1"),
        C("arch_m", P(0.4, 7.985), "sole_o2"),
        C("big_m", P(0.4, 8.2), "toe5b"),
    ]


def _arm() -> list[Curve]:
    return [
        C("ua_top", P(0.995, 2.42), "ua_bot"),  # upper arm: inner and outer halves
        C("elb_m_top", P(1.065, 2.845, "ua_bot"), P(1.16, 2.85, "oe_t"), "elb_l_top"),
        C("elb_m_bot", P(1.08, 3.14, "fa_top_mid"), P(1.22, 3.15, "oe_b"), "elb_l_bot"),
        C("oe_t", P(1.215, 3.0), "oe_b"),
        C("fa_top_mid", P(1.2, 3.5), "wp_mid"),
        *hand_cuts(),
    ]


def _landmarks() -> list[Curve]:
    return [
        # the dimples over the posterior superior iliac spines (S2)
        L(P(0.2, 3.62), P(0.215, 3.635), P(0.2, 3.65), P(0.185, 3.635), closed=True),
    ]


SEEDS: list[tuple[str, float, float]] = [
    ("crown", 0.0, 0.15),
    ("parietal", 0.3, 0.38),
    ("occiput", 0.12, 0.6),
    ("mastoid", 0.28, 0.65),
    ("back-neck", 0.18, 1.1),
    ("cervical-paraspinal", 0.09, 1.1),
    ("cervical-spine", 0.0, 1.1),
    ("shoulder-top", 0.5, 1.4),
    ("supraspinous", 0.55, 1.54),
    ("infraspinous", 0.5, 1.85),
    ("scapular-border", 0.25, 1.9),
    ("axilla-back", 0.65, 2.1),
    ("back-shoulder", 0.95, 1.75),
    ("upper-thoracic-spine", 0.0, 1.8),
    ("upper-thoracic-paraspinal", 0.1, 1.8),
    ("lower-thoracic-spine", 0.0, 2.6),
    ("lower-thoracic-paraspinal", 0.11, 2.6),
    ("mid-back", 0.4, 2.6),
    ("flank", 0.57, 3.05),
    ("lumbar-spine", 0.0, 3.2),
    ("lumbar-paraspinal", 0.12, 3.2),
    ("lower-back", 0.32, 3.1),
    ("iliac-crest", 0.5, 3.35),
    ("sacroiliac", 0.22, 3.65),
    ("sacrum", 0.0, 3.7),
    ("coccyx", 0.0, 3.9),
    ("buttock-upper", 0.4, 3.8),
    ("buttock-lower", 0.3, 4.15),
    ("hip-side", 0.72, 3.9),
    ("upper-arm-back-inner", 0.9, 2.4),
    ("upper-arm-back-outer", 1.09, 2.4),
    ("elbow-back", 1.05, 2.98),
    ("outer-elbow", 1.25, 2.98),
    ("forearm-dorsal-radial", 1.3, 3.5),
    ("forearm-dorsal-ulnar", 1.12, 3.5),
    ("thigh-back-inner", 0.2, 4.9),
    ("thigh-back-outer", 0.55, 4.9),
    ("knee-back", 0.33, 5.85),
    ("calf-inner", 0.25, 6.6),
    ("calf-outer", 0.47, 6.6),
    ("achilles", 0.36, 7.45),
    ("heel-back", 0.37, 7.74),
    ("heel-pad", 0.39, 7.9),
    ("sole", 0.4, 8.09),
    ("toes-sole", 0.4, 8.27),
]


def design() -> Design:
    cuts = _head_and_neck() + _shoulder_and_back() + _leg() + _arm()
    return Design(
        "back",
        outline_half("back"),
        cuts,
        SEEDS + hand_seeds("dorsal", {"hand-back": (0.25, -0.05)}),
        _landmarks(),
    )
