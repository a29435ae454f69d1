"""What to tell a person when an action failed."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from pos_app.errors import PosError

UNEXPECTED_ERROR = QT_TRANSLATE_NOOP(
    "ErrorText",
    "Something went wrong and the action did not finish. Try again; if it keeps happening, "
    "ask for help (the details are in the log).",
)


def plain_message(error: BaseException) -> str:
    """The service's own message for the errors it raises on purpose; a calm general one otherwise."""
    if isinstance(error, PosError):
        return str(error)
    return QCoreApplication.translate("ErrorText", UNEXPECTED_ERROR)
