"""Server compaction after a sync: renew the team's snapshot on the server when it is due.

Automatic, like the shared folder's tidying after every sync, but rarely: a snapshot of
a large workspace takes a while to build and upload, and one laptop of the team doing
it now and then is enough. So after a sync that went through, a laptop asks the server
(at most once a day) how old the team's snapshot is, and renews it when it is a week
old and enough changesets came after it. Whoever syncs first after that week does it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from renodesk.core.workspace import Workspace, read_meta, write_meta
from renodesk.sync import snapshot
from renodesk.sync.server_client import Compaction, ServerClient
from renodesk.sync.server_transport import META_CURSOR
from renodesk.sync.team import Team

#: A laptop asks the server at most this often whether the team's snapshot is due.
AUTO_COMPACT_CHECK = timedelta(days=1)
#: The team's snapshot on the server is renewed once it is this old ...
AUTO_COMPACT_AGE = timedelta(days=7)
#: ... and at least this many changesets came after it.
AUTO_COMPACT_CHANGESETS = 200
META_COMPACT_CHECKED = "server_compact_checked_at"


def compact_server_if_due(ws: Workspace, team: Team, client: ServerClient,
                          cursor: int, now: datetime | None = None) -> Compaction | None:
    """Renew the team's snapshot on the server when it is due (see above); None when not."""
    now = now or datetime.now(UTC)
    checked = ws.meta(META_COMPACT_CHECKED)
    if checked and now - datetime.fromisoformat(checked) < AUTO_COMPACT_CHECK:
        return None
    if cursor < AUTO_COMPACT_CHANGESETS:
        return None  # a young stream: not worth a question yet
    ws.set_meta(META_COMPACT_CHECKED, now.isoformat(timespec="seconds"))
    info = client.snapshot_info()
    if cursor - (info.position if info else 0) < AUTO_COMPACT_CHANGESETS:
        return None
    if info is not None and now - info.received_at < AUTO_COMPACT_AGE:
        return None
    return put_snapshot(ws, team, client)


def put_snapshot(ws: Workspace, team: Team, client: ServerClient) -> Compaction:
    """Build this laptop's snapshot, covering the stream up to its cursor, and put it on
    the server (which then prunes what every active laptop has pulled)."""
    with ws.exclusive(), ws.engine.begin() as conn:
        blob = snapshot.build(conn, team.key, team.team_id, ws.device_id, ws.clock)
        position = int(read_meta(conn, META_CURSOR) or 0)
        write_meta(conn, "hlc", ws.clock.last.pack())
    return client.put_snapshot(blob, position)
