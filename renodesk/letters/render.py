"""Rendering letters to PDF: one letter, or a batch as one combined PDF."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from io import BytesIO
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    ActionFlowable,
    BaseDocTemplate,
    Flowable,
    NextPageTemplate,
    PageBreak,
)

from renodesk.core.enums import Language, LetterKind
from renodesk.core.errors import RenoDeskError
from renodesk.letters.bilingual import dutch_heading, leading_note
from renodesk.letters.data import LetterRequest, LetterResult, LetterWarning
from renodesk.letters.kinds import BUILDERS
from renodesk.letters.layout import (
    TEMPLATE_ORDER,
    LetterContext,
    LetterDocument,
    NumberedCanvas,
)
from renodesk.letters.styles import styles_for
from renodesk.letters.templates import REFERENCE_LANGUAGE, LetterTexts, load_texts

Progress = Callable[[int, int], bool]
"""Called as progress(done, total) before each letter and once at the end; returning
False cancels the batch."""

LOGO_MAX_PIXELS = (1200, 600)  # plenty for 50 × 24 mm at 600 dpi; keeps the PDF small


class Cancelled(RenoDeskError):
    """The person cancelled a batch; nothing was produced."""

    def __init__(self) -> None:
        super().__init__("letters.error.cancelled")


def render_letter(request: LetterRequest, template_dir: Path | None = None) -> LetterResult:
    """One letter as PDF. ``template_dir`` is the corporation's own template folder."""
    return render_batch([request], None, template_dir)


def render_batch(
    requests: Sequence[LetterRequest],
    progress: Progress | None = None,
    template_dir: Path | None = None,
) -> LetterResult:
    """Many letters as one PDF, each starting on a new sheet with its own page numbers.

    Raises Cancelled when ``progress`` returns False, and RenoDeskError when a request
    lacks what its kind needs (for example an invitation without a visit).
    """
    if not requests:
        raise RenoDeskError("letters.error.nothing_to_print")
    logos: dict[bytes, tuple[ImageReader | None, LetterWarning | None]] = {}
    contexts = [_context(index, request, logos, template_dir)
                for index, request in enumerate(requests)]
    total = len(contexts)
    story: list[Flowable] = []
    for ctx in contexts:
        if ctx.index > 0:
            # An explicit NextPageTemplate: PageBreak(nextTemplate=...) is skipped when
            # the previous letter is still on its first page, and the sheet would then
            # follow the "later" template, without letterhead and address.
            story += [_BeginLetter(ctx, total, progress),
                      NextPageTemplate(_first_template(ctx)), PageBreak()]
        story += letter_story(ctx)

    _report(progress, 0, total)
    buffer = BytesIO()
    first = contexts[0]
    doc = LetterDocument(buffer, first, title=first.request.kind.label(first.texts.language),
                         author=first.request.letterhead.organisation, creator="RenoDesk")
    doc._firstPageTemplateIndex = TEMPLATE_ORDER.index(_first_template(first))
    doc.build(story, canvasmaker=NumberedCanvas)
    if progress is not None:
        progress(total, total)
    canvas = doc.canv
    assert isinstance(canvas, NumberedCanvas)
    warnings: list[LetterWarning] = []
    for ctx in contexts:
        warnings += [w for w in ctx.warnings if w not in warnings]
    return LetterResult(pdf=buffer.getvalue(), warnings=tuple(warnings),
                        page_count=canvas.page_total)


def _first_template(ctx: LetterContext) -> str:
    if ctx.request.kind != LetterKind.NOT_HOME_CARD:
        return "first"
    return "card_full" if ctx.full_sheet_card else "card"


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise Cancelled()


class _BeginLetter(ActionFlowable):
    """Marks where the next letter (or a letter's Dutch part) starts: the page callbacks
    draw its letterhead, running head and page numbers."""

    def __init__(self, ctx: LetterContext, total: int = 0,
                 progress: Progress | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.total = total
        self.progress = progress

    def apply(self, doc: BaseDocTemplate) -> None:
        if self.total:
            _report(self.progress, self.ctx.index, self.total)
        assert isinstance(doc, LetterDocument)
        doc.current = self.ctx


def letter_story(ctx: LetterContext) -> list[Flowable]:
    """One letter's flowables; a bilingual letter in the tenant's language first, then
    the whole letter again in Dutch on a new page (a card: below a rule)."""
    build = BUILDERS[ctx.request.kind]
    if ctx.dutch is None:
        return build(ctx)
    card = ctx.request.kind == LetterKind.NOT_HOME_CARD
    return [*leading_note(ctx, ctx.dutch), *build(ctx), _BeginLetter(ctx.dutch),
            *([] if card else [PageBreak()]), *dutch_heading(ctx.dutch, card),
            *build(ctx.dutch)]


def _context(
    index: int,
    request: LetterRequest,
    logos: dict[bytes, tuple[ImageReader | None, LetterWarning | None]],
    template_dir: Path | None,
) -> LetterContext:
    texts, warnings = load_texts(request.language, template_dir)
    ctx = LetterContext(request=request, texts=texts,
                        styles=styles_for(request.large_print, texts.rtl),
                        logo=None, index=index, warnings=list(warnings))
    if not texts.reviewed:
        ctx.warnings.append(LetterWarning("letters.warning.translation_not_reviewed",
                                          {"language": _language_label(texts)}))
    if texts.bilingual:
        dutch = request.dutch or replace(request, language=REFERENCE_LANGUAGE)
        dutch_texts, _ = load_texts(REFERENCE_LANGUAGE, template_dir)
        ctx.in_bilingual = True
        ctx.dutch = LetterContext(request=dutch, texts=dutch_texts,
                                  styles=styles_for(request.large_print), logo=None,
                                  index=index, warnings=ctx.warnings, in_bilingual=True)
    data = request.letterhead.logo
    if data is not None:
        if data not in logos:
            logos[data] = _load_logo(data)
        ctx.logo, problem = logos[data]
        if ctx.dutch is not None:
            ctx.dutch.logo = ctx.logo
        if problem is not None:
            ctx.warnings.append(problem)
    return ctx


def _language_label(texts: LetterTexts) -> str:
    """"Arabisch" in the coach's language; a corporation's own language by its own name."""
    try:
        return Language(texts.language).label()
    except ValueError:
        return texts.text("language_name")


def _load_logo(data: bytes) -> tuple[ImageReader | None, LetterWarning | None]:
    """The logo, decoded fully now (a truncated file fails here, not halfway through a
    batch) and scaled down; a logo that cannot be read gives a warning instead."""
    from PIL import Image

    try:
        image: Image.Image = Image.open(BytesIO(data))
        image.load()
        image.thumbnail(LOGO_MAX_PIXELS)
        if image.mode not in ("RGB", "RGBA", "L"):
            image = image.convert("RGBA")
    except Exception:  # Pillow raises many types for damaged or unknown images
        return None, LetterWarning("letters.warning.logo_unreadable")
    return ImageReader(image), None
