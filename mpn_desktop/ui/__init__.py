"""The PySide6 user interface: main window, step tabs, status panel, wizard, dialogs."""
