"""Fixtures for the sync-server tests (``server_db`` and the PostgreSQL cluster are in
tests/integration/conftest.py, shared with the desktop-to-server tests)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from serverkit import FakeTime, TeamSetup, new_team

from renodesk.server.app import ServerConfig
from renodesk.server.db import Database


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def server_config(fake_time: FakeTime) -> ServerConfig:
    return ServerConfig(clock=fake_time.clock, sleep=fake_time.sleep)


@pytest.fixture
def team(server_db: Database) -> TeamSetup:
    return new_team(server_db, ("Fatima Amrani", "Joris de Vries", "Anouk Jansen"))
