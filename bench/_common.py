"""Shared helpers for the benchmarks: timing, percentiles, throwaway workspaces."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import keyring

from renodesk.security.memory_keyring import MemoryKeyring


def use_memory_keyring() -> None:
    keyring.set_keyring(MemoryKeyring())


@contextmanager
def scratch_dir(keep: str | None = None) -> Iterator[Path]:
    if keep:
        path = Path(keep)
        path.mkdir(parents=True, exist_ok=True)
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="renodesk-bench-") as tmp:
        yield Path(tmp)


def timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary_ms(values: list[float]) -> str:
    return (f"median {statistics.median(values) * 1000:.2f} ms, "
            f"p95 {percentile(values, 95) * 1000:.2f} ms, n={len(values)}")


def verdict(ok: bool) -> str:
    return "OK" if ok else "ABOVE TARGET"


os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
