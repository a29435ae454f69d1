"""Small helpers for service tests: a product factory and a snapshot of everything a user can see."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from pos_app.domain.roles import Actor
from pos_app.services import Services


def make_product(svc: Services, actor: Actor, sku: str = "TEE-M", **fields: Any):
    values: dict[str, Any] = {"name": "T-shirt", "price": Decimal("19.90"), "vat_rate": Decimal("20")}
    values.update(fields)
    return svc.inventory.create_product(actor, sku=sku, **values)


def visible_state(svc: Services) -> tuple[str, int]:
    """The catalogue export and the number of movements: what a user could check for "nothing changed"."""
    out = io.StringIO()
    svc.inventory.export_csv(out)
    return out.getvalue(), len(svc.inventory.history())
