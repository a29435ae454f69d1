"""Secrets kept on this machine only (the SMTP password, the Stripe keys), never in the shared database.

They live in one JSON object of name -> value in `config.secrets_file()`, readable by its owner only (mode 0600).
Every change writes a new file next to it and renames it into place, so a reader (another window, the HTTP
server) sees the old file or the new one, never half of one.
"""

from __future__ import annotations

import json
import os
import secrets
import threading
from pathlib import Path

from pos_app.errors import PosError

# The secrets of the app, by name.
SMTP_PASSWORD = "smtp_password"
STRIPE_API_KEY = "stripe_api_key"
STRIPE_WEBHOOK_SECRET = "stripe_webhook_secret"

VISIBLE_TAIL = 4
# A secret shorter than this shows no character at all when masked: its tail would give too much of it away.
SHORTEST_WITH_TAIL = 16
LONGEST_PREFIX = 9  # "sk_test_", "rk_live_", "whsec_": the kind of key, which is no secret


class MachineSecretsError(PosError):
    """The secrets file cannot be read or written."""


class MachineSecrets:
    """`get` and `set` secrets by name in one file of this machine."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def get(self, name: str) -> str | None:
        """The secret called `name`, or None when it is not set."""
        return self._read().get(name)

    def set(self, name: str, value: str | None) -> None:
        """Keep `value` as the secret `name`; None (or "") deletes it. Raises MachineSecretsError."""
        if not name:
            raise ValueError("a secret needs a name")
        with self._lock:
            values = self._read()
            if value:
                values[name] = value
            elif values.pop(name, None) is None:
                return
            self._write(values)

    def _read(self) -> dict[str, str]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as error:
            raise MachineSecretsError(
                f"Cannot read this machine's secrets file {self.path}: {error.strerror or error}. "
                "Check that the user running the app may read it, or set POS_SECRETS_FILE to a file it may."
            ) from None
        try:
            values = json.loads(text)
        except json.JSONDecodeError:
            values = None
        if not isinstance(values, dict) or not all(isinstance(v, str) for v in values.values()):
            raise MachineSecretsError(
                f"This machine's secrets file {self.path} is damaged. Delete it, then enter the SMTP password "
                "and the Stripe keys again in Settings."
            )
        return values

    def _write(self, values: dict[str, str]) -> None:
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as file:
                json.dump(values, file, indent=2, sort_keys=True)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, self.path)
        except OSError as error:
            raise MachineSecretsError(
                f"Cannot write this machine's secrets file {self.path}: {error.strerror or error}. "
                "Make its folder writable, or set POS_SECRETS_FILE to a file in a folder that is."
            ) from None
        finally:
            temporary.unlink(missing_ok=True)


def masked(value: str | None) -> str:
    """A secret as a screen may show it: its kind and last characters at most ("sk_test_…4242"), never all of
    it; "" when it is not set."""
    if not value:
        return ""
    cut = value.rfind("_", 0, LONGEST_PREFIX) + 1
    prefix, rest = value[:cut], value[cut:]
    if len(rest) < SHORTEST_WITH_TAIL // 2:
        prefix, rest = "", value
    tail = rest[-VISIBLE_TAIL:] if len(rest) >= SHORTEST_WITH_TAIL else ""
    return f"{prefix}…{tail}" if prefix or tail else "••••••••"
