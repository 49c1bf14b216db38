"""Command line of RenoDesk. Without a command it opens the desktop window.

Each area adds its commands in a module of ``renodesk.commands`` that defines
``register(subparsers)``; handlers take the parsed arguments and return an exit code.
Exit codes: 0 success, 1 failure (clear message on stderr), 2 usage error or the
workspace is open in another RenoDesk program (the message says which).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import sys
from collections.abc import Sequence

from renodesk import __version__
from renodesk.core.errors import RenoDeskError, as_user_error


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="renodesk", description="RenoDesk - wooncoach desktop")
    parser.add_argument("--version", action="version", version=f"RenoDesk {__version__}")
    parser.add_argument("--data-dir", help="workspace folder (or RENODESK_DATA_DIR)")
    parser.add_argument("--demo", action="store_true", help="use the fictitious demo workspace")
    parser.add_argument("--lang", choices=["nl", "en"], help="language of messages")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    import renodesk.commands as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue  # shared helpers, not commands
        module = importlib.import_module(f"renodesk.commands.{info.name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from renodesk.core import i18n

    if args.lang:
        i18n.set_language(args.lang)
    if args.command is None:
        from renodesk.commands.gui import run_gui

        return run_gui(args)
    from renodesk.logging_setup import start_logging
    from renodesk.paths import Paths

    start_logging(Paths.resolve(args.data_dir, demo=args.demo))
    try:
        return int(args.handler(args))
    except RenoDeskError as exc:
        from renodesk.storage.workspace_lock import WorkspaceLocked

        print(f"renodesk: {exc.message()}", file=sys.stderr)
        return 2 if isinstance(exc, WorkspaceLocked) else 1
    except KeyboardInterrupt:
        print("renodesk: interrupted", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # Whoever read the output went away (`renodesk info | head`): nothing left to say.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:
        logging.getLogger("renodesk.cli").exception("command failed")
        print(f"renodesk: {as_user_error(exc).message()}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
