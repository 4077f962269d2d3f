"""Printed reports (PDF, reportlab): session charts, before/after comparisons and progress."""

from bodymap.export.visit_report import render_visit_chart

__all__ = ["render_visit_chart"]
