"""The app-lock password: a scrypt hash and salt kept inside the encrypted workspace.

The lock hides the window's content after idle time; the password only unlocks
the interface (the database key is separate), so it is checked, never stored.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from renodesk.core.workspace import Workspace

META_HASH = "applock_hash"
META_SALT = "applock_salt"
MIN_LENGTH = 6
# Lighter than the database key's scrypt: it runs at every unlock, on the UI's behalf.
_N, _R, _P = 2**14, 8, 1


def _hash(password: str, salt_hex: str) -> str:
    return hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt_hex),
                          n=_N, r=_R, p=_P, maxmem=32 * 1024 * 1024, dklen=32).hex()


def set_password(workspace: Workspace, password: str) -> None:
    """Set (or replace) the password. The interface checks MIN_LENGTH and says so first."""
    if len(password) < MIN_LENGTH:
        raise ValueError(f"app-lock password shorter than {MIN_LENGTH} characters")
    salt = secrets.token_hex(16)
    workspace.set_meta(META_SALT, salt)
    workspace.set_meta(META_HASH, _hash(password, salt))


def is_set(workspace: Workspace) -> bool:
    return bool(workspace.meta(META_HASH))


def verify(workspace: Workspace, password: str) -> bool:
    """True when ``password`` is the app-lock password (constant-time comparison)."""
    stored = workspace.meta(META_HASH)
    salt = workspace.meta(META_SALT)
    if not stored or not salt:
        return False
    return hmac.compare_digest(stored, _hash(password, salt))
