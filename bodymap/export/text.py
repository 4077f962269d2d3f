"""Wording shared by the reports: enum labels, dates, client and visit headers."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date, datetime
from enum import Enum
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Table, TableStyle

from bodymap.analysis.zones import region_words
from bodymap.export import colours
from bodymap.export.layout import Meta, markup, table
from bodymap.geometry import Atlas
from bodymap.model.client import Client
from bodymap.model.intake import Intake, red_flag_lines
from bodymap.model.outcomes import Outcomes
from bodymap.model.visit import Visit

RED_FLAG_ALERT = "RED FLAG AT INTAKE: see page 1"


def check_owner(client: Client, visits: Sequence[Visit]) -> None:
    """Refuse to print one client's visit under another client's name."""
    for v in visits:
        if v.client_id != client.id:
            raise ValueError(f"visit {v.id}: belongs to another client than {client.id}")


def words(value: Enum | str) -> str:
    """An enum value as words ("myofascial_release" -> "myofascial release")."""
    return str(value.value if isinstance(value, Enum) else value).replace("_", " ")


def zone_cells(atlas: Atlas, zone_id: str) -> list[str]:
    """A zone's label and region for a table row; the bare id and "-" for an unknown zone."""
    if not atlas.has_zone(zone_id):
        return [zone_id, "-"]
    zone = atlas.zone(zone_id)
    return [zone.label, region_words(zone.region)]


def day(d: date | datetime) -> str:
    return d.strftime("%Y-%m-%d")


def when(d: datetime) -> str:
    return d.strftime("%Y-%m-%d %H:%M")


def short_id(item_id: str) -> str:
    return item_id[:8]


def visit_line(visit: Visit) -> str:
    """One line about a visit: date, kind, status."""
    status = f"signed by {visit.signed_by}" if visit.is_signed else "draft"
    amended = f", amended {len(visit.amendments)}x" if visit.amendments else ""
    return f"{when(visit.started_at)}, {words(visit.kind)}, {status}{amended}"


def client_header(client: Client, rows: list[tuple[str, str]], width: float) -> Flowable:
    """The report's key facts as a two-column table, the client first."""
    born = day(client.date_of_birth) if client.date_of_birth else "not recorded"
    data = [("Client", client.name), ("Date of birth", born), *rows]
    half = (len(data) + 1) // 2
    left, right = data[:half], data[half:] + [("", "")] * (2 * half - len(data))
    cells = [[a, b, c, d] for (a, b), (c, d) in zip(left, right, strict=True)]
    w = width / 2
    return table(cells, [w * 0.3, w * 0.7, w * 0.3, w * 0.7], header=False, zebra=False)


def red_flag_banner(intake: Intake | None, width: float) -> list[Flowable]:
    """The intake's red flags answered yes, in a red box (nothing when there are none)."""
    lines = red_flag_lines(intake)
    if intake is None or not lines:
        return []
    head = "Red flags" if len(lines) > 1 else "Red flag"
    text = (
        f"<b>{head} at intake</b> (revision {intake.revision}, {day(intake.recorded_at)}): "
        f"{escape('; '.join(lines))}. Consider referral to a physician before treatment: a red "
        "flag is a prompt to check, not a diagnosis."
    )
    box = Table([[markup(text, "cell")]], colWidths=[width], hAlign="LEFT")
    box.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colours.ALERT_BG),
                             ("BOX", (0, 0), (-1, -1), 0.8, colours.ALERT),
                             ("TOPPADDING", (0, 0), (-1, -1), 3),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))  # fmt: skip
    return [box]


def report_meta(meta: Meta, *, intake: Intake | None, draft: bool) -> Meta:
    """The document frame with the DRAFT watermark and the red-flag line where they apply."""
    alert = RED_FLAG_ALERT if red_flag_lines(intake) else ""
    return dataclasses.replace(meta, draft=draft, alert=alert)


def score(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "-"
    return f"{value:.{digits}f}"


def outcome_rows(o: Outcomes) -> list[list[str]]:
    """Outcome measures as (measure, value) rows; measures not asked are left out."""
    rows: list[list[str]] = []
    pain = [(n, v) for n, v in (("now", o.pain_now), ("least", o.pain_least),
                                ("worst", o.pain_worst)) if v is not None]  # fmt: skip
    if pain:
        rows.append(["Pain (NRS 0-10)", ", ".join(f"{n} {v}" for n, v in pain)])
    if o.peg is not None:
        p = o.peg
        rows.append(["PEG", f"{p.score:.1f} (pain {p.pain}, enjoyment {p.enjoyment}, "
                            f"activity {p.activity})"])  # fmt: skip
    if o.psfs:
        items = "; ".join(f"{r.activity}: {r.score}" for r in o.psfs)
        rows.append(["PSFS", f"{o.psfs_score:.1f} ({items})"])
    if o.sleep_hours is not None or o.pain_wakes is not None:
        hours = f"{o.sleep_hours:g} h" if o.sleep_hours is not None else "-"
        wakes = {None: "", True: ", woken by pain", False: ", not woken by pain"}[o.pain_wakes]
        rows.append(["Sleep", hours + wakes])
    if o.medication:
        rows.append(["Medication", o.medication])
    for r in o.rom:
        rows.append([f"ROM {r.joint}", f"{r.movement} {r.degrees:g}°{' (painful)' * r.painful}"])
    return rows
