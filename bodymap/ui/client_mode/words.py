"""Plain words for clients: areas with their side ("your LEFT shoulder, back"), feelings, scale."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bodymap.geometry import Atlas
from bodymap.model import PainMark, Quality
from bodymap.ui.client_mode.report import Area
from bodymap.ui.common.wording import loud_side


def tr(text: str) -> str:
    return QCoreApplication.translate("ClientWords", text)


# Plain words for each feeling a client can pick (their symbols are drawn in icons.py).
FEELINGS = {
    Quality.ACHING: "aching", Quality.BURNING: "burning", Quality.SHARP: "sharp",
    Quality.THROBBING: "throbbing", Quality.TINGLING: "tingling", Quality.NUMBNESS: "numb",
}  # fmt: skip
# Words for the rest of the vocabulary, should a therapist's quality ever be read back.
OTHER_FEELINGS = {Quality.CRAMPING: "cramping", Quality.OTHER: "something else"}


def feeling_word(q: Quality) -> str:
    return tr(FEELINGS[q] if q in FEELINGS else OTHER_FEELINGS[q])


def zone_phrase(atlas: Atlas, zone_id: str) -> str:
    """ "Left shoulder" on the back view -> "your LEFT shoulder, back"."""
    zone = atlas.zone(zone_id)
    label, lateral = loud_side(zone.label, lambda side: tr(side.upper()))
    if not lateral:
        label = label[:1].lower() + label[1:]
    where = tr("front") if zone.view == "front" else tr("back")
    return tr("your {0}, {1}").format(label, where)


def area_phrase(atlas: Atlas, item: Area, zone_id: str) -> str:
    """A marked spot is "your LEFT knee, front"; a shaded area adds "and around it"."""
    phrase = zone_phrase(atlas, zone_id)
    return phrase if isinstance(item, PainMark) else tr("{0} and around it").format(phrase)


def feelings_of(item: Area) -> tuple[Quality, ...]:
    return item.qualities if isinstance(item, PainMark) else (item.quality,)


def summary_line(atlas: Atlas, item: Area, zone_id: str) -> str:
    """ "Your LEFT shoulder, back: 6 out of 10, aching and burning"."""
    phrase = area_phrase(atlas, item, zone_id)
    words = [feeling_word(q) for q in feelings_of(item)]
    feel = words[0] if len(words) == 1 else ", ".join(words[:-1]) + tr(" and ") + words[-1]
    head = phrase[:1].upper() + phrase[1:]
    return tr("{0}: {1} out of 10, {2}").format(head, item.intensity, feel)
