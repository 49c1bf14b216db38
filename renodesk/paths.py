"""Where a workspace lives on disk. No globals: callers pass the Paths they use."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "RenoDesk"
ENV_DATA_DIR = "RENODESK_DATA_DIR"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, APP_NAME))


@functools.cache
def shipped_dir() -> Path:
    """The folder holding what ships beside the code: ``resources/``, ``database/`` and the
    licence texts. A PyInstaller bundle, a source checkout (or editable install), or an
    installed wheel (which carries them as ``renodesk/_shipped``, see setup.py)."""
    import sys

    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    package = Path(__file__).resolve().parent
    checkout = package.parent
    if (checkout / "resources").is_dir():
        return checkout
    return package / "_shipped"


def resources_dir() -> Path:
    """Icons, fonts, letter templates, guidance, translations."""
    return shipped_dir() / "resources"


def migrations_dir(kind: str) -> Path:
    """The Alembic environment of ``kind``: "local" (the workspace) or "server"."""
    return shipped_dir() / "database" / kind


def licences_dir() -> Path:
    """The licence texts: ``licenses/`` when installed, ``packaging/licenses`` in a checkout."""
    root = shipped_dir()
    installed = root / "licenses"
    return installed if installed.is_dir() else root / "packaging" / "licenses"


@dataclass(frozen=True)
class Paths:
    """The files of one workspace."""

    root: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None, demo: bool = False) -> Paths:
        if data_dir:
            root = Path(data_dir)
        elif os.environ.get(ENV_DATA_DIR):
            root = Path(os.environ[ENV_DATA_DIR])
        else:
            root = default_data_dir()
            if demo:
                root = root / "demo"
        return cls(root.expanduser().resolve())

    @property
    def database(self) -> Path:
        return self.root / "workspace.db"

    @property
    def workspace_file(self) -> Path:
        """Non-secret facts about the workspace: its id, key mode, KDF salt."""
        return self.root / "workspace.json"

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.json"

    @property
    def window_state_file(self) -> Path:
        return self.root / "window-state.ini"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def ensure(self) -> None:
        for folder in (self.root, self.backups, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
