"""What one sync through every way a laptop has (shared folder, server) brought about."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from renodesk.core.errors import RenoDeskError
from renodesk.core.workspace import Change
from renodesk.sync.engine import SyncReport
from renodesk.sync.server_client import Compaction


@dataclass
class SyncOutcome:
    """One sync through every way this laptop has: what moved, and what got in the way."""

    report: SyncReport = field(default_factory=SyncReport)
    folder: Path | None = None
    server: str | None = None
    pushed: int = 0
    pulled: int = 0
    #: The database file was rewritten because an erasure arrived (or was left half done).
    compacted: bool = False
    #: The team's snapshot was renewed on the server after this sync (it was due).
    server_compaction: Compaction | None = None
    problems: list[RenoDeskError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def changes(self) -> list[Change]:
        """What arrived, for the app's pages to refresh."""
        return [Change(entity, row_id, "change") for entity, row_id in sorted(self.report.touched)]

    def add(self, part: SyncReport) -> None:
        """Fold one engine run into the whole."""
        whole = self.report
        whole.sent_ops += part.sent_ops
        whole.sent_files += part.sent_files
        whole.received_ops += part.received_ops
        whole.received_files += part.received_files
        whole.conflicts += part.conflicts
        whole.open_conflicts = part.open_conflicts
        whole.deleted += part.deleted
        whole.held_future = part.held_future
        whole.held_waiting = part.held_waiting
        whole.bootstrapped |= part.bootstrapped
        whole.set_aside += part.set_aside
        whole.waiting += part.waiting
        whole.pending_deletes = max(whole.pending_deletes, part.pending_deletes)
        whole.tombstones_removed += part.tombstones_removed
        whole.touched |= part.touched
        if part.stopped is not None:
            self.problems.append(part.stopped)
