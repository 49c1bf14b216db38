"""Rendering letters to PDF: one letter, or a batch as one combined PDF."""

from __future__ import annotations

from collections.abc import Callable, Sequence
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

from renodesk.core.enums import LetterKind
from renodesk.core.errors import RenoDeskError
from renodesk.letters.data import LetterRequest, LetterResult, LetterWarning
from renodesk.letters.kinds import BUILDERS
from renodesk.letters.layout import (
    TEMPLATE_ORDER,
    LetterContext,
    LetterDocument,
    NumberedCanvas,
)
from renodesk.letters.styles import styles_for
from renodesk.letters.templates import load_texts

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
        story += BUILDERS[ctx.request.kind](ctx)

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
    return "card_full" if ctx.request.large_print else "card"


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise Cancelled()


class _BeginLetter(ActionFlowable):
    """Marks where the next letter starts: the page callbacks draw its letterhead."""

    def __init__(self, ctx: LetterContext, total: int, progress: Progress | None) -> None:
        super().__init__()
        self.ctx = ctx
        self.total = total
        self.progress = progress

    def apply(self, doc: BaseDocTemplate) -> None:
        _report(self.progress, self.ctx.index, self.total)
        assert isinstance(doc, LetterDocument)
        doc.current = self.ctx


def _context(
    index: int,
    request: LetterRequest,
    logos: dict[bytes, tuple[ImageReader | None, LetterWarning | None]],
    template_dir: Path | None,
) -> LetterContext:
    texts, warnings = load_texts(request.language, template_dir)
    ctx = LetterContext(request=request, texts=texts, styles=styles_for(request.large_print),
                        logo=None, index=index, warnings=list(warnings))
    data = request.letterhead.logo
    if data is not None:
        if data not in logos:
            logos[data] = _load_logo(data)
        ctx.logo, problem = logos[data]
        if problem is not None:
            ctx.warnings.append(problem)
    return ctx


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
