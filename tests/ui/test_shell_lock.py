"""A laptop left on a kitchen table shows nothing: the app lock."""

from __future__ import annotations

from PySide6.QtCore import Qt

from renodesk.security import applock


def _unlock_with(shell, qtbot, password: str) -> None:
    screen = shell.lock_screen
    screen.password.setText(password)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)


def test_ctrl_l_hides_the_content_until_the_password_is_entered(shell, qtbot):
    applock.set_password(shell.runner.workspace, "keukentafel")
    qtbot.keyClick(shell, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert shell.locked
    assert shell.outer.currentWidget() is shell.lock_screen
    assert not shell.stack.isVisible() and not shell.nav.isVisible()
    assert not shell.menuBar().isEnabled()

    _unlock_with(shell, qtbot, "verkeerd")
    assert shell.locked
    assert shell.lock_screen.message.text() == "Dat wachtwoord klopt niet. Probeer het opnieuw."

    _unlock_with(shell, qtbot, "keukentafel")
    assert not shell.locked
    assert shell.stack.isVisible()
    assert shell.menuBar().isEnabled()


def test_shortcuts_do_nothing_while_locked(shell, qtbot):
    applock.set_password(shell.runner.workspace, "keukentafel")
    shell.lock()
    qtbot.keyClick(shell, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert shell.outer.currentWidget() is shell.lock_screen


def test_the_window_locks_itself_after_the_idle_time(shell, qtbot):
    applock.set_password(shell.runner.workspace, "keukentafel")
    shell.idle.timer.setInterval(50)  # the setting is in minutes; shortened for the test
    shell.idle.timer.start()
    qtbot.waitUntil(lambda: shell.locked, timeout=3000)
    assert shell.outer.currentWidget() is shell.lock_screen


def test_activity_keeps_the_window_open(shell, qtbot):
    shell.idle.timer.setInterval(2000)
    shell.idle.timer.start()
    qtbot.wait(700)
    before = shell.idle.timer.remainingTime()
    qtbot.keyClick(shell.nav, Qt.Key.Key_Down)
    # Activity restarts the idle countdown (compared, not timed: CI machines are busy).
    assert shell.idle.timer.remainingTime() > before
    assert not shell.locked


def test_the_idle_time_follows_the_setting(shell):
    shell.settings.set("idle_lock_minutes", 12)
    shell.apply_settings()
    assert shell.idle.timer.interval() == 12 * 60_000
