"""Changeset format shared by the folder and server transports.

A changeset is one immutable blob holding a batch of operations of one device::

    b"RDC1" | u32 header length | header (canonical JSON) | nonce (12) | AES-256-GCM ciphertext

The header travels in the clear (the server needs it to route and order) but is
bound to the ciphertext as associated data, so any change to it fails
authentication. The payload is the zlib-compressed JSON list of operations.

After the team key was replaced, the header also names the key (``epoch`` and ``kid``,
see ``team``); files under the team's first key leave them out, so they look exactly as
before and laptops not yet updated keep reading them.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import zlib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from renodesk.sync.operation import Operation, dumps, loads

MAGIC = b"RDC1"
FORMAT_VERSION = 1
NONCE_SIZE = 12
#: Largest header we accept; anything bigger is damage or an attack.
MAX_HEADER = 4096


class ChangesetError(Exception):
    """A changeset that must be set aside. ``reason`` is a stable code."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


@dataclass(frozen=True)
class ChangesetHeader:
    v: int
    team: str
    device: str
    seq: int
    hlc_min: str
    hlc_max: str
    prev: str  # sha256 hex of this device's previous changeset blob, "" for the first
    count: int
    epoch: int = 1  # which team key sealed it (see ``team.Team.key_for``)
    kid: str = ""

    def encode(self) -> bytes:
        fields = asdict(self)
        if self.epoch == 1:
            del fields["epoch"], fields["kid"]
        return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()

    @classmethod
    def decode(cls, raw: bytes) -> ChangesetHeader:
        try:
            data: dict[str, Any] = json.loads(raw)
            header = cls(**data)
        except (ValueError, TypeError) as exc:
            raise ChangesetError("bad_header", str(exc)) from exc
        if header.v != FORMAT_VERSION:
            raise ChangesetError("unknown_version", str(header.v))
        if not isinstance(header.seq, int) or header.seq < 1:
            raise ChangesetError("bad_header", "seq")
        if not isinstance(header.epoch, int) or header.epoch < 1 or not isinstance(
                header.kid, str) or (header.epoch > 1) != bool(header.kid):
            raise ChangesetError("bad_header", "epoch")
        return header


#: The key of a changeset: one key, or a choice by its header (a team after rotations).
KeyChoice = bytes | Callable[[ChangesetHeader], bytes]


def blob_hash(blob: bytes) -> str:
    return hashlib.sha256(blob).hexdigest()


def file_name(seq: int) -> str:
    """The only file name a reader accepts for a changeset."""
    return f"{seq:012d}.rdc"


def encode_changeset(
    key: bytes, team: str, device: str, seq: int, prev: str, ops: list[Operation],
    epoch: int = 1, kid: str = "",
) -> bytes:
    if not ops:
        raise ValueError("a changeset holds at least one operation")
    header = ChangesetHeader(
        v=FORMAT_VERSION,
        team=team,
        device=device,
        seq=seq,
        hlc_min=min(op.hlc for op in ops),
        hlc_max=max(op.hlc for op in ops),
        prev=prev,
        count=len(ops),
        epoch=epoch,
        kid=kid,
    ).encode()
    aad = MAGIC + header
    nonce = os.urandom(NONCE_SIZE)
    ciphertext = AESGCM(key).encrypt(nonce, zlib.compress(dumps(ops)), aad)
    return MAGIC + struct.pack(">I", len(header)) + header + nonce + ciphertext


def read_header(blob: bytes) -> ChangesetHeader:
    """Parse the clear header without decrypting (what the server does)."""
    return _split(blob)[0]


def _split(blob: bytes) -> tuple[ChangesetHeader, bytes, bytes, bytes]:
    if len(blob) < len(MAGIC) + 4:
        raise ChangesetError("truncated", f"{len(blob)} bytes")
    if blob[:4] != MAGIC:
        raise ChangesetError("bad_magic")
    (length,) = struct.unpack(">I", blob[4:8])
    if length > MAX_HEADER or len(blob) < 8 + length + NONCE_SIZE + 16:
        raise ChangesetError("truncated", "header or body cut short")
    raw_header = blob[8 : 8 + length]
    header = ChangesetHeader.decode(raw_header)
    nonce = blob[8 + length : 8 + length + NONCE_SIZE]
    ciphertext = blob[8 + length + NONCE_SIZE :]
    return header, raw_header, nonce, ciphertext


def decode_changeset(key: KeyChoice, blob: bytes,
                     team: str) -> tuple[ChangesetHeader, list[Operation]]:
    """Verify and decrypt a changeset; raises ChangesetError with a reason code."""
    header, raw_header, nonce, ciphertext = _split(blob)
    if header.team != team:
        raise ChangesetError("foreign_team", header.team)
    chosen = key if isinstance(key, bytes) else key(header)
    try:
        plain = AESGCM(chosen).decrypt(nonce, ciphertext, MAGIC + raw_header)
    except InvalidTag as exc:
        raise ChangesetError("tampered", "authentication failed") from exc
    try:
        ops = loads(zlib.decompress(plain))
    except (ValueError, TypeError, zlib.error) as exc:
        raise ChangesetError("bad_payload", str(exc)) from exc
    if len(ops) != header.count or any(op.device_id != header.device for op in ops):
        raise ChangesetError("bad_payload", "operations do not match the header")
    return header, ops
