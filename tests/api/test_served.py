"""End to end: `pos-app serve` runs for real (uvicorn on loopback) and localstripe posts its signed webhooks to it.

One server per backend serves every test of this module; each test uses its own SKUs. The test reads the outcome
through the services on the same database, as the desktop app would.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
import stripe

from pos_app.cli import main
from pos_app.payments.stripe_gateway import StripeGateway
from pos_app.services import Services, open_services
from pos_app.services.payments import OrderStatus
from tests.api.helpers import ADMIN_TOKEN, admin_headers, checkout, intent_of, stock, wait_until
from tests.conftest import BACKENDS, FakeClock, fresh_database
from tests.payments.helpers import CARD_THAT_IS_DECLINED, CARD_THAT_PAYS, WEBHOOK_SECRET, pay
from testsupport.localstripe import LocalStripe

START_TIMEOUT_SECONDS = 30.0


def pos_app_command() -> list[str]:
    """The installed `pos-app` script next to this interpreter, else the same entry point through -m."""
    script = Path(sys.executable).with_name("pos-app")
    return [str(script)] if script.exists() else [sys.executable, "-m", "pos_app.cli"]


def server_environment(database_url: str, localstripe: LocalStripe, data_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "POS_DATABASE_URL": database_url,
        "POS_DATA_DIR": str(data_dir),
        "STRIPE_API_KEY": localstripe.api_key,
        "STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "STRIPE_API_BASE": localstripe.api_base,
        "POS_ADMIN_API_TOKEN": ADMIN_TOKEN,
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def log_tail(self) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-30:])


@pytest.fixture(scope="module", params=BACKENDS)
def served_database(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from fresh_database(request, request.param, tmp_path_factory.mktemp("served"))


@pytest.fixture(scope="module")
def server(
    served_database: str, localstripe_server: LocalStripe, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("server")
    port = free_port()
    with open(folder / "server.log", "wb") as log:
        process = subprocess.Popen(
            [*pos_app_command(), "serve", "--port", str(port)],
            env=server_environment(served_database, localstripe_server, folder),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    running = Server(f"http://127.0.0.1:{port}", process, folder / "server.log")
    webhook_id = f"served-{uuid.uuid4().hex[:8]}"
    try:
        wait_until(lambda: _answers(running), START_TIMEOUT_SECONDS, "pos-app serve to answer /health")
        localstripe_server.register_webhook(f"{running.url}/api/webhooks/stripe", WEBHOOK_SECRET, webhook_id=webhook_id)
        yield running
    except AssertionError as error:
        raise AssertionError(f"{error}\n{running.log_tail()}") from error
    finally:
        localstripe_server.unregister_webhook(webhook_id)
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(folder, ignore_errors=True)


def _answers(server: Server) -> bool:
    if server.process.poll() is not None:
        raise AssertionError(f"pos-app serve exited with code {server.process.returncode}")
    try:
        return httpx.get(f"{server.url}/health", timeout=1).status_code == 200
    except httpx.TransportError:
        return False


@pytest.fixture
def web(server: Server) -> Iterator[httpx.Client]:
    """The web shop's back end talking to the API."""
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


@pytest.fixture
def back_office(served_database: str, gateway: StripeGateway) -> Iterator[Services]:
    """The same database through the services, as the desktop app sees it."""
    with open_services(served_database, payment_gateway=gateway) as svc:
        yield svc


def new_sku(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:6].upper()}"


def test_a_customer_who_pays_gets_the_order_and_the_stock_leaves_the_shelf(
    web: httpx.Client, back_office: Services, shopper: stripe.StripeClient
) -> None:
    sku = new_sku("TEE")
    stock(back_office, sku, 5)
    started = checkout(web, (sku, 2))

    pay(shopper, started["payment_intent_id"], CARD_THAT_PAYS)

    wait_until(
        lambda: back_office.payments.order_for_reservation(started["reservation_id"]).status is OrderStatus.PAID,
        what="Stripe's webhook to mark the order paid",
    )
    product = web.get(f"/api/products/{sku}").json()
    assert (product["on_hand"], product["reserved"], product["available"]) == (3, 0, 3)
    assert [m.quantity for m in back_office.inventory.history(sku=sku, kind="sale")] == [-2]


