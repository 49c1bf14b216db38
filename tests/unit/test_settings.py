"""Preferences: declared once, stored as JSON, bad values fall back, no secrets."""

from __future__ import annotations

import json

import pytest

from renodesk.settings import DECLARED, Settings


def test_defaults_when_there_is_no_file(tmp_path):
    settings = Settings.load(tmp_path / "settings.json")
    assert settings.get("language") == "nl"
    assert settings.get("idle_lock_minutes") == 5


def test_a_change_survives_saving_and_loading(tmp_path):
    path = tmp_path / "settings.json"
    settings = Settings.load(path)
    settings.set("language", "en")
    settings.set("idle_lock_minutes", "10")
    settings.save()
    again = Settings.load(path)
    assert again.get("language") == "en"
    assert again.get("idle_lock_minutes") == 10
    assert json.loads(path.read_text())["version"] == 1


@pytest.mark.parametrize(("key", "value"), [
    ("language", "fr"), ("idle_lock_minutes", 0), ("idle_lock_minutes", "vijf"),
    ("idle_lock_minutes", True), ("large_print_letters", "yes"),
])
def test_an_unfit_value_is_refused(tmp_path, key, value):
    settings = Settings.load(tmp_path / "settings.json")
    with pytest.raises(ValueError):
        settings.set(key, value)


def test_a_damaged_or_odd_file_falls_back_to_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    assert Settings.load(path).get("language") == "nl"
    path.write_text(json.dumps({"values": {"language": "xx", "unknown": 1,
                                           "idle_lock_minutes": 12}}))
    settings = Settings.load(path)
    assert settings.get("language") == "nl"
    assert settings.get("idle_lock_minutes") == 12
    assert "unknown" not in settings.as_dict()


def test_no_setting_is_a_secret():
    for setting in DECLARED:
        assert not any(word in setting.key for word in ("password", "passphrase", "token", "key"))
