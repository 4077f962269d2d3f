"""The History & plan tab: visit timeline with thumbnails, trend chart, before/after on screen."""
