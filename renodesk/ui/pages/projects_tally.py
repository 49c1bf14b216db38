"""The consent tally of a project against the 70% rule (art. 7:220 lid 3 BW), with its
deadline: a bar, the answers counted, a verdict in plain words.

Its texts keep the translation context ``ProjectsPage`` (hence the explicit
``QCoreApplication.translate``): they are the projects page's words, translated with it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QProgressBar, QWidget

from renodesk.core.queries.projects import ConsentTally
from renodesk.ui.models.base import day


class ConsentTallyBox(QGroupBox):
    """Shows one project's :class:`ConsentTally`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("ProjectsPage", "Consent (70% rule)"), parent)
        form = QFormLayout(self)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("consentBar")
        self.bar.setRange(0, 100)
        self.bar.setAccessibleName(
            QCoreApplication.translate("ProjectsPage", "Share of tenants who agree"))
        self.counts = QLabel(self)
        self.counts.setObjectName("consentCounts")
        self.verdict = QLabel(self)
        self.verdict.setObjectName("consentVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setStyleSheet("font-weight: 600;")
        self.deadline = QLabel(self)
        self.deadline.setObjectName("consentDeadline")
        form.addRow(QCoreApplication.translate("ProjectsPage", "Agree"), self.bar)
        form.addRow(QCoreApplication.translate("ProjectsPage", "Answers"), self.counts)
        form.addRow(QCoreApplication.translate("ProjectsPage", "Verdict"), self.verdict)
        form.addRow(QCoreApplication.translate("ProjectsPage", "Deadline"), self.deadline)

    def show_tally(self, tally: ConsentTally) -> None:
        """Fill the box from ``tally``."""
        self.bar.setValue(round(tally.percent_yes))
        self.bar.setFormat(f"{tally.percent_yes:.1f}%".replace(".", ","))
        self.counts.setText(QCoreApplication.translate(
            "ProjectsPage",
            "%1 agree, %2 do not agree, %3 undecided, %4 unknown (of %5 tenants)")
            .replace("%1", str(tally.yes)).replace("%2", str(tally.no))
            .replace("%3", str(tally.undecided)).replace("%4", str(tally.unknown))
            .replace("%5", str(tally.total)))
        threshold = "?" if tally.threshold_percent is None else f"{tally.threshold_percent}%"
        if not tally.rule_applies:
            verdict = QCoreApplication.translate(
                "ProjectsPage",
                "The 70% rule does not apply: fewer than %1 dwellings. Every tenant decides "
                "for themselves.").replace("%1", str(tally.min_dwellings or "?"))
        elif tally.reached:
            verdict = QCoreApplication.translate(
                "ProjectsPage", "Enough tenants agree: %1 of %2 (%3 needed).").replace(
                "%1", str(tally.yes)).replace("%2", str(tally.total)).replace(
                "%3", threshold)
        else:
            verdict = QCoreApplication.translate(
                "ProjectsPage", "Not enough yet: %1 more 'yes' needed to reach %2.").replace(
                "%1", str(tally.yes_short)).replace("%2", threshold)
        self.verdict.setText(verdict)
        if tally.deadline is None:
            self.deadline.setText(QCoreApplication.translate("ProjectsPage", "No deadline set"))
        elif tally.days_to_deadline is not None and tally.days_to_deadline >= 0:
            self.deadline.setText(QCoreApplication.translate(
                "ProjectsPage", "%1 (%n day(s) left)", "", tally.days_to_deadline).replace(
                "%1", day(tally.deadline)))
        else:
            self.deadline.setText(QCoreApplication.translate(
                "ProjectsPage", "%1 (passed)").replace("%1", day(tally.deadline)))
