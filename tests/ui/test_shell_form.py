"""Validation errors from the domain appear beside their own field, in plain words."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from renodesk.core.errors import NotFoundError, ValidationError
from renodesk.ui.widgets.form import FormErrors


def _form(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    layout = QFormLayout(host)
    errors = FormErrors(host)
    layout.addRow(errors.general)
    postcode, street = QLineEdit(), QLineEdit()
    errors.add_row(layout, "postcode", "Postcode", postcode)
    errors.add_row(layout, "street", "Straat", street)
    host.show()
    return errors, postcode, street


def test_each_message_goes_beside_its_field_and_focus_goes_to_the_first(qtbot):
    errors, postcode, _street = _form(qtbot)
    error = ValidationError({"postcode": ("validation.postcode", {"value": "12"}),
                             "city": ("validation.required", {})})
    errors.show(error, "nl")
    assert "1234 AB" in errors.message_for("postcode")
    assert errors.message_for("street") == ""
    assert errors.general.text() == "Dit veld is verplicht."
    assert postcode.property("invalid") is True
    qtbot.waitUntil(postcode.hasFocus)
    errors.clear()
    assert errors.message_for("postcode") == "" and errors.general.text() == ""


def test_english_messages_when_asked(qtbot):
    errors, _postcode, _street = _form(qtbot)
    errors.show(ValidationError({"street": ("validation.required", {})}), "en")
    assert errors.message_for("street") == "This field is required."


def test_other_errors_show_as_the_general_message(qtbot):
    errors, _postcode, _street = _form(qtbot)
    errors.show(NotFoundError("household", "abc"), "nl")
    assert errors.general.text()
    assert errors.general.isVisible()
