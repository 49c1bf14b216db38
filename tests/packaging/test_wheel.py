"""A wheel (what `pip install renodesk[server]` puts on a server) carries everything it needs."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from renodesk.ui import i18n

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, renodesk, renodesk.paths as p
print(json.dumps({
    "package": renodesk.__file__,
    "resources": str(p.resources_dir()),
    "local": sorted(x.name for x in (p.migrations_dir("local") / "versions").glob("*.py")),
    "server_env": (p.migrations_dir("server") / "env.py").is_file(),
    "licences": sorted(x.name for x in p.licences_dir().glob("*.txt")),
    "fonts": sorted(x.name for x in (p.resources_dir() / "fonts").glob("*.ttf")),
}))
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from this checkout and installed into a bare folder."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w",
                    str(work / "dist"), str(ROOT)], check=True, timeout=600)
    (wheel,) = (work / "dist").glob("renodesk-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert not any("__pycache__" in name or name.startswith("tests/") for name in names)
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                    str(work / "site"), str(wheel)], check=True, timeout=600)
    return work / "site"


def _probe(site: Path, code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=site, check=True,
                          capture_output=True, text=True, timeout=120)
    return done.stdout


def test_installed_wheel_finds_its_resources_migrations_and_licences(installed: Path) -> None:
    import json

    found = json.loads(_probe(installed, PROBE))
    assert found["package"].startswith(str(installed))
    assert found["resources"].startswith(str(installed / "renodesk" / "_shipped"))
    assert "0001_initial_schema.py" in found["local"]
    assert found["server_env"]
    assert "SQLCipher-BSD-3-Clause.txt" in found["licences"]
    assert found["fonts"]


def test_installed_wheel_creates_and_checks_a_workspace(installed: Path, tmp_path: Path) -> None:
    code = (
        "import sys\nfrom renodesk.cli import main\n"
        f"sys.exit(main(['--data-dir', {str(tmp_path / 'ws')!r}, 'init', "
        "'--organisation', 'Woonstichting Test', '--coach', 'Test Coach']) or "
        f"main(['--data-dir', {str(tmp_path / 'ws')!r}, 'check']))"
    )
    env = {**os.environ, "PYTHONPATH": str(installed), "RENODESK_PASSPHRASE": "proef wachtzin 42"}
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=installed,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_translations_shipped_without_qm_are_compiled_once_into_the_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = tmp_path / "i18n"
    shipped.mkdir()
    for ts in sorted((ROOT / "resources" / "i18n").glob("*_nl.ts"))[:2]:
        (shipped / ts.name).write_bytes(ts.read_bytes())
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    first = i18n.compiled_translations(shipped, "nl")
    assert [qm.stem for qm in first] == [ts.stem for ts in sorted(shipped.glob("*.ts"))]
    assert all(qm.stat().st_size > 0 and tmp_path / "cache" in qm.parents for qm in first)
    assert i18n.compiled_translations(shipped, "nl") == first
    assert not list(shipped.glob("*.qm"))
