"""First run: the coach fills in four short pages and has an encrypted workspace."""

from __future__ import annotations

from renodesk.app import exists, open_workspace
from renodesk.paths import Paths
from renodesk.security import applock
from renodesk.ui.first_run import FirstRunWizard, create_workspace


def _fill(qtbot, wizard: FirstRunWizard, folder: str) -> None:
    qtbot.keyClicks(wizard.organisation, "Woonstichting De Linde")
    qtbot.keyClicks(wizard.coach, "Sanne Bakker")
    wizard.next()
    qtbot.keyClicks(wizard.password, "keukentafel")
    qtbot.keyClicks(wizard.password_again, "keukentafel")
    wizard.next()
    wizard.folder.setText(folder)


def test_the_wizard_creates_a_workspace_with_an_app_lock(qtbot, tmp_path):
    folder = tmp_path / "werkruimte"
    wizard = FirstRunWizard(tmp_path / "default", ask_passphrase=False)
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.currentPage().isComplete()
    _fill(qtbot, wizard, str(folder))
    assert wizard.currentPage().isComplete()
    assert wizard.nextId() == -1  # the keyring keeps the key: no passphrase page

    workspace = create_workspace(wizard.answers)
    assert exists(Paths(folder))
    assert workspace.meta("coach_name") == "Sanne Bakker"
    assert applock.verify(workspace, "keukentafel")
    workspace.engine.dispose()


def test_without_a_usable_keyring_the_wizard_asks_a_passphrase(qtbot, tmp_path, monkeypatch):
    from renodesk.security import keys

    monkeypatch.setattr(keys, "keyring_usable", lambda: False)
    folder = tmp_path / "werkruimte"
    wizard = FirstRunWizard(tmp_path, ask_passphrase=True)
    qtbot.addWidget(wizard)
    wizard.show()
    _fill(qtbot, wizard, str(folder))
    wizard.next()
    qtbot.keyClicks(wizard.passphrase, "lange wachtzin")
    qtbot.keyClicks(wizard.passphrase_again, "lange wachtzi")
    assert not wizard.currentPage().isComplete()
    qtbot.keyClicks(wizard.passphrase_again, "n")
    assert wizard.currentPage().isComplete()

    create_workspace(wizard.answers).engine.dispose()
    assert keys.WorkspaceFile.read(Paths(folder).workspace_file).key_mode == "passphrase"
    reopened = open_workspace(Paths(folder), lambda: "lange wachtzin")
    assert reopened.meta("coach_name") == "Sanne Bakker"
    reopened.engine.dispose()


def test_passwords_that_differ_or_are_short_keep_the_wizard_on_the_page(qtbot, tmp_path):
    wizard = FirstRunWizard(tmp_path, ask_passphrase=False)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.organisation, "Woonstichting De Linde")
    qtbot.keyClicks(wizard.coach, "Sanne Bakker")
    wizard.next()
    page = wizard.currentPage()
    qtbot.keyClicks(wizard.password, "kort")
    assert not page.isComplete()
    wizard.password.setText("keukentafel")
    wizard.password_again.setText("keukentafels")
    assert not page.isComplete()
    wizard.password_again.setText("keukentafel")
    assert page.isComplete()


def test_choosing_english_closes_the_wizard_to_ask_again_in_english(qtbot, tmp_path):
    wizard = FirstRunWizard(tmp_path, ask_passphrase=False)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.language.currentData() == "nl"
    wizard.language.setCurrentIndex(wizard.language.findData("en"))
    assert wizard.switch_to == "en" and not wizard.isVisible()


def test_the_window_switches_and_the_wizard_comes_back_in_english(
        qtbot, tmp_path, monkeypatch, compiled_translations):
    from PySide6.QtWidgets import QDialog

    from renodesk.ui import app as ui_app
    from renodesk.ui.worker import InlineRunner

    shown: list[tuple[str, str]] = []

    def run_wizard(wizard: FirstRunWizard) -> int:  # what the coach does in each round
        shown.append((wizard.windowTitle(), wizard.language.currentData()))
        if len(shown) == 1:
            wizard.language.setCurrentIndex(wizard.language.findData("en"))
            return QDialog.DialogCode.Rejected
        return QDialog.DialogCode.Rejected  # then closes it: the window closes too

    monkeypatch.setattr(FirstRunWizard, "exec", run_wizard)
    window, startup = ui_app.build(Paths(tmp_path / "new"), "nl", demo=False,
                                   runner=InlineRunner())
    qtbot.addWidget(window)
    try:
        startup._first_run(True, None)
        assert shown == [("Welkom bij RenoDesk", "nl"), ("Welcome to RenoDesk", "en")]
        assert window.settings.get("language") == "en"
    finally:
        window.translations.use_source_texts()
        from renodesk.core import i18n as core_i18n

        core_i18n.set_language("nl")
