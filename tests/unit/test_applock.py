"""The app-lock password: kept as a salted scrypt hash inside the encrypted workspace."""

from __future__ import annotations

import pytest

from renodesk.security import applock


def test_the_right_password_unlocks_and_a_wrong_one_does_not(workspace):
    assert not applock.is_set(workspace)
    applock.set_password(workspace, "keukentafel")
    assert applock.is_set(workspace)
    assert applock.verify(workspace, "keukentafel")
    assert not applock.verify(workspace, "Keukentafel")
    assert not applock.verify(workspace, "")


def test_the_password_itself_is_never_stored(workspace):
    applock.set_password(workspace, "keukentafel")
    stored = workspace.meta(applock.META_HASH) or ""
    assert "keukentafel" not in stored and b"keukentafel".hex() not in stored
    assert len(bytes.fromhex(stored)) == 32


def test_a_new_password_replaces_the_old_with_a_fresh_salt(workspace):
    applock.set_password(workspace, "keukentafel")
    first_salt = workspace.meta(applock.META_SALT)
    applock.set_password(workspace, "woonkamer12")
    assert workspace.meta(applock.META_SALT) != first_salt
    assert applock.verify(workspace, "woonkamer12")
    assert not applock.verify(workspace, "keukentafel")


def test_without_a_password_nothing_verifies(workspace):
    assert not applock.verify(workspace, "anything")


def test_a_too_short_password_is_refused(workspace):
    with pytest.raises(ValueError):
        applock.set_password(workspace, "abc")
    assert not applock.is_set(workspace)
