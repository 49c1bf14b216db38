"""A household's profile: view and edit, with what matters for the works and its timeline.

Saving writes every field in one change; a wrong field is named beside itself and
nothing is saved. Sensitive fields are shown only with a recorded basis (consent).
The parts live beside this module: the form (household_form), the planned work and
history (household_history) and the status, moved out or deceased (household_status).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from renodesk.core import enums
from renodesk.core.errors import RenoDeskError
from renodesk.core.profiles import update_profile
from renodesk.core.queries.households import HouseholdProfile, open_profile
from renodesk.ui.pages.base import Page, PageContext
from renodesk.ui.pages.household_form import SENSITIVE, ProfileForm
from renodesk.ui.pages.household_history import HouseholdTimeline
from renodesk.ui.pages.household_status import StatusBanner, StatusRow
from renodesk.ui.widgets.privacy_hints import IdentifierWarnings, SensitiveMarker

if TYPE_CHECKING:
    from renodesk.core.privacy import SensitiveHoldings
    from renodesk.core.workspace import Change, Workspace

__all__ = ["SENSITIVE", "HouseholdPage"]

#: The needs and partners lists show this many rows before they scroll.
TREE_ROWS = 4


class HouseholdPage(Page):
    key = "household"
    icon = "household"
    in_navigation = False
    commands = frozenset({"save", "refresh", "new_visit", "search"})
    WATCHED = frozenset({"household", "vulnerability", "involvement", "contact_moment", "visit",
                         "adjustment", "action", "letter"})

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.household_id: str | None = None
        self.profile: HouseholdProfile | None = None

        self.heading = QLabel(self)
        self.heading.setObjectName("profileHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.status_tag = QLabel(self)
        self.status_tag.setObjectName("statusTag")
        self.status_tag.setStyleSheet("border: 1px solid palette(mid); border-radius: 6px; "
                                      "padding: 1px 6px;")
        self.subheading = QLabel(self)
        self.subheading.setWordWrap(True)
        self.safety = QLabel(self)
        self.safety.setObjectName("safetyNote")
        self.safety.setWordWrap(True)
        self.safety.setStyleSheet("font-weight: 600;")
        self.banner = StatusBanner(self)
        self.plan_button = QPushButton(self.tr("Plan a &visit"), self)
        self.plan_button.clicked.connect(lambda: self.run_command("new_visit"))
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setObjectName("saveProfile")
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel(self)
        self.warnings = IdentifierWarnings(self.save, self)

        self.status_row = StatusRow(context)
        self.status_row.changed.connect(self.load)
        self.form = ProfileForm(self.status_row, self)
        self.edits = self.form.edits
        self.errors = self.form.errors
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(380)

        right = QWidget(self)
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        self.vulnerabilities = self._tree(right, [self.tr("Vulnerability"), self.tr("Weight"),
                                                  self.tr("What it means for the works")])
        self.partners = self._tree(right, [self.tr("Partner"), self.tr("Role"),
                                           self.tr("May share")])
        for title, tree in ((self.tr("Vulnerabilities"), self.vulnerabilities),
                            (self.tr("Partners involved"), self.partners)):
            label = QLabel(f"<b>{title}</b>", right)
            label.setBuddy(tree)
            title_row = QHBoxLayout()
            title_row.addWidget(label)
            if tree is self.vulnerabilities:
                title_row.addWidget(SensitiveMarker(right))
            title_row.addStretch(1)
            right_column.addLayout(title_row)
            right_column.addWidget(tree)
        self.timeline = HouseholdTimeline(context, right)
        right_column.addWidget(self.timeline, 1)
        from renodesk.ui.widgets.guidance_panel import GuidancePanel  # handvatten (guidance area)

        self.guidance = GuidancePanel(context, self.timeline.tabs)
        # In a tab beside the history: the tab carries the panel's title.
        self.timeline.tabs.addTab(self.guidance, self.guidance.title())
        self.guidance.setTitle("")
        self.guidance.setFlat(True)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("profileSplitter")
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setSizes([480, 600])

        top = QHBoxLayout()
        titles = QVBoxLayout()
        name_row = QHBoxLayout()
        name_row.addWidget(self.heading)
        name_row.addWidget(self.status_tag)
        name_row.addStretch(1)
        titles.addLayout(name_row)
        titles.addWidget(self.subheading)
        top.addLayout(titles, 1)
        top.addWidget(self.saved_label)
        top.addWidget(self.plan_button)
        from renodesk.ui.letter_dialog import letter_button  # Brief maken (letters area)

        self.letter_button = letter_button(self, context.runner, lambda: self.household_id)
        top.addWidget(self.letter_button)
        top.addWidget(self.guidance.reflection_button)  # Casus voor intervisie
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.safety)
        layout.addWidget(self.warnings)
        layout.addWidget(splitter, 1)
        from renodesk.ui.widgets.needs_editor import NeedsEditor  # add/change/remove (needs area)

        self.needs = NeedsEditor(context, self.vulnerabilities, self.partners, self)

    def _tree(self, parent: QWidget, headers: list[str]) -> QTreeWidget:
        tree = QTreeWidget(parent)
        tree.setRootIsDecorated(False)
        tree.setHeaderLabels(headers)
        tree.setAccessibleName(headers[0])
        tree.setAlternatingRowColors(True)
        tree.header().resizeSection(0, 200)
        # Refit when the needs editor fills it (not on removal: a tree being deleted
        # removes its rows too); a profile shown refits both.
        tree.model().rowsInserted.connect(lambda *_args: _fit_rows(tree))
        _fit_rows(tree)
        return tree

    # -- page -------------------------------------------------------------------
    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("HouseholdPage", "Household")

    def load(self, argument: Any = None) -> None:
        if argument:
            self.household_id = str(argument)
        if self.household_id is None:
            return
        household_id = self.household_id
        self.timeline.household_id = household_id
        self.errors.clear()
        self.warnings.clear()
        self.timeline.contact_warnings.clear()
        self.saved_label.clear()
        self.context.runner.read(lambda ws: open_profile(ws, household_id), self._show)
        self.guidance.show_household(household_id)

    def _show(self, profile: HouseholdProfile | None, error: BaseException | None) -> None:
        if profile is None:
            self.context.notify(str(error))
            return
        self.profile = profile
        values = profile.household
        self.heading.setText(values["name"])
        phase = enums.ProjectPhase(profile.project["phase"]).label()
        self.subheading.setText(
            f"{profile.address}, {profile.dwelling['postcode']} {profile.dwelling['city']}"
            f" · {profile.project['code']} {profile.project['name']} ({phase})")
        note = values.get("safety_note") or ""
        self.safety.setText(self.tr("Safety: %1").replace("%1", note) if note else "")
        self.safety.setVisible(bool(note))
        self._show_status(values)
        self.form.show_values(values, profile.sensitive_shown)
        self.needs.show_profile(profile)  # the two tables, with their ids
        for tree in (self.vulnerabilities, self.partners):
            _fit_rows(tree)
        self.timeline.show_timeline(profile.timeline)

    def _show_status(self, values: dict[str, Any]) -> None:
        """Moved out or deceased: said at the top, and no new visits or letters."""
        self.status_row.show_household(values)
        self.banner.show_household(values)
        active = self.status_row.active
        self.status_tag.setText("" if active else enums.HouseholdStatus(values["status"]).label())
        self.status_tag.setVisible(not active)
        why = "" if active else self.tr("Not for a household that moved out or died")
        for button in (self.plan_button, self.letter_button):
            button.setEnabled(active)
            button.setToolTip(why)

    def values(self) -> dict[str, Any]:
        """What the form holds, as the domain expects it (validated there)."""
        return self.form.values()

    def save(self) -> None:
        household_id = self.household_id
        if household_id is None:
            return
        values = self.values()
        if not self.warnings.check("household", self.form.texts(values), self.form.labels):
            return
        before = self.profile.household if self.profile is not None else {}
        withdrawing = bool(values.get("consent_withdrawn_date")) and not before.get(
            "consent_withdrawn_date")

        def saved(changes: list[Change] | None, error: BaseException | None) -> None:
            if isinstance(error, RenoDeskError):
                self.errors.show(error)
                return
            if error is not None:
                raise error
            self.context.notify(self.tr("The profile is saved."))
            self.load()  # show what was stored, e.g. 0612345678 written as 06-12345678
            self.saved_label.setText(self.tr("Saved"))
            if withdrawing:
                self._propose_erasure(household_id)

        self.context.runner.write(lambda ws: update_profile(ws, household_id, values), saved)

    def _propose_erasure(self, household_id: str) -> None:
        """Consent was withdrawn: the sensitive data is hidden now; propose to erase it,
        as the privacy page does."""
        from renodesk.core.privacy import sensitive_holdings
        from renodesk.ui.pages.privacy_parts import offer_erasure

        def held(ws: Workspace) -> tuple[str, SensitiveHoldings]:
            with ws.engine.connect() as conn:
                return ws.get("household", household_id)["name"], sensitive_holdings(
                    conn, household_id)

        def offer(found: tuple[str, SensitiveHoldings] | None,
                  error: BaseException | None) -> None:
            if found is None:
                self.context.notify(str(error))
                return
            name, holdings = found
            if holdings.total and household_id == self.household_id:
                offer_erasure(self, self.context, household_id, name, True, holdings,
                              self.load)

        self.context.runner.read(held, offer)

    def on_changes(self, changes: Sequence[Change]) -> None:
        if (self.household_id and self.isVisible()
                and any(c.household_id == self.household_id and c.entity in self.WATCHED
                        and c.entity != "household" for c in changes)):
            # Other records of this household changed: refresh the lists, keep the form.
            household_id = self.household_id
            self.context.runner.read(lambda ws: open_profile(ws, household_id),
                                     self._show_lists)

    def _show_lists(self, profile: HouseholdProfile | None, _error: BaseException | None) -> None:
        if profile is not None and profile.household["id"] == self.household_id:
            self.timeline.show_timeline(profile.timeline)

    def run_command(self, name: str) -> None:
        if name == "search":  # Ctrl+F anywhere: find a household
            self.context.navigate("households", None)
            return
        if name == "save":
            self.save()
        elif name == "refresh":
            self.load()
        elif name == "new_visit" and self.household_id and self.plan_button.isEnabled():
            self.context.navigate("visits", {"plan_for": self.household_id})


def _fit_rows(tree: QTreeWidget) -> None:
    """As tall as its rows (three to four, beside its buttons; more scroll): the timeline
    gets the rest."""
    rows = min(max(tree.topLevelItemCount(), TREE_ROWS - 1), TREE_ROWS)
    row = tree.sizeHintForRow(0) if tree.topLevelItemCount() else tree.fontMetrics().height() + 4
    tree.setFixedHeight(tree.header().sizeHint().height() + rows * row + 2 * tree.frameWidth())


PAGE = HouseholdPage
