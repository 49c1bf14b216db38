"""Old tombstones on a laptop of a team that syncs through a server only.

On a shared folder each laptop leaves a "seen" marker, from which the others know when
a delete has reached the whole team (``retention``). Those markers never travel through
the server, so there the server says it instead: every active device (unrevoked, seen
within the 180-day horizon) has pulled the stream up to a position, and the lowest clock
of any changeset after that position is ``before``. An operation with a clock below
``before`` is in the part every active device has applied, or was never pushed at all.

So a tombstone goes when its clock lies below ``before``, below the horizon, and below
this laptop's own operations that the server has not acknowledged yet (a delete typed
here and not pushed has been seen by nobody else). A laptop that also syncs through a
shared folder leaves this to the folder's markers, which cover its folder colleagues too.
"""

from __future__ import annotations

from datetime import UTC, datetime

from renodesk.core.workspace import Workspace, read_meta
from renodesk.storage.oplog import covered_seq
from renodesk.sync import retention
from renodesk.sync.server_client import ServerClient
from renodesk.sync.server_transport import META_PUSHED

#: When this laptop last asked the server (at most once a day, like a marker's refresh).
META_TIDIED = "server_tombstones_checked_at"
CHECK_EVERY = retention.REFRESH


def purge_seen_tombstones(ws: Workspace, client: ServerClient,
                          now: datetime | None = None) -> int:
    """After a sync that went through: remove the tombstones every active laptop has
    seen and that are older than the horizon (see above); at most once a day. Returns
    how many went."""
    now = now or datetime.now(UTC)
    checked = ws.meta(META_TIDIED)
    if checked and now - datetime.fromisoformat(checked) < CHECK_EVERY:
        return 0
    seen = client.seen_by_all()
    ws.set_meta(META_TIDIED, now.isoformat(timespec="seconds"))
    if seen is None:
        return 0  # a server from before this question: nothing is removed
    with ws.exclusive(), ws.engine.begin() as conn:
        bounds = [retention.horizon_clock(now)]
        if seen.before is not None:
            bounds.append(seen.before)
        pushed = covered_seq(conn, int(read_meta(conn, META_PUSHED) or 0))
        unsent = conn.exec_driver_sql(
            "SELECT min(hlc) FROM sync_operation WHERE device_id = ? AND device_seq > ?",
            (ws.device_id, pushed)).scalar()
        if unsent:
            bounds.append(str(unsent))
        return retention.purge_tombstones_before(conn, min(bounds))
