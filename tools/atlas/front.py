"""Front view cuts and zone seeds (design half = the patient's RIGHT side on the front view)."""

from __future__ import annotations

from tools.atlas.figure import hand, hand_cuts, hand_seeds, outline_half
from tools.atlas.geometry import C, Curve, Design, L, M, P


def _head() -> list[Curve]:
    return [
        C("hair", P(0.215, 0.188, "hair_t"), P(0.0, 0.172, "hair_mid")),
        C("hair_mid", P(0.0, 0.40, "brow_mid"), straight=True),
        C("brow_mid", P(0.05, 0.398, "nose_top"), P(0.125, 0.385), P(0.205, 0.382, "brow_lat")),
        C("brow_lat", P(0.232, 0.29), "hair_t"),
        C(
            "nose_top",
            P(0.055, 0.55, "nose_mid"),
            P(0.072, 0.672, "nose_ala"),
            P(0.0, 0.712, "nose_base"),
        ),
        C("nose_mid", P(0.14, 0.588), P(0.238, 0.562, "orbit_low")),
        C("brow_lat", P(0.248, 0.47), "orbit_low"),
        C("orbit_low", P(0.29, 0.5), "ear_top"),
        C("ear_top", P(0.297, 0.535), "ear_bot"),
        C(
            "neck_top",
            P(0.14, 0.975, "chin_lat"),
            P(0.07, 0.993, "throat_top"),
            P(0.0, 1.0, "chin"),
        ),
        C("ear_bot", P(0.282, 0.7, "tmj_low"), P(0.25, 0.74), P(0.19, 0.86), "chin_lat"),
        # the pre-auricular (TMJ) zone: just in front of the ear, between temple and jaw
        C("orbit_low", P(0.236, 0.63), "tmj_low"),
        C("nose_ala", P(0.118, 0.775), P(0.148, 0.88), "chin_lat"),
    ]


def _neck_and_chest() -> list[Curve]:
    return [
        C("throat_top", P(0.076, 1.15), P(0.068, 1.345, "notch_lat")),
        C("notch_lat", P(0.0, 1.362, "notch")),
        M("notch_lat", P(0.2, 1.385, "scm_low"), P(0.55, 1.435, "clav_mid")),
        C("neck_top", P(0.186, 1.1), "scm_low"),
        C("trap2", "clav_mid", straight=True),
        # deltopectoral groove, then the anterior axillary line
        C("clav_mid", P(0.615, 1.56, "dp1"), P(0.672, 1.78), "axilla"),
        C("acromion", P(0.975, 1.72), P(0.985, 2.0, "delt_ins")),
        C("axilla", P(0.9, 2.008, "ua_top"), "delt_ins"),
        C("delt_ins", P(1.07, 2.08), "arm_l1"),
        C(
            "notch_lat",
            P(0.078, 1.6, "st1"),
            P(0.078, 2.0),
            P(0.062, 2.4, "xiph_lat"),
            P(0.0, 2.48, "xiphoid"),
        ),
        C("st1", P(0.3, 1.628), "dp1"),
        # side of the chest: below the armpit and outside the breast, down to the rib margin
        # (wide enough for a fingertip; see SIDE_CHEST in tests/geometry)
        C("axilla", P(0.6, 2.125), P(0.445, 2.26), P(0.34, 2.42), P(0.33, 2.577, "sc_rib")),
        C("xiph_lat", P(0.2, 2.55), "sc_rib", P(0.602, 2.615), "rib"),
    ]


def _abdomen_and_hip() -> list[Curve]:
    return [
        C(
            "xiphoid",
            P(0.0, 2.82, "ab1m"),
            P(0.0, 3.0, "navel"),
            P(0.0, 3.22, "ab2m"),
            P(0.0, 3.70, "pub_top"),
            straight=True,
        ),
        C("ab1m", P(0.3, 2.835), "waist"),
        C("ab2m", P(0.33, 3.215), "tr3"),
        M("iliac", P(0.6, 3.46, "asis"), P(0.4, 3.645), P(0.15, 3.8, "pub_tub")),
        C("pub_tub", P(0.07, 3.72), "pub_top"),
        C("pub_tub", P(0.075, 3.97), "crotch"),
        C("asis", P(0.505, 3.8), P(0.5, 4.12, "hip_low")),
        C("th_m1", P(0.22, 4.215, "tt1"), "hip_low", "th_o1"),
    ]


def _leg() -> list[Curve]:
    return [
        C("tt1", P(0.205, 4.8), P(0.18, 5.3), P(0.17, 5.605, "kn_mt")),
        C("hip_low", P(0.585, 4.7), P(0.53, 5.3), P(0.49, 5.6, "kn_lt")),
        # the kneecap: the thigh above it, the inner and outer knee beside it, and the front
        # of the knee (patellar tendon, tibial tuberosity) only below it
        M(
            P(0.33, 5.67),
            P(0.398, 5.73, "pat_tl"),
            P(0.41, 5.83),
            P(0.385, 5.93, "pat_bl"),
            P(0.33, 5.965),
            P(0.275, 5.93, "pat_bm"),
            P(0.25, 5.83),
            P(0.262, 5.73, "pat_tm"),
            closed=True,
        ),
        C("knee_m_top", "kn_mt", "pat_tm"),
        C("pat_tl", "kn_lt", "knee_o_top"),
        C("pat_bm", P(0.225, 6.105, "kn_mb")),
        C("pat_bl", P(0.45, 6.1, "kn_lb")),
        C("knee_m_bot", "kn_mb", P(0.335, 6.13), "kn_lb", "knee_o_bot"),
        C("kn_lb", P(0.445, 6.6), P(0.41, 7.2), P(0.392, 7.51, "ank_t2")),
        C("ank_m_top", P(0.305, 7.49, "ank_t1"), "ank_t2", "ank_o_top"),
        C("foot_m1", P(0.305, 7.8, "ank_b1"), P(0.42, 7.815, "ank_b2"), "foot_o1"),
        C("ank_t1", "ank_b1"),
        C("ank_t2", "ank_b2"),
        C("bigtoe_m", P(0.33, 7.975), P(0.41, 7.965, "toe_div"), P(0.5, 7.955), "foot_o2"),
        C("toe_div", "toes_b2"),
    ]


