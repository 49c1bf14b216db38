"""The coach's preferences, declared once: key, type, default, translatable label.

Stored as JSON in ``Paths.settings_file``. Remembered window state (size,
position, splitters) lives apart, in ``Paths.window_state_file``, written by the
interface. Secrets (passphrases, server tokens, team keys) never come here: they
live in the keyring.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Marks ``text`` for Qt Linguist; the interface translates it in ``context``."""
    return text


#: Translation context of the labels below (used by the settings dialog).
LABEL_CONTEXT = "Settings"


@dataclass(frozen=True)
class Setting:
    """One declared preference."""

    key: str
    type: type
    default: Any
    label: str  # English source text, translated by the interface in LABEL_CONTEXT
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None

    def clean(self, value: Any) -> Any:
        """The value as this setting's type, or ValueError."""
        if self.type is bool:
            if not isinstance(value, bool):
                raise ValueError(f"{self.key}: expected true or false")
            return value
        if self.type is int:
            if isinstance(value, bool):
                raise ValueError(f"{self.key}: expected a whole number")
            number = int(value)
            if self.minimum is not None and number < self.minimum:
                raise ValueError(f"{self.key}: at least {self.minimum}")
            if self.maximum is not None and number > self.maximum:
                raise ValueError(f"{self.key}: at most {self.maximum}")
            return number
        text = str(value).strip()
        if self.choices and text not in self.choices:
            raise ValueError(f"{self.key}: one of {', '.join(self.choices)}")
        return text


DECLARED: tuple[Setting, ...] = (
    Setting("language", str, "nl", QT_TRANSLATE_NOOP("Settings", "Language"),
            choices=("nl", "en")),
    Setting("idle_lock_minutes", int, 5,
            QT_TRANSLATE_NOOP("Settings", "Lock after this many idle minutes"),
            minimum=1, maximum=240),
    Setting("auto_sync_minutes", int, 15,
            QT_TRANSLATE_NOOP("Settings", "Synchronise every ... minutes (0 = only by hand)"),
            minimum=0, maximum=1440),
    Setting("sync_folder", str, "", QT_TRANSLATE_NOOP("Settings", "Shared sync folder")),
    Setting("server_url", str, "", QT_TRANSLATE_NOOP("Settings", "Sync server address")),
    Setting("sync_delete_limit", int, 50,
            QT_TRANSLATE_NOOP("Settings", "Ask before a sync deletes more records than"),
            minimum=1, maximum=10000),
    Setting("large_print_letters", bool, False,
            QT_TRANSLATE_NOOP("Settings", "Large print letters by default")),
)

BY_KEY: dict[str, Setting] = {s.key: s for s in DECLARED}


class Settings:
    """The current values; unknown keys and bad values in the file fall back to defaults."""

    def __init__(self, path: Path | None, values: dict[str, Any] | None = None) -> None:
        self.path = path
        self._values: dict[str, Any] = {s.key: s.default for s in DECLARED}
        for key, value in (values or {}).items():
            setting = BY_KEY.get(key)
            if setting is None:
                continue
            try:
                self._values[key] = setting.clean(value)
            except (TypeError, ValueError):
                log.warning("setting %s has an unusable value; using the default", key)

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            data = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            return cls(path)
        except (OSError, ValueError):
            log.warning("settings file %s unreadable; using defaults", path)
            return cls(path)
        values = data.get("values", {}) if isinstance(data, dict) else {}
        return cls(path, values if isinstance(values, dict) else {})

    def get(self, key: str) -> Any:
        return self._values[BY_KEY[key].key]

    def set(self, key: str, value: Any) -> None:
        """Change one preference (ValueError if it does not fit); call save() to keep it."""
        self._values[key] = BY_KEY[key].clean(value)

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)

    def save(self) -> None:
        """Write atomically: a crash mid-write leaves the previous file intact."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        payload = {"version": SETTINGS_VERSION, "values": self._values}
        tmp.write_text(json.dumps(payload, indent=2, sort_keys=True), "utf-8")
        os.replace(tmp, self.path)
