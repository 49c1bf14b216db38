"""Hybrid logical clock (Kulkarni et al. 2014).

A timestamp is (wall milliseconds, counter, node). Packed as a fixed-width string it
sorts the same way as the tuple, so it can be compared as text in SQL too.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_COUNTER = 0xFFFF
#: A remote timestamp further ahead of our wall clock than this is held, not applied.
MAX_DRIFT_MS = 5 * 60 * 1000


class ClockDriftError(Exception):
    """A remote timestamp lies too far in the future to be trusted."""


@dataclass(frozen=True, order=True)
class Hlc:
    wall_ms: int
    counter: int
    node: str

    def pack(self) -> str:
        return f"{self.wall_ms:015d}-{self.counter:05d}-{self.node}"

    @classmethod
    def unpack(cls, text: str) -> Hlc:
        wall, counter, node = text.split("-", 2)
        return cls(int(wall), int(counter), node)

    def __str__(self) -> str:
        return self.pack()


class HybridClock:
    """Monotonic HLC for one device. ``state`` is persisted by the caller."""

    def __init__(
        self,
        node: str,
        last: Hlc | None = None,
        wall: Callable[[], int] | None = None,
    ) -> None:
        self.node = node
        self._wall = wall or (lambda: time.time_ns() // 1_000_000)
        self.last = last or Hlc(0, 0, node)

    def now(self) -> Hlc:
        """A new timestamp for a local event, later than every one seen before."""
        wall = self._wall()
        if wall > self.last.wall_ms:
            nxt = Hlc(wall, 0, self.node)
        else:
            nxt = self._bump(self.last.wall_ms, self.last.counter)
        self.last = nxt
        return nxt

    def observe(self, remote: Hlc) -> Hlc:
        """Merge a remote timestamp; refuses ones too far ahead of our wall clock."""
        wall = self._wall()
        if remote.wall_ms - wall > MAX_DRIFT_MS:
            raise ClockDriftError(remote.pack())
        top = max(wall, self.last.wall_ms, remote.wall_ms)
        if top == self.last.wall_ms == remote.wall_ms:
            nxt = self._bump(top, max(self.last.counter, remote.counter))
        elif top == self.last.wall_ms:
            nxt = self._bump(top, self.last.counter)
        elif top == remote.wall_ms:
            nxt = self._bump(top, remote.counter)
        else:
            nxt = Hlc(top, 0, self.node)
        self.last = nxt
        return nxt

    def _bump(self, wall: int, counter: int) -> Hlc:
        if counter >= MAX_COUNTER:
            # Counter exhausted within one millisecond: borrow the next millisecond.
            return Hlc(wall + 1, 0, self.node)
        return Hlc(wall, counter + 1, self.node)
