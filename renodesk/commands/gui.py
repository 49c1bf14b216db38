"""The desktop window: ``renodesk`` without a command (see renodesk.cli)."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    """No subcommand: the window is what ``renodesk`` does when none is given."""


def run_gui(args: argparse.Namespace) -> int:
    """Open the main window; heavy imports happen after it is on screen."""
    from renodesk.ui.app import run

    return run(getattr(args, "data_dir", None), getattr(args, "lang", None),
               bool(getattr(args, "demo", False)))
