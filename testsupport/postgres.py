"""A throwaway PostgreSQL server on loopback, for the tests and the benchmarks.

Uses the server binaries of the machine (the Debian package postgresql). Nothing outlives the process
that started it but a temporary folder, removed on stop.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    pass


def _bin_dir() -> Path:
    configured = shutil.which("pg_config")
    if configured:
        found = Path(subprocess.run([configured, "--bindir"], capture_output=True, text=True).stdout.strip())
        if (found / "initdb").exists():
            return found
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if candidates:
        return Path(candidates[0]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    raise PostgresUnavailable(
        "No PostgreSQL server binaries found (initdb). Install them with 'make test-deps' "
        "(Debian package postgresql) or set POS_TEST_POSTGRES_URL to a server you can create databases on."
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class ThrowawayPostgres:
    folder: Path
    port: int
    bin_dir: Path
    run_as: str | None

    @property
    def admin_url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def url_for(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, tool: str, *args: str, check: bool = True) -> None:
        command = [str(self.bin_dir / tool), *args]
        if self.run_as:
            command = ["runuser", "-u", self.run_as, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True)
        if check and result.returncode != 0:
            raise PostgresUnavailable(f"{tool} failed: {result.stderr or result.stdout}")


def start(*, durable: bool = False) -> ThrowawayPostgres:
    """initdb and start a server on a free loopback port. `durable=False` turns fsync off for speed."""
    bin_dir = _bin_dir()
    folder = Path(tempfile.mkdtemp(prefix="pos-pg-"))
    run_as = None
    if os.geteuid() == 0:  # initdb refuses to run as root
        run_as = "postgres"
        try:
            owner = pwd.getpwnam(run_as)
        except KeyError:
            raise PostgresUnavailable("Running as root needs the 'postgres' system user to own the server.") from None
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    server = ThrowawayPostgres(folder=folder, port=_free_port(), bin_dir=bin_dir, run_as=run_as)
    data = str(folder / "data")
    server._run("initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C")
    options = [
        f"-p {server.port}",
        f"-k {folder}",
        "-c listen_addresses=127.0.0.1",
        "-c max_connections=300",
        "-c shared_buffers=128MB",
    ]
    if not durable:
        options += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
    server._run("pg_ctl", "-D", data, "-l", str(folder / "server.log"), "-o", " ".join(options), "-w", "start")
    return server
