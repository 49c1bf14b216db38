"""The content of each kind of letter, as ReportLab flowables.

Every sentence comes from the language's template file; this module only decides the
order (most important first, one message per paragraph) and the look of facts, tables
and signature lines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table
from reportlab.platypus.flowables import HRFlowable
from reportlab.platypus.tables import TableStyle

from renodesk.core.enums import LetterKind
from renodesk.core.errors import RenoDeskError
from renodesk.letters.data import Agreement, VisitInfo
from renodesk.letters.fonts import BOLD, REGULAR
from renodesk.letters.layout import (
    CARD_MARGIN_MM,
    MARGIN_LEFT_MM,
    MARGIN_RIGHT_MM,
    PAGE_WIDTH_MM,
    LetterContext,
)
from renodesk.letters.pictograms import Pictogram, PictogramFlowable
from renodesk.letters.styles import INK, RULE, SHADE
from renodesk.letters.textblock import IconRow, TextBlock

BODY_WIDTH = (PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM) * mm
CARD_WIDTH = (PAGE_WIDTH_MM - 2 * CARD_MARGIN_MM) * mm


def _para(ctx: LetterContext, key: str, style: Any = None, **params: Any) -> TextBlock:
    return _text(ctx, ctx.texts.text(key, **params), style)


def _text(ctx: LetterContext, text: str, style: Any = None) -> TextBlock:
    style = style or ctx.styles.body
    return TextBlock([(style.fontName, text)], style)


def _visit(ctx: LetterContext) -> VisitInfo:
    if ctx.request.visit is None:
        raise RenoDeskError("letters.error.visit_required", kind=ctx.request.kind.label())
    return ctx.request.visit


def _opening(ctx: LetterContext, subject: str) -> list[Flowable]:
    request, texts = ctx.request, ctx.texts
    written = texts.date(request.letter_date)
    place = request.letterhead.place
    place_date = texts.text("formats.place_date", place=place, date=written) if place else written
    name = request.recipient.salutation_name
    salutation = (texts.text("common.salutation", name=name) if name
                  else texts.text("common.salutation_unknown"))
    story = [_text(ctx, place_date), _text(ctx, subject, ctx.styles.subject),
             _text(ctx, salutation)]
    about = request.on_behalf_of
    if about is not None:  # to the contact person: first why they get this letter
        story.append(_para(ctx, f"contact_letter.{about.reason}", tenant=about.tenant))
    return story


def _closing(ctx: LetterContext) -> list[Flowable]:
    """Greeting, room to sign, name, role and organisation: kept together on one page."""
    head = ctx.request.letterhead
    lines = [(REGULAR, ctx.texts.text("common.closing")), (REGULAR, ""),
             (BOLD, head.signatory_name), (REGULAR, head.signatory_role),
             (REGULAR, head.organisation)]
    return [TextBlock(lines, ctx.styles.fact, unbreakable=True)]


def _ending(ctx: LetterContext, story: list[Flowable]) -> list[Flowable]:
    """The story with its last paragraph kept on one page with the greeting and signature,
    so a page never holds the closing alone."""
    return [*story[:-1], KeepTogether([story[-1], *_closing(ctx)])]


def _questions(ctx: LetterContext, key: str = "common.questions") -> TextBlock:
    contact = ctx.request.contact
    return _para(ctx, key, name=contact.name, phone=contact.phone)


def _fact_rows(ctx: LetterContext, rows: Sequence[tuple[Pictogram, str, tuple[str, ...]]],
               ) -> list[Flowable]:
    """Pictogram, bold label and the fact itself (one or more lines), one row per fact."""
    s = ctx.styles
    icon_col = s.icon_size + 4 * mm
    facts: list[Flowable] = [
        IconRow(PictogramFlowable(icon, s.icon_size),
                TextBlock([(BOLD, label), *((REGULAR, line) for line in lines)], s.fact),
                icon_col, s.gap * 0.5)
        for icon, label, lines in rows
    ]
    return [*facts, Spacer(1, s.gap * 0.5)]


def _heading(ctx: LetterContext, key: str) -> TextBlock:
    return _para(ctx, key, ctx.styles.heading)


def _bullets(ctx: LetterContext, items: tuple[str, ...]) -> list[Flowable]:
    # A point of a list is never split over two pages.
    return [TextBlock([(REGULAR, item)], ctx.styles.bullet, bullet="•", unbreakable=True)
            for item in items]


def _when(ctx: LetterContext, agreement: Agreement) -> str:
    if agreement.when is None:
        return ctx.texts.text("common.no_date")
    return ctx.texts.date(agreement.when)


def _what(row: Agreement) -> list[tuple[str, str]]:
    """The agreement's category in bold above what was agreed."""
    return [*([(BOLD, row.category_label)] if row.category_label else []), (REGULAR, row.what)]


