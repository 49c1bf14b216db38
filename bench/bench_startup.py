"""Start to a usable main window vs a bare PySide6 window with a 10,000-row table.

Both are measured as whole processes (interpreter start included) in the same run;
"usable" means the workspace is open and the first page has loaded. Target: <= 4x.

    python bench/bench_startup.py [--households 20000] [--runs 3] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASELINE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
model = QStandardItemModel(10_000, 4)
for row in range(10_000):
    for col in range(4):
        model.setItem(row, col, QStandardItem(f"{row}-{col}"))
window = QMainWindow()
view = QTableView()
view.setModel(model)
window.setCentralWidget(view)
window.resize(1200, 780)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""

RENODESK = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from renodesk.ui.app import build
from renodesk.paths import Paths
window, startup = build(Paths.resolve(sys.argv[1]), "nl", demo=False)
window.show()
QTimer.singleShot(0, startup.begin)
def check():
    if window.ready and window.runner.idle:
        app.quit()
    else:
        QTimer.singleShot(5, check)
QTimer.singleShot(5, check)
app.exec()
window.runner.shutdown()
"""


def _time(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", *args], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def _reference(folder: Path, households: int) -> None:
    from renodesk.app import exists, init_workspace
    from renodesk.paths import Paths
    from renodesk.reports.demo import generate

    paths = Paths.resolve(folder)
    if exists(paths):
        return
    print(f"building the reference workspace ({households} households) in {folder} ...")
    workspace = init_workspace(paths, "Woonstichting De Linde", "Sanne Bakker",
                               lambda: "benchmark-passphrase")
    generate(workspace, households=households, seed=1)
    workspace.engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data-dir", help="reference workspace folder (built if missing)")
    args = parser.parse_args()
    folder = Path(args.data_dir or Path(tempfile.gettempdir()) / f"renodesk-ref-{args.households}")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           # The reference workspace keeps its key by passphrase: no OS keyring in a benchmark.
           "RENODESK_PASSPHRASE": "benchmark-passphrase"}
    os.environ["RENODESK_PASSPHRASE"] = env["RENODESK_PASSPHRASE"]
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())  # forces passphrase mode when building the workspace
    _reference(folder, args.households)
    # An installed RenoDesk (bundle or wheel) ships compiled bytecode; a source checkout
    # with PYTHONDONTWRITEBYTECODE set would recompile every module at every start.
    import compileall

    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "renodesk"), quiet=1)
    baseline, renodesk = [], []
    for _ in range(args.runs):
        baseline.append(_time([BASELINE], env))
        renodesk.append(_time([RENODESK, str(folder)], env))
    base, ours = statistics.median(baseline), statistics.median(renodesk)
    print(f"bare PySide6 window + 10,000-row table: median {base * 1000:.0f} ms "
          f"(runs: {', '.join(f'{b * 1000:.0f}' for b in baseline)})")
    print(f"RenoDesk to a usable main window:       median {ours * 1000:.0f} ms "
          f"(runs: {', '.join(f'{r * 1000:.0f}' for r in renodesk)})")
    print(f"ratio: {ours / base:.2f}x (target <= 4x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
