"""The desktop's client for ``renodesk-server``: the calls it offers and their replies.

It moves opaque changesets (see ``renodesk.sync.changeset``); encryption and merging
happen elsewhere. The device token is kept by the caller (in the keyring) and passed
in. Retries, back-off and the errors a call can raise (``ServerUnreachable``,
``ServerRefused``, ``ServerReplyError``) live in ``renodesk.sync.server_http``.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from renodesk.sync.server_http import (
    ServerConnection,
    ServerRefused,
    ServerReplyError,
    ServerUnreachable,
)

#: Mirrors the server's limits (renodesk.server.schemas), which the desktop does not import.
MAX_BATCH = 200
MAX_BATCH_BYTES = 4 * 1024 * 1024
#: A snapshot travels in parts of this size (the server's ``compaction.MAX_PART_BYTES``).
SNAPSHOT_PART_BYTES = 4 * 1024 * 1024
#: Rounds of sending what is missing before a snapshot upload or download gives up.
UPLOAD_ROUNDS = 3


@dataclass(frozen=True)
class Enrolment:
    token: str
    team: str
    device_id: str
    user: str


@dataclass(frozen=True)
class Acknowledged:
    seq: int
    position: int
    duplicate: bool


@dataclass(frozen=True)
class PulledChangeset:
    position: int
    device_id: str
    seq: int
    blob: bytes


@dataclass(frozen=True)
class SnapshotInfo:
    """The team's snapshot on the server: its SHA-256, the position it covers, its size."""

    upload: str
    position: int
    size: int
    parts: int
    received_at: datetime


@dataclass(frozen=True)
class WaitingDevice:
    """A laptop that holds pruning back: it has not fetched up to the snapshot yet."""

    device_id: str
    name: str
    user: str
    last_seen_at: datetime | None


@dataclass(frozen=True)
class Compaction:
    """What putting a snapshot on the server did."""

    position: int
    pruned: int
    pruned_to: int
    waiting: list[WaitingDevice]


def _compaction(url: str, reply: dict[str, Any]) -> Compaction:
    try:
        return Compaction(
            position=int(reply["position"]), pruned=int(reply["pruned"]),
            pruned_to=int(reply["pruned_to"]),
            waiting=[WaitingDevice(str(w["device_id"]), str(w["name"]), str(w["user"]),
                                   datetime.fromisoformat(w["last_seen_at"])
                                   if w["last_seen_at"] else None)
                     for w in reply["waiting"]])
    except (KeyError, TypeError, ValueError) as exc:
        raise ServerReplyError(url, 200) from exc


@dataclass(frozen=True)
class SeenByAll:
    """Every active laptop has applied each operation with a clock below ``before``
    that the team's stream holds or held (None: every one of them)."""

    position: int
    before: str | None


@dataclass(frozen=True)
class PullPage:
    changesets: list[PulledChangeset]
    cursor: int
    head: int
    more: bool


def _batches(blobs: Sequence[bytes]) -> Iterator[list[bytes]]:
    batch: list[bytes] = []
    size = 0
    for blob in blobs:
        if batch and (len(batch) == MAX_BATCH or size + len(blob) > MAX_BATCH_BYTES):
            yield batch
            batch, size = [], 0
        batch.append(blob)
        size += len(blob)
    if batch:
        yield batch