def _agreements(ctx: LetterContext) -> list[Flowable]:
    """A table with a repeated header; in large print a list of blocks instead, because
    four columns of 16 pt text leave too little room per word."""
    s, texts = ctx.styles, ctx.texts
    labels = [texts.text(f"table.{k}") for k in ("what", "who", "when", "status")]
    rows = ctx.request.agreements
    if s.large_print:
        blocks: list[Flowable] = []
        for number, row in enumerate(rows, start=1):
            details = zip(labels[1:], (row.who, _when(ctx, row), row.status_label), strict=True)
            blocks.append(TextBlock(
                [(BOLD, f"{number}. {row.what}"),
                 *([(REGULAR, row.category_label)] if row.category_label else []),
                 *((REGULAR, texts.labelled(label, value)) for label, value in details)],
                s.body, unbreakable=True,
            ))
        return blocks
    head: list[Flowable] = [TextBlock([(BOLD, label)], s.cell_head) for label in labels]
    data = [head] + [
        [TextBlock(_what(row), s.cell),
         *(TextBlock([(REGULAR, v)], s.cell) for v in (row.who, _when(ctx, row), row.status_label))]
        for row in rows
    ]
    widths = [0.37, 0.23, 0.21, 0.19]
    if texts.rtl:  # read from the right: "what" in the rightmost column
        data = [row[::-1] for row in data]
        widths = widths[::-1]
    table = Table(data, colWidths=[BODY_WIDTH * w for w in widths], repeatRows=1,
                  hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 1, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, SHADE]),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return [table, Spacer(1, s.gap)]


def invitation(ctx: LetterContext) -> list[Flowable]:
    visit, texts, contact = _visit(ctx), ctx.texts, ctx.request.contact
    end = visit.when + timedelta(minutes=visit.duration_minutes)
    time_lines = (texts.time_range(visit.when, end),
                  texts.text("invitation.duration", minutes=visit.duration_minutes))
    facts = [
        (Pictogram.CALENDAR, texts.text("invitation.date_label"), (texts.long_date(visit.when),)),
        (Pictogram.CLOCK, texts.text("invitation.time_label"), time_lines),
        (Pictogram.PERSON, texts.text("invitation.visitors_label"),
         (texts.join(visit.visitors),)),
        (Pictogram.PHONE, texts.text("invitation.phone_label"),
         (texts.text("invitation.phone_fact", name=contact.name, phone=contact.phone),)),
    ]
    story = _opening(ctx, texts.text("invitation.subject"))
    story += [_para(ctx, "invitation.intro"), *_fact_rows(ctx, facts)]
    if visit.purpose:
        story += [_heading(ctx, "invitation.purpose_heading"), _text(ctx, visit.purpose)]
    if visit.to_have_ready:
        story += [KeepTogether([_heading(ctx, "invitation.ready_heading"),
                                *_bullets(ctx, visit.to_have_ready)]),
                  Spacer(1, ctx.styles.gap * 0.5)]
    story += [_para(ctx, "invitation.company"),
              _para(ctx, "invitation.move", name=contact.name, phone=contact.phone)]
    return _ending(ctx, story)


def _signature_lines(ctx: LetterContext) -> Flowable:
    s, texts = ctx.styles, ctx.texts
    col = BODY_WIDTH / 2

    def column(label_key: str, name: str) -> list[Flowable]:
        return [
            _para(ctx, label_key, s.fact),
            Spacer(1, s.body.leading * 2.2),
            HRFlowable(width="100%", thickness=0.8, color=INK, spaceAfter=s.gap * 0.3,
                       hAlign="LEFT"),
            _text(ctx, texts.labelled(texts.text("visit_report.sign_name"), name), s.fact),
            Spacer(1, s.gap),
            _text(ctx, texts.labelled(texts.text("visit_report.sign_date"), ""), s.fact),
        ]

    table = Table([[column("visit_report.sign_tenant", ctx.request.recipient.name),
                    column("visit_report.sign_coach", ctx.request.contact.name)]],
                  colWidths=[col, col], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8 * mm),
    ]))
    return table


