"""The tenant's address shows through the window of a Dutch window envelope."""

from __future__ import annotations

import dataclasses

import pytest
from letters_pdf_helpers import Run, page_runs

from renodesk.core.enums import LetterKind
from renodesk.letters.data import Recipient
from renodesk.letters.layout import (
    ADDRESS_BOTTOM_MM,
    ADDRESS_LEFT_MM,
    ADDRESS_MAX_LINES,
    ADDRESS_TOP_MM,
    ADDRESS_WIDTH_MM,
    ENVELOPE_WINDOW_MM,
    RETURN_ADDRESS_BASELINE_MM,
)
from renodesk.letters.preview import sample_request
from renodesk.letters.render import render_letter

WINDOW = ENVELOPE_WINDOW_MM


def test_the_declared_address_area_lies_inside_the_window() -> None:
    assert WINDOW["left"] <= ADDRESS_LEFT_MM
    assert WINDOW["right"] >= ADDRESS_LEFT_MM + ADDRESS_WIDTH_MM
    assert WINDOW["top"] <= ADDRESS_TOP_MM < ADDRESS_BOTTOM_MM <= WINDOW["bottom"]
    assert WINDOW["top"] > RETURN_ADDRESS_BASELINE_MM


def _address_runs(recipient: Recipient, large_print: bool = False) -> list[Run]:
    request = dataclasses.replace(sample_request(LetterKind.INVITATION, "nl", large_print),
                                  recipient=recipient)
    runs = page_runs(render_letter(request).pdf)[0]
    return [r for r in runs if abs(r.left_mm - ADDRESS_LEFT_MM) < 0.5
            and WINDOW["top"] < r.baseline_mm < WINDOW["bottom"] + 5]


@pytest.mark.parametrize("large_print", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize(
    "recipient",
    [
        Recipient("Mevrouw G. Yılmaz", "Kastanjelaan 12 A", "3512 XY", "Utrecht"),
        Recipient("De heer Ł. Wiśniewski en mevrouw Nguyễn Văn An-Wiśniewski van Oostveen",
                  "Burgemeester van Nispen tot Sevenaerstraat 1234 bis", "9999 ZZ",
                  "Sint-Michielsgestel-Boxtel"),
    ],
    ids=["short", "long"],
)
def test_address_block_sits_inside_the_envelope_window(
    recipient: Recipient, large_print: bool
) -> None:
    runs = _address_runs(recipient, large_print)

    lines = " ".join(r.text for r in runs)
    assert recipient.street.split()[0] in lines
    assert recipient.postcode in lines and recipient.city.upper()[:10] in lines
    assert 3 <= len(runs) <= ADDRESS_MAX_LINES
    for run in runs:
        assert run.left_mm >= WINDOW["left"]
        assert run.right_mm <= WINDOW["right"], run
        assert run.top_mm >= WINDOW["top"], run
        assert run.bottom_mm <= WINDOW["bottom"], run


def test_return_address_sits_just_above_the_address_in_small_type() -> None:
    request = sample_request(LetterKind.AGREEMENTS)
    runs = page_runs(render_letter(request).pdf)[0]

    sender = [r for r in runs if "Postbus 1234" in r.text and r.left_mm < 30]
    assert len(sender) == 1
    assert sender[0].size <= 8
    assert sender[0].top_mm >= 40 and sender[0].bottom_mm <= WINDOW["top"]
    assert sender[0].right_mm <= WINDOW["right"]
