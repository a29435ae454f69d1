"""A throwaway localstripe server on loopback, for the tests and the benchmarks.

localstripe (PyPI) is a stateful Stripe-compatible server: payment intents, refunds, events, and signed webhooks
sent about one second after the change. Its own command line listens on every interface (IPv4 and IPv6) and
pickles its whole store to the shared file /tmp/localstripe.pickle after every write, so two servers on one
machine would overwrite each other's data and every write slows down as the store grows. This module therefore
runs the same aiohttp application through a small launcher (`python -m testsupport.localstripe`) that:
- listens on 127.0.0.1 only, on a port the kernel picks (no race between choosing and binding a port);
- keeps the store in memory only;
- accepts `receipt_email` on payment intents, which Stripe accepts and localstripe rejects ("Unexpected");
- exits when the process that started it is gone, so nothing outlives a killed test run.

    server = localstripe.start()
    try:
        gateway = StripeGateway(server.api_key, "whsec_test", api_base=server.api_base)
        server.register_webhook("http://127.0.0.1:8000/api/webhooks/stripe", "whsec_test")
        ...
    finally:
        server.stop()

or `with localstripe.start() as server: ...`.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Self

REPO_ROOT = Path(__file__).resolve().parents[1]
API_KEY = "sk_test_localstripe"  # localstripe accepts any key that starts with sk_
START_TIMEOUT_SECONDS = 20.0
STOP_TIMEOUT_SECONDS = 5.0
UNUSED_URL = "http://127.0.0.1:9/"  # localstripe wants a URL even for a webhook that gets no event


class LocalStripeUnavailable(RuntimeError):
    pass


@dataclass
class LocalStripe:
    """A running localstripe: `api_base` is what StripeGateway (or STRIPE_API_BASE) takes."""

    api_base: str
    process: subprocess.Popen[bytes]
    folder: Path
    api_key: str = API_KEY

    @property
    def log_path(self) -> Path:
        """The server's log: requests, and one line per webhook delivery attempt."""
        return self.folder / "server.log"

    def register_webhook(
        self, url: str, secret: str, events: Sequence[str] | None = None, webhook_id: str = "default"
    ) -> None:
        """Send signed events to `url` (all types when `events` is None). The same `webhook_id` replaces it."""
        body: dict[str, Any] = {"url": url, "secret": secret}
        if events is not None:
            body["events"] = list(events)
        self._call("POST", f"/_config/webhooks/{webhook_id}", body)

    def unregister_webhook(self, webhook_id: str = "default") -> None:
        """Stop sending to a webhook. localstripe cannot delete one, so it is kept with no event types."""
        self._call("POST", f"/_config/webhooks/{webhook_id}", {"url": UNUSED_URL, "secret": "-", "events": []})

    def flush(self) -> None:
        """Forget every object (intents, refunds, events...). Registered webhooks stay."""
        self._call("DELETE", "/_config/data")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.stop()

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> None:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.api_base + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()


def start(timeout_seconds: float = START_TIMEOUT_SECONDS) -> LocalStripe:
    """Start a localstripe on a free loopback port and return once it answers. Raises LocalStripeUnavailable."""
    folder = Path(tempfile.mkdtemp(prefix="pos-localstripe-"))
    port_file = folder / "port"
    with open(folder / "server.log", "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "testsupport.localstripe", "--port-file", str(port_file)],
            cwd=REPO_ROOT,
            env={**os.environ, "PYTHONPATH": _with_repo_root(os.environ.get("PYTHONPATH"))},
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = LocalStripe(api_base="", process=process, folder=folder)
    try:
        port = _wait_for_port(server, port_file, deadline=time.monotonic() + timeout_seconds)
        server.api_base = f"http://127.0.0.1:{port}"
        _wait_until_answering(server, deadline=time.monotonic() + timeout_seconds)
    except BaseException:
        server.stop()
        raise
    return server


def _with_repo_root(pythonpath: str | None) -> str:
    return os.pathsep.join(p for p in (str(REPO_ROOT), pythonpath) if p)


def _wait_for_port(server: LocalStripe, port_file: Path, deadline: float) -> int:
    while time.monotonic() < deadline:
        if port_file.exists():
            return int(port_file.read_text())
        _fail_if_exited(server)
        time.sleep(0.02)
    raise LocalStripeUnavailable(f"localstripe did not start in time.\n{_log_tail(server)}")


def _wait_until_answering(server: LocalStripe, deadline: float) -> None:
    request = urllib.request.Request(server.api_base + "/v1/balance")
    request.add_header("Authorization", f"Bearer {server.api_key}")
    while True:
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                response.read()
                return
        except (urllib.error.URLError, ConnectionError):
            _fail_if_exited(server)
            if time.monotonic() >= deadline:
                raise LocalStripeUnavailable(f"localstripe does not answer.\n{_log_tail(server)}") from None
            time.sleep(0.05)


def _fail_if_exited(server: LocalStripe) -> None:
    if server.process.poll() is not None:
        raise LocalStripeUnavailable(
            f"localstripe exited with code {server.process.returncode}. Is it installed (pip install localstripe)?\n"
            f"{_log_tail(server)}"
        )


def _log_tail(server: LocalStripe, lines: int = 30) -> str:
    try:
        return "\n".join(server.log_path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


# The launcher: runs in the child process.


def _serve(port_file: Path) -> None:
    from aiohttp import web
    from localstripe import resources, server

    resources.Store.dump_to_disk = lambda self: None  # type: ignore[method-assign]
    _accept_receipt_email(resources.PaymentIntent)
    _log_webhook_deliveries()
    threading.Thread(target=_exit_when_orphaned, args=(os.getppid(), port_file.parent), daemon=True).start()

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    _write_atomically(port_file, str(sock.getsockname()[1]))
    web.run_app(server.app, sock=sock, print=None, shutdown_timeout=1.0)


def _accept_receipt_email(payment_intent_class: Any) -> None:
    original_init = payment_intent_class.__init__

    def init(self: Any, *args: Any, receipt_email: str | None = None, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        self.receipt_email = receipt_email

    payment_intent_class.__init__ = init


def _log_webhook_deliveries() -> None:
    logger = logging.getLogger("aiohttp.access")  # localstripe reports webhook deliveries on this logger
    logger.setLevel(logging.INFO)
    logger.addHandler(logging.StreamHandler(sys.stdout))


def _exit_when_orphaned(parent_pid: int, folder: Path) -> None:
    while os.getppid() == parent_pid:
        time.sleep(0.5)
    shutil.rmtree(folder, ignore_errors=True)
    os._exit(0)


def _write_atomically(path: Path, text: str) -> None:
    partial = path.with_suffix(".partial")
    partial.write_text(text)
    os.replace(partial, path)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="localstripe on 127.0.0.1, in memory (used by testsupport)")
    parser.add_argument("--port-file", type=Path, required=True, help="where to write the port once listening")
    _serve(parser.parse_args(argv).port_file)


if __name__ == "__main__":
    main()
