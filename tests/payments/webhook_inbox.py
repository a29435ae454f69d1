"""A loopback HTTP server that keeps every webhook POSTed to it, as raw bytes, for the tests to verify."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class ReceivedWebhook:
    body: bytes
    signature_header: str | None

    def json(self) -> dict[str, Any]:
        return json.loads(self.body)


class WebhookInbox:
    def __init__(self) -> None:
        self._received: list[ReceivedWebhook] = []
        self._arrived = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/webhooks/stripe"

    def wait_for(self, matches: Callable[[ReceivedWebhook], bool], timeout_seconds: float = 10.0) -> ReceivedWebhook:
        """The first webhook that `matches`, waiting for it at most `timeout_seconds`."""
        deadline = time.monotonic() + timeout_seconds
        with self._arrived:
            while True:
                found = next((webhook for webhook in self._received if matches(webhook)), None)
                if found is not None:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"No matching webhook within {timeout_seconds} s; got {len(self._received)}.")
                self._arrived.wait(remaining)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def _keep(self, webhook: ReceivedWebhook) -> None:
        with self._arrived:
            self._received.append(webhook)
            self._arrived.notify_all()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        inbox = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                inbox._keep(ReceivedWebhook(body=body, signature_header=self.headers.get("Stripe-Signature")))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep the test output clean

        return Handler
