"""Where a workspace lives on disk. No globals: callers pass the Paths they use."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "RenoDesk"
ENV_DATA_DIR = "RENODESK_DATA_DIR"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, APP_NAME))


def resources_dir() -> Path:
    """The shipped resources folder (source tree, or a PyInstaller bundle)."""
    import sys

    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


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
