"""Where things are and how long holds last: read from the environment, with defaults for one machine."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "pos-app"
DEFAULT_RESERVATION_MINUTES = 15


def data_dir() -> Path:
    """The user-data folder of the app (POS_DATA_DIR overrides it), created on demand."""
    folder = Path(os.environ.get("POS_DATA_DIR") or user_data_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def database_url(explicit: str | None = None) -> str:
    """The database to use: the argument, else POS_DATABASE_URL, else the embedded SQLite file."""
    if explicit:
        return explicit
    from_env = os.environ.get("POS_DATABASE_URL")
    if from_env:
        return from_env
    return f"sqlite:///{data_dir() / 'pos.db'}"


def reservation_minutes() -> int:
    raw = os.environ.get("POS_RESERVATION_MINUTES")
    return int(raw) if raw else DEFAULT_RESERVATION_MINUTES
