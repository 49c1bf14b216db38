"""Subject access (inzage, art. 15 AVG): everything held about one household.

``export_household`` writes a folder with a JSON file (complete, machine-readable),
a PDF the tenant can read (the same facts in plain words, large print when the tenant
reads with difficulty) and every letter sent, as its own PDF. The export itself is
recorded in the audit trail.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from sqlalchemy import Connection, Table, or_, select

from renodesk.core import enums
from renodesk.core.erasure import records_of_households
from renodesk.core.i18n import LANGUAGES, t
from renodesk.core.workspace import Workspace, table_of
from renodesk.reports.export_file import write_export
from renodesk.storage import codec
from renodesk.storage.models import Draft, SyncConflict, table

FORMAT = "renodesk-inzage"
VERSION = 1

#: The records of a household, in the order the PDF shows them.
SECTIONS = ("vulnerability", "involvement", "contact_moment", "visit", "adjustment", "action",
            "letter", "draft", "conflict", "audit_entry")

#: Fields shown in the PDF per record kind (the JSON holds every column).
PDF_FIELDS: dict[str, tuple[str, ...]] = {
    "household": (
        "name", "salutation", "birth_year", "phone", "email", "language", "interpreter_needed",
        "reads_with_difficulty", "large_print", "preferred_channel", "contact_person_name",
        "contact_person_relation", "contact_person_phone", "contact_person_street",
        "contact_person_postcode", "contact_person_city", "consent_basis", "consent_date",
        "consent_scope", "consent_withdrawn_date", "stance", "stance_signed_date",
        "resistance_kind", "resistance_causes", "resistance_approach", "safety_note", "notes",
        "status", "tenancy_end_date"),
    "vulnerability": ("category", "weight", "implications"),
    "involvement": ("partner", "role", "consent_to_share"),
    "contact_moment": ("at", "channel", "by", "outcome", "summary"),
    "visit": ("planned_at", "kind", "status", "visitors", "attendees", "notes", "wishes",
              "worries", "finalised_at", "addenda"),
    "adjustment": ("category", "description", "status", "due_date", "agreed_date", "cost"),
    "action": ("description", "for_whom", "due_date", "done_date"),
    "letter": ("created_at", "kind", "language", "delivery", "created_by", "addressed_to",
               "file"),
    "draft": ("updated_at", "content"),
    "conflict": ("created_at", "field", "kept", "other"),
    "audit_entry": ("at", "actor", "action", "entity", "detail"),
}

#: Fields whose values come from a vocabulary, translated in the PDF.
VOCABULARY: dict[str, type[enums.Labelled]] = {
    "language": enums.Language, "preferred_channel": enums.Channel,
    "consent_basis": enums.ConsentBasis, "stance": enums.Stance,
    "resistance_kind": enums.ResistanceKind, "status": enums.HouseholdStatus,
    "category": enums.VulnerabilityCategory, "channel": enums.Channel,
    "outcome": enums.ContactOutcome, "kind": enums.VisitKind, "delivery": enums.Delivery,
    "action": enums.AuditAction,
}
#: The same field name means another vocabulary in these records.
VOCABULARY_BY_ENTITY: dict[tuple[str, str], type[enums.Labelled]] = {
    ("visit", "status"): enums.VisitStatus, ("adjustment", "status"): enums.AdjustmentStatus,
    ("adjustment", "category"): enums.AdjustmentCategory, ("letter", "kind"): enums.LetterKind,
}


@dataclass(frozen=True)
class InzageExport:
    """What was written (paths only)."""

    folder: Path
    json_path: Path
    pdf_path: Path
    letters: tuple[Path, ...]


# --- gathering -----------------------------------------------------------------------


def _rows(conn: Connection, target: Table, *where: Any) -> list[dict[str, Any]]:
    query = select(target).where(*where)
    return [dict(r) for r in conn.execute(query).mappings()]


def gather(conn: Connection, household_id: str) -> dict[str, Any]:
    """Everything held about one household, as plain Python values (letters without PDF)."""
    h = table_of("household")
    household = _rows(conn, h, h.c.id == household_id)
    if not household:
        from renodesk.core.errors import NotFoundError

        raise NotFoundError("household", household_id)
    d, p = table_of("dwelling"), table_of("project")
    dwelling = _rows(conn, d, d.c.id == household[0]["dwelling_id"])[0]
    project = _rows(conn, p, p.c.id == dwelling["project_id"])[0]
    data: dict[str, Any] = {
        "household": household[0],
        "dwelling": {k: dwelling[k] for k in ("street", "number", "addition", "postcode",
                                              "city", "access_notes")},
        "project": {k: project[k] for k in ("name", "code", "phase", "start_date", "end_date",
                                            "aftercare_end_date")},
    }
    partners = {r["id"]: r for r in _rows(conn, table_of("partner"))}
    members = {r["id"]: r["name"] for r in _rows(conn, table_of("team_member"))}
    for entity in ("vulnerability", "involvement", "contact_moment", "visit", "adjustment"):
        target = table_of(entity)
        data[entity] = _rows(conn, target, target.c.household_id == household_id)
    for row in data["involvement"]:
        partner = partners.get(row["partner_id"], {})
        row["partner"] = f"{partner.get('name', '')} ({partner.get('kind', '')})"
    for row in data["contact_moment"]:
        row["by"] = members.get(row["by_member_id"] or "", "")
    for row in data["adjustment"]:
        row["cost"] = (f"€ {row['cost_cents'] / 100:.2f}".replace(".", ",")
                       if row["cost_cents"] is not None else None)
    visits = [v["id"] for v in data["visit"]]
    action = table_of("action")
    data["action"] = _rows(conn, action, or_(action.c.household_id == household_id,
                                             action.c.visit_id.in_(visits)))
    letter = table_of("letter")
    data["letter"] = _rows(conn, letter, letter.c.household_id == household_id)
    records = records_of_households(conn, {household_id}) | {
        (entity, row["id"]) for entity in SECTIONS[:7] for row in data.get(entity, [])}
    keys = [f"{entity}:{row_id}" for entity, row_id in records]
    drafts = table(Draft)
    data["draft"] = [{"updated_at": r["updated_at"], "record": r["key"],
                      "content": json.loads(r["content_json"])}
                     for r in _rows(conn, drafts, drafts.c.key.in_(keys))]
    conflicts = table(SyncConflict)
    ids = [row_id for _entity, row_id in records]
    data["conflict"] = [{"created_at": r["created_at"], "entity": r["entity"],
                         "field": r["field"], "kept": json.loads(r["kept_value_json"]),
                         "other": json.loads(r["other_value_json"]),
                         "resolved_at": r["resolved_at"]}
                        for r in _rows(conn, conflicts, conflicts.c.row_id.in_(ids))]
    audit = table_of("audit_entry")
    data["audit_entry"] = sorted(
        _rows(conn, audit, audit.c.household_id == household_id), key=lambda r: r["at"])
    return data


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return codec.encode(value)


# --- writing ---------------------------------------------------------------------------


def export_household(ws: Workspace, household_id: str, out: Path,
                     lang: str | None = None) -> InzageExport:
    """Write the subject-access export of one household into a new folder under ``out``."""
    with ws.engine.connect() as conn:
        data = gather(conn, household_id)
        organisation = _rows(conn, table_of("organisation"))
        pdfs = {r["id"]: r["pdf"] for r in _rows(conn, table_of("letter"), table_of(
            "letter").c.household_id == household_id)}
    household = data["household"]
    if lang is None:
        lang = household["language"] if household["language"] in LANGUAGES else "nl"
    today = date.today()
    folder = out / f"inzage-{household_id[:8]}-{today:%Y%m%d}"
    folder.mkdir(parents=True, exist_ok=True)
    letters: list[Path] = []
    for number, row in enumerate(sorted(data["letter"], key=lambda r: r["created_at"]), 1):
        path = folder / f"brief-{number:02d}-{row['kind']}-{row['created_at']:%Y%m%d}.pdf"
        path.write_bytes(pdfs[row["id"]])
        row["file"] = path.name
        letters.append(path)
    org = organisation[0] if organisation else {}
    document = {"format": FORMAT, "version": VERSION,
                "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "organisation": {k: org.get(k, "") for k in ("name", "street", "postcode",
                                                             "city", "phone", "email")},
                **data}
    json_path = folder / "inzage.json"
    write_export(json_path, json.dumps(_jsonable(document), ensure_ascii=False, indent=1))
    pdf_path = folder / "inzage.pdf"
    write_export(pdf_path, render_pdf(document, lang, bool(household["reads_with_difficulty"]
                                                           or household["large_print"])))
    ws.record_access("export", "household", household_id, household_id, "inzage")
    return InzageExport(folder, json_path, pdf_path, tuple(letters))


def _label(entity: str, name: str, lang: str) -> str:
    return t(f"inzage.field.{entity}.{name}", lang)


def display(entity: str, name: str, value: Any, lang: str) -> str:
    """A value as the tenant reads it: words for codes, Dutch dates, yes or no."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return t("inzage.yes" if value else "inzage.no", lang)
    if isinstance(value, datetime):
        return f"{value:%d-%m-%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d-%m-%Y}"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {display(entity, k, v, lang)}" for k, v in value.items())
    if entity == "audit_entry" and name == "entity":
        return t(f"inzage.entity.{value}", lang)
    vocabulary = VOCABULARY_BY_ENTITY.get((entity, name)) or VOCABULARY.get(name)
    if entity == "audit_entry" and name != "action":
        vocabulary = None
    if vocabulary is not None and isinstance(value, str):
        try:
            return vocabulary(value).label(lang)
        except ValueError:
            return value
    if name == "resistance_causes" and isinstance(value, str):
        words = []
        for code in value.split(","):
            try:
                words.append(enums.ResistanceCause(code).label(lang))
            except ValueError:
                words.append(code)
        return ", ".join(words)
    return str(value)


