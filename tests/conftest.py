"""Shared fixtures: an in-memory keyring (never the real one) and fresh workspaces."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from renodesk.core import i18n
from renodesk.security.memory_keyring import MemoryKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """Every test gets a fresh in-memory keyring; the OS keyring is never touched."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    monkeypatch.delenv("RENODESK_PASSPHRASE", raising=False)
    monkeypatch.delenv("RENODESK_DATA_DIR", raising=False)
    i18n.set_language("nl")
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def workspace_paths(tmp_path: Path):  # type: ignore[no-untyped-def]
    from renodesk.paths import Paths

    return Paths.resolve(tmp_path / "workspace")


@pytest.fixture
def workspace(workspace_paths):  # type: ignore[no-untyped-def]
    """A new, empty workspace with its key in the in-memory keyring."""
    from renodesk.app import init_workspace

    ws = init_workspace(workspace_paths, "Woonstichting De Linde", "Sanne Bakker")
    yield ws
    ws.engine.dispose()


@pytest.fixture
def small_demo(workspace):  # type: ignore[no-untyped-def]
    """A workspace with a small, deterministic fictitious demo set (20 households)."""
    from renodesk.reports.demo import generate

    generate(workspace, households=20, seed=7)
    return workspace
