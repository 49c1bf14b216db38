"""The command line: exit 0 on success, 1 with a clear message, 2 for usage errors."""

import json
from pathlib import Path

import pytest

from renodesk.cli import main


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RENODESK_DATA_DIR", str(tmp_path / "ws"))
    return tmp_path / "ws"


def test_init_info_check_and_demo_data(data_dir: Path, capsys) -> None:
    assert main(["init", "--organisation", "Woonstichting De Linde", "--coach", "Sanne"]) == 0
    assert "Werkruimte gemaakt" in capsys.readouterr().out
    assert main(["demo-data", "--households", "15", "--seed", "2"]) == 0
    assert main(["info"]) == 0
    out = capsys.readouterr().out
    assert "household" in out and str(data_dir) in out and "keyring" in out
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "integrity_check: ok" in out and "unsynced operations:" in out


def test_export_and_import_json(data_dir: Path, tmp_path: Path, capsys) -> None:
    main(["init", "--organisation", "WS", "--coach", "Sanne"])
    main(["demo-data", "--households", "5"])
    out = tmp_path / "out.json"
    assert main(["export", "json", str(out)]) == 0
    assert json.loads(out.read_text("utf-8"))["entities"]["household"]
    other = tmp_path / "other"
    assert main(["--data-dir", str(other), "init", "--organisation", "WS", "--coach", "S"]) == 0
    capsys.readouterr()
    assert main(["--lang", "en", "--data-dir", str(other), "import", "json", str(out)]) == 0
    assert "created" in capsys.readouterr().out


def test_errors_exit_1_with_a_message(data_dir: Path, tmp_path: Path, capsys) -> None:
    assert main(["info"]) == 1
    assert "Er is geen werkruimte" in capsys.readouterr().err
    main(["init", "--organisation", "WS", "--coach", "Sanne"])
    assert main(["init", "--organisation", "WS", "--coach", "Sanne"]) == 1
    assert "al een werkruimte" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text("{", "utf-8")
    assert main(["--lang", "en", "import", "json", str(bad)]) == 1
    assert "cannot be read" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["no-such-command"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["init", "--coach", "only"])
    assert info.value.code == 2


def test_passphrase_from_the_environment(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr("renodesk.security.keys.keyring_usable", lambda: False)
    monkeypatch.setenv("RENODESK_PASSPHRASE", "een-goed-wachtwoord")
    ws = str(tmp_path / "ws")
    assert main(["--data-dir", ws, "init", "--organisation", "WS", "--coach", "S"]) == 0
    assert "wachtwoord" in capsys.readouterr().out
    monkeypatch.setenv("RENODESK_PASSPHRASE", "een-fout-wachtwoord")
    assert main(["--data-dir", ws, "check"]) == 1
    assert "klopt niet" in capsys.readouterr().err
