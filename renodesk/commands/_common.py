"""Helpers shared by the command modules: opening the workspace, prompting, printing."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING, Any

from renodesk.core.errors import WorkspaceError
from renodesk.core.i18n import t
from renodesk.paths import Paths
from renodesk.storage.workspace_lock import ANY_PROGRAM, command_label

if TYPE_CHECKING:
    from renodesk.core.workspace import Workspace


def paths_from(args: argparse.Namespace) -> Paths:
    return Paths.resolve(getattr(args, "data_dir", None), demo=getattr(args, "demo", False))


def prompt_passphrase(new: bool = False) -> str:
    if not sys.stdin.isatty():
        raise WorkspaceError("error.passphrase_needed")
    return getpass.getpass(t("cli.passphrase_new" if new else "cli.passphrase_prompt"))


def open_from(args: argparse.Namespace, read_only: bool = False) -> Workspace:
    """Open the workspace the arguments name (the demo one is created on first use).

    It stays locked for this command until its engine is disposed; while the window (or
    another command) has it open, this raises WorkspaceLocked. Commands that only read
    (``info``, ``check``) pass ``read_only`` and run beside the window."""
    from renodesk import app

    paths = paths_from(args)
    program = command_label(getattr(args, "command", None))
    if getattr(args, "demo", False) and not app.exists(paths):
        return ensure_demo(paths, program=program)
    return app.open_workspace(paths, prompt_passphrase, program=program, read_only=read_only)


def ensure_demo(paths: Paths, households: int = 300, program: str = ANY_PROGRAM) -> Workspace:
    """Open the demo workspace, or create and fill it first, for ``program``."""
    from renodesk import app
    from renodesk.reports.demo import generate

    if app.exists(paths):
        return app.open_workspace(paths, program=program)
    workspace = app.init_workspace(paths, "Woonstichting De Linde (demo)", "Sanne Bakker",
                                   demo=True, program=program)
    # A complete (fictitious) letterhead, so demo letters look like real ones.
    workspace.update("organisation", app.ORGANISATION_ID, {
        "street": "Lindelaan 1", "postcode": "3521 AA", "city": "Utrecht",
        "phone": "030-1234567", "email": "bewonerszaken@delinde.example",
        "website": "www.delinde.example", "signatory_name": "Koen van Dam",
        "signatory_role": "Projectleider renovatie"})
    generate(workspace, households=households, seed=1)
    return workspace


def say(key: str, **params: Any) -> None:
    print(t(key, **params))
