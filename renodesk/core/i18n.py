"""Translation of messages produced outside the Qt layer (domain errors, CLI output).

The Qt interface translates its own strings with Qt Linguist; messages that start
in the domain are looked up here by key so the interface can show them in the
coach's language. Dutch is the default.

A message that counts something has a form per number instead of one text,
``{"one": "{count} wijziging", "other": "{count} wijzigingen"}``; the ``count``
parameter chooses the form. A message with two counts names them through such
count messages: ``t("sync.cli.sent", changes=t("count.changes", count=3), ...)``.
"""

from __future__ import annotations

from typing import Any

from renodesk.core.messages import CATALOG

LANGUAGES = ("nl", "en")
#: The plural forms a counted message has: Dutch and English both say "1 wijziging",
#: "0 wijzigingen", "2 wijzigingen".
PLURAL_FORMS = ("one", "other")
_state = {"language": "nl"}


def set_language(code: str) -> None:
    if code not in LANGUAGES:
        raise ValueError(f"unsupported language {code!r}")
    _state["language"] = code


def language() -> str:
    return _state["language"]


def plural_form(count: int) -> str:
    """The form of a counted message for ``count``: "one" for exactly one, else "other"."""
    return "one" if count == 1 else "other"


def t(key: str, lang: str | None = None, **params: Any) -> str:
    """The message for ``key`` in ``lang`` (default: the current language); a counted
    message takes the form that fits its ``count`` parameter."""
    entry = CATALOG.get(key)
    if entry is None:
        return key
    text = entry.get(lang or _state["language"]) or entry["nl"]
    if isinstance(text, dict):
        if "count" not in params:
            raise TypeError(f"message {key!r} counts something: pass count=")
        text = text[plural_form(int(params["count"]))]
    return text.format(**params) if params else text
