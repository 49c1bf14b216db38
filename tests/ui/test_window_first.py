"""The window goes up before the data layer is imported (start-up time, issue 3)."""

import subprocess
import sys
from pathlib import Path

PROBE = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from renodesk.paths import Paths
from renodesk.ui.app import build
window, startup = build(Paths.resolve(sys.argv[1]), "nl", demo=False)
window.show()
heavy = sorted(m for m in ("sqlalchemy", "sqlcipher3", "httpx", "reportlab", "keyring")
               if m in sys.modules)
print("HEAVY:" + ",".join(heavy))
"""


def test_building_the_window_imports_no_data_layer(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "ws")], capture_output=True, text=True,
        timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                          "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("HEAVY:"))
    assert line == "HEAVY:", f"imported before the window was up: {line[6:]}"