def _arm() -> list[Curve]:
    return [
        # upper arm: inner (medial) and outer (lateral) halves along the arm's axis
        C("ua_top", P(0.995, 2.42), "ua_bot"),
        C(
            "elb_m_top",
            P(0.98, 2.835, "ie_t"),
            P(1.065, 2.845, "ua_bot"),
            P(1.165, 2.85, "le_t"),
            "elb_l_top",
        ),
        C(
            "elb_m_bot",
            P(1.035, 3.135, "ie_b"),
            P(1.17, 3.15, "fa_top_mid"),
            P(1.25, 3.148, "le_b"),
            "elb_l_bot",
        ),
        C("ie_t", P(0.99, 2.98), "ie_b"),  # inner elbow (medial epicondyle)
        C("le_t", P(1.212, 3.0), "le_b"),  # outer elbow (lateral epicondyle)
        C("fa_top_mid", P(1.225, 3.5), "wp_mid"),
        C("thumb_web", hand(0.2, 0.12), hand(0.1, 0.06), "wd_mid"),
        *hand_cuts(),
    ]


def _landmarks() -> list[Curve]:
    return [
        # clavicle: medial part is the zone border; its lateral third drawn as a landmark
        L("clav_mid", P(0.7, 1.455), P(0.86, 1.49)),
        # navel
        L(
            P(0.0, 2.975),
            P(0.018, 2.99),
            P(0.018, 3.01),
            P(0.0, 3.025),
            P(-0.018, 3.01),
            P(-0.018, 2.99),
            closed=True,
        ),
    ]


SEEDS: list[tuple[str, float, float]] = [
    ("vertex", 0.0, 0.08),
    ("forehead", 0.1, 0.3),
    ("temple", 0.285, 0.35),
    ("eye", 0.15, 0.48),
    ("nose", 0.0, 0.6),
    ("cheek", 0.17, 0.66),
    ("tmj", 0.265, 0.6),
    ("ear", 0.345, 0.53),
    ("jaw", 0.24, 0.82),
    ("mouth-chin", 0.0, 0.85),
    ("throat", 0.0, 1.2),
    ("front-neck", 0.13, 1.15),
    ("side-neck", 0.3, 1.3),
    ("front-shoulder", 0.78, 1.6),
    ("side-shoulder", 1.03, 1.8),
    ("upper-chest", 0.3, 1.5),
    ("sternum", 0.0, 1.9),
    ("breast", 0.35, 2.0),
    ("side-chest", 0.55, 2.42),
    ("upper-abdomen", 0.3, 2.7),
    ("mid-abdomen", 0.3, 3.05),
    ("lower-abdomen", 0.35, 3.4),
    ("pubic", 0.0, 3.85),
    ("groin", 0.25, 3.95),
    ("front-hip", 0.65, 3.8),
    ("upper-arm-front-inner", 0.9, 2.4),
    ("upper-arm-front-outer", 1.09, 2.4),
    ("elbow-front", 1.1, 2.98),
    ("outer-elbow-front", 1.25, 3.0),
    ("inner-elbow", 0.94, 2.98),
    ("forearm-palmar-radial", 1.3, 3.5),
    ("forearm-palmar-ulnar", 1.12, 3.5),
    ("thigh-front", 0.37, 4.8),
    ("thigh-inner", 0.12, 4.9),
    ("thigh-outer", 0.62, 4.8),
    ("kneecap", 0.33, 5.82),
    ("knee-front", 0.33, 6.06),
    ("knee-inner", 0.15, 5.85),
    ("knee-outer", 0.51, 5.85),
    ("shin", 0.28, 6.8),
    ("lower-leg-outer", 0.48, 6.8),
    ("ankle-inner", 0.27, 7.65),
    ("ankle-front", 0.36, 7.65),
    ("ankle-outer", 0.45, 7.7),
    ("foot-top", 0.42, 7.87),
]


def _hand_and_foot_seeds() -> list[tuple[str, float, float]]:
    seeds = hand_seeds("palmar", {"thenar": (0.12, 0.14), "palm": (0.25, -0.05)})
    return [*seeds, ("big-toe", 0.34, 8.02), ("toes", 0.5, 8.0)]


def design() -> Design:
    cuts = _head() + _neck_and_chest() + _abdomen_and_hip() + _leg() + _arm()
    return Design(
        "front", outline_half("front"), cuts, SEEDS + _hand_and_foot_seeds(), _landmarks()
    )
