"""A form whose every field has its own error line under it, where a service's ValidationError lands."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from pos_app.errors import Conflict, ValidationError
from pos_app.ui.error_text import plain_message
from pos_app.ui.widgets.labels import error_label

HINT_STYLE = "color: #6b6b6b;"
ROW_GAP = 6
QWIDGETSIZE_MAX = (1 << 24) - 1  # what Qt calls no width limit


def hint_label(text: str, object_name: str = "") -> QLabel:
    """A grey sentence that explains a field or a section."""
    label = QLabel(text, objectName=object_name)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def _field_alignment(field: QWidget) -> Qt.AlignmentFlag:
    """Text fields without a width limit take the row's width; the others keep their own, on the left."""
    if isinstance(field, QLineEdit | QPlainTextEdit) and field.maximumWidth() >= QWIDGETSIZE_MAX:
        return Qt.AlignmentFlag(0)
    return Qt.AlignmentFlag.AlignLeft


def align_labels(*forms: FieldForm) -> None:
    """Forms one above the other start their fields at the same place."""
    width = max(form.label_width() for form in forms)
    for form in forms:
        form.set_label_width(width)


def field_named_by(error: Exception) -> str | None:
    return error.field if isinstance(error, ValidationError | Conflict) else None


class FieldForm(QWidget):
    """Rows of label and field. `show_error` puts a service's error under the field it names (services name
    fields by keyword or by label, so a row answers to several names)."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        # A grid rather than a QFormLayout: hint and error lines get rows of their own under the field, so
        # wrapped sentences take the height they need and a hidden error line takes none.
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(16)
        self._grid.setVerticalSpacing(3)
        self._grid.setColumnStretch(1, 1)
        self._fields: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._captions: list[QLabel] = []
        self._rows = 0
        self.widgets_in_order: list[QWidget] = []
        self._line_height = QLineEdit().sizeHint().height()

    def add_field(self, label: str, field: QWidget, *names: str, hint: str | QLabel | None = None) -> QLabel:
        """Add a row; `names` are what the services call this field (its keyword first). `hint`, under the
        field, is a sentence or a label the caller keeps to change it. Returns the row's error line."""
        error = error_label(f"{field.objectName()}Error")
        row = self._next_row()
        caption = QLabel(label)
        caption.setBuddy(field)
        caption.setMinimumHeight(self._line_height)  # level with the first line of the field
        self._captions.append(caption)
        self._grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._grid.addWidget(field, row, 1, _field_alignment(field))
        if isinstance(hint, str) and hint:
            hint = hint_label(hint, f"{field.objectName()}Hint")
        if isinstance(hint, QLabel):
            self._grid.addWidget(hint, row + 1, 1)
        self._grid.addWidget(error, row + 2, 1)
        for name in names:
            self._fields[name] = field
            self._errors[name] = error
        self.widgets_in_order.append(field)
        return error

    def add_wide(self, widget: QWidget) -> None:
        """A row under the fields, without a label (a check box)."""
        self._grid.addWidget(widget, self._next_row(), 1)
        self.widgets_in_order.append(widget)

    def label_width(self) -> int:
        return max((caption.sizeHint().width() for caption in self._captions), default=0)

    def set_label_width(self, width: int) -> None:
        self._grid.setColumnMinimumWidth(0, width)

    def _next_row(self) -> int:
        """Each row takes four rows of the grid: the field, its hint, its error line, and a gap to the next."""
        row = self._rows
        self._rows += 4
        self._grid.setRowMinimumHeight(row + 3, ROW_GAP)
        return row

    def field(self, name: str) -> QWidget:
        return self._fields[name]

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.hide()

    def show_field_error(self, name: str, message: str) -> None:
        """Show `message` under the field `name` and put the cursor there."""
        label = self._errors[name]
        label.setText(message)
        label.show()
        field = self._fields[name]
        field.setFocus()
        if isinstance(field, QLineEdit):
            field.selectAll()

    def show_error(self, error: Exception) -> bool:
        """Show the error under the field it names; False when it names none of this form's fields."""
        name = field_named_by(error)
        if name not in self._errors:
            return False
        self.show_field_error(name, plain_message(error))
        return True
