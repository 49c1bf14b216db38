"""Page geometry and what is drawn on every page: letterhead, envelope address, footer.

All positions are in millimetres measured from the top-left corner of the A4 sheet, the
way a person measures a printed letter; helpers convert to ReportLab's points from the
bottom. The address window follows DESIGN.md §6: the whole block stays inside
20–110 mm from the left and 50–80 mm from the top, with the return address just above.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from renodesk.letters.data import LetterRequest, LetterWarning
from renodesk.letters.fonts import BOLD, REGULAR
from renodesk.letters.pictograms import Pictogram, draw_pictogram
from renodesk.letters.styles import ACCENT, INK, RULE, Styles
from renodesk.letters.templates import LetterTexts

PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
MARGIN_LEFT_MM = 25.0
MARGIN_RIGHT_MM = 20.0
MARGIN_BOTTOM_MM = 22.0

# The area of the sheet that shows through any common Dutch window envelope.
ENVELOPE_WINDOW_MM = {"left": 20.0, "right": 110.0, "top": 50.0, "bottom": 80.0}
# Where the address block is placed inside that area (a few mm to spare on each side,
# because a sheet folded in three slides in the envelope).
ADDRESS_LEFT_MM = 25.0
ADDRESS_WIDTH_MM = 80.0
ADDRESS_TOP_MM = 52.0
ADDRESS_BOTTOM_MM = 78.0
ADDRESS_MAX_LINES = 6
ADDRESS_FONT_SIZE = 10.5
ADDRESS_MIN_FONT_SIZE = 7.0
RETURN_ADDRESS_BASELINE_MM = 48.5
RETURN_ADDRESS_FONT_SIZE = 7.0

LOGO_BOX_MM = (25.0, 14.0, 50.0, 24.0)  # left, top, width, height
LETTERHEAD_RIGHT_MM = PAGE_WIDTH_MM - MARGIN_RIGHT_MM
CONTACT_BLOCK_LEFT_MM = 120.0  # "your contact" beside the address
FIRST_BODY_TOP_MM = 84.0
LATER_BODY_TOP_MM = 28.0
FOOTER_BASELINE_MM = 12.0
FOLD_MARKS_MM = (99.0, 198.0)  # an A4 folded in three for the envelope

CARD_HEIGHT_MM = 148.5  # the not-at-home card is the top half of the sheet (A5 landscape)
CARD_MARGIN_MM = 14.0
CARD_BODY_TOP_MM = 34.0
TEMPLATE_ORDER = ("first", "later", "card", "card_full")  # as added to the document


def y_from_top(distance_mm: float) -> float:
    """ReportLab's y (points from the bottom) for a distance from the top in mm."""
    return (PAGE_HEIGHT_MM - distance_mm) * mm


@dataclass
class LetterContext:
    """One letter while it is laid out: its data, texts, styles and what went wrong."""

    request: LetterRequest
    texts: LetterTexts
    styles: Styles
    logo: ImageReader | None
    index: int
    warnings: list[LetterWarning] = field(default_factory=list)
    # A bilingual letter: the same letter in Dutch, printed after this one (the Dutch
    # text is leading). Its context shares the index, so pages are counted together.
    dutch: LetterContext | None = None
    in_bilingual: bool = False  # this is one of the two parts of a bilingual letter

    def page_label(self, page: int, pages: int) -> str:
        return self.line(self.texts.text("common.page", page=page, pages=pages))

    def line(self, text: str) -> str:
        """A single line drawn straight on the canvas, shaped and reordered when the
        letter's language runs right to left."""
        if not self.texts.rtl:
            return text
        from renodesk.letters.rtl import one_line

        return one_line(text)

    @property
    def full_sheet_card(self) -> bool:
        """Large print, or two languages, does not fit the half-sheet card."""
        return self.styles.large_print or self.in_bilingual


def address_lines(request: LetterRequest) -> list[str]:
    """The recipient as PostNL asks: postcode and city on one line, two spaces apart,
    the city in capitals."""
    r = request.recipient
    lines = [r.name, r.street, f"{r.postcode}  {r.city.upper()}"]
    return [line for line in lines if line.strip()]


