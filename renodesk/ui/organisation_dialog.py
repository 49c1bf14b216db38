"""Organisation and letterhead: name, address, contact lines, signatory, default letter
language and logo, with a live preview of a sample letter (fictitious tenant)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from renodesk.core.enums import LetterKind
from renodesk.core.errors import RenoDeskError
from renodesk.ui.worker import Runner

TEXT_FIELDS = ("name", "street", "postcode", "city", "phone", "email", "website",
               "signatory_name", "signatory_role")


def menu_text() -> str:
    """The main window's menu entry that opens this dialog."""
    return QCoreApplication.translate("OrganisationDialog", "&Organisation and letterhead...")


class OrganisationDialog(QDialog):
    """Edit the letterhead; the sample letter on the right follows every change."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.logo: bytes | None = None
        self.templates: Path | None = None  # the workspace's own letter templates
        self.setWindowTitle(self.tr("Organisation and letterhead"))
        self.resize(1060, 780)
        labels = {
            "name": self.tr("Name of the organisation"), "street": self.tr("Street and number"),
            "postcode": self.tr("Postcode"), "city": self.tr("Place"),
            "phone": self.tr("Phone"), "email": self.tr("E-mail"),
            "website": self.tr("Website"), "signatory_name": self.tr("Letters signed by"),
            "signatory_role": self.tr("Role of the signatory"),
        }
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for name in TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"organisation-{name}")
            edit.setAccessibleName(labels[name])
            edit.textChanged.connect(self.schedule_preview)
            form.addRow(labels[name], edit)
            self.fields[name] = edit
        self.fields["signatory_name"].setPlaceholderText(
            self.tr("Empty: the household's coach signs"))
        self.language = QComboBox(self)
        self.language.setObjectName("organisation-letter_language")
        self.language.setToolTip(self.tr(
            "Letters to a contact person are in this language, unless you choose another."))
        self.language.currentIndexChanged.connect(self.schedule_preview)
        form.addRow(self.tr("Default letter language"), self.language)
        self.logo_label = QLabel(self.tr("No logo"), self)
        self.logo_label.setObjectName("logoState")
        choose = QPushButton(self.tr("Choose &logo..."), self)
        choose.clicked.connect(self.choose_logo)
        remove = QPushButton(self.tr("&Remove logo"), self)
        remove.clicked.connect(lambda: self.set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_label, 1)
        logo_row.addWidget(choose)
        logo_row.addWidget(remove)
        form.addRow(self.tr("Logo (PNG or JPEG)"), logo_row)
        self.message = QLabel(self)
        self.message.setObjectName("organisationMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.message)
        left.addStretch(1)
        left.addWidget(QLabel(self.tr("The preview shows a sample letter to a fictitious "
                                      "tenant."), self))
        left.addWidget(buttons)
        # Imported here: the main window asks this module for its menu text at start-up,
        # and the letter dialog pulls in the data layer.
        from renodesk.ui.letter_dialog import PdfPreview

        self.preview = PdfPreview(self, width=480)
        self.preview.setAccessibleName(self.tr("Preview of a sample letter"))
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(self.preview, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(300)
        self.timer.timeout.connect(self.render_preview)
        self.rendered = 0
        self.load()

    def load(self) -> None:
        from renodesk.core.letters import organisation_values, workspace_templates

        def work(ws: Any) -> tuple[dict[str, Any], Path | None]:
            with ws.engine.connect() as conn:
                return organisation_values(conn), workspace_templates(ws)

        self.runner.read(work, lambda found, _error: self._fill(*(found or ({}, None))))

    def _fill(self, values: dict[str, Any], templates: Path | None = None) -> None:
        from renodesk.ui.letter_dialog import letter_languages

        self.templates = templates
        self.language.blockSignals(True)
        self.language.clear()
        for code, name in letter_languages(templates):  # every template language
            self.language.addItem(name, code)
        self.language.blockSignals(False)
        for name, edit in self.fields.items():
            edit.setText(str(values.get(name) or ""))
        self.language.setCurrentIndex(max(0, self.language.findData(
            values.get("letter_language") or "nl")))
        self.set_logo(values.get("logo"))
        self.render_preview()

    def values(self) -> dict[str, Any]:
        found: dict[str, Any] = {name: edit.text().strip() for name, edit in self.fields.items()}
        found["letter_language"] = self.language.currentData()
        found["logo"] = self.logo
        return found

    def set_logo(self, data: bytes | None) -> None:
        self.logo = data or None
        self.logo_label.setText(self.tr("Logo of %1 kB").replace("%1", str(len(data) // 1024))
                                if data else self.tr("No logo"))
        self.schedule_preview()

    def choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a logo"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg)"))
        if name:
            self.use_logo_file(Path(name))

    def use_logo_file(self, path: Path) -> bool:
        """Take a logo file after checking its type and size; says what is wrong if not."""
        from renodesk.core.letters import check_logo

        try:
            data = path.read_bytes()
            check_logo(data)
        except OSError as exc:
            self.message.setText(self.tr("The file could not be read: %1").replace(
                "%1", exc.strerror or str(exc)))
            return False
        except RenoDeskError as exc:
            self.message.setText(exc.message())
            return False
        self.message.clear()
        self.set_logo(data)
        return True

    def schedule_preview(self) -> None:
        self.timer.start()

    def render_preview(self) -> None:
        """Render the sample letter with the letterhead as it is now (in the background)."""
        from renodesk.core.letter_requests import letterhead_from
        from renodesk.letters.preview import sample_request
        from renodesk.letters.render import render_letter

        self.timer.stop()
        values = self.values()
        templates = self.templates
        request = sample_request(LetterKind.INVITATION, str(values["letter_language"] or "nl"),
                                 letterhead=letterhead_from(values), templates=templates)

        def shown(result: Any, error: BaseException | None) -> None:
            if result is None:
                return
            self.preview.show_pdf(result.pdf)
            self.rendered += 1
            warnings = [w.message() for w in result.warnings]
            if warnings:
                self.message.setText("\n".join(warnings))

        self.runner.call(lambda: render_letter(request, templates), shown)

    def save(self) -> None:
        from renodesk.core.letters import save_organisation

        values = self.values()

        def saved(_change: Any, error: BaseException | None) -> None:
            if error is not None:
                self.message.setText(error.message() if isinstance(error, RenoDeskError)
                                     else self.tr("The settings could not be saved."))
                return
            self.accept()

        self.runner.write(lambda ws: save_organisation(ws, values), saved)