def render_pdf(document: dict[str, Any], lang: str, large_print: bool = False) -> bytes:
    """The readable PDF of a subject-access export (A4, the letters' font and styles)."""
    from io import BytesIO

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        KeepTogether,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    from renodesk.letters.styles import RULE, SHADE, styles_for

    s = styles_for(large_print)
    household = document["household"]
    org = document["organisation"]

    def para(text: str, style: Any = None) -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), style or s.body)

    def facts(entity: str, row: dict[str, Any]) -> Table:
        cells = [[para(_label(entity, name, lang), s.cell_head),
                  para(display(entity, name, row.get(name), lang), s.cell)]
                 for name in PDF_FIELDS[entity]]
        grid = Table(cells, colWidths=[55 * mm, 115 * mm], hAlign="LEFT")
        grid.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (0, -1), SHADE),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE)]))
        return grid

    dwelling, project = document["dwelling"], document["project"]
    address = f"{dwelling['street']} {dwelling['number']}{dwelling['addition']}".strip()
    story: list[Any] = [
        para(t("inzage.title", lang), s.heading),
        para(t("inzage.intro", lang, organisation=org.get("name", ""), name=household["name"],
               date=f"{date.today():%d-%m-%Y}")),
        para(t("inzage.intro_contact", lang, organisation=org.get("name", ""),
               phone=org["phone"]) if org.get("phone") else t(
            "inzage.intro_contact_no_phone", lang, organisation=org.get("name", ""))),
        para(t("inzage.closing", lang)),
        para(t("inzage.heading.household", lang), s.subject),
        facts("household", household),
        Spacer(1, s.gap),
        para(t("inzage.dwelling", lang, address=address, postcode=dwelling["postcode"],
               city=dwelling["city"], project=f"{project['name']} ({project['code']})")),
    ]
    def log(rows: Sequence[dict[str, Any]]) -> Table:
        names = PDF_FIELDS["audit_entry"]
        cells = [[para(_label("audit_entry", n, lang), s.cell_head) for n in names]]
        cells += [[para(display("audit_entry", n, row.get(n), lang), s.cell) for n in names]
                  for row in rows]
        grid = Table(cells, colWidths=[30 * mm, 35 * mm, 27 * mm, 38 * mm, 40 * mm],
                     hAlign="LEFT", repeatRows=1)
        grid.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE)]))
        return grid

    for entity in SECTIONS:
        rows: Sequence[dict[str, Any]] = document.get(entity, [])
        heading = para(t(f"inzage.heading.{entity}", lang, count=len(rows)), s.subject)
        if not rows:
            story += [heading, para(t("inzage.none", lang))]
        elif entity == "audit_entry":
            story += [heading, log(rows)]
        else:
            story.append(KeepTogether([heading, facts(entity, rows[0])]))
            story.append(Spacer(1, s.gap))
            for row in rows[1:]:
                story += [facts(entity, row), Spacer(1, s.gap)]
    buffer = BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=18 * mm, bottomMargin=18 * mm,
                            title=t("inzage.title", lang), author=org.get("name", ""))
    doc.build(story)
    return buffer.getvalue()
