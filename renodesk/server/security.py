"""Secrets on the server: password hashes, device tokens, enrolment codes, throttling."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

#: argon2id with the library's (RFC 9106 "low memory") defaults.
_hasher = PasswordHasher()
#: A hash that takes as long to check as a real one, for user names that do not exist.
_DUMMY_HASH = _hasher.hash("renodesk-no-such-user")

#: Letters that cannot be mistaken for one another when read aloud or typed over.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_GROUPS = 4
CODE_GROUP_SIZE = 4
MIN_PASSWORD_LENGTH = 10


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; always does the full argon2 work."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def new_device_token() -> str:
    """A random bearer token (256 bits); only its hash is stored."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """SHA-256 suffices for random high-entropy secrets (no dictionary to try)."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_enrolment_code() -> str:
    """A one-time code such as ``K7QM-3XPA-9TRD-WH2E`` (80 bits)."""
    groups = (
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_SIZE))
        for _ in range(CODE_GROUPS)
    )
    return "-".join(groups)


def normalise_code(code: str) -> str:
    """Accept codes typed in lower case, with spaces or without dashes."""
    letters = "".join(ch for ch in code.upper() if ch.isalnum())
    size = CODE_GROUP_SIZE
    return "-".join(letters[i : i + size] for i in range(0, len(letters), size))


@dataclass
class _Failures:
    count: int = 0
    last: float = 0.0


@dataclass
class LoginThrottle:
    """Slows down and then locks out repeated failed enrolments.

    Failures are counted per key (the client's address and the user the code belongs
    to). Each failure costs the next attempt a growing delay; after ``lock_after``
    failures the key is refused outright for ``lock_seconds``. Counts are forgotten
    ``forget_seconds`` after the last failure, and a success clears them. The clock
    is injected so tests need not wait.
    """

    clock: Callable[[], float]
    lock_after: int = 10
    lock_seconds: float = 15 * 60
    forget_seconds: float = 60 * 60
    base_delay: float = 0.5
    max_delay: float = 8.0
    #: Above this many remembered keys, stale ones are dropped (bounded memory).
    max_keys: int = 10_000
    _failures: dict[str, _Failures] = field(default_factory=dict)

    def _current(self, key: str) -> _Failures | None:
        entry = self._failures.get(key)
        if entry and self.clock() - entry.last > self.forget_seconds:
            del self._failures[key]
            return None
        return entry

    def locked_for(self, keys: list[str]) -> float:
        """Seconds until the first of ``keys`` may try again (0: not locked)."""
        wait = 0.0
        for key in keys:
            entry = self._current(key)
            if entry and entry.count >= self.lock_after:
                wait = max(wait, entry.last + self.lock_seconds - self.clock())
        return max(wait, 0.0)

    def delay_for(self, keys: list[str]) -> float:
        """The pause before answering an attempt for ``keys``: grows with each failure."""
        count = max((e.count for k in keys if (e := self._current(k))), default=0)
        if count == 0:
            return 0.0
        return float(min(self.base_delay * 2 ** (count - 1), self.max_delay))

    def failed(self, keys: list[str]) -> None:
        now = self.clock()
        if len(self._failures) > self.max_keys:
            self._forget_stale(now)
        for key in keys:
            entry = self._current(key) or self._failures.setdefault(key, _Failures())
            entry.count += 1
            entry.last = now

    def _forget_stale(self, now: float) -> None:
        stale = [k for k, e in self._failures.items() if now - e.last > self.forget_seconds]
        for key in stale:
            del self._failures[key]

    def succeeded(self, keys: list[str]) -> None:
        for key in keys:
            self._failures.pop(key, None)