def fit_address(lines: Sequence[str]) -> tuple[list[str], float, float]:
    """Wrapped lines, font size and leading so the block fits the window area."""
    width = ADDRESS_WIDTH_MM * mm
    height = (ADDRESS_BOTTOM_MM - ADDRESS_TOP_MM) * mm
    size = ADDRESS_FONT_SIZE
    while True:
        leading = size * 1.19
        wrapped = [part for line in lines for part in simpleSplit(line, REGULAR, size, width)]
        fits = len(wrapped) <= ADDRESS_MAX_LINES and len(wrapped) * leading <= height
        if fits or size <= ADDRESS_MIN_FONT_SIZE:
            # Too much text even at the smallest size: squeeze the leading, never overflow.
            leading = min(leading, height / max(len(wrapped), 1))
            return wrapped, size, leading
        size -= 0.5


def _fit_size(text: str, font: str, size: float, width: float, smallest: float) -> float:
    while size > smallest and stringWidth(text, font, size) > width:
        size -= 0.25
    return size


class LetterDocument(BaseDocTemplate):
    """A4 document holding one or more letters; ``current`` is the letter being laid out."""

    def __init__(self, target: Any, first: LetterContext, **kw: Any) -> None:
        super().__init__(target, pagesize=A4, **kw)
        self.current = first
        self._letterheads: dict[tuple[object, ...], int] = {}
        width = (PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM) * mm
        left = MARGIN_LEFT_MM * mm
        bottom = MARGIN_BOTTOM_MM * mm

        def frame(name: str, top_mm: float, bottom_pt: float, x: float, w: float) -> Frame:
            return Frame(x, bottom_pt, w, y_from_top(top_mm) - bottom_pt, id=name,
                         leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

        card_bottom = y_from_top(CARD_HEIGHT_MM - CARD_MARGIN_MM * 0.6)
        card_left = CARD_MARGIN_MM * mm
        card_width = (PAGE_WIDTH_MM - 2 * CARD_MARGIN_MM) * mm
        self.addPageTemplates([
            PageTemplate("first", [frame("first", FIRST_BODY_TOP_MM, bottom, left, width)],
                         onPage=self._first_page, autoNextPageTemplate="later"),
            PageTemplate("later", [frame("later", LATER_BODY_TOP_MM, bottom, left, width)],
                         onPage=self._later_page),
            PageTemplate("card", [frame("card", CARD_BODY_TOP_MM, card_bottom, card_left,
                                        card_width)],
                         onPage=self._card_page),
            # Large print does not fit half a sheet: the card takes the whole sheet,
            # folded once it is still A5 and fits any letterbox.
            PageTemplate("card_full", [frame("card_full", CARD_BODY_TOP_MM, bottom, card_left,
                                             card_width)],
                         onPage=self._card_page),
        ])

    def _first_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        ctx = self.current
        canvas.page_owner = ctx
        # The letterhead and return address are the same on every letter of a batch:
        # drawn once as a form, then reused.
        key = (ctx.request.letterhead, ctx.texts.language, ctx.styles.large_print)
        name = f"RenoDeskLetterhead_{self._letterheads.setdefault(key, len(self._letterheads))}"
        if not canvas.hasForm(name):
            canvas.beginForm(name)
            _draw_letterhead(canvas, ctx)
            _draw_return_address(canvas, ctx)
            _draw_fold_marks(canvas)
            canvas.endForm()
        canvas.doForm(name)
        _draw_address(canvas, ctx)
        _draw_contact(canvas, ctx)

    def _later_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        ctx = self.current
        canvas.page_owner = ctx
        texts = ctx.texts
        label = ctx.line(texts.text("common.continued", name=ctx.request.recipient.name,
                                    date=texts.date(ctx.request.letter_date)))
        size = ctx.styles.footer_size
        canvas.setFont(REGULAR, size)
        canvas.setFillColor(INK)
        if texts.rtl:
            canvas.drawRightString(LETTERHEAD_RIGHT_MM * mm, y_from_top(16), label)
        else:
            canvas.drawString(MARGIN_LEFT_MM * mm, y_from_top(16), label)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_LEFT_MM * mm, y_from_top(19), LETTERHEAD_RIGHT_MM * mm,
                    y_from_top(19))

    def _card_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        ctx = self.current
        canvas.page_owner = None  # a card has no page number
        head = ctx.request.letterhead
        top = CARD_MARGIN_MM * 0.8
        if ctx.logo is not None:
            _draw_logo(canvas, ctx.logo, CARD_MARGIN_MM, top, 40.0, 16.0)
        else:
            canvas.setFont(BOLD, 14)
            canvas.setFillColor(ACCENT)
            canvas.drawString(CARD_MARGIN_MM * mm, y_from_top(top + 7), head.organisation)
        canvas.setFont(BOLD, ctx.styles.letterhead_size + 1)
        canvas.setFillColor(INK)
        right = (PAGE_WIDTH_MM - CARD_MARGIN_MM) * mm
        if ctx.logo is not None:  # without a logo the name already stands on the left
            canvas.drawRightString(right, y_from_top(top + 4), head.organisation)
        canvas.setFont(REGULAR, ctx.styles.letterhead_size)
        canvas.drawRightString(right, y_from_top(top + 8.5), head.phone)
        canvas.drawRightString(right, y_from_top(top + 12.5), head.website)
        if not ctx.full_sheet_card:
            _draw_cut_line(canvas, ctx)


