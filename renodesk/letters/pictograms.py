"""Simple pictograms drawn as vector graphics, so they stay sharp at any size and print
well in black and white. They stand beside the key facts: date, time, person, phone."""

from __future__ import annotations

from enum import StrEnum

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from renodesk.letters.styles import ACCENT


class Pictogram(StrEnum):
    CALENDAR = "calendar"
    CLOCK = "clock"
    PERSON = "person"
    PHONE = "phone"
    SCISSORS = "scissors"


def draw_pictogram(canvas: Canvas, kind: Pictogram, x: float, y: float, size: float) -> None:
    """Draw ``kind`` in the square with lower-left corner (x, y) and side ``size``.

    Each pictogram is drawn once per PDF as a form and reused, which keeps a batch of
    a hundred letters small and fast."""
    name = f"RenoDeskPictogram_{kind.value}"
    if not canvas.hasForm(name):
        canvas.beginForm(name, -0.1, -0.1, 1.1, 1.1)  # a unit square, strokes included
        canvas.setStrokeColor(ACCENT)
        canvas.setFillColor(ACCENT)
        canvas.setLineWidth(0.07)
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        _DRAWERS[kind](canvas)
        canvas.endForm()
    canvas.saveState()
    canvas.transform(size, 0, 0, size, x, y)
    canvas.doForm(name)
    canvas.restoreState()


def _calendar(c: Canvas) -> None:
    c.roundRect(0.1, 0.1, 0.8, 0.72, 0.08, stroke=1, fill=0)
    c.rect(0.1, 0.62, 0.8, 0.2, stroke=1, fill=1)
    c.setLineWidth(0.09)
    c.line(0.32, 0.72, 0.32, 0.92)
    c.line(0.68, 0.72, 0.68, 0.92)
    for row in range(2):
        for col in range(3):
            c.rect(0.2 + col * 0.22, 0.2 + row * 0.2, 0.14, 0.12, stroke=0, fill=1)


def _clock(c: Canvas) -> None:
    c.circle(0.5, 0.5, 0.4, stroke=1, fill=0)
    c.setLineWidth(0.09)
    c.line(0.5, 0.5, 0.5, 0.78)
    c.line(0.5, 0.5, 0.7, 0.42)
    c.circle(0.5, 0.5, 0.05, stroke=0, fill=1)
    c.setLineWidth(0.05)
    for x0, y0, x1, y1 in ((0.5, 0.9, 0.5, 0.84), (0.9, 0.5, 0.84, 0.5),
                           (0.5, 0.1, 0.5, 0.16), (0.1, 0.5, 0.16, 0.5)):
        c.line(x0, y0, x1, y1)


def _person(c: Canvas) -> None:
    c.circle(0.5, 0.7, 0.17, stroke=0, fill=1)
    body = c.beginPath()
    body.moveTo(0.14, 0.08)
    body.curveTo(0.14, 0.5, 0.86, 0.5, 0.86, 0.08)
    body.close()
    c.drawPath(body, stroke=0, fill=1)


def _phone(c: Canvas) -> None:
    c.roundRect(0.28, 0.06, 0.44, 0.88, 0.08, stroke=1, fill=0)
    c.rect(0.34, 0.24, 0.32, 0.58, stroke=0, fill=1)
    c.circle(0.5, 0.14, 0.04, stroke=0, fill=1)


def _scissors(c: Canvas) -> None:
    c.setLineWidth(0.08)
    c.circle(0.2, 0.3, 0.12, stroke=1, fill=0)
    c.circle(0.2, 0.7, 0.12, stroke=1, fill=0)
    c.line(0.3, 0.36, 0.95, 0.72)
    c.line(0.3, 0.64, 0.95, 0.28)


_DRAWERS = {
    Pictogram.CALENDAR: _calendar,
    Pictogram.CLOCK: _clock,
    Pictogram.PERSON: _person,
    Pictogram.PHONE: _phone,
    Pictogram.SCISSORS: _scissors,
}


class PictogramFlowable(Flowable):
    """A pictogram as a flowable, to sit in a table cell beside a fact."""

    def __init__(self, kind: Pictogram, size: float) -> None:
        super().__init__()
        self.kind = kind
        self.size = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_pictogram(self.canv, self.kind, 0, 0, self.size)
