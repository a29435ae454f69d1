"""UI fixtures: the shared `services`, plus nothing left running in the background when it closes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pos_app.services import Services
from pos_app.ui.background import wait_for_background


@pytest.fixture
def services(services: Services) -> Iterator[Services]:
    yield services
    assert wait_for_background(10_000), "a background operation was still running when the database closed"
