"""Cold start of the desktop app: from a new Python process to a usable login window.

Goal: median <= 1.5 s over 5 runs. Each run is a fresh `python` process that does what `pos-app` does on a shop's
existing database (open the services, which checks the schema is at the newest migration; check there are users;
create the QApplication; install the language; show the login dialog), timed by this script from just before it
starts the process to the moment the child reports the dialog shown and its event loop idle (a zero timer that runs
once the show and paint events queued by show() are handled). The child then exits at once.

The child also lists the heavy modules that were imported by then: WeasyPrint, stripe, FastAPI, Jinja and the
reportlab/PDF stack must not be needed to show the login.

    .venv/bin/python bench/startup.py [--backend sqlite|postgresql|both] [--runs 5]

Find what is imported eagerly with:  .venv/bin/python -X importtime -c "import pos_app.cli" 2> imports.txt
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from benchkit import REPO_ROOT, chosen_backends, fresh_database, load_average, machine_summary, parse_args, print_table

GOAL_S = 1.5
READY = "login-ready"
HEAVY_MODULES = ("weasyprint", "stripe", "fastapi", "uvicorn", "jinja2", "pydyf", "qrcode", "PIL", "starlette")

# Runs in the measured process. The QApplication is created first so that an event filter can see the login
# dialog appear; run_desktop then reuses it (QApplication.instance()), so the work done is the same.
CHILD = textwrap.dedent(
    f"""
    import os, sys, time
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])

    def ready():
        heavy = sorted({{name.split(".")[0] for name in sys.modules}} & set({HEAVY_MODULES!r}))
        print("{READY}", ",".join(heavy), flush=True)
        os._exit(0)

    class LoginShown(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Show and watched.objectName() == "loginDialog":
                QTimer.singleShot(0, ready)
            return False

    watcher = LoginShown()
    app.installEventFilter(watcher)
    from pos_app.cli import main
    sys.exit(main(["--database-url", sys.argv[1]]))
    """
)


def prepare_shop(url: str) -> None:
    """A shop as `make run` leaves it: the schema at its newest migration and the demo shop's users and products."""
    subprocess.run(
        [sys.executable, "-m", "pos_app.cli", "--database-url", url, "demo"], check=True, capture_output=True
    )


def one_start(url: str, env: dict[str, str]) -> tuple[float, str]:
    """Seconds from starting the process to the login dialog shown and idle, and the heavy modules loaded."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, url], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith(READY):
            elapsed = time.perf_counter() - start
            child.wait(timeout=30)
            return elapsed, line.removeprefix(READY).strip()
    _, errors = child.communicate(timeout=30)
    raise RuntimeError(f"the app exited before showing the login dialog:\n{errors}")


def child_environment(settings_home: str) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = env.get("QT_QPA_PLATFORM", "offscreen")
    env["XDG_CONFIG_HOME"] = settings_home  # a fresh machine: no language chosen, no register remembered
    env["POS_DATA_DIR"] = settings_home
    env.setdefault("POS_JOURNAL_KEY_FILE", str(Path(settings_home) / "journal.pem"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    return env


def main() -> None:
    args = parse_args(__doc__.splitlines()[0], lambda p: p.add_argument("--runs", type=int, default=5))
    print(machine_summary())
    rows = []
    for backend in chosen_backends(args.backend):
        with fresh_database(backend) as url, tempfile.TemporaryDirectory(prefix="pos-bench-home-") as home:
            env = child_environment(home)
            prepare_shop(url)
            one_start(url, env)  # not counted: the first start after the seeding warms the disk cache
            times, heavy = [], set()
            for _ in range(args.runs):
                elapsed, loaded = one_start(url, env)
                times.append(elapsed)
                heavy.update(filter(None, loaded.split(",")))
            median = statistics.median(times)
            rows.append(
                (
                    backend,
                    f"{median:.2f}",
                    f"{min(times):.2f}",
                    f"{max(times):.2f}",
                    "yes" if median <= GOAL_S else "NO",
                    ", ".join(sorted(heavy)) or "none",
                )
            )
    print_table(
        f"Cold start to a usable login window, median of {args.runs} runs (goal <= {GOAL_S} s); {load_average()}",
        ("backend", "median s", "min s", "max s", "goal met", "heavy modules loaded"),
        rows,
    )


if __name__ == "__main__":
    main()
