"""The workspace key and other secrets: in the OS keyring, or derived from a passphrase.

A key is never written in plain text. Where the keyring has no usable backend (a
headless Linux machine falls back to ``keyring.backends.fail``), the database key is
derived from a passphrase with scrypt; ``RENODESK_PASSPHRASE`` serves scripted use.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from renodesk.core.errors import WorkspaceError

KEYRING_SERVICE = "RenoDesk"
ENV_PASSPHRASE = "RENODESK_PASSPHRASE"
#: The demo workspace is fictitious; its passphrase is public and said so on screen.
DEMO_PASSPHRASE = "renodesk-demo"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
MIN_PASSPHRASE = 8

PassphraseProvider = Callable[[], str]


def _backend() -> object:
    """The keyring backend, or the reason there is none: a backend named in the
    environment or keyring's config file that cannot start raises (no D-Bus session, say)."""
    import keyring

    try:
        return keyring.get_keyring()
    except Exception as exc:  # keyring raises RuntimeError or KeyringError here
        return exc


def keyring_backend_name() -> str:
    backend = _backend()
    if isinstance(backend, Exception):
        return f"not available ({backend})"
    return f"{type(backend).__module__}.{type(backend).__name__}"


def keyring_usable() -> bool:
    """True when the keyring can really keep a secret (not the fail/null backends)."""
    from keyring.backends import chainer, fail

    backend = _backend()
    if isinstance(backend, Exception | fail.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return bool(backend.backends)
    return "null" not in type(backend).__module__


@dataclass
class WorkspaceFile:
    """Non-secret facts about a workspace, kept beside the database."""

    workspace_id: str
    key_mode: str  # "keyring" or "passphrase"
    salt: str = ""
    demo: bool = False
    created: str = ""

    @classmethod
    def read(cls, path: Path) -> WorkspaceFile:
        try:
            data: dict[str, Any] = json.loads(path.read_text("utf-8"))
            return cls(**data)
        except FileNotFoundError as exc:
            raise WorkspaceError("error.no_workspace", path=str(path.parent)) from exc
        except (ValueError, TypeError) as exc:
            raise WorkspaceError("error.workspace_file_damaged", path=str(path)) from exc

    def write(self, path: Path) -> None:
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.__dict__, indent=2), "utf-8")
        os.replace(tmp, path)


def derive_key(passphrase: str, salt_hex: str) -> bytes:
    return hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=bytes.fromhex(salt_hex),
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        maxmem=64 * 1024 * 1024,
        dklen=32,
    )


def _passphrase(provider: PassphraseProvider | None) -> str:
    env = os.environ.get(ENV_PASSPHRASE)
    if env:
        return env
    if provider is None:
        raise WorkspaceError("error.passphrase_needed")
    return provider()


def create_key(
    workspace_file: Path,
    provider: PassphraseProvider | None = None,
    demo: bool = False,
    use_keyring: bool | None = None,
) -> bytes:
    """Make a new workspace key and record how it is kept. Returns the raw key."""
    workspace_id = secrets.token_hex(16)
    created = datetime.now(UTC).isoformat(timespec="seconds")
    if use_keyring is None:
        use_keyring = keyring_usable() and not demo
    if use_keyring:
        import keyring

        key = secrets.token_bytes(32)
        keyring.set_password(KEYRING_SERVICE, f"db-key:{workspace_id}", key.hex())
        WorkspaceFile(workspace_id, "keyring", created=created).write(workspace_file)
        return key
    passphrase = DEMO_PASSPHRASE if demo else _passphrase(provider)
    if len(passphrase) < MIN_PASSPHRASE:
        raise WorkspaceError("error.passphrase_short", minimum=MIN_PASSPHRASE)
    salt = secrets.token_hex(16)
    key = derive_key(passphrase, salt)
    WorkspaceFile(workspace_id, "passphrase", salt, demo, created).write(workspace_file)
    return key


def load_key(workspace_file: Path, provider: PassphraseProvider | None = None) -> bytes:
    """The key of an existing workspace; raises WorkspaceError if it cannot be had."""
    return key_source(workspace_file, provider)()


def key_source(workspace_file: Path,
               provider: PassphraseProvider | None = None) -> Callable[[], bytes]:
    """What yields the key of an existing workspace, with everything that asks or looks
    something up (the passphrase prompt, the keyring) already done. What is left is pure
    computation (scrypt, ~0.1 s, which releases the GIL): a caller can run it on another
    thread while it imports the data layer."""
    info = WorkspaceFile.read(workspace_file)
    if info.key_mode == "keyring":
        import keyring
        from keyring.errors import KeyringError

        try:
            stored = keyring.get_password(KEYRING_SERVICE, f"db-key:{info.workspace_id}")
        except (KeyringError, RuntimeError) as exc:
            raise WorkspaceError("error.keyring_unavailable", detail=str(exc)) from exc
        if not stored:
            raise WorkspaceError("error.key_missing")
        key = bytes.fromhex(stored)
        return lambda: key
    passphrase = DEMO_PASSPHRASE if info.demo else _passphrase(provider)
    return lambda: derive_key(passphrase, info.salt)


class SecretStore:
    """Secrets other than the database key (team key, server token) in the OS keyring."""

    def __init__(self, workspace_id: str) -> None:
        self.workspace_id = workspace_id

    def _name(self, name: str) -> str:
        return f"{name}:{self.workspace_id}"

    def put(self, name: str, value: str) -> None:
        import keyring

        keyring.set_password(KEYRING_SERVICE, self._name(name), value)

    def get(self, name: str) -> str | None:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, self._name(name))

    def delete(self, name: str) -> None:
        import keyring
        from keyring.errors import PasswordDeleteError

        with contextlib.suppress(PasswordDeleteError):
            keyring.delete_password(KEYRING_SERVICE, self._name(name))