class ServerClient(ServerConnection):
    """The server's calls for one device token (None before enrolment)."""

    # --- the calls ---------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        """The server's health reply; raises when it is down or its database is."""
        return self._call("GET", "/v1/health", auth=False)

    def enrol(self, code: str, password: str, device_id: str, device_name: str) -> Enrolment:
        """Exchange a one-time code and the coach's password for a device token.

        Only retried when the request cannot have reached the server: a code is
        used up by the first request that arrives.
        """
        body = {"code": code, "password": password, "device_id": device_id,
                "device_name": device_name}
        reply = self._call("POST", "/v1/enrol", json=body, auth=False, idempotent=False)
        enrolment = Enrolment(token=reply["token"], team=reply["team"],
                              device_id=reply["device_id"], user=reply["user"])
        self.token = enrolment.token
        return enrolment

    def whoami(self) -> tuple[str, str]:
        """(team, device id) of this token: a connection test."""
        reply = self._call("GET", "/v1/whoami")
        return reply["team"], reply["device_id"]

    def team_key(self) -> str | None:
        """The team's ``team.json`` kept on the server, or None when there is none yet."""
        reply = self._found("/v1/team-key", "no_team_key")
        return None if reply is None else str(reply["team_json"])

    def store_team_key(self, team_json: str) -> None:
        """Keep the team's ``team.json`` on the server (refused if another one is there)."""
        self._call("PUT", "/v1/team-key", json={"team_json": team_json})

    def push(self, blobs: Sequence[bytes]) -> list[Acknowledged]:
        """Send changesets (oldest first) in batches. Safe to repeat after a failure:
        the server stores each changeset once."""
        acknowledged: list[Acknowledged] = []
        for batch in _batches(blobs):
            body = {"changesets": [base64.b64encode(blob).decode("ascii") for blob in batch]}
            reply = self._call("POST", "/v1/changesets", json=body)
            acknowledged.extend(
                Acknowledged(seq=a["seq"], position=a["position"], duplicate=a["duplicate"])
                for a in reply["stored"]
            )
        return acknowledged

    def pull(self, after: int, limit: int = 200) -> PullPage:
        """The team's changesets after cursor ``after``, oldest first."""
        reply = self._call("GET", "/v1/changesets", params={"after": after, "limit": limit})
        try:
            items = [
                PulledChangeset(position=c["position"], device_id=c["device_id"], seq=c["seq"],
                                blob=base64.b64decode(c["blob"], validate=True))
                for c in reply["changesets"]
            ]
            return PullPage(changesets=items, cursor=int(reply["cursor"]),
                            head=int(reply["head"]), more=bool(reply["more"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise ServerReplyError(self.url, 200) from exc

    def seen_by_all(self) -> SeenByAll | None:
        """How far every active laptop has pulled the stream; None from a server too old
        to say."""
        reply = self._found("/v1/seen-by-all", "not_found")
        if reply is None:
            return None
        try:
            before = reply["before"]
            return SeenByAll(int(reply["position"]), None if before is None else str(before))
        except (KeyError, TypeError, ValueError) as exc:
            raise ServerReplyError(self.url, 200) from exc

    def snapshot_info(self) -> SnapshotInfo | None:
        """The team's newest snapshot on the server, or None when it has none yet."""
        reply = self._found("/v1/snapshot", "no_snapshot")
        return None if reply is None else self._snapshot_info(reply)

    def _snapshot_info(self, reply: dict[str, Any]) -> SnapshotInfo:
        try:
            return SnapshotInfo(upload=str(reply["upload"]), position=int(reply["position"]),
                                size=int(reply["size"]), parts=int(reply["parts"]),
                                received_at=datetime.fromisoformat(reply["received_at"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise ServerReplyError(self.url, 200) from exc

    def put_snapshot(self, blob: bytes, position: int) -> Compaction:
        """Keep the team's snapshot of the stream up to ``position`` on the server, in
        parts; it then deletes the changesets nobody needs any more.

        Parts that did not arrive are sent again (the server says which it has), and the
        snapshot only counts once every part is there: a broken upload leaves the team's
        previous snapshot in place."""
        upload = hashlib.sha256(blob).hexdigest()
        parts = [blob[at:at + SNAPSHOT_PART_BYTES]
                 for at in range(0, len(blob), SNAPSHOT_PART_BYTES)]
        base = f"/v1/snapshot/uploads/{upload}"
        rounds = 1
        while True:
            try:
                received = set(self._call("GET", base)["received"])
                for number, part in enumerate(parts):
                    if number not in received:
                        self._call("PUT", f"{base}/parts/{number}", content=part,
                                   headers={"Content-Type": "application/octet-stream"})
                reply = self._call("POST", f"{base}/commit",
                                   json={"position": position, "parts": len(parts),
                                         "size": len(blob)})
                return _compaction(self.url, reply)
            except (ServerUnreachable, ServerRefused) as exc:
                resumable = (isinstance(exc, ServerUnreachable)
                             or exc.code == "snapshot_incomplete")
                if not resumable or rounds == UPLOAD_ROUNDS:
                    raise
                rounds += 1

    def snapshot(self) -> tuple[bytes, int]:
        """The team's newest snapshot and the stream position it covers, fetched part by
        part (from the start again when a newer one replaces it meanwhile)."""
        rounds = 1
        while True:
            info = self._snapshot_info(self._call("GET", "/v1/snapshot"))
            blob = bytearray()
            try:
                for number in range(info.parts):
                    blob += self._octets(f"/v1/snapshot/{info.upload}/parts/{number}")
            except ServerRefused as exc:
                if exc.code != "snapshot_replaced" or rounds == UPLOAD_ROUNDS:
                    raise
                rounds += 1
                continue
            if len(blob) != info.size or hashlib.sha256(blob).hexdigest() != info.upload:
                raise ServerReplyError(self.url, 200)
            return bytes(blob), info.position

    def pull_all(self, after: int, limit: int = 200) -> Iterator[PullPage]:
        """Pages until the stream is read; store each page's cursor only once its
        changesets are safely applied."""
        while True:
            page = self.pull(after, limit)
            yield page
            if not page.more or page.cursor == after:
                return
            after = page.cursor
