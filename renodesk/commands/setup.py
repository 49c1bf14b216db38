"""Starting a project from the command line.

``renodesk project create|update|list``, ``renodesk household add|move-out``,
``renodesk member add|list``, ``renodesk roster add`` and ``renodesk partner add|link|list``.
Exit codes: 0 done, 1 refused (every wrong option named on stderr, nothing saved),
2 usage error (argparse).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from renodesk.commands._common import open_from, say
from renodesk.core import enums
from renodesk.core.i18n import t

if TYPE_CHECKING:
    from renodesk.core.setup import Known
    from renodesk.core.workspace import Workspace

#: The command-line option that sets each field (for naming the wrong ones).
OPTIONS = {
    "name": "--name", "code": "--code", "complex_name": "--complex", "phase": "--phase",
    "start_date": "--start", "end_date": "--end", "consent_deadline": "--consent-deadline",
    "rent_change": "--rent-change", "social_plan_ref": "--social-plan",
    "description": "--description", "inhabited": "--uninhabited", "street": "--street",
    "number": "--number", "addition": "--addition", "postcode": "--postcode",
    "city": "--city", "phone": "--phone", "email": "--email", "organisation": "--organisation",
    "role": "--role", "member_id": "--member", "responsibilities": "--responsibilities",
    "kind": "--kind", "contact_name": "--contact", "partner_id": "--partner",
    "tenancy_end_date": "--date",
}

PHASES = [p.value for p in enums.ProjectPhase]
ROLES = [r.value for r in enums.RosterRole]
KINDS = [k.value for k in enums.PartnerKind]


def register(sub: Any) -> None:
    project = sub.add_parser("project", help="create, change and list projects")
    project_sub = project.add_subparsers(dest="project_command", metavar="ACTION", required=True)
    create = project_sub.add_parser("create", help="a new project")
    create.add_argument("--name", required=True)
    create.add_argument("--code", required=True, help="short unique code, e.g. VB-01")
    _project_options(create)
    create.set_defaults(handler=cmd_project_create)
    change = project_sub.add_parser("update", help="change a project's details or phase")
    change.add_argument("project", help="project id or code")
    change.add_argument("--name")
    change.add_argument("--code")
    _project_options(change)
    change.set_defaults(handler=cmd_project_update)
    project_sub.add_parser("list", help="every project with its id").set_defaults(
        handler=cmd_project_list)

    household = sub.add_parser("household", help="add a dwelling with its household")
    household_sub = household.add_subparsers(dest="household_command", metavar="ACTION",
                                             required=True)
    add = household_sub.add_parser("add", help="a dwelling and its household, in one go")
    add.add_argument("--project", required=True, help="project id or code")
    add.add_argument("--street", required=True)
    add.add_argument("--number", required=True)
    add.add_argument("--addition", default="")
    add.add_argument("--postcode", required=True, help="1234 AB")
    add.add_argument("--city", required=True)
    add.add_argument("--name", required=True, help="the tenant's name(s)")
    add.add_argument("--phone", default="")
    add.add_argument("--email", default="")
    add.set_defaults(handler=cmd_household_add)
    moved = household_sub.add_parser("move-out", help="the household has left the dwelling")
    moved.add_argument("household", help="household id")
    moved.add_argument("--date", required=True, help="end of the tenancy (YYYY-MM-DD)")
    moved.set_defaults(handler=cmd_household_move_out)

    member = sub.add_parser("member", help="team members (for the rosters)")
    member_sub = member.add_subparsers(dest="member_command", metavar="ACTION", required=True)
    member_add = member_sub.add_parser("add", help="a new team member")
    member_add.add_argument("--name", required=True)
    member_add.add_argument("--role", required=True, choices=ROLES)
    member_add.add_argument("--organisation", default="")
    member_add.add_argument("--phone", default="")
    member_add.add_argument("--email", default="")
    member_add.add_argument("--coach", action="store_true", help="uses RenoDesk on a laptop")
    member_add.set_defaults(handler=cmd_member_add)
    member_sub.add_parser("list", help="every team member with their id").set_defaults(
        handler=cmd_member_list)

    roster = sub.add_parser("roster", help="who is responsible for what in a project")
    roster_sub = roster.add_subparsers(dest="roster_command", metavar="ACTION", required=True)
    roster_add = roster_sub.add_parser("add", help="put a team member on a project's roster")
    roster_add.add_argument("--project", required=True, help="project id or code")
    roster_add.add_argument("--member", required=True, help="team member id")
    roster_add.add_argument("--role", required=True, choices=ROLES)
    roster_add.add_argument("--responsibilities", default="")
    roster_add.add_argument("--not-tenant-facing", action="store_true",
                            help="leave out of the tenants' 'your contact persons' letter")
    roster_add.set_defaults(handler=cmd_roster_add)

    partner = sub.add_parser("partner", help="social partner organisations")
    partner_sub = partner.add_subparsers(dest="partner_command", metavar="ACTION",
                                         required=True)
    partner_add = partner_sub.add_parser("add", help="a new partner organisation")
    partner_add.add_argument("--name", required=True)
    partner_add.add_argument("--kind", required=True, choices=KINDS)
    partner_add.add_argument("--contact", default="", help="contact person")
    partner_add.add_argument("--phone", default="")
    partner_add.add_argument("--email", default="")
    partner_add.set_defaults(handler=cmd_partner_add)
    link = partner_sub.add_parser("link", help="involve a partner in a project")
    link.add_argument("--project", required=True, help="project id or code")
    link.add_argument("--partner", required=True, help="partner id")
    link.add_argument("--role", default="", help="their role in the project")
    link.set_defaults(handler=cmd_partner_link)
    partner_sub.add_parser("list", help="every partner with its id").set_defaults(
        handler=cmd_partner_list)


def _project_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--phase", choices=PHASES)
    parser.add_argument("--complex", dest="complex_name")
    parser.add_argument("--start", dest="start_date", help="YYYY-MM-DD")
    parser.add_argument("--end", dest="end_date", help="YYYY-MM-DD")
    parser.add_argument("--consent-deadline", dest="consent_deadline", help="YYYY-MM-DD")
    parser.add_argument("--rent-change", dest="rent_change")
    parser.add_argument("--social-plan", dest="social_plan_ref", help="reference")
    parser.add_argument("--description")
    parser.add_argument("--uninhabited", dest="inhabited", action="store_false", default=None,
                        help="works while the dwellings are empty")


def _given(args: argparse.Namespace, fields: tuple[str, ...]) -> dict[str, Any]:
    return {f: getattr(args, f) for f in fields if getattr(args, f, None) is not None}


def _saving(args: argparse.Namespace, work: Callable[[Workspace], int]) -> int:
    """Open the workspace, run ``work``; a ValidationError names every wrong option."""
    from renodesk.core.errors import ValidationError

    workspace = open_from(args)
    try:
        return work(workspace)
    except ValidationError as exc:
        for field, message in exc.messages().items():
            option = OPTIONS.get(field) or OPTIONS.get(field.removeprefix("member_"), field)
            print("renodesk: " + t("setup.field_problem", option=option, text=message),
                  file=sys.stderr)
        print("renodesk: " + t("setup.nothing_saved"), file=sys.stderr)
        return 1
    finally:
        workspace.engine.dispose()


def _project_id(workspace: Workspace, id_or_code: str) -> str:
    from renodesk.reports.importer import resolve_project

    with workspace.engine.connect() as conn:
        return resolve_project(conn, id_or_code)


def cmd_project_create(args: argparse.Namespace) -> int:
    from renodesk.core.setup import PROJECT_FIELDS, create_project

    def work(ws: Workspace) -> int:
        saved = create_project(ws, _given(args, PROJECT_FIELDS))
        project = ws.get("project", saved.id)
        say("setup.project_created", code=project["code"], name=project["name"], id=saved.id)
        return 0

    return _saving(args, work)


def cmd_project_update(args: argparse.Namespace) -> int:
    from renodesk.core.setup import PROJECT_FIELDS, update_project

    def work(ws: Workspace) -> int:
        saved = update_project(ws, _project_id(ws, args.project),
                               _given(args, PROJECT_FIELDS))
        say("setup.project_updated", code=ws.get("project", saved.id)["code"])
        return 0

    return _saving(args, work)


def cmd_project_list(args: argparse.Namespace) -> int:
    from renodesk.core.queries.projects import project_rows

    workspace = open_from(args)
    with workspace.engine.connect() as conn:
        rows = project_rows(conn)
    workspace.engine.dispose()
    if not rows:
        say("setup.no_projects")
    for row in rows:
        say("setup.project_line", code=row.code, name=row.name,
            phase=enums.ProjectPhase(row.phase).label(), count=row.households, id=row.id)
    return 0


def cmd_household_add(args: argparse.Namespace) -> int:
    from renodesk.core.queries.common import address
    from renodesk.core.setup import add_household

    def work(ws: Workspace) -> int:
        dwelling = _given(args, ("street", "number", "addition", "postcode", "city"))
        saved = add_household(ws, _project_id(ws, args.project), dwelling,
                              _given(args, ("name", "phone", "email")))
        household = ws.get("household", saved.id)
        place = ws.get("dwelling", household["dwelling_id"])
        say("setup.household_added", name=household["name"], id=saved.id,
            address=f"{address(place['street'], place['number'], place['addition'])}, "
                    f"{place['postcode']} {place['city']}")
        return 0

    return _saving(args, work)


def cmd_household_move_out(args: argparse.Namespace) -> int:
    from renodesk.core.setup import move_out

    def work(ws: Workspace) -> int:
        saved = move_out(ws, args.household, args.date)
        household = ws.get("household", saved.id)
        say("setup.moved_out", name=household["name"], date=household["tenancy_end_date"])
        return 0

    return _saving(args, work)


def cmd_member_add(args: argparse.Namespace) -> int:
    from renodesk.core.setup import add_member

    def work(ws: Workspace) -> int:
        values = _given(args, ("name", "role", "organisation", "phone", "email"))
        saved = add_member(ws, {**values, "is_coach": args.coach})
        say("setup.member_added", name=args.name.strip(), id=saved.id)
        return 0

    return _saving(args, work)


def cmd_member_list(args: argparse.Namespace) -> int:
    from renodesk.core.setup import team_members

    return _list(args, team_members, "setup.no_members", lambda k: {
        "name": k.name, "role": enums.RosterRole(k.code).label(), "phone": k.phone,
        "id": k.id}, "setup.member_line")


def cmd_partner_list(args: argparse.Namespace) -> int:
    from renodesk.core.setup import partner_organisations

    return _list(args, partner_organisations, "setup.no_partners", lambda k: {
        "name": k.name, "kind": enums.PartnerKind(k.code).label(), "phone": k.phone,
        "id": k.id}, "setup.partner_line")


def _list(args: argparse.Namespace, read: Callable[[Any], list[Known]], empty: str,
          params: Callable[[Known], dict[str, Any]], line: str) -> int:
    workspace = open_from(args)
    with workspace.engine.connect() as conn:
        rows = read(conn)
    workspace.engine.dispose()
    if not rows:
        say(empty)
    for row in rows:
        say(line, **params(row))
    return 0


def cmd_roster_add(args: argparse.Namespace) -> int:
    from renodesk.core.setup import add_roster_entry

    def work(ws: Workspace) -> int:
        project_id = _project_id(ws, args.project)
        add_roster_entry(ws, project_id, {
            "member_id": args.member.strip(), "role": args.role,
            "responsibilities": args.responsibilities,
            "tenant_facing": not args.not_tenant_facing})
        say("setup.roster_added", name=ws.get("team_member", args.member.strip())["name"],
            role=enums.RosterRole(args.role).label(), code=ws.get("project", project_id)["code"])
        return 0

    return _saving(args, work)


def cmd_partner_add(args: argparse.Namespace) -> int:
    from renodesk.core.setup import add_partner

    def work(ws: Workspace) -> int:
        saved = add_partner(ws, {"name": args.name, "kind": args.kind,
                                 "contact_name": args.contact, "phone": args.phone,
                                 "email": args.email})
        say("setup.partner_added", name=args.name.strip(), id=saved.id)
        return 0

    return _saving(args, work)


def cmd_partner_link(args: argparse.Namespace) -> int:
    from renodesk.core.setup import link_partner

    def work(ws: Workspace) -> int:
        project_id = _project_id(ws, args.project)
        link_partner(ws, project_id, args.partner.strip(), args.role)
        say("setup.partner_linked_done", name=ws.get("partner", args.partner.strip())["name"],
            code=ws.get("project", project_id)["code"])
        return 0

    return _saving(args, work)
