"""Sync-server load: 50 laptops of one team push and pull at once through PostgreSQL.

Starts its own throwaway PostgreSQL cluster and a ``renodesk-server serve`` process
on loopback. Each simulated laptop (a thread with its own HTTP client) pushes 200
changesets in batches, pulling what is new after each push, then pulls the rest.
Prints lost and doubled counts (both must be 0), push and pull latencies (p50/p95),
throughput, and the ratio of the server's push throughput to a baseline measured in
the same run: raw psycopg inserts of the same rows in the same batches.

    .venv/bin/python bench/bench_server.py [--devices 50] [--changesets 200]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "integration" / "server"))

from _common import percentile  # noqa: E402
from pgcluster import PgCluster  # noqa: E402

from renodesk.sync.changeset import blob_hash, encode_changeset, read_header  # noqa: E402
from renodesk.sync.clock import HybridClock  # noqa: E402
from renodesk.sync.operation import Operation  # noqa: E402
from renodesk.sync.server_client import ServerClient  # noqa: E402

TEAM = "bench-team"


@dataclass
class Device:
    device_id: str
    token: str
    blobs: list[bytes]
    push_ms: list[float] = field(default_factory=list)
    pull_ms: list[float] = field(default_factory=list)
    received: Counter[tuple[str, int]] = field(default_factory=Counter)
    error: str = ""


def make_blobs(key: bytes, device_id: str, count: int) -> list[bytes]:
    """``count`` changesets of one laptop, each a small visit edit (fictitious data)."""
    clock = HybridClock(device_id)
    blobs, prev = [], ""
    for seq in range(1, count + 1):
        ops = [Operation(op_id=uuid.uuid4().hex, device_id=device_id, device_seq=seq,
                         hlc=clock.now().pack(), entity="visit", row_id=f"v{seq % 37}",
                         field="notes", value=f"Huisbezoek {seq}: afspraken besproken")]
        blob = encode_changeset(key, TEAM, device_id, seq, prev, ops)
        prev = blob_hash(blob)
        blobs.append(blob)
    return blobs


def set_up(url: str, devices: int, changesets: int) -> list[Device]:
    from argon2 import PasswordHasher

    from renodesk.server import security, store
    from renodesk.server.db import Database, make_engine, upgrade

    # Set-up is not measured: cheap argon2 parameters keep it short.
    security._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    db = Database(make_engine(url))
    upgrade(db.engine)
    key = os.urandom(32)
    result = []
    with db.write() as session:
        store.create_team(session, TEAM)
        store.add_user(session, TEAM, "Coach Bench", "bench-wachtwoord")
    for i in range(devices):
        device_id = f"laptop-{i:03d}"
        with db.write() as session:
            code, _ = store.issue_enrolment_code(session, TEAM, "Coach Bench",
                                                 timedelta(hours=1))
            token = store.enrol_device(session, code, "bench-wachtwoord", device_id, "").token
        result.append(Device(device_id, token, make_blobs(key, device_id, changesets)))
    db.dispose()
    return result


def run_device(url: str, device: Device, batch: int, deadline: float,
               all_pushed: threading.Barrier) -> None:
    try:
        with ServerClient(url, device.token, allow_http=True, timeout=60) as client:
            cursor = 0

            def pull_new() -> None:
                nonlocal cursor
                while time.monotonic() < deadline:
                    start = time.perf_counter()
                    page = client.pull(cursor, limit=500)
                    device.pull_ms.append((time.perf_counter() - start) * 1000)
                    for item in page.changesets:
                        device.received[(item.device_id, item.seq)] += 1
                    cursor = page.cursor
                    if not page.more:
                        return

            for first in range(0, len(device.blobs), batch):
                start = time.perf_counter()
                client.push(device.blobs[first:first + batch])
                device.push_ms.append((time.perf_counter() - start) * 1000)
                pull_new()
            # Then, once every laptop has pushed everything, pull the rest.
            all_pushed.wait(max(deadline - time.monotonic(), 0))
            pull_new()
    except Exception as exc:
        device.error = f"{type(exc).__name__}: {exc}"
        all_pushed.abort()


def baseline(cluster: PgCluster, devices: list[Device], batch: int) -> float:
    """Rows per second for plain psycopg inserts of the same rows in the same batches."""
    import psycopg

    cluster.create_database("renodesk_baseline")
    with psycopg.connect(cluster.conninfo("renodesk_baseline")) as conn:
        conn.execute("CREATE TABLE raw (position bigint primary key, device_id text, "
                     "seq bigint, hlc_min text, hlc_max text, prev text, op_count int, "
                     "blob_hash text, blob bytea, received_at timestamptz)")
        conn.commit()
        rows = []
        for device in devices:
            for blob in device.blobs:
                h = read_header(blob)
                rows.append((h.device, h.seq, h.hlc_min, h.hlc_max, h.prev, h.count,
                             blob_hash(blob), blob))
        start = time.perf_counter()
        with conn.cursor() as cur:
            for first in range(0, len(rows), batch):
                cur.executemany(
                    "INSERT INTO raw VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, now())",
                    [(first + i + 1, *row) for i, row in enumerate(rows[first:first + batch])],
                )
                conn.commit()
        return len(rows) / (time.perf_counter() - start)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for(url: str, process: subprocess.Popen[Any]) -> None:
    import httpx

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("renodesk-server stopped during start-up")
        try:
            if httpx.get(f"{url}/v1/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("renodesk-server did not start in 30 s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--changesets", type=int, default=200, help="per device")
    parser.add_argument("--batch", type=int, default=20, help="changesets per push")
    parser.add_argument("--time-limit", type=float, default=240, help="seconds, at most")
    args = parser.parse_args()

    cluster = PgCluster.start()
    server: subprocess.Popen[Any] | None = None
    try:
        db_url = cluster.create_database("renodesk_bench")
        devices = set_up(db_url, args.devices, args.changesets)
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "-m", "renodesk.server.cli", "serve", "--db", db_url,
             "--port", str(port), "--log-level", "warning"])
        wait_for(url, server)

        deadline = time.monotonic() + args.time_limit
        all_pushed = threading.Barrier(len(devices))
        threads = [threading.Thread(target=run_device,
                                    args=(url, d, args.batch, deadline, all_pushed))
                   for d in devices]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - start

        expected = {(d.device_id, seq) for d in devices for seq in range(1, args.changesets + 1)}
        lost = sum(len(expected - set(d.received)) for d in devices)
        doubled = sum(n - 1 for d in devices for n in d.received.values() if n > 1)
        errors = [f"{d.device_id}: {d.error}" for d in devices if d.error]
        pushes = [ms for d in devices for ms in d.push_ms]
        pulls = [ms for d in devices for ms in d.pull_ms]
        pushed = args.devices * args.changesets
        pulled = sum(sum(d.received.values()) for d in devices)
        raw_rate = baseline(cluster, devices, args.batch)
        push_rate = pushed / wall

        print(f"devices {args.devices}, changesets per device {args.changesets}, "
              f"batch {args.batch}, wall time {wall:.1f} s")
        print(f"lost {lost}, doubled {doubled}, errors {len(errors)}")
        for line in errors[:5]:
            print("  " + line)
        print(f"push: {len(pushes)} requests, p50 {percentile(pushes, 50):.1f} ms, "
              f"p95 {percentile(pushes, 95):.1f} ms, {push_rate:.0f} changesets/s")
        print(f"pull: {len(pulls)} requests, p50 {percentile(pulls, 50):.1f} ms, "
              f"p95 {percentile(pulls, 95):.1f} ms, {pulled / wall:.0f} changesets/s")
        print(f"baseline raw psycopg inserts (same rows, same batches): {raw_rate:.0f} rows/s")
        print(f"ratio server push throughput / raw inserts: {push_rate / raw_rate:.2f}")
        return 0 if lost == 0 and doubled == 0 and not errors else 1
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
