"""Schemathesis reads /openapi.json and throws generated requests, valid and invalid, at every endpoint of the
in-process app: none may end in a server error, and every answer must match what the schema documents."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from pos_app.api import create_app
from pos_app.services import Services
from tests.api.helpers import admin_headers, stock

schemathesis = pytest.importorskip("schemathesis", reason="install the test extras (schemathesis 4.32.5)")

EXAMPLES_PER_OPERATION = 10
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.response_schema_conformance,
]
MODES = (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE)


def test_no_generated_request_makes_the_api_fail_or_answer_off_schema(
    shop: Services, subtests: pytest.Subtests
) -> None:
    stock(shop, "TEE-M", 5)
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(shop, admin_token="fuzz-token"))

    for result in schema.get_all_operations():
        operation = result.ok()
        # Admin endpoints get the right token, so that generated parameters reach the handler.
        headers = admin_headers("fuzz-token") if operation.path.startswith("/api/admin/") else {}
        takes_input = any(len(part) for part in (operation.path_parameters, operation.query, operation.body))
        modes = MODES if takes_input else MODES[:1]
        for mode in modes:
            with subtests.test(f"{operation.label} ({mode.value})"):
                _fuzz(operation.as_strategy(generation_mode=mode), headers)


def _fuzz(strategy: Any, headers: dict[str, str]) -> None:
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def run(case: Any) -> None:
        case.call_and_validate(headers=headers, checks=CHECKS)

    run()
