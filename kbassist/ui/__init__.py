"""PySide6 user interface: tray, overlay, dialogs, background workers."""

import builtins

import PySide6  # noqa: F401 - loads shiboken, which installs the import hook undone below

# PySide6 wraps __import__ for its opt-in `from __feature__ import ...` switches, which this app does not use: after
# every import statement it reads the imported module's whole source (to look for "PySide6") into linecache, where it
# stays: ~10 MB of resident memory in the app, and slower imports. Any use of the UI package puts the plain import back.
if callable(getattr(builtins, "__orig_import__", None)):
    builtins.__import__ = builtins.__orig_import__
