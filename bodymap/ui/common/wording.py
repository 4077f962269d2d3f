"""Chart items in words: read-back lines and zone names with the patient's side in capitals."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from bodymap.geometry import Atlas
from bodymap.model import Finding, FindingKind, PainMark, Quality, Stroke


def tr(text: str) -> str:
    return QCoreApplication.translate("Wording", text)


QUALITY_NAMES = {
    Quality.ACHING: "aching", Quality.BURNING: "burning", Quality.SHARP: "sharp/stabbing",
    Quality.THROBBING: "throbbing", Quality.CRAMPING: "cramping", Quality.TINGLING: "tingling",
    Quality.NUMBNESS: "numbness", Quality.OTHER: "other",
}  # fmt: skip
FINDING_NAMES = {
    FindingKind.TRIGGER_POINT: "trigger point", FindingKind.TENDER_POINT: "tender point",
    FindingKind.HYPERTONICITY: "hypertonicity", FindingKind.SPASM: "spasm",
    FindingKind.ADHESION: "adhesion", FindingKind.INFLAMMATION: "inflammation",
}  # fmt: skip


def loud_side(label: str, upper: Callable[[str], str] = str.upper) -> tuple[str, bool]:
    """ "Left temple" -> ("LEFT temple", True); a midline label comes back as it is, False."""
    for side in ("Left", "Right"):
        if label.startswith(side + " "):
            return upper(side) + " " + label[len(side) + 1 :], True
    return label, False


def zone_words(atlas: Atlas, zone_id: str) -> str:
    """ "Left temple" -> "LEFT temple (front)": the patient's own side, loud enough to check."""
    zone = atlas.zone(zone_id)
    return f"{loud_side(zone.label)[0]} ({tr(zone.view)})"


def item_words(atlas: Atlas, item: object) -> str:
    """A chart item as one line: "LEFT temple (front), 6/10, throbbing"."""
    if isinstance(item, PainMark):
        qualities = ", ".join(tr(QUALITY_NAMES[q]) for q in item.qualities)
        return f"{zone_words(atlas, item.zone)}, {item.intensity}/10, {qualities}"
    if isinstance(item, Stroke):
        return tr("shading") + f", {item.intensity}/10, {tr(QUALITY_NAMES[item.quality])}"
    if isinstance(item, Finding):
        what = tr(FINDING_NAMES[item.kind])
        if item.state is not None:
            what = f"{tr(item.state.value)} {what}"
        if item.muscle:
            what += f" ({item.muscle})"
        return f"{what}, {zone_words(atlas, item.zone)}"
    return tr("referral arrow")


def readback(atlas: Atlas, item: object, action: str = "Marked") -> str:
    return f"{tr(action)}: {item_words(atlas, item)}"
