"""The localstripe harness the payment tests and the benchmarks start."""

from __future__ import annotations

import stripe

from testsupport import localstripe
from testsupport.localstripe import LocalStripe


def client_of(server: LocalStripe) -> stripe.StripeClient:
    return stripe.StripeClient(server.api_key, base_addresses={"api": server.api_base}, max_network_retries=0)


def test_flush_forgets_every_object(localstripe_server: LocalStripe) -> None:
    client = client_of(localstripe_server)
    intent = client.v1.payment_intents.create(params={"amount": 500, "currency": "eur"})

    localstripe_server.flush()

    assert localstripe_server.api_base.startswith("http://127.0.0.1:")
    assert client.v1.payment_intents.list().data == []
    try:
        client.v1.payment_intents.retrieve(intent.id)
    except stripe.InvalidRequestError as error:
        assert error.http_status == 404
    else:
        raise AssertionError("the intent survived the flush")


def test_two_servers_keep_their_own_data_and_stop_cleanly(localstripe_server: LocalStripe) -> None:
    with localstripe.start() as other:
        client_of(other).v1.payment_intents.create(params={"amount": 700, "currency": "eur"})
        assert other.api_base != localstripe_server.api_base
        assert [i.amount for i in client_of(other).v1.payment_intents.list().data] == [700]
        assert all(i.amount != 700 for i in client_of(localstripe_server).v1.payment_intents.list().data)

    assert other.process.poll() is not None
    assert not other.folder.exists()
