"""The silhouette half shared by both views: vertex to crotch down the viewer-left side.

Units are head heights H (an 8-head figure): u is the distance out from the midline, v the
distance down from the vertex. Landmark heights and widths follow shared/reference/figure.md.
"""

from __future__ import annotations

import math

from tools.atlas.geometry import C, Curve, P

# Arm in anatomical position: shoulder joint, elbow, wrist centres; palm forward, thumb out.
WRIST = (1.40, 4.0)
_HAND_DIR = (0.30, 1.0)
_n = math.hypot(*_HAND_DIR)
HAND_D = (_HAND_DIR[0] / _n, _HAND_DIR[1] / _n)  # along the hand, toward the fingertips
HAND_N = (HAND_D[1], -HAND_D[0])  # across the hand, toward the thumb (away from the body)


def hand(a: float, b: float, name: str | None = None, corner: bool = False) -> P:
    """A point of the hand frame: a along the hand from the wrist crease, b toward the thumb."""
    u = WRIST[0] + a * HAND_D[0] + b * HAND_N[0]
    v = WRIST[1] + a * HAND_D[1] + b * HAND_N[1]
    return P(round(u, 4), round(v, 4), name, corner)


# Seeds of the hand zones in hand-frame coordinates (a, b); the surface word is added per view.
HAND_SEEDS: dict[str, tuple[float, float]] = {
    "wrist": (-0.05, 0.0),
    "thumb": (0.38, 0.28),
    "index": (0.52, 0.142),
    "middle": (0.56, 0.047),
    "ring": (0.55, -0.05),
    "little": (0.53, -0.14),
}


def hand_cuts() -> list[Curve]:
    """Wrist lines, thumb base and finger bases: the same creases on the palm and the back."""
    return [
        C("wrist_prox_lat", hand(-0.12, 0.0, "wp_mid"), "wrist_prox_med"),
        C("wrist_dist_lat", hand(0.03, 0.0, "wd_mid"), "wrist_dist_med"),
        C("thumb_web", "thumb_mcp"),
        C("index_base_lat", "crotch_im", straight=True),
        C("crotch_im", "crotch_mr", straight=True),
        C("crotch_mr", "crotch_rl", straight=True),
        C("crotch_rl", "little_base_med", straight=True),
    ]


def hand_seeds(
    surface: str, extra: dict[str, tuple[float, float]]
) -> list[tuple[str, float, float]]:
    """Zone seeds of one hand surface ("palmar"/"dorsal") plus view-specific ones, in design units."""
    out = []
    for stem, (a, b) in {**{f"{k}-{surface}": v for k, v in HAND_SEEDS.items()}, **extra}.items():
        p = hand(a, b)
        out.append((stem, p.u, p.v))
    return out


def _head_and_neck() -> list[P]:
    return [
        P(0.0, 0.0, "vertex"),
        P(0.17, 0.03),
        P(0.275, 0.115),
        P(0.322, 0.25, "hair"),
        P(0.335, 0.36),
        P(0.33, 0.43, "ear_top", corner=True),
        P(0.36, 0.44),
        P(0.378, 0.5),
        P(0.37, 0.58),
        P(0.33, 0.635, "ear_bot", corner=True),
        P(0.315, 0.72, "jaw1"),
        P(0.28, 0.815, "jaw_angle"),
        P(0.222, 0.915, "neck_top", corner=True),
        P(0.215, 1.05, "neck_mid"),
        P(0.235, 1.17, "neck_low"),
        P(0.33, 1.265, "trap1"),
        P(0.52, 1.335, "trap2"),
        P(0.74, 1.405, "trap3"),
        P(0.925, 1.475, "acromion"),
    ]


def _arm_lateral() -> list[P]:
    return [
        P(1.04, 1.6, "delt1"),
        P(1.095, 1.84, "delt2"),
        P(1.14, 2.15, "arm_l1"),
        P(1.19, 2.45, "arm_l2"),
        P(1.255, 2.83, "elb_l_top"),
        P(1.29, 3.0, "elbow_lat"),
        P(1.33, 3.13, "elb_l_bot"),
        P(1.385, 3.32, "fa_l1"),
        P(1.43, 3.55, "fa_l2"),
        hand(-0.12, 0.13, "wrist_prox_lat"),
    ]


