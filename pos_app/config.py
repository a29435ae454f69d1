"""Where things are and how long holds last: read from the environment, with defaults for one machine."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "pos-app"
DEFAULT_RESERVATION_MINUTES = 15
MAX_RESERVATION_MINUTES = 24 * 60


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


def secrets_file() -> Path:
    """The file of this machine's secrets (SMTP password, Stripe keys): POS_SECRETS_FILE, else secrets.json in
    the user-data folder. Never in the shared database."""
    configured = os.environ.get("POS_SECRETS_FILE", "").strip()
    return Path(configured).expanduser().absolute() if configured else data_dir() / "secrets.json"


def reservation_minutes_override() -> int | None:
    """POS_RESERVATION_MINUTES when it is set: it wins over the shop's setting, for the programs started with it
    (the online shop's server, say). None when it is not set: the admin's setting applies."""
    raw = os.environ.get("POS_RESERVATION_MINUTES", "").strip()
    return int(raw) if raw else None
