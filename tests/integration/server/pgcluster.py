"""A throwaway PostgreSQL cluster for tests and benchmarks.

``PgCluster.start()`` runs initdb in a temporary folder and starts postgres on a
Unix socket in that folder (no TCP port, so parallel test workers never collide);
``stop()`` shuts it down and removes everything. initdb refuses to run as root, so
under root the cluster runs as the unprivileged ``nobody`` user through ``runuser``.

Importable on its own (``bench/bench_server.py`` uses it too).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

PORT = 5432
UNPRIVILEGED_USER = "nobody"


def find_bindir() -> Path | None:
    """Folder with initdb, pg_ctl and postgres, or None when PostgreSQL is missing."""
    found = shutil.which("initdb")
    if found:
        return Path(os.path.realpath(found)).parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit()
        else 0,
    )
    return Path(candidates[-1]).parent if candidates else None


@dataclass
class PgCluster:
    bindir: Path
    root: Path
    run_as: str | None

    @property
    def datadir(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root

    @classmethod
    def start(cls, bindir: Path | None = None) -> PgCluster:
        bindir = bindir or find_bindir()
        if bindir is None:
            raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) not found")
        run_as = UNPRIVILEGED_USER if os.geteuid() == 0 else None
        root = Path(tempfile.mkdtemp(prefix="rdpg-"))
        if run_as:
            shutil.chown(root, user=run_as)
        cluster = cls(bindir=bindir, root=root, run_as=run_as)
        try:
            cluster._run("initdb", "-D", str(cluster.datadir), "-U", "postgres",
                         "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync")
            options = " ".join([
                "-c listen_addresses=''",
                f"-c unix_socket_directories={root}",
                f"-p {PORT}",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=200",
            ])
            cluster._run("pg_ctl", "-D", str(cluster.datadir), "-l", str(root / "log.txt"),
                         "-w", "-t", "60", "-o", options, "start")
        except BaseException:
            shutil.rmtree(root, ignore_errors=True)
            raise
        return cluster

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bindir / program), *args]
        if self.run_as:
            command = ["runuser", "-u", self.run_as, "--", *command]
        result = subprocess.run(command, cwd=self.root, capture_output=True, text=True,
                                check=False)
        if result.returncode != 0:
            log = self.root / "log.txt"
            tail = log.read_text()[-2000:] if log.exists() else ""
            raise RuntimeError(f"{program} failed: {result.stderr or result.stdout}\n{tail}")

    def conninfo(self, database: str = "postgres") -> str:
        """A libpq connection string (for psycopg.connect)."""
        return f"host={self.socket_dir} port={PORT} user=postgres dbname={database}"

    def url(self, database: str = "postgres") -> str:
        """A SQLAlchemy URL for the server (``postgresql+psycopg``)."""
        return f"postgresql+psycopg://postgres@/{database}?host={self.socket_dir}&port={PORT}"

    def create_database(self, name: str | None = None) -> str:
        """A new empty database; returns its SQLAlchemy URL."""
        import psycopg

        name = name or f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.conninfo(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.datadir), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
