"""Errors a person can act on. Each carries a message key and parameters."""

from __future__ import annotations

import errno
from datetime import datetime
from typing import Any

from renodesk.core.i18n import t


class RenoDeskError(Exception):
    """Base of all errors shown to a person (not programming errors)."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message()


#: Field name -> (message key, its parameters).
Problems = dict[str, tuple[str, dict[str, Any]]]


class ValidationError(RenoDeskError):
    """One or more fields are wrong; ``problems`` maps field name to message key."""

    def __init__(self, problems: Problems) -> None:
        first_field, (first_key, first_params) = next(iter(problems.items()))
        super().__init__(first_key, **first_params)
        self.problems = problems
        self.field = first_field

    def under(self, prefix: str) -> Problems:
        """The problems keyed ``prefix + field`` ("adjustments.2." + "description"), for a
        use case that reports the problems of several records at once."""
        return {prefix + name: problem for name, problem in self.problems.items()}

    def messages(self, lang: str | None = None) -> dict[str, str]:
        return {field: t(key, lang, **params) for field, (key, params) in self.problems.items()}

    def message(self, lang: str | None = None) -> str:
        return "; ".join(f"{field}: {text}" for field, text in self.messages(lang).items())


class NotFoundError(RenoDeskError):
    def __init__(self, entity: str, row_id: str) -> None:
        super().__init__("error.not_found", entity=entity, row_id=row_id)


class WorkspaceError(RenoDeskError):
    """The workspace cannot be opened or used (missing, locked, wrong key)."""


class ConflictError(RenoDeskError):
    """The change is not allowed in the record's current state."""


def _causes(exc: BaseException) -> list[BaseException]:
    """``exc`` and what lies under it: chained causes and a DB-API error wrapped by SQLAlchemy."""
    seen: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or any(current is known for known in seen):
            continue
        seen.append(current)
        todo += [current.__cause__, current.__context__, getattr(current, "orig", None)]
    return seen


def as_user_error(exc: BaseException) -> RenoDeskError:
    """What to tell a person about a failure that was not foreseen as a RenoDeskError.

    Every write is one transaction, so a failure in the middle leaves nothing half-written;
    the message says so, and never shows SQL or record contents (they can hold personal data).
    """
    if isinstance(exc, RenoDeskError):
        return exc
    causes = _causes(exc)
    for cause in causes:
        if (isinstance(cause, OSError) and cause.errno == errno.ENOSPC) \
                or "disk is full" in str(cause).lower():
            return RenoDeskError("error.disk_full")
    for cause in causes:
        if isinstance(cause, OSError) and cause.strerror:
            return RenoDeskError("error.file_access", reason=cause.strerror)
    return RenoDeskError("error.unexpected", when=datetime.now().strftime("%H:%M:%S"))
