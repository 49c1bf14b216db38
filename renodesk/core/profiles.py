"""Changing a household's profile in one go."""

from __future__ import annotations

from typing import Any

from renodesk.core.errors import Problems, ValidationError
from renodesk.core.workspace import Change, Workspace

#: Written first, so a basis recorded in the same save allows the sensitive fields after it.
CONSENT_FIELDS = ("consent_basis", "consent_date", "consent_scope", "consent_withdrawn_date")


def update_profile(ws: Workspace, household_id: str, values: dict[str, Any]) -> list[Change]:
    """Save every field of the profile form in one transaction; nothing is saved if any
    field is wrong, and the ValidationError names every wrong field."""
    consent = {k: v for k, v in values.items() if k in CONSENT_FIELDS}
    rest = {k: v for k, v in values.items() if k not in CONSENT_FIELDS}
    problems: Problems = {}
    with ws.write() as uow:
        for part in (consent, rest):
            try:
                uow.update("household", household_id, part)
            except ValidationError as exc:
                problems.update(exc.problems)
        if problems:
            raise ValidationError(problems)
    return list(uow.changes)
