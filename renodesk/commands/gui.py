"""The desktop window: ``renodesk`` without a command (see renodesk.cli)."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    """No subcommand: the window is what ``renodesk`` does when none is given."""


def run_gui(args: argparse.Namespace) -> int:
    """Open the main window; heavy imports happen after it is on screen."""
    from renodesk.logging_setup import start_logging
    from renodesk.ui.app import resolve_paths, run

    data_dir, demo = getattr(args, "data_dir", None), bool(getattr(args, "demo", False))
    start_logging(resolve_paths(data_dir, demo))
    return run(data_dir, getattr(args, "lang", None), demo)
