"""Request and reply bodies of the sync API (they make its OpenAPI schema)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

#: Most changesets one push may carry.
MAX_BATCH = 200
#: Largest single changeset, in bytes (a batch of operations, compressed).
MAX_CHANGESET_BYTES = 512 * 1024
#: Base64 turns 3 bytes into 4 characters.
MAX_CHANGESET_CHARS = (MAX_CHANGESET_BYTES + 2) // 3 * 4
MAX_PULL = 500
#: Largest ``team.json`` a team may keep on the server.
MAX_TEAM_KEY_CHARS = 4096


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorReply(BaseModel):
    error: ErrorDetail


class Health(BaseModel):
    status: str
    version: str


class EnrolRequest(BaseModel):
    code: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)
    device_id: str = Field(min_length=1, max_length=64)
    device_name: str = Field(default="", max_length=100)


class EnrolReply(BaseModel):
    token: str
    team: str
    device_id: str
    user: str


class WhoAmI(BaseModel):
    team: str
    device_id: str


class PushRequest(BaseModel):
    changesets: list[str] = Field(
        min_length=1,
        max_length=MAX_BATCH,
        description="The changesets, each base64-encoded as written by the desktop.",
    )


class StoredChangeset(BaseModel):
    seq: int
    position: int
    duplicate: bool


class PushReply(BaseModel):
    stored: list[StoredChangeset]


class PulledChangeset(BaseModel):
    position: int
    device_id: str
    seq: int
    hlc_min: str
    hlc_max: str
    prev: str
    count: int
    blob: str = Field(description="The changeset, base64-encoded, exactly as pushed.")


class PullReply(BaseModel):
    changesets: list[PulledChangeset]
    cursor: int = Field(description="Pass as `after` next time.")
    head: int = Field(description="The team's last position; a cursor above it means "
                      "the server lost data (restored from an older backup).")
    more: bool


class TeamKey(BaseModel):
    team_json: str = Field(
        min_length=2,
        max_length=MAX_TEAM_KEY_CHARS,
        description="The team's team.json: its key wrapped under the team passphrase. "
        "The server cannot read the key.",
    )


class SnapshotInfo(BaseModel):
    upload: str = Field(description="The snapshot's SHA-256 (hex): fetch its parts under it.")
    position: int = Field(description="The stream position it covers: its maker had applied "
                          "every changeset up to here; pull on from here.")
    size: int = Field(description="Its size in bytes, all parts together.")
    parts: int = Field(description="How many parts: 0 .. parts-1.")
    received_at: datetime


class UploadState(BaseModel):
    received: list[int] = Field(description="The parts of this upload the server has.")


class SnapshotCommit(BaseModel):
    position: int = Field(ge=0, le=2**62, description="The stream position the snapshot "
                          "covers: its maker had applied every changeset up to here.")
    parts: int = Field(ge=1, le=1024)
    size: int = Field(ge=1, le=2**42)


class WaitingDevice(BaseModel):
    device_id: str
    name: str
    user: str
    last_seen_at: datetime | None
    pulled_to: int


class SnapshotReply(BaseModel):
    position: int = Field(description="The position the team's snapshot covers now.")
    pruned: int = Field(description="Changesets deleted because the snapshot covers them "
                        "and every active device has pulled them.")
    pruned_to: int = Field(description="The team's changesets up to here are deleted.")
    waiting: list[WaitingDevice] = Field(description="Active devices (seen within the "
                                         "retention window) that have not pulled up to the "
                                         "snapshot yet: they hold pruning back.")


class SeenByAll(BaseModel):
    position: int = Field(description="Every active device (unrevoked, seen within the "
                          "retention window) has pulled the team's stream up to here.")
    before: str | None = Field(description="The lowest clock (hlc_min) of any changeset "
                               "after that position, or null when none comes after it: "
                               "every active device has applied every operation with a "
                               "lower clock that the stream holds or held.")
