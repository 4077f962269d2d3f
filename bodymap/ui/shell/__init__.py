"""The window's frame: main window, actions and menus, legend, help, style, start-up, screenshot."""