def _draw_logo(canvas: Canvas, logo: ImageReader, left_mm: float, top_mm: float,
               box_w_mm: float, box_h_mm: float) -> None:
    width, height = logo.getSize()
    scale = min(box_w_mm * mm / width, box_h_mm * mm / height)
    w, h = width * scale, height * scale
    canvas.drawImage(logo, left_mm * mm, y_from_top(top_mm) - h, w, h, mask="auto")


def _draw_letterhead(canvas: Canvas, ctx: LetterContext) -> None:
    head = ctx.request.letterhead
    left, top, box_w, box_h = LOGO_BOX_MM
    if ctx.logo is not None:
        _draw_logo(canvas, ctx.logo, left, top, box_w, box_h)
    else:
        # Without a logo the name takes its place, so the sender is still obvious.
        size = _fit_size(head.organisation, BOLD, 16, (CONTACT_BLOCK_LEFT_MM - left - 5) * mm, 10)
        canvas.setFont(BOLD, size)
        canvas.setFillColor(ACCENT)
        canvas.drawString(left * mm, y_from_top(top + 7), head.organisation)

    size = ctx.styles.letterhead_size
    right = LETTERHEAD_RIGHT_MM * mm
    block_width = (LETTERHEAD_RIGHT_MM - CONTACT_BLOCK_LEFT_MM) * mm
    labels = ctx.texts
    # Without a logo the name already stands large on the left: not twice.
    lines: list[tuple[str, str]] = [(BOLD, head.organisation)] if ctx.logo is not None else []
    lines += [(REGULAR, line) for line in head.address_lines]
    for key, value in (("common.phone_label", head.phone), ("common.email_label", head.email),
                       ("common.website_label", head.website)):
        if value:
            lines.append((REGULAR, ctx.line(labels.labelled(labels.text(key), value))
                          if key != "common.website_label" else value))
    y = y_from_top(top) - size
    canvas.setFillColor(INK)
    for font, text in lines:
        fitted = _fit_size(text, font, size + (1 if font == BOLD else 0), block_width, 6)
        canvas.setFont(font, fitted)
        canvas.drawRightString(right, y, text)
        y -= size * 1.3


def _draw_return_address(canvas: Canvas, ctx: LetterContext) -> None:
    head = ctx.request.letterhead
    sender = " · ".join([head.organisation, *head.address_lines])
    width = ADDRESS_WIDTH_MM * mm
    size = _fit_size(sender, REGULAR, RETURN_ADDRESS_FONT_SIZE, width, 5)
    if stringWidth(sender, REGULAR, size) > width:  # long: keep the organisation and box
        sender = " · ".join([head.organisation, *head.address_lines[-1:]])
    canvas.setFont(REGULAR, size)
    canvas.setFillColor(INK)
    canvas.drawString(ADDRESS_LEFT_MM * mm, y_from_top(RETURN_ADDRESS_BASELINE_MM), sender)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.3)
    line_y = y_from_top(RETURN_ADDRESS_BASELINE_MM) - 1.2 * mm
    canvas.line(ADDRESS_LEFT_MM * mm, line_y,
                ADDRESS_LEFT_MM * mm + min(stringWidth(sender, REGULAR, size), width), line_y)


