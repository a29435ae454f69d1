"""Every failure answers JSON {error, message}: the services' typed errors map to status codes here, once,
so that handlers only parse, call a service and shape the answer. Never a traceback, never a 500 for bad input."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from pos_app.api.schemas import ErrorBody, FieldProblem, InsufficientStockBody, InvalidRequestBody, ShortLine
from pos_app.errors import (
    AuthError,
    Conflict,
    InsufficientStock,
    NotFound,
    PaymentUnavailable,
    PermissionDenied,
    PosError,
    ReservationExpired,
    ValidationError,
)
from pos_app.payments.gateway import PaymentProviderError, SignatureError

logger = logging.getLogger("pos_app.api")

PAYMENT_UNAVAILABLE_MESSAGE = (
    "Online payment is unavailable right now; nothing was charged and no stock is held. Try again in a moment."
)
INTERNAL_ERROR_MESSAGE = (
    "The server failed to handle this request; the error is in its log. Try again, and tell the shop if it persists."
)


class ApiError(Exception):
    """A refusal decided by the HTTP layer itself (authentication, body size), not by a service."""

    def __init__(self, status_code: int, error: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.error = error
        self.message = message
        self.headers = headers


# (error type, status, code), most specific first: the first match wins.
POS_ERRORS: Sequence[tuple[type[PosError], int, str]] = (
    (NotFound, 404, "not_found"),
    (ReservationExpired, 409, "reservation_expired"),
    (Conflict, 409, "conflict"),
    (ValidationError, 422, "invalid_request"),
    (PaymentUnavailable, 503, "payment_unavailable"),
    (PermissionDenied, 403, "forbidden"),
    (AuthError, 401, "unauthorized"),
)


def error_response(status_code: int, body: ErrorBody, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(status_code=status_code, content=body.model_dump(mode="json"), headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(InsufficientStock, _insufficient_stock)
    app.add_exception_handler(PosError, _pos_error)
    app.add_exception_handler(SignatureError, _bad_signature)
    app.add_exception_handler(PaymentProviderError, _provider_error)
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)


async def _insufficient_stock(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, InsufficientStock)
    body = InsufficientStockBody(message=str(error), details=[ShortLine.of(short) for short in error.shortfalls])
    return error_response(409, body)


async def _pos_error(_request: Request, error: Exception) -> JSONResponse:
    for error_type, status_code, code in POS_ERRORS:
        if isinstance(error, error_type):
            if isinstance(error, ValidationError):
                details = [FieldProblem(field=error.field, problem=str(error))] if error.field else []
                return error_response(422, InvalidRequestBody(message=str(error), details=details))
            return error_response(status_code, ErrorBody(error=code, message=str(error)))
    return error_response(400, ErrorBody(error="refused", message=str(error)))


async def _bad_signature(_request: Request, error: Exception) -> JSONResponse:
    logger.warning("Refused a Stripe webhook: %s", error)
    return error_response(400, ErrorBody(error="invalid_signature", message=str(error)))


async def _provider_error(_request: Request, error: Exception) -> JSONResponse:
    # Also what Stripe gets when a webhook cannot be applied now: a 5xx makes it deliver the event again later.
    logger.warning("Payment provider unavailable: %s", error)
    message = str(error) if isinstance(error, PaymentProviderError) and not error.retryable else ""
    return error_response(
        503, ErrorBody(error="payment_unavailable", message=f"{PAYMENT_UNAVAILABLE_MESSAGE} {message}".strip())
    )


async def _api_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ApiError)
    return error_response(error.status_code, ErrorBody(error=error.error, message=error.message), error.headers)


async def _invalid_request(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    details = [_field_problem(problem) for problem in error.errors()]
    summary = "; ".join(f"{d.field}: {d.problem}" for d in details[:10])
    more = f" (and {len(details) - 10} more)" if len(details) > 10 else ""
    body = InvalidRequestBody(message=f"The request was not accepted. Fix: {summary}{more}.", details=details)
    return error_response(422, body)


async def _http_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    if error.status_code == 400:  # FastAPI's answer to a body it cannot decode (not UTF-8...): bad input as well
        problem = FieldProblem(field="body", problem="cannot be read: send JSON text in UTF-8")
        return error_response(422, InvalidRequestBody(message="The request body cannot be read.", details=[problem]))
    if error.status_code == 404:
        body = ErrorBody(error="not_found", message="There is no such endpoint; the API is described at /docs.")
    elif error.status_code == 405:
        body = ErrorBody(error="method_not_allowed", message="This endpoint does not take this method; see /docs.")
    else:
        body = ErrorBody(error=f"http_{error.status_code}", message=str(error.detail))
    return error_response(error.status_code, body, getattr(error, "headers", None))


async def _unexpected(request: Request, error: Exception) -> JSONResponse:
    logger.error("Unexpected error on %s %s", request.method, request.url.path, exc_info=error)
    return error_response(500, ErrorBody(error="internal_error", message=INTERNAL_ERROR_MESSAGE))


def _field_problem(problem: dict[str, Any]) -> FieldProblem:
    location = [part for part in problem.get("loc", ()) if part not in ("body", "path", "query", "header")]
    kind = problem.get("type", "")
    if kind == "json_invalid":
        return FieldProblem(field="body", problem="is not valid JSON (check quotes, commas and brackets)")
    if kind == "model_attributes_type":
        where = _dotted(location) or "body"
        return FieldProblem(field=where, problem="must be a JSON object")
    if kind == "string_pattern_mismatch":
        return FieldProblem(field=_dotted(location), problem="cannot contain spaces or control characters")
    message = str(problem.get("msg", "is not valid")).removeprefix("Value error, ")
    return FieldProblem(field=_dotted(location) or "body", problem=message)


def _dotted(location: Sequence[object]) -> str:
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
