"""Replacing the team key from the Synchronisatie page, and typing the new passphrase."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "integration" / "sync"))

from rotationkit import NEW_PASSPHRASE, folder_team, sync
from synckit import Laptop, make_household

from renodesk.settings import Settings
from renodesk.sync import service
from renodesk.sync.team import load_team
from renodesk.ui.pages.base import PageContext
from renodesk.ui.pages.sync import SyncPage
from renodesk.ui.team_key_dialog import NewKeyDialog, RotateKeyDialog
from renodesk.ui.worker import InlineRunner, Runner, ThreadRunner


def page_for(qtbot: Any, laptop: Laptop, runner: Runner) -> SyncPage:
    runner.workspace = laptop.ws
    settings = Settings(None)
    settings.set("auto_sync_minutes", 0)
    context = PageContext(runner=runner, settings=settings,
                          navigate=lambda *_a: None, notify=lambda _m: None)
    page = SyncPage(context)
    qtbot.addWidget(page)
    page.show()
    return page


def test_the_lost_laptop_is_ticked_and_the_key_replaced(qtbot: Any, tmp_path: Path) -> None:
    _folder, (sanne, ahmet, cas) = folder_team(tmp_path, "sanne", "ahmet", "cas")
    for laptop in (ahmet, cas, sanne):
        assert sync(laptop).ok
    dialog = RotateKeyDialog(InlineRunner(sanne.ws))
    qtbot.addWidget(dialog)
    rows = [dialog.devices.item(i) for i in range(dialog.devices.count())]
    assert len(rows) == 3 and "(this laptop)" in rows[0].text()
    (lost,) = [r for r in rows if cas.ws.device_id[:8] in r.text()]
    from PySide6.QtCore import Qt

    lost.setCheckState(Qt.CheckState.Checked)
    dialog.passphrase.setText(NEW_PASSPHRASE)
    dialog.again.setText("iets-anders-getypt")
    dialog.buttons.accepted.emit()
    assert dialog.error.isVisibleTo(dialog) and dialog.result() == 0
    dialog.again.setText(NEW_PASSPHRASE)
    dialog.buttons.accepted.emit()
    assert dialog.result() == 1, dialog.error.text()
    team = load_team(sanne.ws, sanne.store)
    assert team.epoch == 2 and list(team.revoked) == [cas.ws.device_id]


def test_a_replaced_key_is_asked_for_once_and_the_edits_go_along(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _folder, (sanne, ahmet) = folder_team(tmp_path, "sanne", "ahmet")
    household = make_household(sanne)
    assert sync(sanne).ok and sync(ahmet).ok
    service.rotate_team_key(sanne.ws, sanne.store, NEW_PASSPHRASE)
    ahmet.ws.update("household", household, {"phone": "0612345678"})
    asked: list[NewKeyDialog] = []

    def exec_once(dialog: NewKeyDialog) -> int:
        asked.append(dialog)
        return 0  # the coach closes it: no passphrase at hand

    monkeypatch.setattr(NewKeyDialog, "exec", exec_once)
    runner = ThreadRunner()
    page = page_for(qtbot, ahmet, runner)

    def sync_on_page() -> None:
        page.sync_now()
        qtbot.waitUntil(lambda: page.job is None, timeout=20000)

    sync_on_page()
    sync_on_page()  # an automatic sync later on does not ask again
    assert len(asked) == 1
    assert page.team_key.new_key_button.isVisible()
    assert "renodesk team rekey" in page.problem_label.text()
    monkeypatch.undo()
    dialog = NewKeyDialog(page.context.runner, page)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("niet-het-goede-wachtwoord")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "klopt niet" in dialog.error.text(), timeout=20000)
    dialog.passphrase.setText(NEW_PASSPHRASE)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=20000)
    sync_on_page()
    assert not page.problem_label.isVisible(), page.problem_label.text()
    assert not page.team_key.new_key_button.isVisible()
    assert not page.problem_label.isVisible()
    assert sync(sanne).ok
    assert sanne.rows("household")[household]["phone"] == "06-12345678"
    runner.shutdown()
