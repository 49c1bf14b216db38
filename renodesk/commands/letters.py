"""Letter commands: ``renodesk letter`` (one household or visit) and ``renodesk letters``
(a whole project as one combined PDF). Each letter is kept with the household's record."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

KINDS = ("invitation", "visit_report", "agreements", "contact_persons", "not_home_card")
DELIVERIES = ("post", "by_hand", "email", "door")


def _delivery_option(parser: Any, default_help: str) -> None:
    parser.add_argument("--delivery", choices=DELIVERIES, default=None,
                        help="how the letter reaches the tenant, kept with it (default: "
                             f"{default_help})")


def register(sub: Any) -> None:
    one = sub.add_parser("letter", help="make one letter for a household or a visit (PDF)")
    one.add_argument("kind", choices=KINDS)
    target = one.add_mutually_exclusive_group(required=True)
    target.add_argument("--household", metavar="ID")
    target.add_argument("--visit", metavar="ID")
    one.add_argument("--lang", dest="letter_lang", metavar="LANG",
                     help="language of the letter: nl, en, tr, ar, pl or one of the "
                          "organisation's own templates (default: the household's)")
    one.add_argument("--large-print", action="store_true", default=None,
                     help="large print (default: as the household needs)")
    one.add_argument("--to-contact-person", action="store_true",
                     help="address the letter to the household's contact person (agreements "
                          "or contact_persons; after a move or death, or when the household "
                          "gets post through its contact person)")
    _delivery_option(one, "door for a not_home_card, by_hand for a visit_report made on "
                          "the day of its visit, otherwise post")
    one.add_argument("--out", required=True, metavar="FILE.pdf")
    one.set_defaults(handler=cmd_letter)

    many = sub.add_parser("letters", help="letters for every household of a project, one PDF")
    many.add_argument("kind", choices=KINDS)
    many.add_argument("--project", required=True, metavar="ID")
    _delivery_option(many, "door for not_home_card, otherwise post")
    many.add_argument("--out", required=True, metavar="FILE.pdf")
    many.set_defaults(handler=cmd_letters)


def _check_out(out: str) -> None:
    """Refuse an unwritable destination before a letter is made and kept."""
    import os

    from renodesk.core.errors import RenoDeskError

    folder = Path(out).expanduser().parent
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise RenoDeskError("letters.error.out_not_writable", path=out,
                            detail=str(folder))


def _write(out: str, pdf: bytes) -> Path:
    from renodesk.core.errors import RenoDeskError

    path = Path(out).expanduser()
    temporary = path.with_name(path.name + ".part")
    try:
        temporary.write_bytes(pdf)
        temporary.replace(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise RenoDeskError("letters.error.out_not_writable", path=str(path),
                            detail=exc.strerror or str(exc)) from exc
    return path


def _warn(warnings: Any) -> None:
    from renodesk.core.i18n import t

    for warning in warnings:
        print(t("letters.cli.warning", message=warning.message()), file=sys.stderr)


def cmd_letter(args: argparse.Namespace) -> int:
    from renodesk.commands._common import open_from, paths_from, say
    from renodesk.core.enums import LetterKind
    from renodesk.core.letter_requests import LetterChoice
    from renodesk.core.letters import make_letter, template_dir

    _check_out(args.out)
    workspace = open_from(args)
    try:
        choice = LetterChoice(LetterKind(args.kind), household_id=args.household,
                              visit_id=args.visit, language=args.letter_lang,
                              large_print=args.large_print,
                              to_contact_person=args.to_contact_person)
        made = make_letter(workspace, choice, template_dir(paths_from(args).root),
                           delivery=args.delivery)
        path = _write(args.out, made.result.pdf)
    finally:
        workspace.engine.dispose()
    _warn(made.result.warnings)
    say("letters.cli.written", path=str(path), pages=made.result.page_count, letters=1)
    say("letters.cli.delivery", delivery=made.delivery.label())
    return 0


def cmd_letters(args: argparse.Namespace) -> int:
    from renodesk.commands._common import open_from, paths_from, say
    from renodesk.core.enums import LetterKind
    from renodesk.core.letters import make_batch, project_household_ids, template_dir

    _check_out(args.out)
    workspace = open_from(args)
    try:
        with workspace.engine.connect() as conn:
            ids = project_household_ids(conn, args.project)
        batch = make_batch(workspace, LetterKind(args.kind), ids,
                           templates=template_dir(paths_from(args).root),
                           delivery=args.delivery)
        path = _write(args.out, batch.pdf)
    finally:
        workspace.engine.dispose()
    _warn(batch.warnings)
    if batch.skipped_without_visit():
        say("letters.cli.skipped", names=", ".join(batch.skipped_without_visit()))
    for skipped in batch.skipped_otherwise():
        say("letters.cli.skipped_one", reason=skipped.message())
    say("letters.cli.written", path=str(path), pages=batch.page_count,
        letters=len(batch.letter_ids))
    say("letters.cli.delivery", delivery=batch.delivery.label())
    return 0
