"""PySide6 6.12.0 on Python 3.11 drops None's refcount on every void call and aborts the process
(none_dealloc) after a few thousand calls. The pin in pyproject keeps us clear; this proves it."""

from __future__ import annotations

import os
import subprocess
import sys

CODE = """
import sys
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
obj = QObject()
timer = QTimer()
for i in range(20000):
    obj.setObjectName("x")      # void
    timer.setInterval(i % 100)  # void
    obj.blockSignals(False)
print("ok", sys.getrefcount(None) > 0)
"""


def test_twenty_thousand_void_calls_do_not_crash() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "ok True"


def test_installed_pyside6_is_not_the_crashing_combination() -> None:
    import PySide6

    if sys.version_info < (3, 12):
        assert not PySide6.__version__.startswith("6.12.0"), PySide6.__version__
