"""The main window: who is logged in, and the stock page."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from pos_app.domain.roles import ROLE_LABELS, Actor
from pos_app.services import Services
from pos_app.ui.stock.stock_page import StockPage

DEFAULT_SIZE = (1200, 750)


def session_text(actor: Actor) -> str:
    return f"Logged in as {actor.username} · {ROLE_LABELS[actor.role]}"


class MainWindow(QMainWindow):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Stock")  # the application display name is appended by Qt
        self.resize(*DEFAULT_SIZE)
        self.actor = actor
        self.stock_page = StockPage(services)
        self.setCentralWidget(self.stock_page)
        user = QLabel(session_text(actor), objectName="currentUser")
        user.setContentsMargins(18, 2, 12, 2)  # lines up with the page's left edge
        self.statusBar().addWidget(user)
        self.statusBar().setSizeGripEnabled(False)
