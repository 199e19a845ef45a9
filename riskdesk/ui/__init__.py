"""The PySide6 user interface. The only package that imports Qt."""

# The main window's size when it first opens (width, height): room for the case list, a stage's
# checklist and the point in full side by side on a 1600×900 court workstation screen. Kept here,
# free of Qt, so bench/ can open its floor window at the same size.
WINDOW_SIZE = (1440, 880)