def visit_report(ctx: LetterContext) -> list[Flowable]:
    visit, texts = _visit(ctx), ctx.texts
    when = texts.date(visit.when)
    story = _opening(ctx, texts.text("visit_report.subject", date=when))
    story.append(_para(ctx, "visit_report.intro", date=texts.long_date(visit.when)))
    people = [*visit.visitors, *visit.attendees]
    if people:
        story.append(_para(ctx, "visit_report.present", names=texts.join(people)))
    if visit.summary:
        story += [_heading(ctx, "visit_report.summary_heading"),
                  *(_text(ctx, paragraph) for paragraph in visit.summary)]
    story.append(_heading(ctx, "visit_report.agreements_heading"))
    if ctx.request.agreements:
        story += _agreements(ctx)
    else:
        story.append(_para(ctx, "visit_report.no_agreements"))
    story.append(_questions(ctx, "visit_report.check"))
    if ctx.dutch is not None:  # signed once, under the Dutch text (which is leading)
        return _ending(ctx, [*story, _para(ctx, "visit_report.sign_in_dutch")])
    story = _ending(ctx, story)
    story += [CondPageBreak(ctx.styles.body.leading * 9), Spacer(1, ctx.styles.gap),
              KeepTogether([_para(ctx, "visit_report.sign_request"), _signature_lines(ctx)])]
    return story


def _about_tenant(ctx: LetterContext, key: str) -> TextBlock:
    """A sentence of the kind's own (``agreements.intro``), or for the contact person
    its twin that speaks about the tenant (``contact_letter.agreements_intro``)."""
    about = ctx.request.on_behalf_of
    if about is None:
        return _para(ctx, key)
    return _para(ctx, "contact_letter." + key.replace(".", "_"), tenant=about.tenant)


def _subject(ctx: LetterContext, key: str) -> str:
    about = ctx.request.on_behalf_of
    if about is None:
        return ctx.texts.text(key)
    return ctx.texts.text("contact_letter." + key.replace(".", "_"), address=about.address)


def _belongings(ctx: LetterContext) -> list[Flowable]:
    """After a death or a move: whom to call about belongings and the rest of the works."""
    about = ctx.request.on_behalf_of
    if about is None or about.reason == "channel":
        return []
    return [_questions(ctx, "contact_letter.belongings")]


def agreements(ctx: LetterContext) -> list[Flowable]:
    texts = ctx.texts
    story = _opening(ctx, _subject(ctx, "agreements.subject"))
    story += [_about_tenant(ctx, "agreements.intro"),
              _para(ctx, "agreements.as_of", date=texts.date(ctx.request.letter_date))]
    if ctx.request.agreements:
        story += _agreements(ctx)
    else:
        story.append(_about_tenant(ctx, "agreements.none"))
    story += _belongings(ctx)
    change = "agreements.change" if ctx.request.on_behalf_of is None else \
        "contact_letter.agreements_change"
    story.append(_questions(ctx, change))
    return _ending(ctx, story)


def contact_persons(ctx: LetterContext) -> list[Flowable]:
    s, texts = ctx.styles, ctx.texts
    story = _opening(ctx, _subject(ctx, "contact_persons.subject"))
    story.append(_about_tenant(ctx, "contact_persons.intro"))
    for person in ctx.request.contact_persons:
        text = TextBlock([
            (BOLD, person.name),
            (REGULAR, person.role),
            (REGULAR, texts.text("contact_persons.call_about", about=person.call_about)),
            (BOLD, texts.text("contact_persons.phone", phone=person.phone)),
        ], s.fact)
        icon_col = s.icon_size + 4 * mm
        story += [IconRow(PictogramFlowable(Pictogram.PERSON, s.icon_size), text, icon_col,
                          s.gap * 0.5, centre=False),
                  HRFlowable(width="100%", thickness=0.3, color=RULE, spaceAfter=s.gap * 0.7)]
    story += [Spacer(1, s.gap), *_belongings(ctx),
              _questions(ctx, "contact_persons.first_contact")]
    return _ending(ctx, story)


def not_home_card(ctx: LetterContext) -> list[Flowable]:
    visit, texts, contact = _visit(ctx), ctx.texts, ctx.request.contact
    recipient = ctx.request.recipient
    facts = [
        (Pictogram.CALENDAR, texts.text("not_home_card.came_label"),
         (texts.date_time(visit.when),)),
        (Pictogram.PERSON, texts.text("not_home_card.who_label"), (texts.join(visit.visitors),)),
        (Pictogram.PHONE, texts.text("not_home_card.call_label"),
         (texts.text("not_home_card.call", name=contact.name, phone=contact.phone),)),
    ]
    story: list[Flowable] = [
        _para(ctx, "not_home_card.title", ctx.styles.title),
        _para(ctx, "not_home_card.for", name=f"{recipient.name}, {recipient.street}"),
        *_fact_rows(ctx, facts),
    ]
    if visit.purpose:
        story.insert(2, _text(ctx, visit.purpose))
    return story


BUILDERS: dict[LetterKind, Callable[[LetterContext], list[Flowable]]] = {
    LetterKind.INVITATION: invitation,
    LetterKind.VISIT_REPORT: visit_report,
    LetterKind.AGREEMENTS: agreements,
    LetterKind.CONTACT_PERSONS: contact_persons,
    LetterKind.NOT_HOME_CARD: not_home_card,
}
