"""The zone catalog: every zone's id stem, label wording and region, per view."""

from __future__ import annotations

# (stem, label wording after "Left"/"Right" or as is for midline, region)
# Lateral zones get ids left-<stem> / right-<stem>; midline zones use the stem as id.
FRONT_LATERAL: list[tuple[str, str, str]] = [
    ("forehead", "forehead", "face"),
    ("temple", "temple", "head"),
    ("eye", "eye / orbit", "face"),
    ("cheek", "cheek", "face"),
    ("jaw", "jaw (angle of mandible)", "face"),
    ("ear", "ear", "head"),
    ("tmj", "jaw joint (TMJ, in front of the ear)", "face"),
    ("front-neck", "front of neck", "neck"),
    ("side-neck", "side of neck", "neck"),
    ("front-shoulder", "front of shoulder", "shoulder"),
    ("side-shoulder", "side of shoulder", "shoulder"),
    ("upper-chest", "upper chest (below collarbone)", "chest"),
    ("breast", "breast / pectoral", "chest"),
    ("side-chest", "side of chest", "chest"),
    ("upper-abdomen", "upper abdomen", "abdomen"),
    ("mid-abdomen", "mid abdomen", "abdomen"),
    ("lower-abdomen", "lower abdomen", "abdomen"),
    ("groin", "groin", "groin"),
    ("front-hip", "front of hip", "hip"),
    ("upper-arm-front-inner", "front of upper arm, inner half", "upper-arm"),
    ("upper-arm-front-outer", "front of upper arm, outer half", "upper-arm"),
    ("elbow-front", "front of elbow (crease)", "elbow"),
    ("inner-elbow", "inner elbow (medial epicondyle)", "elbow"),
    ("outer-elbow-front", "outer elbow (lateral epicondyle, front view)", "elbow"),
    ("forearm-palmar-radial", "forearm, palm side, thumb edge", "forearm"),
    ("forearm-palmar-ulnar", "forearm, palm side, little-finger edge", "forearm"),
    ("wrist-palmar", "front of wrist (palm side)", "wrist"),
    ("thenar", "ball of thumb (thenar)", "hand"),
    ("palm", "palm", "hand"),
    ("thumb-palmar", "thumb (palm side)", "hand"),
    ("index-palmar", "index finger (palm side)", "hand"),
    ("middle-palmar", "middle finger (palm side)", "hand"),
    ("ring-palmar", "ring finger (palm side)", "hand"),
    ("little-palmar", "little finger (palm side)", "hand"),
    ("thigh-front", "front of thigh", "thigh"),
    ("thigh-inner", "inner thigh", "thigh"),
    ("thigh-outer", "outer thigh", "thigh"),
    ("kneecap", "kneecap", "knee"),
    ("knee-front", "front of knee (below kneecap)", "knee"),
    ("knee-inner", "inner knee", "knee"),
    ("knee-outer", "outer knee", "knee"),
    ("shin", "shin", "lower-leg"),
    ("lower-leg-outer", "outer lower leg", "lower-leg"),
    ("ankle-front", "front of ankle", "ankle"),
    ("ankle-inner", "inner ankle (medial malleolus)", "ankle"),
    ("ankle-outer", "outer ankle (lateral malleolus)", "ankle"),
    ("foot-top", "top of foot", "foot"),
    ("big-toe", "big toe", "foot"),
    ("toes", "small toes", "foot"),
]
FRONT_MIDLINE: list[tuple[str, str, str]] = [
    ("vertex", "Top of head (vertex)", "head"),
    ("nose", "Nose", "face"),
    ("mouth-chin", "Mouth and chin", "face"),
    ("throat", "Throat", "neck"),
    ("sternum", "Breastbone (sternum)", "chest"),
    ("pubic", "Pubic area", "groin"),
]
BACK_LATERAL: list[tuple[str, str, str]] = [
    ("parietal", "side of head (back view)", "head"),
    ("occiput", "back of head (occiput)", "head"),
    ("mastoid", "behind the ear (mastoid)", "head"),
    ("back-neck", "back of neck", "neck"),
    ("cervical-paraspinal", "neck muscles beside the spine", "neck"),
    ("shoulder-top", "top of shoulder", "shoulder"),
    ("back-shoulder", "back of shoulder", "shoulder"),
    ("supraspinous", "shoulder blade, above the spine (supraspinous)", "upper-back"),
    ("infraspinous", "shoulder blade, below the spine (infraspinous)", "upper-back"),
    ("scapular-border", "inner border of shoulder blade", "upper-back"),
    ("axilla-back", "back of armpit (lateral shoulder blade)", "upper-back"),
    ("upper-thoracic-paraspinal", "upper back beside the spine", "upper-back"),
    ("lower-thoracic-paraspinal", "mid back beside the spine", "mid-back"),
    ("mid-back", "mid back", "mid-back"),
    ("flank", "flank", "mid-back"),
    ("lumbar-paraspinal", "low back beside the spine", "lower-back"),
    ("lower-back", "low back (side)", "lower-back"),
    ("iliac-crest", "iliac crest (belt line)", "lower-back"),
    ("sacroiliac", "sacroiliac joint", "lower-back"),
    ("buttock-upper", "upper buttock", "buttock"),
    ("buttock-lower", "lower buttock", "buttock"),
    ("hip-side", "side of hip (greater trochanter)", "hip"),
    ("upper-arm-back-inner", "back of upper arm, inner half", "upper-arm"),
    ("upper-arm-back-outer", "back of upper arm, outer half", "upper-arm"),
    ("elbow-back", "back of elbow (olecranon)", "elbow"),
    ("outer-elbow", "outer elbow (lateral epicondyle)", "elbow"),
    ("forearm-dorsal-radial", "forearm, back, thumb edge", "forearm"),
    ("forearm-dorsal-ulnar", "forearm, back, little-finger edge", "forearm"),
    ("wrist-dorsal", "back of wrist", "wrist"),
    ("hand-back", "back of hand", "hand"),
    ("thumb-dorsal", "thumb (back)", "hand"),
    ("index-dorsal", "index finger (back)", "hand"),
    ("middle-dorsal", "middle finger (back)", "hand"),
    ("ring-dorsal", "ring finger (back)", "hand"),
    ("little-dorsal", "little finger (back)", "hand"),
    ("thigh-back-inner", "back of thigh, inner side", "thigh"),
    ("thigh-back-outer", "back of thigh, outer side", "thigh"),
    ("knee-back", "back of knee (popliteal)", "knee"),
    ("calf-inner", "calf, inner side", "lower-leg"),
    ("calf-outer", "calf, outer side", "lower-leg"),
    ("achilles", "Achilles tendon", "ankle"),
    ("heel-back", "back of heel", "foot"),
    ("heel-pad", "heel pad (underside)", "foot"),
    ("sole", "sole / arch", "foot"),
    ("toes-sole", "underside of toes", "foot"),
]
BACK_MIDLINE: list[tuple[str, str, str]] = [
    ("crown", "Crown of head (back)", "head"),
    ("cervical-spine", "Neck spine (cervical)", "neck"),
    ("upper-thoracic-spine", "Upper back spine (upper thoracic)", "upper-back"),
    ("lower-thoracic-spine", "Mid back spine (lower thoracic)", "mid-back"),
    ("lumbar-spine", "Low back spine (lumbar)", "lower-back"),
    ("sacrum", "Sacrum", "lower-back"),
    ("coccyx", "Tailbone (coccyx)", "lower-back"),
]

