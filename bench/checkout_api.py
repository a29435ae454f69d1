"""Latency of POST /api/checkout, excluding the Stripe call, on SQLite and PostgreSQL.

The API runs in-process (FastAPI's TestClient: no socket) over a real StripeGateway on localstripe.
The gateway is wrapped to time its create_intent call, and that time is subtracted from each request's
latency: what remains is our own work (validation, the hold, the order, the HTTP layer).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from benchkit import REPO_ROOT, chosen_backends, fresh_database, machine_summary, parse_args, print_table
from fastapi.testclient import TestClient

from pos_app.api import create_app
from pos_app.payments.gateway import Intent
from pos_app.payments.stripe_gateway import StripeGateway
from pos_app.services import open_services
from pos_app.services.auth import system_actor

WEBHOOK_SECRET = "whsec_bench"


class TimedGateway:
    """The real gateway, with the time spent in create_intent recorded per call."""

    def __init__(self, inner: StripeGateway) -> None:
        self._inner = inner
        self.last_call_seconds = 0.0

    def create_intent(self, **arguments: Any) -> Intent:
        started = time.perf_counter()
        try:
            return self._inner.create_intent(**arguments)
        finally:
            self.last_call_seconds = time.perf_counter() - started

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def main() -> None:
    args = parse_args(__doc__, lambda p: p.add_argument("--requests", type=int, default=300))
    print(machine_summary())
    import sys

    sys.path.append(str(REPO_ROOT))
    from testsupport import localstripe

    rows = []
    with localstripe.start() as stripe_server:
        for backend in chosen_backends(args.backend):
            with fresh_database(backend) as url:
                gateway = TimedGateway(
                    StripeGateway(stripe_server.api_key, WEBHOOK_SECRET, api_base=stripe_server.api_base)
                )
                rows.append([backend, *_measure(url, gateway, args.requests)])
    print_table(
        f"POST /api/checkout, {args.requests} requests of 2 lines each (ms)",
        ["backend", "median excl. Stripe", "p95 excl. Stripe", "median Stripe call", "median total"],
        rows,
    )


def _measure(url: str, gateway: TimedGateway, requests: int) -> list[str]:
    with open_services(url, payment_gateway=gateway) as svc:
        actor = system_actor()
        for code in ("TEE", "CAP"):
            svc.inventory.create_product(actor, sku=code, name=code, price=Decimal("19.90"), vat_rate=Decimal("20"))
            svc.inventory.receive(actor, code, 1_000_000, "bench stock")
        client = TestClient(create_app(svc, admin_token=None))
        body: Mapping[str, Any] = {
            "lines": [{"sku": "TEE", "quantity": 1}, {"sku": "CAP", "quantity": 2}],
            "email": "bench@example.com",
        }
        for _ in range(10):
            client.post("/api/checkout", json=body)
        ours, stripe_calls, totals = [], [], []
        for _ in range(requests):
            started = time.perf_counter()
            response = client.post("/api/checkout", json=body)
            total = time.perf_counter() - started
            assert response.status_code == 201, response.text
            ours.append(total - gateway.last_call_seconds)
            stripe_calls.append(gateway.last_call_seconds)
            totals.append(total)
    ordered = sorted(ours)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return [
        f"{statistics.median(ours) * 1000:.1f}",
        f"{p95 * 1000:.1f}",
        f"{statistics.median(stripe_calls) * 1000:.1f}",
        f"{statistics.median(totals) * 1000:.1f}",
    ]


if __name__ == "__main__":
    main()
