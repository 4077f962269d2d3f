"""Safe default file names for reports: ids and dates only, never a client's name."""

from __future__ import annotations

import re
from datetime import date

from bodymap.model.visit import Visit

_UNSAFE = re.compile(r"[^a-z0-9-]+")


def _part(text: str) -> str:
    return _UNSAFE.sub("", text.lower())[:8] or "x"


def visit_filename(visit: Visit) -> str:
    """e.g. "visit-1a2b3c4d-2026-01-05.pdf"."""
    return f"visit-{_part(visit.id)}-{visit.started_at:%Y-%m-%d}.pdf"


def comparison_filename(before: Visit, after: Visit | None) -> str:
    """Pre vs post of one visit, or visit A vs visit B."""
    if after is None:
        return f"compare-{_part(before.id)}-{before.started_at:%Y-%m-%d}-pre-post.pdf"
    return (f"compare-{_part(before.id)}-{before.started_at:%Y-%m-%d}"
            f"-vs-{_part(after.id)}-{after.started_at:%Y-%m-%d}.pdf")  # fmt: skip


def progress_filename(client_id: str, start: date | None, end: date | None) -> str:
    span = f"-{start:%Y-%m-%d}" if start else ""
    span += f"-to-{end:%Y-%m-%d}" if end else ""
    return f"progress-{_part(client_id)}{span}.pdf"
