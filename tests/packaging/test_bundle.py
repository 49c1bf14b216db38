"""The Linux bundle builds with PyInstaller and passes the smoke test of packaging/build.sh.

The smoke test runs the built program as a coach's laptop would: ``--version`` from the
package metadata, ``init`` and ``check`` on a new encrypted workspace, the keyring backend
present, and the window opening the demo workspace offscreen and closing by itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "packaging" / "build.sh"


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="CI builds the Linux bundle")
def test_the_bundle_builds_and_passes_its_smoke_test(tmp_path: Path) -> None:
    bash = shutil.which("bash")
    assert bash, "bash is needed to run packaging/build.sh"
    env = dict(os.environ)
    env["RENODESK_VENV"] = str(Path(sys.executable).parent.parent)  # the tests' own Python
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("RENODESK_DATA_DIR", None)
    try:
        done = subprocess.run(
            [bash, str(BUILD), "--dist", str(tmp_path / "dist"), "--work", str(tmp_path / "work")],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    finally:
        # The bundle is ~270 MB: do not leave it for pytest's tmp retention.
        shutil.rmtree(tmp_path / "dist", ignore_errors=True)
        shutil.rmtree(tmp_path / "work", ignore_errors=True)
    report = f"--- stdout\n{done.stdout[-6000:]}\n--- stderr\n{done.stderr[-6000:]}"
    assert done.returncode == 0, f"packaging/build.sh failed (exit {done.returncode})\n{report}"
    assert "smoke test passed" in done.stdout, report
