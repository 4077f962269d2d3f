"""The body map: scene and view, chart items and layers, gestures, tools, coverage, session."""
