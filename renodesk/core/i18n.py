"""Translation of messages produced outside the Qt layer (domain errors, CLI output).

The Qt interface translates its own strings with Qt Linguist; messages that start
in the domain are looked up here by key so the interface can show them in the
coach's language. Dutch is the default.
"""

from __future__ import annotations

from typing import Any

from renodesk.core.messages import CATALOG

LANGUAGES = ("nl", "en")
_state = {"language": "nl"}


def set_language(code: str) -> None:
    if code not in LANGUAGES:
        raise ValueError(f"unsupported language {code!r}")
    _state["language"] = code


def language() -> str:
    return _state["language"]


def t(key: str, lang: str | None = None, **params: Any) -> str:
    """The message for ``key`` in ``lang`` (default: the current language)."""
    entry = CATALOG.get(key)
    if entry is None:
        return key
    text = entry.get(lang or _state["language"]) or entry["nl"]
    return text.format(**params) if params else text
