"""How a letter reached the tenant: by post, handed over, by e-mail or through the door.

A letter is kept with the household together with how it went out. When a letter is
made the delivery is suggested from what it is, and the coach can choose otherwise:

- a "not at home" card is pushed through the door (that is what it is for);
- a visit report made on the day of its visit is handed over: the coach prints it at the
  kitchen table (or right after the talk) and gives it to the tenant to read and sign,
  as its signature lines ask; a report made on a later day goes by post;
- a letter to the household's contact person goes by post to that person's address;
- every other letter goes by post (the letter's address block is made for a window
  envelope).

Changing it afterwards changes only that field of the letter (audited and synced); the
kept PDF never changes. No Qt.
"""

from __future__ import annotations

from datetime import date

from renodesk.core.enums import Delivery, LetterKind
from renodesk.core.errors import RenoDeskError
from renodesk.core.i18n import t
from renodesk.core.workspace import Change, Workspace


def suggested_delivery(kind: LetterKind, visit_day: date | None = None,
                       letter_day: date | None = None,
                       to_contact_person: bool = False) -> Delivery:
    """How a letter of ``kind`` most likely goes out (see the module's rules).

    ``visit_day`` is the day of the visit the letter is about and ``letter_day`` the day
    it is made; a batch, printed at the office and sent together, passes neither.
    """
    if to_contact_person:
        return Delivery.POST
    if kind == LetterKind.NOT_HOME_CARD:
        return Delivery.DOOR
    if kind == LetterKind.VISIT_REPORT and visit_day is not None and visit_day == letter_day:
        return Delivery.BY_HAND
    return Delivery.POST


class UnknownDelivery(RenoDeskError):
    """A delivery that does not exist; the message names the ones that do, each code with
    its label in the language the message is read in."""

    def __init__(self, value: str) -> None:
        super().__init__("letters.error.delivery_unknown", value=value)

    def message(self, lang: str | None = None) -> str:
        choices = ", ".join(f"{d.value} ({d.label(lang)})" for d in Delivery)
        return t(self.key, lang, choices=choices, **self.params)


def delivery_of(value: Delivery | str) -> Delivery:
    """A delivery from its code; an unknown one is refused (UnknownDelivery)."""
    try:
        return Delivery(value)
    except ValueError:
        raise UnknownDelivery(str(value)) from None


def change_delivery(ws: Workspace, letter_id: str, delivery: Delivery | str) -> Change | None:
    """Record how a kept letter went out after all: one field of the letter changes, in
    one unit of work with its audit entry and its sync operation. Returns None when it
    was already recorded that way. The PDF is not touched."""
    chosen = delivery_of(delivery)
    with ws.write() as uow:
        return uow.update("letter", letter_id, {"delivery": chosen.value})
