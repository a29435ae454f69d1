"""Fixtures: a fresh database per test on each backend, a controllable clock, and users of each role."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import stripe
from sqlalchemy import create_engine, text

from pos_app.domain.roles import Actor, Role
from pos_app.payments.stripe_gateway import StripeGateway
from pos_app.services import Services, open_services
from tests.mail.smtp_server import SmtpServer, smtp_server_running
from tests.payments.helpers import WEBHOOK_SECRET
from testsupport import localstripe, postgres

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The journal's private key lives outside the database; the tests keep theirs in a throwaway folder.
os.environ.setdefault("POS_JOURNAL_KEY_FILE", str(Path(tempfile.mkdtemp(prefix="pos-test-keys-")) / "journal.pem"))

BACKENDS = [b.strip() for b in os.environ.get("POS_TEST_BACKENDS", "sqlite,postgresql").split(",") if b.strip()]
TEMPLATE_DB = "pos_template"
PASSWORDS = {
    "admin": "admin-password",
    "stock": "stock-password",
    "cashier": "cashier-password",
    "accountant": "accountant-password",
}
ROLES = {"admin": Role.ADMIN, "stock": Role.STOCK_MANAGER, "cashier": Role.CASHIER, "accountant": Role.ACCOUNTANT}


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def _seed_users(svc: Services) -> None:
    admin = svc.auth.bootstrap_admin("admin", PASSWORDS["admin"])
    for name, role in ROLES.items():
        if name != "admin":
            svc.auth.create_user(admin, name, PASSWORDS[name], role.value)


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    given = os.environ.get("POS_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    server = postgres.start()
    try:
        yield server.admin_url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "pos.db"
    svc = open_services(f"sqlite:///{path}")
    _seed_users(svc)
    svc.close()
    return path


@pytest.fixture(scope="session")
def postgres_template(postgres_admin_url: str) -> str:
    admin_engine = create_engine(postgres_admin_url, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {TEMPLATE_DB} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {TEMPLATE_DB}"))
    admin_engine.dispose()
    url = postgres_admin_url.rsplit("/", 1)[0] + f"/{TEMPLATE_DB}"
    svc = open_services(url)
    _seed_users(svc)
    svc.close()
    return TEMPLATE_DB


def fresh_database(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[str]:
    if backend == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        target = tmp_path / "pos.db"
        shutil.copyfile(template, target)
        yield f"sqlite:///{target}"
        return
    template_name: str = request.getfixturevalue("postgres_template")
    yield from _throwaway_postgres_database(request, "pos_test", f"TEMPLATE {template_name}")


def _throwaway_postgres_database(request: pytest.FixtureRequest, prefix: str, options: str = "") -> Iterator[str]:
    """A new database on the test server, dropped afterwards."""
    admin_url: str = request.getfixturevalue("postgres_admin_url")
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin_engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} {options}"))
    try:
        yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin_engine.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin_engine.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, migrated database with one user per role, on each backend in turn."""
    yield from fresh_database(request, request.param, tmp_path)


@pytest.fixture(params=BACKENDS)
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with no tables at all, on each backend in turn."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    yield from _throwaway_postgres_database(request, "pos_empty")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 22, 9, 0, tzinfo=UTC))


@pytest.fixture
def services(database_url: str, clock: FakeClock) -> Iterator[Services]:
    svc = open_services(database_url, clock=clock)
    try:
        yield svc
    finally:
        svc.close()


def _actor(svc: Services, name: str) -> Actor:
    return svc.auth.login(name, PASSWORDS[name])


@pytest.fixture
def admin(services: Services) -> Actor:
    return _actor(services, "admin")


@pytest.fixture
def stock_manager(services: Services) -> Actor:
    return _actor(services, "stock")


@pytest.fixture
def cashier(services: Services) -> Actor:
    return _actor(services, "cashier")


@pytest.fixture
def accountant(services: Services) -> Actor:
    return _actor(services, "accountant")


@pytest.fixture(scope="session")
def localstripe_server() -> Iterator[localstripe.LocalStripe]:
    server = localstripe.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def gateway(localstripe_server: localstripe.LocalStripe) -> StripeGateway:
    return StripeGateway(localstripe_server.api_key, WEBHOOK_SECRET, api_base=localstripe_server.api_base)


@pytest.fixture
def shopper(localstripe_server: localstripe.LocalStripe) -> stripe.StripeClient:
    """The customer's side (Stripe.js in the browser), and what a person checks in the Stripe dashboard."""
    return stripe.StripeClient(localstripe_server.api_key, base_addresses={"api": localstripe_server.api_base})


# This machine's secrets (SMTP password, Stripe keys) go to a throwaway file per test, never the user's own.
SECRETS_FOLDER = Path(tempfile.mkdtemp(prefix="pos-test-secrets-"))
os.environ.setdefault("POS_SECRETS_FILE", str(SECRETS_FOLDER / "session.json"))


@pytest.fixture(autouse=True)
def machine_secrets_file(monkeypatch: pytest.MonkeyPatch) -> Path:
    """The secrets file of this test alone (POS_SECRETS_FILE): what one test keeps, the next does not see."""
    path = SECRETS_FOLDER / f"{uuid.uuid4().hex}.json"
    monkeypatch.setenv("POS_SECRETS_FILE", str(path))
    return path


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """A real SMTP server on loopback for the test: (host, port, messages), the messages parsed with
    email.message_from_bytes as they arrive. It refuses recipients at @refused.example (550)."""
    with smtp_server_running() as server:
        yield server