def test_a_declined_card_puts_the_stock_back(
    web: httpx.Client, back_office: Services, shopper: stripe.StripeClient
) -> None:
    sku = new_sku("CAP")
    stock(back_office, sku, 5)
    started = checkout(web, (sku, 2))

    with pytest.raises(stripe.CardError):
        pay(shopper, started["payment_intent_id"], CARD_THAT_IS_DECLINED)

    wait_until(
        lambda: back_office.inventory.level(sku).available == 5,
        what="Stripe's payment_failed webhook to release the hold",
    )
    order = back_office.payments.order_for_reservation(started["reservation_id"])
    assert order.status is OrderStatus.PAYMENT_FAILED
    assert order.note and "declined" in order.note, "Stripe's reason is kept for the staff"


def test_a_cancelled_checkout_puts_the_stock_back_and_shows_in_the_overview(
    web: httpx.Client, back_office: Services, shopper: stripe.StripeClient
) -> None:
    sku = new_sku("BAG")
    stock(back_office, sku, 5)
    started = checkout(web, (sku, 2))

    cancelled = web.post(f"/api/checkout/{started['reservation_id']}/cancel")

    assert (cancelled.status_code, cancelled.json()["status"]) == (200, "cancelled")
    assert back_office.inventory.level(sku).available == 5
    assert intent_of(shopper, started["payment_intent_id"]).status == "canceled"
    overview = web.get("/api/admin/reservations", headers=admin_headers())
    assert overview.status_code == 200, "the server reads POS_ADMIN_API_TOKEN from its environment"
    assert started["reservation_id"] not in [hold["reservation_id"] for hold in overview.json()["holds"]]
    assert overview.json()["released_last_24h"] >= 1


# The maintenance commands, as cron or an operator runs them (in this process: the server above covers the script).


@pytest.fixture
def stripe_environment(localstripe_server: LocalStripe, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRIPE_API_KEY", localstripe_server.api_key)
    monkeypatch.setenv("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET)
    monkeypatch.setenv("STRIPE_API_BASE", localstripe_server.api_base)


@pytest.mark.usefixtures("stripe_environment")
def test_cleanup_reservations_releases_holds_that_ran_out_and_says_how_many(
    database_url: str, gateway: StripeGateway, shopper: stripe.StripeClient, capsys: pytest.CaptureFixture[str]
) -> None:
    an_hour_ago = FakeClock(datetime.now(UTC) - timedelta(hours=1))
    with open_services(database_url, clock=an_hour_ago, payment_gateway=gateway) as svc:
        stock(svc, "TEE-M", 3)
        started = svc.payments.checkout([("TEE-M", 2)], "client@example.com")

    exit_code = main(["--database-url", database_url, "cleanup-reservations"])

    assert exit_code == 0
    assert capsys.readouterr().out.strip() == "Released 1 expired reservation(s)."
    assert intent_of(shopper, started.payment_intent_id).status == "canceled"


@pytest.mark.usefixtures("stripe_environment")
def test_stripe_reconcile_applies_the_payments_the_webhook_missed(
    database_url: str, gateway: StripeGateway, shopper: stripe.StripeClient, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_services(database_url, payment_gateway=gateway) as svc:
        stock(svc, "TEE-M", 3)
        started = svc.payments.checkout([("TEE-M", 2)], "client@example.com")
        pay(shopper, started.payment_intent_id, CARD_THAT_PAYS)  # no webhook points at this database

        exit_code = main(["--database-url", database_url, "stripe", "reconcile", "--hours", "1"])

        assert exit_code == 0
        assert "applied now" in capsys.readouterr().out
        assert svc.payments.order(started.order_id).status is OrderStatus.PAID
        assert svc.inventory.level("TEE-M").on_hand == 1


def test_stripe_reconcile_without_stripe_settings_says_which_one_is_missing(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("STRIPE_API_KEY", raising=False)

    exit_code = main(["--database-url", database_url, "stripe", "reconcile"])

    assert exit_code == 1
    assert "STRIPE_API_KEY is not set" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["serve"], ["cleanup-reservations"], ["stripe", "reconcile"]])
def test_the_online_order_commands_have_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([*command, "--help"])

    assert exited.value.code == 0
    assert "usage: pos-app" in capsys.readouterr().out
