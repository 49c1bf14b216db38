"""Brief maken: choose the kind, language and print size of a letter for one household or
visit, see its pages, then print or save it; the letter is kept with the household.

Also home of the pieces the letters page and the organisation dialog share: a page
preview of a PDF (QtPdf) and printing a PDF on any system printer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from renodesk.core.contact_letters import ContactOption
from renodesk.core.enums import Delivery, Language, LetterKind
from renodesk.core.errors import RenoDeskError
from renodesk.core.letter_requests import VISIT_KINDS, LetterChoice
from renodesk.core.letters import MadeLetter, PreviewedLetter
from renodesk.ui.letter_delivery import DeliveryChoice
from renodesk.ui.worker import Runner

# The resolution letters are rasterised at for printing.
PRINT_DPI = 300


def pdf_document(pdf: bytes, parent: Any) -> QPdfDocument:
    """A QtPdf document over PDF bytes (the buffer lives as long as the document)."""
    document = QPdfDocument(parent)
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document


def page_images(pdf: bytes, width: int) -> list[QImage]:
    """Every page rendered ``width`` pixels wide."""
    document = pdf_document(pdf, None)
    images = []
    for page in range(document.pageCount()):
        size = document.pagePointSize(page)
        height = round(width * size.height() / max(size.width(), 1.0))
        images.append(document.render(page, QSize(width, height)))
    document.close()
    return images


def print_pdf_to(printer: QPrinter, pdf: bytes) -> int:
    """Print every page as an image at the printer's resolution; returns the page count."""
    document = pdf_document(pdf, None)
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        return 0
    count = document.pageCount()
    try:
        for page in range(count):
            if page:
                printer.newPage()
            target = printer.pageLayout().paintRectPixels(printer.resolution())
            size = document.pagePointSize(page)
            scale = min(target.width() / size.width(), target.height() / size.height())
            # 300 dpi is sharp on paper; a 1200 dpi bitmap of an A4 would take 500 MB.
            dpi = min(PRINT_DPI, printer.resolution())
            image = document.render(page, QSize(round(size.width() * dpi / 72),
                                                round(size.height() * dpi / 72)))
            painter.drawImage(QRectF(0, 0, size.width() * scale, size.height() * scale), image)
    finally:
        painter.end()
        document.close()
    return count


