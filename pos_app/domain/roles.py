"""Roles and what each may do. Services check these; screens only hide what a role cannot use."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pos_app.errors import PermissionDenied, ValidationError


class Role(StrEnum):
    ADMIN = "admin"
    CASHIER = "cashier"
    STOCK_MANAGER = "stock_manager"
    ACCOUNTANT = "accountant"


class Permission(StrEnum):
    VIEW_STOCK = "view stock"
    MANAGE_CATALOGUE = "manage the catalogue"
    ADJUST_STOCK = "receive or adjust stock"
    SELL = "sell at the counter"
    VIEW_ACCOUNTS = "read invoices and reports"
    ISSUE_INVOICES = "issue invoices"
    CREDIT_INVOICES = "issue credit notes"
    MANAGE_USERS = "manage users"
    MANAGE_SETTINGS = "change the shop settings"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.STOCK_MANAGER: frozenset({Permission.VIEW_STOCK, Permission.MANAGE_CATALOGUE, Permission.ADJUST_STOCK}),
    Role.CASHIER: frozenset({Permission.VIEW_STOCK, Permission.SELL, Permission.ISSUE_INVOICES}),
    Role.ACCOUNTANT: frozenset(
        {Permission.VIEW_STOCK, Permission.VIEW_ACCOUNTS, Permission.ISSUE_INVOICES, Permission.CREDIT_INVOICES}
    ),
}

# The largest discount (line or ticket, in percent) each role may give at the counter.
MAX_DISCOUNT_PERCENT: dict[Role, int] = {
    Role.ADMIN: 100,
    Role.CASHIER: 10,
    Role.STOCK_MANAGER: 0,
    Role.ACCOUNTANT: 0,
}

ROLE_LABELS = {
    Role.ADMIN: "Admin",
    Role.CASHIER: "Cashier",
    Role.STOCK_MANAGER: "Stock manager",
    Role.ACCOUNTANT: "Accountant",
}


@dataclass(frozen=True)
class Actor:
    """A logged-in user, as the services see them."""

    user_id: int | None
    username: str
    role: Role

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            raise PermissionDenied(
                f"{self.username} ({ROLE_LABELS[self.role]}) may not {permission}. Ask a user whose role allows it."
            )


def parse_role(value: object) -> Role:
    try:
        return Role(str(value))
    except ValueError:
        names = ", ".join(r.value for r in Role)
        raise ValidationError(f"Unknown role '{value}': use one of {names}.", field="role") from None
