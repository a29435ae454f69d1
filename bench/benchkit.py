"""What the benchmarks share: arguments, throwaway databases, raw DB-API connections, timing and tables.

Not a test helper: the scripts in this folder print figures and are not part of the test run.
"""

from __future__ import annotations

import argparse
import os
import re
import sqlite3
import statistics
import sys
import tempfile
import time
import timeit
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from pos_app.db.engine import SQLITE_BUSY_TIMEOUT_MS

REPO_ROOT = Path(__file__).resolve().parents[1]
BACKENDS = ("sqlite", "postgresql")
BENCH_DATABASE = "pos_bench"


def parse_args(description: str, configure: Callable[[argparse.ArgumentParser], None] | None = None) -> Any:
    """The options every benchmark takes (--backend, --skus) plus the script's own."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--backend", choices=(*BACKENDS, "both"), default="both", help="database(s) to measure")
    parser.add_argument("--skus", type=int, default=100_000, help="SKUs in the seeded catalogue (default 100000)")
    if configure is not None:
        configure(parser)
    args = parser.parse_args()
    if args.skus < 100:
        parser.error("--skus must be at least 100")
    return args


def chosen_backends(choice: str) -> list[str]:
    return list(BACKENDS) if choice == "both" else [choice]


@contextmanager
def fresh_database(backend: str) -> Iterator[str]:
    """The URL of an empty database, removed afterwards.

    SQLite: a file in a temporary folder (the app's own engine then sets WAL and synchronous=FULL).
    PostgreSQL: a throwaway durable server (fsync on) from testsupport/postgres.py, or the server of
    POS_BENCH_POSTGRES_URL (an admin URL) when given.
    """
    if backend == "sqlite":
        with tempfile.TemporaryDirectory(prefix="pos-bench-") as folder:
            yield f"sqlite:///{Path(folder) / 'pos.db'}"
        return
    given = os.environ.get("POS_BENCH_POSTGRES_URL")
    if given:
        yield _create_postgres_database(given)
        return
    postgres = _testsupport_postgres()
    server = postgres.start(durable=True)
    try:
        yield _create_postgres_database(server.admin_url)
    finally:
        server.stop()


def _testsupport_postgres() -> Any:
    """testsupport is not installed in the virtualenv: import it from the checkout this script is in."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.append(str(REPO_ROOT))
    from testsupport import postgres

    return postgres


def _create_postgres_database(admin_url: str) -> str:
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {BENCH_DATABASE}"))
    engine.dispose()
    return make_url(admin_url).set(database=BENCH_DATABASE).render_as_string(hide_password=False)


def raw_connection(url: str) -> Any:
    """A bare DB-API connection configured as the app configures its own (pragmas on SQLite)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        conn = sqlite3.connect(parsed.database, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn
    return psycopg.connect(
        host=parsed.host, port=parsed.port, user=parsed.username, password=parsed.password, dbname=parsed.database
    )


def paramstyle(sql: str, backend: str) -> str:
    """Write SQL once with :name parameters; psycopg wants %(name)s and a doubled literal %."""
    if backend == "sqlite":
        return sql
    return re.sub(r"(?<!:):(\w+)", r"%(\1)s", sql.replace("%", "%%"))


def sqlite_timestamp(moment: datetime) -> str:
    """An aware datetime as SQLAlchemy stores it in SQLite (naive UTC text, see pos_app/db/types.py)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def time_pair(
    first: Callable[[], object], second: Callable[[], object], repeat: int, warmup: int = 3
) -> tuple[list[float], list[float]]:
    """Seconds taken by each of `repeat` calls of `first` and of `second`, called in turn (which one
    goes first alternates), so that a busy moment of the machine hits both alike. `warmup` calls of
    each are not counted."""
    for _ in range(warmup):
        first()
        second()
    samples: tuple[list[float], list[float]] = ([], [])
    for index in range(repeat):
        order = ((first, samples[0]), (second, samples[1]))
        for call, kept in order if index % 2 == 0 else reversed(order):
            start = time.perf_counter()
            call()
            kept.append(time.perf_counter() - start)
    return samples


def median_ms(samples: Sequence[float]) -> float:
    return statistics.median(samples) * 1000


def p95_ms(samples: Sequence[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] * 1000


def print_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [[str(h) for h in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    print(f"\n{title}")
    for index, row in enumerate(cells):
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))))
        if index == 0:
            print("  ".join("-" * w for w in widths))
    sys.stdout.flush()


def machine_summary() -> str:
    """Cores, versions, how fast Python runs here, how long a durable write takes, and how busy the
    machine is: the figures of a run only compare with another run's when these are alike."""
    cpus = os.cpu_count() or 0
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return (
        f"{cpus} cores ({model}), Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, "
        f"psycopg {psycopg.__version__}\n"
        f"python speed: sum(range(1000)) {python_speed_us():.1f} us; fdatasync of a 4 KiB overwrite "
        f"{fdatasync_ms():.2f} ms, of a 4 KiB append {fdatasync_ms(append=True):.2f} ms; {load_average()}"
    )


def python_speed_us() -> float:
    """A yardstick for the CPU: about 8-10 us on a recent laptop."""
    return min(timeit.repeat("sum(range(1000))", number=2000, repeat=5)) / 2000 * 1e6


def fdatasync_ms(*, append: bool = False, count: int = 50) -> float:
    """Median time of a durable 4 KiB write in the temporary folder (where the SQLite file goes).

    SQLite's commit in WAL mode overwrites the WAL file in place once it has been checkpointed, and
    appends to it before; the two cost very differently on some disks."""
    block = b"x" * 4096
    samples = []
    with tempfile.TemporaryDirectory(prefix="pos-bench-fsync-") as folder:
        fd = os.open(Path(folder) / "probe", os.O_RDWR | os.O_CREAT)
        try:
            os.write(fd, block * count)
            os.fsync(fd)
            for index in range(count):
                if append:
                    os.write(fd, block)
                else:
                    os.pwrite(fd, block, index * 4096)
                start = time.perf_counter()
                os.fdatasync(fd)
                samples.append(time.perf_counter() - start)
        finally:
            os.close(fd)
    return statistics.median(samples) * 1000


def load_average() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min) {five:.2f} (5 min)"


class CpuClock:
    """Wall and CPU time of this process over a block: CPU time is the Python and driver work, and
    stays steady when other processes make the wall clock noisy."""

    def __enter__(self) -> CpuClock:
        self.wall = -time.perf_counter()
        self.cpu = -time.process_time()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.wall += time.perf_counter()
        self.cpu += time.process_time()
