"""Notes in words: the objective line drafted from a chart, and tagged lines kept inside SOAP text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bodymap.analysis.zones import zone_hits
from bodymap.geometry import Atlas
from bodymap.model.chart import Chart
from bodymap.model.values import FindingKind, Quality, TriggerPointState

FINDING_WORDS = {
    FindingKind.TRIGGER_POINT: "TrP", FindingKind.TENDER_POINT: "tender point",
    FindingKind.HYPERTONICITY: "hypertonicity", FindingKind.SPASM: "spasm",
    FindingKind.ADHESION: "adhesion", FindingKind.INFLAMMATION: "inflammation",
}  # fmt: skip
QUALITY_WORDS = {q: q.value for q in Quality} | {Quality.SHARP: "sharp/stabbing"}
# Findings first, in the order a therapist reads them out (PART: tissue changes).
FINDING_ORDER = (
    FindingKind.TRIGGER_POINT, FindingKind.HYPERTONICITY, FindingKind.SPASM,
    FindingKind.TENDER_POINT, FindingKind.ADHESION, FindingKind.INFLAMMATION,
)  # fmt: skip


def zone_phrase(atlas: Atlas, zone_id: str) -> str:
    """A zone as it reads in a note: "Left temple" -> "left temple" (the patient's side)."""
    label = atlas.zone(zone_id).label if atlas.has_zone(zone_id) else zone_id.replace("-", " ")
    return label[:1].lower() + label[1:]


def _finding_phrases(chart: Chart, atlas: Atlas) -> list[str]:
    seen: list[str] = []
    ordered = sorted(chart.findings, key=lambda f: (FINDING_ORDER.index(f.kind), f.state != TriggerPointState.ACTIVE))  # fmt: skip
    for f in ordered:
        what = FINDING_WORDS[f.kind]
        if f.state is not None:
            what = f"{f.state.value} {what}"
        phrase = f"{what} {zone_phrase(atlas, f.zone)}"
        if f.muscle:
            phrase += f" ({f.muscle})"
        if phrase not in seen:
            seen.append(phrase)
    return seen


def _pain_by_zone(chart: Chart, atlas: Atlas) -> dict[str, tuple[int, list[Quality]]]:
    pain: dict[str, tuple[int, list[Quality]]] = {}
    for zone, intensity, _cover, qualities in zone_hits(chart, atlas):
        worst, quals = pain.get(zone, (0, []))
        quals = quals + [q for q in qualities if q not in quals and q is not Quality.OTHER]
        pain[zone] = (max(worst, intensity), quals)
    return pain


def objective_text(chart: Chart, atlas: Atlas) -> str:
    """The chart as an objective-note draft the therapist edits.

    "Active TrP left upper trapezius; hypertonicity left levator scapulae; pain 6/10 left
    temple, throbbing." Findings come first, then pain from the worst down; "" for an empty chart.
    """
    parts = _finding_phrases(chart, atlas)
    pain = _pain_by_zone(chart, atlas)
    for zone, (intensity, quals) in sorted(pain.items(), key=lambda kv: (-kv[1][0], kv[0])):
        phrase = f"pain {intensity}/10 {zone_phrase(atlas, zone)}"
        if quals:
            phrase += ", " + ", ".join(QUALITY_WORDS[q] for q in quals)
        parts.append(phrase)
    targets = sorted({a.to_zone for a in chart.arrows})
    if targets:
        parts.append("referring to " + ", ".join(zone_phrase(atlas, z) for z in targets))
    if not parts:
        return ""
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


def split_tagged(text: str, tags: Sequence[str]) -> tuple[str, dict[str, str]]:
    """Free text and the values of "Tag: value" lines for `tags` (lines are lifted out).

    Fields the visit model has no column for (areas treated, pressure tolerance, client
    feedback) live as such lines inside SOAP text, so they print and export with the notes.
    """
    body: list[str] = []
    found: dict[str, str] = {}
    for line in text.splitlines():
        tag, sep, value = line.partition(":")
        if sep and tag.strip() in tags and tag.strip() not in found:
            found[tag.strip()] = value.strip()
        else:
            body.append(line)
    while body and not body[-1].strip():
        body.pop()
    return "\n".join(body), found


def join_tagged(body: str, values: Mapping[str, str]) -> str:
    """The inverse of split_tagged: free text, then one "Tag: value" line per non-empty value."""
    lines = [f"{tag}: {' '.join(v.split())}" for tag, v in values.items() if v.strip()]
    body = body.rstrip()
    if not lines:
        return body
    return (body + "\n" if body else "") + "\n".join(lines)