def _draw_address(canvas: Canvas, ctx: LetterContext) -> None:
    lines, size, leading = fit_address(address_lines(ctx.request))
    if len(lines) > ADDRESS_MAX_LINES:
        ctx.warnings.append(LetterWarning("letters.warning.address_too_long",
                                          {"name": ctx.request.recipient.name}))
    text = canvas.beginText(ADDRESS_LEFT_MM * mm, y_from_top(ADDRESS_TOP_MM) - size)
    text.setFont(REGULAR, size, leading)
    for line in lines:
        text.textLine(line)
    canvas.drawText(text)


def _draw_contact(canvas: Canvas, ctx: LetterContext) -> None:
    """Name and phone of the person to call, beside the address where the eye lands."""
    contact = ctx.request.contact
    size = ctx.styles.contact_size
    x = CONTACT_BLOCK_LEFT_MM * mm
    width = (LETTERHEAD_RIGHT_MM - CONTACT_BLOCK_LEFT_MM - 12) * mm
    y = y_from_top(ADDRESS_TOP_MM) - size
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, size)
    canvas.drawString(x, y, ctx.line(ctx.texts.text("common.contact_label")))
    icon = size * 1.8
    draw_pictogram(canvas, Pictogram.PERSON, x, y - size * 1.5 - icon * 0.25, icon)
    draw_pictogram(canvas, Pictogram.PHONE, x, y - size * 3.0 - icon * 0.25, icon)
    text_x = x + icon + 2 * mm
    canvas.setFont(REGULAR, _fit_size(contact.name, REGULAR, size, width, 6))
    canvas.drawString(text_x, y - size * 1.5, contact.name)
    canvas.setFont(BOLD, size)
    canvas.drawString(text_x, y - size * 3.0, contact.phone)


def _draw_fold_marks(canvas: Canvas) -> None:
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.4)
    for distance in FOLD_MARKS_MM:
        canvas.line(5 * mm, y_from_top(distance), 9 * mm, y_from_top(distance))


def _draw_cut_line(canvas: Canvas, ctx: LetterContext) -> None:
    y = y_from_top(CARD_HEIGHT_MM)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.setDash(4, 3)
    canvas.line(0, y, PAGE_WIDTH_MM * mm, y)
    canvas.setDash()
    icon = 6 * mm
    draw_pictogram(canvas, Pictogram.SCISSORS, 12 * mm, y - icon / 2, icon)
    canvas.setFont(REGULAR, 8)
    canvas.setFillColor(INK)
    canvas.drawString(20 * mm, y - 4 * mm, ctx.line(ctx.texts.text("not_home_card.cut")))


class NumberedCanvas(Canvas):
    """Holds pages back until the end, so each page can say "Pagina 1 van 3" counted
    within its own letter, also when many letters share one PDF."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self._held: list[dict[str, Any]] = []
        self.page_owner: LetterContext | None = None
        self.page_total = 0

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()
        self.page_owner = None

    def save(self) -> None:
        totals: dict[int, int] = {}
        for state in self._held:
            owner = state["page_owner"]
            if owner is not None:
                totals[owner.index] = totals.get(owner.index, 0) + 1
        seen: dict[int, int] = {}
        for state in self._held:
            self.__dict__.update(state)
            owner = self.page_owner
            if owner is not None:
                seen[owner.index] = seen.get(owner.index, 0) + 1
                self._draw_footer(owner, seen[owner.index], totals[owner.index])
            super().showPage()
        self.page_total = len(self._held)
        super().save()

    def _draw_footer(self, owner: LetterContext, page: int, pages: int) -> None:
        size = owner.styles.footer_size
        y = FOOTER_BASELINE_MM * mm
        self.setFillColor(INK)
        self.setFont(REGULAR, size)
        self.drawRightString(LETTERHEAD_RIGHT_MM * mm, y, owner.page_label(page, pages))
        head = owner.request.letterhead
        self.setFont(REGULAR, min(size, 8.5))
        self.drawString(MARGIN_LEFT_MM * mm, y,
                        " · ".join(part for part in (head.organisation, head.phone) if part))
