"""The Stripe keys an admin keeps on this machine: masked when shown, checked when given, used by payments
unless the environment gives its own."""

import uuid

import pytest

from pos_app.domain.roles import Actor, Role
from pos_app.errors import PermissionDenied, ValidationError
from pos_app.machine_secrets import MachineSecrets
from pos_app.payments.gateway import PaymentNotConfigured
from pos_app.payments.stripe_gateway import StripeGateway
from pos_app.services.payment_keys import PaymentKeysService
from tests.payments.helpers import WEBHOOK_SECRET

ADMIN = Actor(1, "admin", Role.ADMIN)
API_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc4242"


@pytest.fixture
def secrets(tmp_path):
    return MachineSecrets(tmp_path / "secrets.json")


def test_keys_kept_here_are_shown_masked_only(secrets):
    keys = PaymentKeysService(secrets, environ={})

    view = keys.set_payment_keys(ADMIN, API_KEY, WEBHOOK_SECRET)

    assert (view.api_key_masked, view.api_key_set, view.webhook_secret_set) == ("sk_test_…4242", True, True)
    assert WEBHOOK_SECRET not in view.webhook_secret_masked and view.webhook_secret_masked.startswith("whsec_…")
    assert (view.api_base, view.from_environment) == ("https://api.stripe.com", False)
    assert secrets.get("stripe_api_key") == API_KEY


def test_none_keeps_a_key_and_an_empty_one_removes_it(secrets):
    keys = PaymentKeysService(secrets, environ={})
    keys.set_payment_keys(ADMIN, API_KEY, WEBHOOK_SECRET)

    view = keys.set_payment_keys(ADMIN, None, "")

    assert (view.api_key_set, view.webhook_secret_set) == (True, False)


def test_the_environment_s_keys_win_and_are_shown_as_such(secrets):
    secrets.set("stripe_api_key", API_KEY)
    environ = {"STRIPE_API_KEY": "sk_live_fromtheenvironment9999", "STRIPE_API_BASE": "http://127.0.0.1:8420"}

    view = PaymentKeysService(secrets, environ=environ).payment_keys()

    assert (view.api_key_masked, view.from_environment, view.api_base) == (
        "sk_live_…9999",
        True,
        "http://127.0.0.1:8420",
    )


@pytest.mark.parametrize(
    ("api_key", "webhook_secret", "field", "message"),
    [
        ("pk_test_abcdefghijklmnop", None, "api_key", "publishable key"),
        ("whsec_abcdefghijklmnop", None, "api_key", "not the secret key"),
        ("sk_test_with space", None, "api_key", "not the secret key"),
        (None, "sk_test_abcdefghijklmnop", "webhook_secret", "not the webhook signing secret"),
    ],
)
def test_a_key_of_the_wrong_kind_is_refused_and_nothing_changes(secrets, api_key, webhook_secret, field, message):
    keys = PaymentKeysService(secrets, environ={})
    before = keys.set_payment_keys(ADMIN, API_KEY, WEBHOOK_SECRET)

    with pytest.raises(ValidationError, match=message) as refused:
        keys.set_payment_keys(ADMIN, api_key, webhook_secret)

    assert refused.value.field == field
    assert keys.payment_keys() == before


@pytest.mark.parametrize("role", [Role.CASHIER, Role.ACCOUNTANT, Role.STOCK_MANAGER])
def test_only_an_admin_keeps_payment_keys(secrets, role):
    with pytest.raises(PermissionDenied):
        PaymentKeysService(secrets, environ={}).set_payment_keys(Actor(2, "someone", role), API_KEY, WEBHOOK_SECRET)

    assert secrets.get("stripe_api_key") is None


def test_payments_use_the_keys_an_admin_kept_when_the_environment_has_none(
    services, admin, localstripe_server, monkeypatch
):
    monkeypatch.delenv("STRIPE_API_KEY", raising=False)
    monkeypatch.delenv("STRIPE_WEBHOOK_SECRET", raising=False)
    monkeypatch.setenv("STRIPE_API_BASE", localstripe_server.api_base)

    services.payment_keys.set_payment_keys(admin, localstripe_server.api_key, WEBHOOK_SECRET)

    intent = services.payments.gateway.create_intent(
        amount=1990, currency="EUR", metadata={"reservation_id": "res-1"}, idempotency_key=uuid.uuid4().hex
    )
    assert services.payments.gateway.retrieve_intent(intent.id).status == "requires_payment_method"


def test_without_keys_anywhere_payments_say_where_to_enter_them(secrets):
    with pytest.raises(PaymentNotConfigured, match=r"STRIPE_API_KEY is not set.*an admin enters it in Settings"):
        StripeGateway.from_environment({}, secrets=secrets)