def print_pdf(parent: QWidget, pdf: bytes) -> bool:
    """Ask for a printer (any system printer) and print; False when the person cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return print_pdf_to(printer, pdf) > 0


def save_pdf(parent: QWidget, pdf: bytes, suggested: str) -> Path | None:
    """Ask where to save the PDF and write it; None when the person cancelled."""
    name, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("LetterDialog", "Save as PDF"), suggested,
        QCoreApplication.translate("LetterDialog", "PDF files (*.pdf)"))
    if not name:
        return None
    path = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
    path.write_bytes(pdf)
    return path


class PdfPreview(QScrollArea):
    """The pages of a PDF one below the other, as they will print."""

    def __init__(self, parent: QWidget | None = None, width: int = 520) -> None:
        super().__init__(parent)
        self.page_width = width
        self.setWidgetResizable(True)
        self.setMinimumWidth(width + 40)
        self.inner = QWidget(self)
        self.inner.setObjectName("pdfPages")
        self.pages = QVBoxLayout(self.inner)
        self.pages.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self.inner)
        self.page_count = 0

    def show_pdf(self, pdf: bytes | None) -> None:
        while self.pages.count():
            item = self.pages.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # at once: deleteLater waits for the event loop
                widget.deleteLater()
        images = page_images(pdf, self.page_width) if pdf else []
        for number, image in enumerate(images, start=1):
            label = QLabel(self.inner)
            pixmap = QPixmap.fromImage(image)
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.size() + QSize(2, 2))  # the layout must not squeeze it
            label.setStyleSheet("border: 1px solid #999; background: white;")
            label.setAccessibleName(self.tr("Page %1 of %2").replace("%1", str(number))
                                    .replace("%2", str(len(images))))
            self.pages.addWidget(label)
        # The scrolled area grows to hold every page whole (the layout would squeeze them).
        margins = self.pages.contentsMargins()
        spacing = self.pages.spacing() * max(len(images) - 1, 0)
        self.inner.setMinimumSize(
            self.page_width + 2 + margins.left() + margins.right(),
            sum(image.height() + 2 for image in images) + spacing + margins.top()
            + margins.bottom())
        self.page_count = len(images)


def letter_languages(templates: Path | None) -> list[tuple[str, str]]:
    """(code, name) of every language with a letter template: Dutch and English first,
    then the others by name. A language printed together with Dutch says so."""
    from renodesk.letters.templates import language_names, load_texts

    result = []
    for code, own_name in language_names(templates).items():
        try:
            name = Language(code).label()
        except ValueError:  # a language the corporation added itself
            name = own_name
        if own_name != name:
            name = f"{name} ({own_name})"
        if load_texts(code, templates)[0].bilingual:
            name = QCoreApplication.translate("LetterDialog", "%1 and Dutch").replace("%1", name)
        result.append((code, name))
    return sorted(result, key=lambda item: (item[0] not in ("nl", "en"), item[0] != "nl",
                                            item[1].casefold()))


def kind_combo(parent: QWidget, kinds: list[LetterKind]) -> QComboBox:
    combo = QComboBox(parent)
    for kind in kinds:
        combo.addItem(kind.label(), kind.value)
    return combo


class LetterDialog(QDialog):
    """Make one letter for a household (or about one visit): preview, then print or save."""

    def __init__(self, runner: Runner, household_id: str | None = None,
                 visit_id: str | None = None, templates: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.household_id = household_id
        self.visit_id = visit_id
        self.templates = templates
        self.made: MadeLetter | None = None
        self.made_for: LetterChoice | None = None
        self.preview_pdf: bytes | None = None
        self.setWindowTitle(self.tr("Make a letter"))
        self.resize(980, 760)

        kinds = list(LetterKind)
        if visit_id is None:
            kinds.sort(key=lambda k: k in VISIT_KINDS)  # letters without a visit first
        self.kind = kind_combo(self, kinds)
        self.kind.setObjectName("letterKind")
        self.language = QComboBox(self)
        self.language.setObjectName("letterLanguage")
        self.language.addItem(self.tr("The household's language"), None)
        for code, name in letter_languages(templates):
            self.language.addItem(name, code)
        self.large_print = QCheckBox(self.tr("Large print (16 pt)"), self)
        self.large_print.setObjectName("letterLargePrint")
        self.large_print.setTristate(True)
        self.large_print.setCheckState(Qt.CheckState.PartiallyChecked)
        self.large_print.setToolTip(self.tr(
            "Half ticked: as the household needs (large print or reads with difficulty)."))
        # Shown once the household is read: after a death or a move, or when the tenant
        # gets post through a contact person, the letter can go to that person.
        self.to_contact = QCheckBox(self.tr("Letter to the contact person"), self)
        self.to_contact.setObjectName("letterToContact")
        self.to_contact.setVisible(False)
        self.contact_note = QLabel(self)
        self.contact_note.setObjectName("letterContactNote")
        self.contact_note.setWordWrap(True)
        self.contact_note.setVisible(False)
        self.delivery = DeliveryChoice(self)
        form = QFormLayout()
        form.addRow(self.tr("Kind of letter"), self.kind)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Delivery"), self.delivery)
        form.addRow("", self.large_print)
        form.addRow("", self.to_contact)
        form.addRow("", self.contact_note)
        self.message = QLabel(self)
        self.message.setObjectName("letterMessage")
        self.message.setWordWrap(True)
        self.print_button = QPushButton(self.tr("&Print..."), self)
        self.save_button = QPushButton(self.tr("&Save as PDF..."), self)
        close = QPushButton(self.tr("&Close"), self)
        close.clicked.connect(self.accept)
        self.print_button.clicked.connect(self.print_letter)
        self.save_button.clicked.connect(self.save_letter)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.message)
        left.addStretch(1)
        left.addWidget(QLabel(self.tr("Printing or saving keeps the letter with the "
                                      "household's record."), self))
        for button in (self.print_button, self.save_button, close):
            left.addWidget(button)
        self.preview = PdfPreview(self)
        self.preview.setAccessibleName(self.tr("Preview of the letter"))
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(self.preview, 2)
        for signal in (self.kind.currentIndexChanged, self.language.currentIndexChanged,
                       self.large_print.stateChanged):
            signal.connect(self.refresh)
        self.to_contact.toggled.connect(self._contact_toggled)
        self._read_contact_option()

    def _read_contact_option(self) -> None:
        """Whether this household's letters can (or must) go to its contact person; the
        first preview follows once that is known."""
        from renodesk.core.contact_letters import contact_option

        def work(ws: Any) -> ContactOption | None:
            with ws.engine.connect() as conn:
                return contact_option(conn, self.household_id, self.visit_id)

        self.runner.read(work, lambda option, _error: self._show_contact_option(option))

    def _show_contact_option(self, option: ContactOption | None) -> None:
        if option is not None:
            if option.reason == "channel":
                note = self.tr("This household gets post through its contact person.")
            else:  # moved out or died: letters to the tenant stop
                note = self.tr("The tenant no longer lives here. Letters go to the contact "
                               "person.")
            if not option.addressed_to:
                note += " " + self.tr("No contact person is recorded: fill in the name and "
                                      "address in the profile first.")
            else:
                note += " " + self.tr("Contact person: %1.").replace("%1", option.addressed_to)
                if not option.has_address:
                    note += " " + self.tr("Their address is not recorded: fill it in in the "
                                          "profile first.")
            self.contact_note.setText(note)
            self.to_contact.setVisible(True)
            self.contact_note.setVisible(True)
            self.to_contact.setEnabled(bool(option.addressed_to))
            if option.reason != "channel":
                self.to_contact.setChecked(True)  # previews through _contact_toggled
                return
        self.refresh()

    def _contact_toggled(self, on: bool) -> None:
        """A contact person gets no visit letters: switch to the overview of agreements.
        Their language is not recorded: the organisation's letter language is the default."""
        self.language.setItemText(0, self.tr("The organisation's letter language") if on
                                  else self.tr("The household's language"))
        if on and LetterKind(self.kind.currentData()) in VISIT_KINDS:
            self.kind.setCurrentIndex(self.kind.findData(LetterKind.AGREEMENTS.value))
            return  # the kind's change previews
        self.refresh()

    def _templates(self, ws: Any) -> Path | None:
        """The given template folder, else the workspace's own (``<workspace>/letters``)."""
        from renodesk.core.letters import workspace_templates

        return self.templates or workspace_templates(ws)

    def choice(self) -> LetterChoice:
        state = self.large_print.checkState()
        large = None if state == Qt.CheckState.PartiallyChecked else \
            state == Qt.CheckState.Checked
        return LetterChoice(LetterKind(self.kind.currentData()),
                            household_id=None if self.visit_id else self.household_id,
                            visit_id=self.visit_id, language=self.language.currentData(),
                            large_print=large,
                            to_contact_person=self.to_contact.isChecked())

    def refresh(self) -> None:
        """Render the preview of the current choice in the background."""
        from renodesk.core.letters import preview_letter

        choice = self.choice()
        self.runner.read(lambda ws: preview_letter(ws, choice, self._templates(ws)),
                         lambda result, error: self._previewed(result, error))

    def _previewed(self, previewed: PreviewedLetter | None, error: BaseException | None) -> None:
        result = None if previewed is None else previewed.result
        self.preview_pdf = None if result is None else result.pdf
        self.preview.show_pdf(self.preview_pdf)
        ok = result is not None
        self.print_button.setEnabled(ok)
        self.save_button.setEnabled(ok)
        if previewed is not None:
            self.delivery.suggest(previewed.suggested)
        if result is None:
            self.message.setText(error.message() if isinstance(error, RenoDeskError)
                                 else self.tr("The letter could not be made."))
        else:
            self.message.setText("\n".join(w.message() for w in result.warnings))

    def _keep_then(self, then: Any) -> None:
        """Make and keep the letter (once per choice), then print or save it. The same
        letter with another delivery chosen is the kept letter with its delivery changed."""
        from renodesk.core.letters import make_letter

        choice, delivery = self.choice(), self.delivery.delivery()
        if self.made is not None and self.made_for == choice:
            if self.made.delivery != delivery:
                self._change_delivery(self.made, delivery, then)
            else:
                then(self.made.result.pdf)
            return

        def kept(made: MadeLetter | None, error: BaseException | None) -> None:
            if made is None:
                self.message.setText(error.message() if isinstance(error, RenoDeskError)
                                     else self.tr("The letter could not be made."))
                return
            self.made, self.made_for = made, choice
            self.message.setText(self.tr("The letter is kept with the household."))
            then(made.result.pdf)

        self.runner.write(lambda ws: make_letter(ws, choice, self._templates(ws),
                                                 delivery=delivery), kept)

    def _change_delivery(self, made: MadeLetter, delivery: Delivery, then: Any) -> None:
        from renodesk.core.letter_delivery import change_delivery

        def changed(_change: Any, error: BaseException | None) -> None:
            if error is not None:
                self.message.setText(error.message() if isinstance(error, RenoDeskError)
                                     else self.tr("The delivery could not be recorded."))
                return
            self.made = replace(made, delivery=delivery)
            then(made.result.pdf)

        self.runner.write(lambda ws: change_delivery(ws, made.letter_id, delivery), changed)

    def print_letter(self) -> None:
        self._keep_then(lambda pdf: print_pdf(self, pdf))

    def save_letter(self) -> None:
        name = f"{LetterKind(self.kind.currentData()).label()}.pdf"
        self._keep_then(lambda pdf: save_pdf(self, pdf, name))


def letter_button(parent: QWidget, runner: Runner,
                  household_id: Callable[[], str | None] = lambda: None,
                  visit_id: Callable[[], str | None] = lambda: None) -> QPushButton:
    """"Brief maken": a button for a household's profile or a visit that opens the dialog
    for the household or visit shown at the moment it is pressed."""
    button = QPushButton(QCoreApplication.translate("LetterDialog", "Make a &letter..."),
                         parent)
    button.setObjectName("makeLetter")

    def open_dialog() -> None:
        household, visit = household_id(), visit_id()
        if household or visit:
            LetterDialog(runner, household, visit, parent=parent).exec()

    button.clicked.connect(open_dialog)
    return button
