"""The HTTP API of the online shop and Stripe's webhook, over the same services as the desktop app.

Handlers are thin: parse (pydantic), call one service, shape the answer. Errors map to JSON in errors.py.
Service calls block (database, Stripe), so handlers are plain functions that FastAPI runs in its thread pool.
"""

# No `from __future__ import annotations`: FastAPI reads the handlers' annotations, which name local objects.
import asyncio
import contextlib
import hmac
import logging
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from pos_app import __version__
from pos_app.api.bookings import include_bookings
from pos_app.api.errors import ApiError, install_error_handlers
from pos_app.api.schemas import (
    NO_SPACES_OR_CONTROLS,
    CheckoutRequest,
    CheckoutResponse,
    CleanupResult,
    ErrorBody,
    Health,
    InsufficientStockBody,
    InvalidRequestBody,
    OrderOut,
    ProductOut,
    ReservationStatsOut,
    WebhookReceipt,
)
from pos_app.errors import NotFound
from pos_app.services import Services

logger = logging.getLogger("pos_app.api")

MAX_WEBHOOK_BYTES = 1024 * 1024  # Stripe's events are a few kilobytes
ADMIN_TOKEN_VARIABLE = "POS_ADMIN_API_TOKEN"
STRIPE_EVENT = {"type": "object", "description": "A Stripe event, byte for byte as Stripe signed it."}

INVALID = {422: {"model": InvalidRequestBody, "description": "The request is malformed; `details` names each field."}}
NOT_FOUND = {404: {"model": ErrorBody, "description": "Nothing has this identifier."}}
PAYMENT_DOWN = {503: {"model": ErrorBody, "description": "Stripe is unreachable or not configured."}}
ADMIN_REFUSED = {
    401: {"model": ErrorBody, "description": "The Bearer token is missing or wrong."},
    403: {"model": ErrorBody, "description": f"{ADMIN_TOKEN_VARIABLE} is not set on the server."},
}


