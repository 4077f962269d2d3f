"""Qt-free, reportlab-free analyses of charts and visits, shared by the reports and the GUI."""

from bodymap.analysis.compare import ChartComparison, ZoneChange, compare_charts
from bodymap.analysis.progress import ProgressData, VisitPoint, progress_data
from bodymap.analysis.zones import ZonePain, zone_pain

__all__ = [
    "ChartComparison", "ProgressData", "VisitPoint", "ZoneChange", "ZonePain",
    "compare_charts", "progress_data", "zone_pain",
]  # fmt: skip
