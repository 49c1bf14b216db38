"""PySide6 6.12.0 on CPython 3.11 aborts ('none_dealloc') after ~5,000 calls of a void
method; a coach's day makes far more. The installed PySide6 must survive 20,000."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
widget, timer = QWidget(), QTimer()
for i in range(20_000):
    widget.setEnabled(i % 2 == 0)
    timer.stop()
print("survived")
"""


def test_twenty_thousand_void_calls_do_not_abort():
    # A separate process: an abort must fail this test, not kill the whole test run.
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          timeout=60, env={"QT_QPA_PLATFORM": "offscreen",
                                           "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "survived"