def create_app(services: Services, *, admin_token: str | None, cleanup_every_seconds: float | None = None) -> FastAPI:
    """The API over `services`. Admin endpoints need `Authorization: Bearer <admin_token>`; they are refused
    while no token is set. With `cleanup_every_seconds`, expired holds are released in the background."""
    app = FastAPI(
        title="pos-app web-shop API",
        version=__version__,
        description="Stock, checkout and Stripe payments for the shop's website. Errors are JSON "
        "{error, message}; amounts are decimal strings in the shop's currency.",
        lifespan=_periodic_cleanup(services, cleanup_every_seconds),
    )
    install_error_handlers(app)
    require_admin = _admin_guard(admin_token)

    @app.get("/health", response_model=Health, responses={503: {"model": Health}}, tags=["health"])
    def health() -> Any:
        """Whether the server can reach its database."""
        try:
            services.settings.current()
        except Exception:  # whatever the cause, the answer is "not healthy"; the cause goes to the log
            logger.exception("Health check: the database cannot be reached")
            body = Health(status="unavailable", message="The database cannot be reached; see the server's log.")
            return JSONResponse(status_code=503, content=body.model_dump(mode="json"))
        return Health(status="ok")

    @app.get("/api/products/{sku:path}", response_model=ProductOut, responses={**NOT_FOUND, **INVALID}, tags=["shop"])
    def product(
        sku: Annotated[str, Path(min_length=1, max_length=64, pattern=NO_SPACES_OR_CONTROLS)],
    ) -> ProductOut:
        """Price and stock of one SKU: on hand, reserved by running checkouts, and available."""
        row = services.inventory.find_by_barcode(sku)
        if row.sku != sku:  # found by barcode: this endpoint answers for SKU codes only
            raise NotFound(f"No product has the SKU '{sku}'. Check the code.")
        return ProductOut.of(row, services.settings.cached().currency.code)

    @app.post(
        "/api/checkout",
        status_code=201,
        response_model=CheckoutResponse,
        responses={
            **NOT_FOUND,
            409: {"model": InsufficientStockBody, "description": "Some lines are short; `details` lists them all."},
            **INVALID,
            **PAYMENT_DOWN,
        },
        tags=["shop"],
    )
    def checkout(order: CheckoutRequest) -> CheckoutResponse:
        """Hold the lines' stock for the customer and open a Stripe payment for them.

        Pay with `client_secret` in Stripe.js before `expires_at`; the order becomes a sale when Stripe reports
        the payment. Nothing is held when the answer is not 201."""
        lines = [(line.sku, line.quantity) for line in order.lines]
        return CheckoutResponse.of(services.payments.checkout(lines, order.email))

    @app.post(
        "/api/checkout/{reservation_id}/cancel",
        response_model=OrderOut,
        responses={
            **NOT_FOUND,
            409: {"model": ErrorBody, "description": "The order is paid: it can only be refunded."},
            **INVALID,
        },
        tags=["shop"],
    )
    def cancel_checkout(reservation_id: uuid.UUID) -> OrderOut:
        """The customer gave up: release the stock and cancel the payment. Cancelling twice is harmless."""
        return OrderOut.of(services.payments.cancel(str(reservation_id)))

    @app.post(
        "/api/webhooks/stripe",
        response_model=WebhookReceipt,
        responses={
            400: {"model": ErrorBody, "description": "The signature does not verify: nothing was written."},
            413: {"model": ErrorBody, "description": "The body is larger than any Stripe event."},
            **PAYMENT_DOWN,
        },
        openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": STRIPE_EVENT}}}},
        tags=["stripe"],
    )
    async def stripe_webhook(
        request: Request, stripe_signature: Annotated[str | None, Header()] = None
    ) -> WebhookReceipt:
        """Stripe's events, signed with STRIPE_WEBHOOK_SECRET. The same event delivered again changes nothing."""
        payload = await _read_body(request, MAX_WEBHOOK_BYTES)
        outcome = await run_in_threadpool(services.payments.handle_webhook, payload, stripe_signature)
        return WebhookReceipt.of(outcome)

    @app.post(
        "/api/admin/reservations/cleanup",
        response_model=CleanupResult,
        responses=ADMIN_REFUSED,
        dependencies=[Depends(require_admin)],
        tags=["admin"],
    )
    def cleanup_reservations() -> CleanupResult:
        """Release the holds whose time ran out and cancel their payments. Safe to run at any time."""
        return CleanupResult(released=services.payments.expire_due())

    @app.get(
        "/api/admin/reservations",
        response_model=ReservationStatsOut,
        responses={**ADMIN_REFUSED, **INVALID},
        dependencies=[Depends(require_admin)],
        tags=["admin"],
    )
    def reservation_stats(limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> ReservationStatsOut:
        """Running holds, holds that ran out but were not cleaned up, recent outcomes, and the open holds."""
        return ReservationStatsOut.of(services.reservations.stats(limit=limit))

    include_bookings(app, services)
    return app


def _admin_guard(admin_token: str | None) -> Callable[..., None]:
    expected = admin_token.encode() if admin_token else None
    bearer = HTTPBearer(auto_error=False, description=f"The value of {ADMIN_TOKEN_VARIABLE} on the server.")

    def require_admin(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
        if expected is None:
            raise ApiError(
                403,
                "admin_api_disabled",
                f"The admin API is disabled: {ADMIN_TOKEN_VARIABLE} is not configured on the server. "
                "Set it to a long random secret and restart `pos-app serve`.",
            )
        # Bytes, so that a token with characters outside ASCII is simply wrong instead of a TypeError.
        if credentials is None or not hmac.compare_digest(credentials.credentials.encode(), expected):
            raise ApiError(
                401,
                "unauthorized",
                f"Send the admin token as 'Authorization: Bearer <{ADMIN_TOKEN_VARIABLE}>'.",
                headers={"WWW-Authenticate": "Bearer"},
            )

    return require_admin


async def _read_body(request: Request, limit: int) -> bytes:
    """The raw body, exactly as sent (its signature covers these bytes), refusing more than `limit` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise _too_large(limit)
    return bytes(body)


def _too_large(limit: int) -> ApiError:
    return ApiError(413, "payload_too_large", f"The body is larger than {limit // 1024} KiB: it is not a Stripe event.")


def _periodic_cleanup(
    services: Services, every_seconds: float | None
) -> Callable[[FastAPI], contextlib.AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if not every_seconds:
            yield
            return
        stop = asyncio.Event()
        task = asyncio.create_task(_cleanup_until(stop, services, every_seconds))
        try:
            yield
        finally:
            # Not task.cancel(): a run cut short would leave released holds with their payments still open.
            stop.set()
            await task

    return lifespan


async def _cleanup_until(stop: asyncio.Event, services: Services, every_seconds: float) -> None:
    """Expired holds stop counting by themselves; this releases them and cancels their payments, so that a
    customer cannot pay for a hold that ran out."""
    while True:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=every_seconds)
        if stop.is_set():
            return
        try:
            released = await run_in_threadpool(services.payments.expire_due)
        except Exception:  # a failed run must not stop the next ones; the database may be back by then
            logger.exception("Releasing expired reservations failed; retrying in %s s", every_seconds)
        else:
            if released:
                logger.info("Released %d expired reservation(s)", released)
