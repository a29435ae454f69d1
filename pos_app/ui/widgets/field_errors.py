"""What a service refused, shown next to the field it names, the rest above the form's buttons."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pos_app.errors import Conflict, InvalidFields, ValidationError
from pos_app.ui.error_text import plain_message
from pos_app.ui.widgets.labels import error_label


@dataclass(frozen=True)
class _Place:
    label: QLabel
    widget: QWidget


def with_error_below(field: QWidget, error: QLabel) -> QWidget:
    """A field with its (hidden) error label under it, for a form layout's row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(error)
    return box


class FieldErrors:
    """Error labels by the service's field names ("price", "variants.0.sku", ...); a message for no known
    field goes to `general`. `show` focuses the first field it marks."""

    def __init__(self, general: QLabel) -> None:
        self._general = general
        self._places: dict[str, _Place] = {}

    def place(self, key: str, widget: QWidget, object_name: str) -> QWidget:
        """Register `widget` under `key` and return it with its error label under it."""
        label = error_label(object_name)
        self._places[key] = _Place(label, widget)
        return with_error_below(widget, label)

    def add(self, key: str, widget: QWidget, label: QLabel) -> None:
        self._places[key] = _Place(label, widget)

    def forget(self, prefix: str) -> None:
        """Drop the places whose key starts with `prefix` (rows of a table that were rebuilt)."""
        for key in [k for k in self._places if k.startswith(prefix)]:
            del self._places[key]

    def clear(self) -> None:
        self._general.hide()
        for place in self._places.values():
            place.label.hide()
            place.label.clear()

    def message(self, key: str) -> str | None:
        place = self._places.get(key)
        return place.label.text() if place is not None and not place.label.isHidden() else None

    def show(self, error: Exception) -> None:
        self.clear()
        problems = _problems(error)
        unplaced = []
        first: QWidget | None = None
        for key, text in problems.items():
            place = self._places.get(key)
            if place is None:
                unplaced.append(text)
                continue
            place.label.setText(text)
            place.label.show()
            first = first or place.widget
        if unplaced or not problems:
            self._general.setText("\n".join(unplaced) if unplaced else plain_message(error))
            self._general.show()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_message(self, key: str, text: str) -> None:
        """A problem found before asking the service (a quantity of zero...)."""
        self.clear()
        place = self._places[key]
        place.label.setText(text)
        place.label.show()
        place.widget.setFocus(Qt.FocusReason.OtherFocusReason)


def _problems(error: Exception) -> dict[str, str]:
    if isinstance(error, InvalidFields):
        return dict(error.problems)
    if isinstance(error, ValidationError | Conflict) and error.field:
        return {error.field: str(error)}
    return {}
