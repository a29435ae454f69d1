"""Typed errors of the application. Every message says what went wrong and what to do about it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


class PosError(Exception):
    """Base of every error the services raise on purpose."""


class ValidationError(PosError):
    """Input that cannot be accepted. `field` names the offending field when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(PosError):
    """Something named by the caller does not exist."""


class Conflict(PosError):
    """The change would clash with existing data (a duplicate SKU or barcode, a taken username)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class PermissionDenied(PosError):
    """The user's role does not allow this action."""


class AuthError(PosError):
    """Login failed: wrong credentials, inactive account, or too many attempts."""


class LoginThrottled(AuthError):
    """Too many failed logins in a row: the next attempt must wait."""

    def __init__(self, username: str, retry_after_seconds: int) -> None:
        super().__init__(
            f"Too many failed logins for '{username}'. Wait {retry_after_seconds} s before trying again, "
            "or ask an admin to reset the password."
        )
        self.retry_after_seconds = retry_after_seconds


class TillClosed(PosError):
    """No open cash session where the action needs one (or one is already open)."""


class PaymentUnavailable(PosError):
    """Online payments are not configured, or the payment provider cannot be reached."""


@dataclass(frozen=True)
class Shortfall:
    """One line that cannot be served: how many were asked and how many are available."""

    sku: str
    requested: int
    available: int


class ReservationExpired(PosError):
    """The reservation's hold ran out and its stock could not be taken again: `shortfalls` says why."""

    def __init__(self, message: str, shortfalls: Sequence[Shortfall] = ()) -> None:
        super().__init__(message)
        self.shortfalls = tuple(shortfalls)


class InsufficientStock(PosError):
    """Not enough available stock. Lists every short line, not only the first one.

    `sku`, `requested` and `available` describe the first short line for callers that handle one line.
    """

    def __init__(self, shortfalls: Sequence[Shortfall]) -> None:
        if not shortfalls:
            raise ValueError("InsufficientStock needs at least one short line")
        self.shortfalls = tuple(shortfalls)
        first = self.shortfalls[0]
        self.sku = first.sku
        self.requested = first.requested
        self.available = first.available
        super().__init__(
            "Not enough stock: "
            + "; ".join(f"{s.sku}: {s.requested} requested, {s.available} available" for s in self.shortfalls)
            + "."
        )


@dataclass(frozen=True)
class RowError:
    """A problem with one line of an imported file (line numbers count the header as line 1)."""

    line: int
    message: str


class ImportRejected(ValidationError):
    """A file import found bad rows; nothing was imported."""

    def __init__(self, errors: Sequence[RowError]) -> None:
        self.errors = tuple(errors)
        shown = "\n".join(f"line {e.line}: {e.message}" for e in self.errors[:50])
        more = f"\n... and {len(self.errors) - 50} more" if len(self.errors) > 50 else ""
        super().__init__(
            f"Nothing was imported: {len(self.errors)} bad row(s). Fix them and import again.\n{shown}{more}"
        )


class PrinterError(PosError):
    """The receipt printer is not configured, or cannot be reached or written to."""


class MailNotConfigured(PosError):
    """No mail server is set up on this shop: email cannot be sent."""


class MailFailed(PosError):
    """The mail server could not be reached, or refused the message; nothing was sent."""


class SlotFull(Conflict):
    """Every seat of a time slot is taken, by confirmed bookings or by customers paying right now."""

    def __init__(self, slot_id: int, title: str, capacity: int) -> None:
        super().__init__(
            f"'{title}' is full: its {capacity} seat(s) are all booked or being paid for. "
            "Choose another time, or try again in a few minutes in case a payment is abandoned."
        )
        self.slot_id = slot_id
        self.capacity = capacity


class InvalidFields(ValidationError):
    """A form with bad fields: `problems` maps each field to what is wrong with it. Nothing was saved.

    `field` is the first bad field, for callers that show one message."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        if not problems:
            raise ValueError("InvalidFields needs at least one problem")
        self.problems = dict(problems)
        super().__init__(
            "Nothing was saved: " + "; ".join(p.rstrip(".") for p in self.problems.values()) + ".",
            field=next(iter(self.problems)),
        )
