"""Synchronisatie: where this laptop syncs, Sync now, automatic sync, the conflicts inbox.

Every sync runs in the background on the runner (the window never freezes); an
unreachable folder or server is shown in plain words and loses nothing. Automatic
sync runs when the page is first built (at start-up when it is the first page),
every ``auto_sync_minutes`` and when the window closes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from renodesk.ui.conflict_inbox import ConflictInbox
from renodesk.ui.pages.base import Page, PageContext
from renodesk.ui.server_tidy import ServerTidyBox

if TYPE_CHECKING:
    from renodesk.core.workspace import Change, Workspace
    from renodesk.sync.conflicts import Conflict
    from renodesk.sync.outcome import SyncOutcome
    from renodesk.sync.server_client import Compaction
    from renodesk.sync.service import SyncStatus
    from renodesk.ui.worker import Job


def _load(ws: Workspace) -> tuple[SyncStatus, list[Conflict]]:
    from renodesk.sync.conflicts import open_conflicts
    from renodesk.sync.service import status

    return status(ws), open_conflicts(ws)


class SyncPage(Page):
    key = "sync"
    icon = "sync"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.status: SyncStatus | None = None
        self.conflicts: list[Conflict] = []
        self.job: Job[Any] | None = None
        self.wanted_conflict: str | None = None
        self._build()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_now)
        minutes = int(context.settings.get("auto_sync_minutes"))
        if minutes:
            self.timer.start(minutes * 60_000)
        self._first_sync = True
        self._watched: QObject | None = None

    # -- building -------------------------------------------------------------
    def _build(self) -> None:
        self.team_label = QLabel(self)
        self.folder_label = QLabel(self)
        self.server_label = QLabel(self)
        self.last_label = QLabel(self)
        self.last_label.setObjectName("lastSync")
        self.unsynced_label = QLabel(self)
        for label in (self.folder_label, self.server_label):
            label.setWordWrap(True)
        where = QGroupBox(self.tr("Where this laptop syncs"), self)
        form = QFormLayout(where)
        form.addRow(self.tr("Team:"), self.team_label)
        form.addRow(self.tr("Shared folder:"), self.folder_label)
        form.addRow(self.tr("Server:"), self.server_label)
        form.addRow(self.tr("Last sync:"), self.last_label)
        form.addRow(self.tr("Waiting to be sent:"), self.unsynced_label)
        self.sync_button = QPushButton(self.tr("Sync now"), self)
        self.sync_button.setObjectName("syncNow")
        self.sync_button.clicked.connect(lambda: self.sync_now())
        self.create_button = QPushButton(self.tr("Set up a team in a folder..."), self)
        self.create_button.clicked.connect(lambda: self._team_dialog(create=True))
        self.join_button = QPushButton(self.tr("Join a team in a folder..."), self)
        self.join_button.clicked.connect(lambda: self._team_dialog(create=False))
        self.enrol_button = QPushButton(self.tr("Connect to a server..."), self)
        self.enrol_button.clicked.connect(self._enrol_dialog)
        # Two rows, so the page (and with it the window) stays narrow on a small laptop.
        buttons = QGridLayout()
        for index, button in enumerate((self.sync_button, self.enrol_button,
                                        self.create_button, self.join_button)):
            buttons.addWidget(button, index // 2, index % 2)
        buttons.setColumnStretch(2, 1)
        from renodesk.ui.team_key_dialog import TeamKeyActions

        self.team_key = TeamKeyActions(self, self.context.runner, buttons, self.refresh,
                                       self.sync_now)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("syncProgress")
        self.progress.setAccessibleName(self.tr("Sync progress"))
        self.progress.hide()
        self.result_label = QLabel(self)
        self.result_label.setObjectName("syncResult")
        self.result_label.setWordWrap(True)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("syncProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #a4262c; font-weight: 600;")
        self.problem_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(where)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addWidget(self.problem_label)
        self.tidy = ServerTidyBox(self)
        self.tidy.button.clicked.connect(self.tidy_server)
        self.tidy.hide()
        layout.addWidget(self.tidy)
        self.inbox = ConflictInbox(self)
        self.inbox.keep.connect(self._settle)
        layout.addWidget(self.inbox, 1)

    @classmethod
    def title(cls) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("SyncPage", "Synchronisation")

    # -- loading ----------------------------------------------------------------
    def load(self, argument: Any = None) -> None:
        if argument:
            self.wanted_conflict = str(argument)
        self._watch_close()
        self.refresh()
        if self._first_sync:
            self._first_sync = False
            QTimer.singleShot(0, self.sync_automatically)

    def refresh(self) -> None:
        self.context.runner.read(_load, self._loaded)

    def _loaded(self, result: tuple[SyncStatus, list[Conflict]] | None,
                error: BaseException | None) -> None:
        if result is None:
            self._show_problems([error] if error else [])
            return
        self.status, self.conflicts = result
        state = self.status
        self.team_label.setText(state.team or self.tr("Not in a team yet"))
        self.folder_label.setText(str(state.folder) if state.folder else self.tr("None"))
        self.server_label.setText(f"{state.server} ({state.server_team})" if state.server
                                  else self.tr("None"))
        self.last_label.setText(state.last_sync.strftime("%d-%m-%Y %H:%M") if state.last_sync
                                else self.tr("Never"))
        self.unsynced_label.setText(self.tr("%n change(s)", "", state.unsynced))
        in_team = state.team is not None
        self.sync_button.setEnabled(in_team and self.job is None)
        self.create_button.setVisible(not in_team and state.server is None)
        self.join_button.setVisible(not in_team and state.server is None)
        self.enrol_button.setVisible(state.server is None or not in_team)
        self.tidy.setVisible(state.server is not None and in_team)
        # Replacing the team key works through a shared folder only.
        self.team_key.rotate_button.setVisible(state.folder is not None and in_team)
        self.tidy.button.setEnabled(self.job is None)
        self.inbox.fill(self.conflicts, self.wanted_conflict)

    def _settle(self, which: str) -> None:
        chosen = self.inbox.chosen(which)
        if chosen is None:
            return
        item, value = chosen

        def settled(_result: Any, error: BaseException | None) -> None:
            if error is not None:
                self._show_problems([error])
            self.wanted_conflict = None
            self.context.notify(self.tr("Settled. The chosen text goes along with the next "
                                        "sync."))
            self.refresh()

        from renodesk.sync.conflicts import settle

        self.context.runner.write(lambda ws: settle(ws, item.id, value), settled)

    def on_changes(self, changes: Sequence[Change]) -> None:
        if self.isVisible():
            self.refresh()

    # -- syncing ----------------------------------------------------------------
    def sync_automatically(self) -> None:
        """Sync in the background when this laptop is in a team; quietly skip otherwise."""
        if self.status is None or self.status.team is not None:
            self.sync_now()

    def sync_now(self, allow_deletes: bool = False) -> None:
        if self.job is not None or not self.context.runner.has_workspace:
            return
        limit = int(self.context.settings.get("sync_delete_limit"))

        def work(ws: Workspace, job: Job[Any]) -> SyncOutcome | None:
            from renodesk.sync.server_transport import secret_store
            from renodesk.sync.service import sync_now
            from renodesk.sync.team import current_team

            store = secret_store(ws)
            if current_team(ws, store) is None:
                return None
            return sync_now(ws, store, allow_deletes=allow_deletes, delete_limit=limit,
                            progress=lambda done, total: job.report(done, total))

        self.sync_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.result_label.setText(self.tr("Synchronising..."))
        self._started(self.context.runner.long(work, self._synced, writes=True,
                                               on_progress=self._progressed))

    def _started(self, job: Job[Any]) -> None:
        """Keep a job that is still running; a runner that works at once (the tests'
        InlineRunner) has finished it, and its callback has already cleared ``job``."""
        if not job.finished:
            self.job = job

    def _progressed(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _synced(self, outcome: SyncOutcome | None, error: BaseException | None) -> None:
        self.job = None
        self.progress.hide()
        if error is not None:
            self.result_label.setText(self.tr("The sync did not finish."))
            self._show_problems([error])
        elif outcome is not None:
            report = outcome.report
            self.result_label.setText(
                self.tr("Sent %1 and received %2; %3 to settle.")
                .replace("%1", self.tr("%n change(s)", "", report.sent_ops))
                .replace("%2", self.tr("%n change(s)", "", report.received_ops))
                .replace("%3", str(report.open_conflicts)))
            self._show_problems(list(outcome.problems))
            self.team_key.after_sync(outcome.problems)
            if any(p.key == "sync.stopped.too_many_deletes" for p in outcome.problems):
                self._ask_about_deletes(outcome)
                return
        else:
            self.result_label.setText("")
        self.refresh()

    def _ask_about_deletes(self, outcome: SyncOutcome) -> None:
        """A sync that would delete many records stopped before changing anything: the
        coach decides (a colleague may have cleaned up a project, or something is wrong)."""
        from PySide6.QtWidgets import QMessageBox

        problem = next(p for p in outcome.problems if p.key == "sync.stopped.too_many_deletes")
        answer = QMessageBox.question(
            self, self.tr("Many records deleted"),
            problem.message() + "\n\n" + self.tr(
                "Apply these deletions on this laptop too? Choose No if you are not sure, "
                "and ask your colleagues first."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        self.refresh()
        if answer == QMessageBox.StandardButton.Yes:
            self.sync_now(allow_deletes=True)

    def _show_problems(self, problems: list[BaseException]) -> None:
        from renodesk.core.errors import RenoDeskError

        texts = [p.message() if isinstance(p, RenoDeskError) else str(p) for p in problems]
        self.problem_label.setText("\n".join(texts))
        self.problem_label.setVisible(bool(texts))

    # -- old changes on the server ---------------------------------------------------
    def tidy_server(self) -> None:
        """Sync, then put this laptop's snapshot on the server, which removes the old
        changes every active laptop has fetched (see ``ServerTidyBox``)."""
        if self.job is not None or not self.context.runner.has_workspace:
            return
        limit = int(self.context.settings.get("sync_delete_limit"))

        def work(ws: Workspace, job: Job[Any]) -> tuple[SyncOutcome, Compaction | None]:
            from renodesk.core.errors import RenoDeskError
            from renodesk.sync.server_sync import compact_server
            from renodesk.sync.server_transport import secret_store
            from renodesk.sync.service import sync_now

            store = secret_store(ws)
            outcome = sync_now(ws, store, delete_limit=limit,
                               progress=lambda done, total: job.report(done, total))
            if not outcome.ok:
                return outcome, None
            try:
                return outcome, compact_server(ws, store)
            except RenoDeskError as exc:  # the sync went through; the clean-up did not
                outcome.problems.append(exc)
                return outcome, None

        self.sync_button.setEnabled(False)
        self.tidy.button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.result_label.setText(self.tr("Synchronising..."))
        self._started(self.context.runner.long(work, self._tidied, writes=True,
                                               on_progress=self._progressed))

    def _tidied(self, result: tuple[SyncOutcome, Compaction | None] | None,
                error: BaseException | None) -> None:
        outcome, done = result if result is not None else (None, None)
        self._synced(outcome, error)
        if done is not None:
            self.tidy.show_result(done)

    # -- set-up dialogs ----------------------------------------------------------
    def _team_dialog(self, create: bool) -> None:
        from renodesk.ui.sync_dialogs import TeamDialog

        if TeamDialog(self.context.runner, create, self).exec():
            self.refresh()
            self.sync_now()

    def _enrol_dialog(self) -> None:
        from renodesk.ui.sync_dialogs import EnrolDialog

        if EnrolDialog(self.context.runner, self).exec():
            self.refresh()
            self.sync_now()

    # -- sync on close -------------------------------------------------------------
    def _watch_close(self) -> None:
        window = self.window()
        if window is not self and window is not self._watched:
            window.installEventFilter(self)
            self._watched = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self._watched and event.type() == QEvent.Type.Close
                and self.status is not None and self.status.team is not None):
            self.timer.stop()
            self.sync_now()  # queued before the runner shuts down, which waits for it
        return super().eventFilter(watched, event)


PAGE = SyncPage
