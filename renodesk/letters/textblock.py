"""A lean text flowable: lines of one size, each line in its own font, left aligned.

Letters need nothing more than that (a bold label above its value, a bold name above a
role), and ReportLab's Paragraph parses markup and measures words one by one, which made
a batch of letters three times slower than drawing the same text on a plain canvas.
This block wraps with ``simpleSplit`` like a hand-drawn letter would, and still splits
across pages, keeps headings with what follows and sits in table cells.

In a right-to-left language (style ``wordWrap="RTL"``) each paragraph is shaped and
reordered (``renodesk.letters.rtl``) and every line is aligned right, also a Dutch
sentence or a name inside the Arabic letter; the bullet and the pictogram beside a fact
move to the right as well.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable

ASCENT = 0.76  # DejaVu Sans, as a fraction of the font size
DESCENT = 0.24


class TextBlock(Flowable):
    """``lines`` are (font name, text) pairs; each starts on a new line and wraps.
    Size, leading, spacing, indent and colour come from ``style``; an optional
    ``bullet`` is drawn before the first line, in the indent."""

    def __init__(self, lines: Sequence[tuple[str, str]], style: ParagraphStyle,
                 bullet: str | None = None, unbreakable: bool = False) -> None:
        super().__init__()
        self.lines = list(lines)
        self.style = style
        self.bullet = bullet
        self.unbreakable = unbreakable  # moves to the next page whole, like a signature
        self.rtl = style.wordWrap == "RTL"
        self._wrapped: list[tuple[str, str]] = []
        self._wrapped_width = -1.0
        self.height: float = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        style = self.style
        if availWidth == self._wrapped_width:  # frames and tables ask more than once
            return availWidth, self.height
        width = availWidth - style.leftIndent
        self._wrapped_width = availWidth
        if self.rtl:
            self._wrap_rtl(width)
        else:
            self._wrapped = [
                (font, part)
                for font, text in self.lines
                for part in (simpleSplit(text, font, style.fontSize, width) or [""])
            ]
        self.width = availWidth
        self.height = len(self._wrapped) * style.leading
        return availWidth, self.height

    def _wrap_rtl(self, width: float) -> None:
        from renodesk.letters.rtl import wrap

        self._wrapped = [(font, part) for font, text in self.lines
                         for part in wrap(text, font, self.style.fontSize, width)]

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        fits = int(availHeight // self.style.leading)
        if fits <= 0 or (self.unbreakable and fits < len(self._wrapped)):
            return []
        if fits >= len(self._wrapped):
            return [self]
        first = self._part(0, fits, self.bullet)
        rest = self._part(fits, len(self._wrapped), None)
        first.spaceAfter = 0
        rest.spaceBefore = 0
        return [first, rest]

    def _part(self, start: int, end: int, bullet: str | None) -> TextBlock:
        """Some of the wrapped lines as a block of their own (already shaped and
        reordered when right to left: not wrapped again)."""
        part = TextBlock(self._wrapped[start:end], self.style, bullet)
        if self.rtl:
            part._wrapped = part.lines
            part._wrapped_width = self._wrapped_width
            part.width = self.width
            part.height = len(part.lines) * self.style.leading
        return part

    def draw(self) -> None:
        style = self.style
        canvas = self.canv
        size, leading = style.fontSize, style.leading
        pad = (leading - size) / 2
        top = self.height - pad - ASCENT * size
        canvas.setFillColor(style.textColor)
        if self.rtl:
            self._draw_rtl(top)
            return
        text = canvas.beginText(style.leftIndent, top)
        current = ""
        for font, line in self._wrapped:
            if font != current:
                text.setFont(font, size, leading)
                current = font
            text.textLine(line)
        canvas.drawText(text)
        if self.bullet:  # drawn in the indent, level with the first line
            canvas.setFont(style.bulletFontName, size)
            canvas.drawString(style.bulletIndent, top, self.bullet)

    def _draw_rtl(self, top: float) -> None:
        """Line by line, each ending at the right edge; indent and bullet on the right."""
        style, canvas = self.style, self.canv
        size, y = style.fontSize, top
        right = self.width - style.leftIndent
        for font, line in self._wrapped:
            canvas.setFont(font, size)
            canvas.drawRightString(right, y, line)
            y -= style.leading
        if self.bullet:
            canvas.setFont(style.bulletFontName, size)
            canvas.drawRightString(self.width - style.bulletIndent, top, self.bullet)


class IconRow(Flowable):
    """A pictogram (or any small flowable) with a text block beside it: the key facts
    of a letter. Cheaper than a one-row table, and it never splits across pages."""

    def __init__(self, icon: Flowable, text: TextBlock, icon_column: float,
                 space_after: float, centre: bool = True) -> None:
        super().__init__()
        self.icon = icon
        self.text = text
        self.icon_column = icon_column
        self.spaceAfter = space_after
        self.centre = centre

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._icon_width, self._icon_height = self.icon.wrap(self.icon_column, availHeight)
        _, self._text_height = self.text.wrap(availWidth - self.icon_column, availHeight)
        self.width = availWidth
        self.height = max(self._icon_height, self._text_height)
        return availWidth, self.height

    def draw(self) -> None:
        if self.centre:
            icon_y = (self.height - self._icon_height) / 2
        else:
            icon_y = self.height - self._icon_height
        if self.text.rtl:  # the pictogram on the right, where the reader starts
            self.icon.drawOn(self.canv, self.width - self._icon_width, icon_y)
            self.text.drawOn(self.canv, 0, self.height - self._text_height)
            return
        self.icon.drawOn(self.canv, 0, icon_y)
        self.text.drawOn(self.canv, self.icon_column, self.height - self._text_height)
