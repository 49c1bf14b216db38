"""The Synchronisatie page: Sync now in the background, the conflicts inbox, enrolment."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "integration" / "sync"))

from synckit import Laptop, make_household, new_laptop, team_of

from renodesk.settings import Settings
from renodesk.sync.conflicts import open_conflicts
from renodesk.ui.pages.base import PageContext
from renodesk.ui.pages.sync import SyncPage
from renodesk.ui.sync_dialogs import EnrolDialog
from renodesk.ui.worker import InlineRunner, Runner, ThreadRunner


def page_for(qtbot: Any, laptop: Laptop, runner: Runner) -> SyncPage:
    runner.workspace = laptop.ws
    settings = Settings(None)
    settings.set("auto_sync_minutes", 0)
    said: list[str] = []
    context = PageContext(runner=runner, settings=settings, navigate=lambda *_a: None,
                          notify=said.append)
    page = SyncPage(context)
    qtbot.addWidget(page)
    page.show()
    return page


def conflicted(tmp_path: Path) -> tuple[Laptop, Laptop, str]:
    _folder, (sanne, ahmet) = team_of(tmp_path, 2)
    household = make_household(sanne, notes="Eerste kennismaking.")
    from renodesk.sync.service import sync_now

    for laptop in (sanne, ahmet):
        sync_now(laptop.ws, laptop.store)
    sanne.ws.update("household", household, {"notes": "Wil een rustige kamer."})
    ahmet.ws.update("household", household, {"notes": "Dochter helpt met inpakken."})
    for laptop in (sanne, ahmet, sanne):
        sync_now(laptop.ws, laptop.store)
    return sanne, ahmet, household


def test_sync_now_runs_in_the_background_and_shows_the_last_sync(qtbot: Any,
                                                                  tmp_path: Path) -> None:
    _folder, (sanne, _ahmet) = team_of(tmp_path, 2)
    runner = ThreadRunner()
    page = page_for(qtbot, sanne, runner)
    page.load()  # the first load syncs on its own
    qtbot.waitUntil(lambda: page.job is None and page.last_label.text() not in ("", "Never"),
                    timeout=20000)
    make_household(sanne)
    qtbot.waitUntil(lambda: page.sync_button.isEnabled(), timeout=5000)
    page.sync_button.click()
    assert page.job is not None and not page.sync_button.isEnabled()  # not waiting for it
    assert page.progress.isVisible()
    qtbot.waitUntil(lambda: page.job is None, timeout=20000)
    qtbot.waitUntil(lambda: page.unsynced_label.text().startswith("0"), timeout=5000)
    assert not page.progress.isVisible() and not page.problem_label.isVisible()
    assert "Sent" in page.result_label.text()
    runner.shutdown()


def test_a_folder_that_is_gone_is_said_plainly(qtbot: Any, tmp_path: Path) -> None:
    folder, (sanne, _ahmet) = team_of(tmp_path, 2)
    folder.rename(tmp_path / "weg")
    page = page_for(qtbot, sanne, InlineRunner())
    page.load()  # the automatic first sync runs right after the page is shown
    qtbot.waitUntil(page.problem_label.isVisible, timeout=5000)
    assert "niets verwijderd" in page.problem_label.text()


def test_the_inbox_shows_both_versions_and_keeping_the_other_settles(qtbot: Any,
                                                                     tmp_path: Path) -> None:
    sanne, ahmet, household = conflicted(tmp_path)
    page = page_for(qtbot, sanne, InlineRunner())
    conflict = open_conflicts(sanne.ws)[0]
    page.load(conflict.id)
    assert page.inbox.conflict_list.count() == 1
    shown = {page.inbox.kept_text.toPlainText(), page.inbox.other_text.toPlainText()}
    assert shown == {"Wil een rustige kamer.", "Dochter helpt met inpakken."}
    chosen = page.inbox.other_text.toPlainText()
    page.inbox.other_button.click()
    assert open_conflicts(sanne.ws) == [] and page.inbox.conflict_list.count() == 0
    assert sanne.rows("household")[household]["notes"] == chosen
    page.sync_button.click()
    from renodesk.sync.service import sync_now

    sync_now(ahmet.ws, ahmet.store)
    assert ahmet.rows("household")[household]["notes"] == chosen


def test_a_combined_text_can_be_kept(qtbot: Any, tmp_path: Path) -> None:
    sanne, _ahmet, household = conflicted(tmp_path)
    page = page_for(qtbot, sanne, InlineRunner())
    page.load()
    page.inbox.combined_text.setPlainText("Rustige kamer; dochter helpt met inpakken.")
    page.inbox.combined_button.click()
    assert sanne.rows("household")[household]["notes"] == (
        "Rustige kamer; dochter helpt met inpakken.")


@pytest.mark.parametrize(("url", "expected"), [
    ("ftp://sync.example.org", "niet geldig"),
    ("http://sync.example.org", "https://"),
    ("http://127.0.0.1:9", "niet bereikbaar"),
])
def test_enrol_errors_are_shown_in_plain_words(qtbot: Any, workspace: Any, url: str,
                                               expected: str) -> None:
    dialog = EnrolDialog(InlineRunner(workspace))
    qtbot.addWidget(dialog)
    dialog.buttons.accepted.emit()
    assert dialog.error.isVisibleTo(dialog) and dialog.error.text()
    dialog.url.setText(url)
    dialog.code.setText("ABCD-EFGH")
    dialog.password.setText("geheim-wachtwoord")
    dialog.buttons.accepted.emit()
    assert expected in dialog.error.text()
    assert dialog.result() == 0 and not dialog.enrolled


@pytest.mark.parametrize("answer", ["No", "Yes"])
def test_many_deletions_from_a_colleague_are_asked_first(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    from renodesk.sync.service import sync_now

    _folder, (sanne, ahmet) = team_of(tmp_path, 2)
    households = [make_household(sanne) for _ in range(3)]
    for laptop in (sanne, ahmet):
        sync_now(laptop.ws, laptop.store)
    for household in households:
        sanne.ws.delete("household", household)
    sync_now(sanne.ws, sanne.store)
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        asked.append(text)
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    page = page_for(qtbot, ahmet, InlineRunner())
    page.context.settings.set("sync_delete_limit", 2)
    page.sync_now()
    assert len(asked) == 1  # asked once, before anything was deleted here
    still_there = [ahmet.ws.get("household", h) for h in households
                   if _exists(ahmet, "household", h)]
    assert len(still_there) == (3 if answer == "No" else 0)


def _exists(laptop: Laptop, entity: str, row_id: str) -> bool:
    from renodesk.core.errors import NotFoundError

    try:
        laptop.ws.get(entity, row_id)
    except NotFoundError:
        return False
    return True


def test_a_server_team_cleans_up_old_changes_and_is_told_whom_it_waits_for(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sys.path.insert(0, str(Path(__file__).parents[1] / "integration"))
    from argon2 import PasswordHasher
    from sync_service_kit import join_server_only, live, new_laptop, server_team, sync

    from renodesk.server import security
    from renodesk.server.db import Database, make_engine, upgrade

    monkeypatch.setattr(security, "_hasher",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    engine = make_engine(f"sqlite:///{tmp_path}/server.sqlite")
    upgrade(engine)
    db = Database(engine)
    team = server_team(db)
    sanne, ahmet = (new_laptop(tmp_path / n, n) for n in ("sanne", "ahmet"))
    with live(db) as url:
        join_server_only(sanne, team, url, "Sanne Bakker")
        join_server_only(ahmet, team, url, "Ahmet Yilmaz")
        make_household(sanne, notes="Eerste kennismaking.")
        assert sync(sanne).ok
        runner = ThreadRunner()
        page = page_for(qtbot, sanne, runner)
        page.refresh()
        qtbot.waitUntil(lambda: page.tidy.isVisible() and page.tidy.button.isEnabled(),
                        timeout=5000)
        assert not page.team_key.rotate_button.isVisible()  # a folder team's button
        page.tidy.button.click()  # Ahmet has not fetched Sanne's work yet
        assert page.job is not None and not page.tidy.button.isEnabled()
        qtbot.waitUntil(lambda: page.job is None and page.tidy.result.isVisible(),
                        timeout=20000)
        text = page.tidy.result.text()
        assert page.tidy.result.isVisible() and text.startswith("Nothing could be removed")
        assert "(Ahmet Yilmaz), last seen " in text and "Sanne Bakker" not in text
        assert sync(ahmet).ok and sync(ahmet).ok
        qtbot.waitUntil(page.tidy.button.isEnabled, timeout=5000)
        page.tidy.button.click()
        qtbot.waitUntil(lambda: page.job is None and "Cleaned" in page.tidy.result.text(),
                        timeout=20000)
        assert page.tidy.result.text().startswith("Cleaned up: ")
        assert "removed from the server" in page.tidy.result.text()
        assert not page.problem_label.isVisible()
        runner.shutdown()
    db.dispose()


def test_a_folder_team_is_not_offered_the_server_clean_up(qtbot: Any, tmp_path: Path) -> None:
    _folder, (sanne, _ahmet) = team_of(tmp_path, 2)
    page = page_for(qtbot, sanne, InlineRunner())
    page.refresh()
    assert page.status is not None and not page.tidy.isVisible()


def test_sync_now_can_be_pressed_again_after_a_sync_that_finished_at_once(
        qtbot: Any, tmp_path: Path) -> None:
    _folder, (sanne, ahmet) = team_of(tmp_path, 2)
    page = page_for(qtbot, sanne, InlineRunner())
    page.sync_now()
    assert page.job is None and page.sync_button.isEnabled()
    from renodesk.sync.service import sync_now

    household = make_household(ahmet, name="Fam. Tweede Keer")
    sync_now(ahmet.ws, ahmet.store)
    page.sync_button.click()  # the second sync runs too
    assert household in sanne.rows("household")
    assert page.job is None and page.sync_button.isEnabled()


def test_replacing_the_team_key_is_offered_to_folder_teams_only(
        qtbot: Any, tmp_path: Path) -> None:
    _folder, (sanne, _ahmet) = team_of(tmp_path, 2)
    page = page_for(qtbot, sanne, InlineRunner())
    page.refresh()
    assert page.team_key.rotate_button.isVisible()
    loner = new_laptop(tmp_path / "loner", "Coach Zonder Team")
    page = page_for(qtbot, loner, InlineRunner())
    page.refresh()
    assert page.status is not None and not page.team_key.rotate_button.isVisible()
