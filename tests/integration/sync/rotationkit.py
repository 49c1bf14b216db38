"""Helpers for the key-rotation tests: a folder team synced the way the app does it."""

from __future__ import annotations

from pathlib import Path

from synckit import TEAM_PASSPHRASE, Laptop, new_laptop

from renodesk.sync import folder_sync, service
from renodesk.sync.outcome import SyncOutcome
from renodesk.sync.team import TEAM_FILE

NEW_PASSPHRASE = "nieuwe-sleutel-na-verlies-2"
OTHER_PASSPHRASE = "tegelijk-vervangen-sleutel-9"


def folder_team(tmp: Path, *coaches: str) -> tuple[Path, list[Laptop]]:
    """Laptops in one folder team (the first set it up), each synced once."""
    folder = tmp / "share"
    folder.mkdir()
    laptops = [new_laptop(tmp / coach, coach) for coach in coaches]
    folder_sync.create_folder_team(laptops[0].ws, laptops[0].store, folder, "Team Noord",
                               TEAM_PASSPHRASE)
    for laptop in laptops[1:]:
        folder_sync.join_folder_team(laptop.ws, laptop.store, folder, TEAM_PASSPHRASE)
    return folder, laptops


def sync(laptop: Laptop) -> SyncOutcome:
    return service.sync_now(laptop.ws, laptop.store)


def problems(outcome: SyncOutcome) -> list[str]:
    return [p.key for p in outcome.problems]


def team_file(folder: Path) -> Path:
    (found,) = (folder / "renodesk").glob(f"*/{TEAM_FILE}")
    return found


def set_aside(outcome: SyncOutcome) -> dict[tuple[str, str], str]:
    """(device, file name) -> reason of what a sync set aside."""
    return {(item.device, item.name): item.reason for item in outcome.report.set_aside}
