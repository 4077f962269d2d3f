"""Printed reports (PDF, reportlab): session charts, before/after comparisons and progress."""

from bodymap.export.compare_report import render_comparison
from bodymap.export.progress_report import render_progress
from bodymap.export.visit_report import render_visit_chart

__all__ = ["render_comparison", "render_progress", "render_visit_chart"]
