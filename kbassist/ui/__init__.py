"""PySide6 user interface: tray, overlay, dialogs, background workers."""