# Lateral stems an earlier atlas had, and the stems that replaced them (charts move by point).
RETIRED: list[tuple[str, tuple[str, ...]]] = [
    ("upper-arm-front", ("upper-arm-front-inner", "upper-arm-front-outer")),
    ("upper-arm-back", ("upper-arm-back-inner", "upper-arm-back-outer")),
]

CATALOG = {
    "front": (FRONT_LATERAL, FRONT_MIDLINE),
    "back": (BACK_LATERAL, BACK_MIDLINE),
}


def zone_entries() -> list[dict[str, str]]:
    """All zones as data-file entries (id, label, view, side, region), views in order."""
    out: list[dict[str, str]] = []
    for view, (lateral, midline) in CATALOG.items():
        for side in ("right", "left"):
            for stem, words, region in lateral:
                out.append(
                    {
                        "id": f"{side}-{stem}",
                        "label": f"{side.capitalize()} {words}",
                        "view": view,
                        "side": side,
                        "region": region,
                    }
                )
        for stem, label, region in midline:
            out.append(
                {"id": stem, "label": label, "view": view, "side": "midline", "region": region}
            )
    return out


def retired_entries() -> list[dict[str, object]]:
    """Retired ids with the ids that replaced them, both sides."""
    return [
        {"id": f"{side}-{stem}", "now": [f"{side}-{n}" for n in now]}
        for stem, now in RETIRED
        for side in ("right", "left")
    ]


# The views in the order the window and the reports show them: (id, title, chart page).
VIEWS: list[tuple[str, str, str]] = [
    ("front", "Front", "body"),
    ("back", "Back", "body"),
]


def view_entries() -> list[dict[str, object]]:
    """The data file's "views" list."""
    return [{"id": v, "title": title, "chart": chart} for v, title, chart in VIEWS]