def _hand() -> list[P]:
    return [
        hand(0.03, 0.13, "wrist_dist_lat"),
        hand(0.11, 0.172),
        hand(0.19, 0.222),
        hand(0.27, 0.268, "thumb_mcp"),
        hand(0.35, 0.302),
        hand(0.415, 0.316),
        hand(0.452, 0.298, "thumb_tip"),
        hand(0.44, 0.268),
        hand(0.39, 0.252),
        hand(0.32, 0.232),
        hand(0.255, 0.19, "thumb_web", corner=True),
        hand(0.36, 0.186, "index_base_lat"),
        hand(0.5, 0.184),
        hand(0.618, 0.176),
        hand(0.657, 0.143, "index_tip"),
        hand(0.622, 0.108),
        hand(0.5, 0.101),
        hand(0.41, 0.096, "crotch_im", corner=True),
        hand(0.5, 0.09),
        hand(0.665, 0.086),
        hand(0.706, 0.048, "middle_tip"),
        hand(0.666, 0.009),
        hand(0.52, 0.004),
        hand(0.415, 0.0, "crotch_mr", corner=True),
        hand(0.51, -0.006),
        hand(0.642, -0.012),
        hand(0.681, -0.05, "ring_tip"),
        hand(0.642, -0.088),
        hand(0.52, -0.093),
        hand(0.425, -0.095, "crotch_rl", corner=True),
        hand(0.5, -0.101),
        hand(0.575, -0.106),
        hand(0.61, -0.139, "little_tip"),
        hand(0.57, -0.172),
        hand(0.46, -0.181, "little_base_med"),
        hand(0.33, -0.19),
        hand(0.17, -0.175),
        hand(0.03, -0.125, "wrist_dist_med"),
        hand(-0.12, -0.125, "wrist_prox_med"),
    ]


def _arm_medial() -> list[P]:
    return [
        P(1.085, 3.55, "fa_m2"),
        P(0.975, 3.27, "fa_m1"),
        P(0.935, 3.12, "elb_m_bot"),
        P(0.905, 2.98, "elbow_med"),
        P(0.872, 2.8, "elb_m_top"),
        P(0.78, 2.3, "arm_m2"),
        P(0.73, 2.06),
        P(0.705, 1.975, "axilla", corner=True),
    ]


def _foot_front() -> list[P]:
    """The foot seen from the front: foreshortened, flaring from the ankle to the toes."""
    return [
        P(0.505, 7.78, "foot_o1"),
        P(0.575, 7.93, "foot_o2"),
        P(0.6, 7.99, "toe5"),
        P(0.56, 8.035, "toes_b1"),
        P(0.43, 8.055, "toes_b2"),
        P(0.335, 8.05, "bigtoe_b"),
        P(0.27, 8.0, "bigtoe_m"),
        P(0.25, 7.82, "foot_m1"),
    ]


def _sole() -> list[P]:
    """The back view shows the sole (heel up, toes down), as clinical pain diagrams do."""
    return [
        P(0.485, 7.8, "sole_o1"),
        P(0.52, 7.97, "sole_o2"),
        P(0.548, 8.08),
        P(0.555, 8.17, "toe5b"),
        P(0.525, 8.262),
        P(0.45, 8.312),
        P(0.37, 8.33, "big_tip"),
        P(0.29, 8.305),
        P(0.258, 8.21, "big_m"),
        P(0.255, 8.09, "ball_m"),
        P(0.285, 7.96, "arch_m"),
        P(0.265, 7.8, "heel_m"),
    ]


def _trunk_and_leg(view: str) -> list[P]:
    return [
        P(0.722, 2.15, "tr1"),
        P(0.708, 2.4, "tr2"),
        P(0.668, 2.62, "rib"),
        P(0.625, 2.9, "waist"),
        P(0.645, 3.15, "tr3"),
        P(0.67, 3.25, "crest_hi"),
        P(0.70, 3.35, "iliac"),
        P(0.765, 3.6, "tr4"),
        P(0.80, 3.92, "troch"),
        P(0.785, 4.25, "th_o1"),
        P(0.745, 4.6, "th_o2"),
        P(0.69, 4.95, "th_o3"),
        P(0.625, 5.3, "th_o4"),
        P(0.575, 5.62, "knee_o_top"),
        P(0.555, 5.85, "knee_o"),
        P(0.557, 6.08, "knee_o_bot"),
        P(0.58, 6.35, "calf_o1"),
        P(0.57, 6.65, "calf_o2"),
        P(0.525, 7.0, "calf_o3"),
        P(0.475, 7.35, "leg_o4"),
        P(0.46, 7.55, "ank_o_top"),
        P(0.476, 7.68, "mall_o"),
        *(_foot_front() if view == "front" else _sole()),
        P(0.246, 7.6, "mall_m"),
        P(0.246, 7.45, "ank_m_top"),
        P(0.226, 7.1, "calf_m3"),
        P(0.17, 6.7, "calf_m2"),
        P(0.122, 6.4, "calf_m1"),
        P(0.116, 6.1, "knee_m_bot"),
        P(0.106, 5.88, "knee_m"),
        P(0.106, 5.62, "knee_m_top"),
        P(0.085, 5.2, "th_m3"),
        P(0.055, 4.7, "th_m2"),
        P(0.026, 4.3, "th_m1"),
        P(0.0, 4.06, "crotch"),
    ]


def outline_half(view: str) -> list[P]:
    """The silhouette from the vertex down the viewer-left side to the crotch."""
    return [*_head_and_neck(), *_arm_lateral(), *_hand(), *_arm_medial(), *_trunk_and_leg(view)]
