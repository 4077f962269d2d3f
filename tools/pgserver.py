"""A private PostgreSQL server for tests and benchmarks: a temporary folder, a free port, no root.

PostgreSQL refuses to run as root, so under root the server runs as the `postgres` user that
the Debian package creates, in a folder handed to that user. Nothing here is used by bodymap
itself: a clinic runs its own server (see the README's "Running a clinic").
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "bodymap_test"
INSTALL_HINT = "apt-get install -y --no-install-recommends postgresql"
MIN_VERSION = 15


class PgUnavailable(RuntimeError):
    """No PostgreSQL server binaries, or the server would not start (the message says why)."""


def find_bindir() -> Path:
    """The newest PostgreSQL (>= 15) server binaries: $BODYMAP_PG_BINDIR or Debian's folders."""
    given = os.environ.get("BODYMAP_PG_BINDIR")
    candidates = [given] if given else glob.glob("/usr/lib/postgresql/*/bin")

    def version(folder: str) -> int:
        m = re.search(r"/(\d+)/bin/?$", folder)
        return int(m.group(1)) if m else MIN_VERSION

    usable = [c for c in candidates if (Path(c) / "initdb").exists() and version(c) >= MIN_VERSION]
    if not usable:
        raise PgUnavailable(
            f"no PostgreSQL {MIN_VERSION}+ server binaries (looked in /usr/lib/postgresql/*/bin); "
            f"install them with:  sudo {INSTALL_HINT}  (make test does this when run as root)"
        )
    return Path(max(usable, key=version))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    """One private server: `start()` it, take `url(db)`s, `stop()` it (its folder goes too).

    `durable=False` (tests) turns fsync off: a crash of the test machine may lose the
    server's data, which tests throw away anyway; benchmarks keep fsync on so commit
    latency is the real one.
    """

    def __init__(self, *, durable: bool = False):
        self.bindir = find_bindir()
        self.durable = durable
        self.port = 0
        self.runas = "postgres" if os.geteuid() == 0 else None
        self.folder = Path(tempfile.mkdtemp(prefix="bodymap-pg-"))
        if self.runas:
            pw = pwd.getpwnam(self.runas)
            os.chown(self.folder, pw.pw_uid, pw.pw_gid)
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.bindir / args[0]), *args[1:]], capture_output=True, text=True,
            check=check, user=self.runas, cwd=self.folder, timeout=120,
        )  # fmt: skip

    def start(self) -> PgServer:
        """Create the cluster (first time) and start the server on a free local port."""
        if not self.data.exists():
            try:
                self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
                          "-E", "UTF8", "--locale=C.UTF-8")  # fmt: skip
            except (subprocess.CalledProcessError, KeyError) as exc:
                raise PgUnavailable(f"initdb failed: {getattr(exc, 'stderr', exc)}") from None
        for _attempt in range(5):
            self.port = self.port or free_port()
            opts = (
                f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                "-c max_connections=60 -c shared_buffers=64MB"
            )
            if not self.durable:
                opts += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            done = self._run(
                "pg_ctl",
                "-D",
                str(self.data),
                "-l",
                str(self.log),
                "-o",
                opts,
                "-w",
                "start",
                check=False,
            )
            if done.returncode == 0:
                return self
            self.port = 0  # the port was taken between choosing and binding: choose again
        raise PgUnavailable(f"the PostgreSQL server did not start:\n{self.log_tail()}")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (its data stays until `remove`)."""
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def restart(self) -> None:
        self.stop()
        self.start()

    def remove(self) -> None:
        """Stop the server and delete its folder."""
        with contextlib.suppress(Exception):
            self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)

    def log_tail(self, lines: int = 20) -> str:
        with contextlib.suppress(OSError):
            return "\n".join(self.log.read_text().splitlines()[-lines:])
        return "(no server log)"

    def url(self, database: str = "postgres", role: str = SUPERUSER) -> str:
        """The SQLAlchemy URL of a database on this server, as `role` (trust: no password)."""
        return f"postgresql+psycopg://{role}@127.0.0.1:{self.port}/{database}"

    def dsn(self, database: str = "postgres", role: str = SUPERUSER) -> str:
        """The libpq connection string of the same (for raw psycopg)."""
        return f"host=127.0.0.1 port={self.port} dbname={database} user={role}"

    def execute(self, sql: str, database: str = "postgres") -> None:
        """Run SQL as the superuser outside a transaction (CREATE DATABASE, roles, ...)."""
        import psycopg

        with psycopg.connect(self.dsn(database), autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def create_database(self, name: str, *, owner: str = SUPERUSER) -> str:
        """A new empty database; returns its URL."""
        self.execute(f'CREATE DATABASE "{name}" OWNER "{owner}" TEMPLATE template0')
        return self.url(name)
