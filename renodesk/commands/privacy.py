"""Commands of the privacy officer: ``erase``, ``retention`` and ``audit``.

``renodesk export household ID --out DIR`` (subject access) lives with the other
exports in ``renodesk.commands.transfer``.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from renodesk.commands._common import open_from, say
from renodesk.core.errors import RenoDeskError
from renodesk.core.i18n import t


def register(sub: Any) -> None:
    erase = sub.add_parser("erase", help="erase personal data (cannot be undone)")
    erase_kinds = erase.add_subparsers(dest="erase_kind", metavar="KIND", required=True)
    household = erase_kinds.add_parser("household", help="a household and all it holds")
    household.add_argument("household_id")
    household.add_argument("--sensitive-only", action="store_true",
                           help="only the sensitive data (vulnerabilities, notes, ...)")
    household.add_argument("--yes", action="store_true", help="yes, erase it")
    household.set_defaults(handler=cmd_erase_household)
    pending = erase_kinds.add_parser(
        "pending", help="finish erasures that arrived by sync (rewrite the database)")
    pending.set_defaults(handler=cmd_erase_pending)

    retention = sub.add_parser("retention", help="the retention policy")
    retention_kinds = retention.add_subparsers(dest="retention_kind", metavar="ACTION",
                                               required=True)
    review = retention_kinds.add_parser("review", help="what is due for erasure")
    review.add_argument("--erase", action="store_true", help="erase everything that is due")
    review.add_argument("--yes", action="store_true", help="yes, erase it")
    review.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    review.set_defaults(handler=cmd_retention_review)

    audit = sub.add_parser("audit", help="the audit trail")
    audit_kinds = audit.add_subparsers(dest="audit_kind", metavar="ACTION", required=True)
    export = audit_kinds.add_parser("export", help="write the audit trail to CSV")
    export.add_argument("out", type=Path)
    export.add_argument("--household", default="", help="only entries about this household")
    export.add_argument("--actor", default="", help="only entries by this person")
    export.add_argument("--action", default="", help="view, create, change, delete, ...")
    export.set_defaults(handler=cmd_audit_export)


def _scope(sensitive_only: bool) -> str:
    return t("privacy.scope.sensitive" if sensitive_only else "privacy.scope.household")


def cmd_erase_household(args: argparse.Namespace) -> int:
    from renodesk.core.erasure import erase_household

    if not args.yes:
        raise RenoDeskError("privacy.cli.confirm")
    workspace = open_from(args)
    result = erase_household(workspace, args.household_id, sensitive_only=args.sensitive_only)
    say("privacy.cli.erased", scope=_scope(args.sensitive_only),
        records=t("count.records", count=result.records),
        history=t("count.old_changes", count=result.history_purged),
        backups=t("count.backups", count=result.backups_removed))
    say("privacy.cli.after_erasure")
    workspace.engine.dispose()
    return 0


def cmd_erase_pending(args: argparse.Namespace) -> int:
    from renodesk.core.erasure import compact_if_due

    workspace = open_from(args)
    say("privacy.cli.compacted" if compact_if_due(workspace) else "privacy.cli.nothing_to_compact")
    workspace.engine.dispose()
    return 0


def cmd_retention_review(args: argparse.Namespace) -> int:
    from renodesk.core.erasure import compact_database, erase_household
    from renodesk.core.privacy import retention_review

    if args.erase and not args.yes:
        raise RenoDeskError("privacy.cli.confirm")
    workspace = open_from(args)
    with workspace.engine.connect() as conn:
        due = retention_review(conn, args.today)
    if not due:
        say("privacy.cli.retention_none")
    for item in due:
        say("privacy.cli.retention_line", due=f"{item.due_since:%d-%m-%Y}",
            scope=_scope(item.scope == "sensitive"), code=item.project_code,
            id=item.household_id, name=item.name)
    if args.erase and due:
        for item in due:
            erase_household(workspace, item.household_id,
                            sensitive_only=item.scope == "sensitive", compact=False)
        compact_database(workspace)
        say("privacy.cli.retention_done", count=len(due))
        say("privacy.cli.after_erasure")
    workspace.engine.dispose()
    return 0


def cmd_audit_export(args: argparse.Namespace) -> int:
    from renodesk.reports.audit_trail import AuditFilter, export_csv

    workspace = open_from(args)
    count = export_csv(workspace, AuditFilter(household_id=args.household, actor=args.actor,
                                              action=args.action), args.out)
    say("privacy.cli.audit_done", count=count, path=str(args.out))
    workspace.engine.dispose()
    return 0
