"""The Qt desktop interface: main window, body map view, editors. Only this package imports Qt."""
