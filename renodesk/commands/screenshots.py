"""``renodesk screenshots --out DIR``: each main screen of the demo workspace as PNG."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "screenshots", help="render each main screen of the demo workspace to PNG (offscreen)")
    parser.add_argument("--out", required=True, help="folder for the PNG files")
    parser.set_defaults(handler=cmd_screenshots)


def cmd_screenshots(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from renodesk.paths import Paths
    from renodesk.ui.screenshots import render

    paths = Paths.resolve(getattr(args, "data_dir", None), demo=True)
    for written in render(paths, Path(args.out), getattr(args, "lang", None) or "nl"):
        print(written)
    return 0
