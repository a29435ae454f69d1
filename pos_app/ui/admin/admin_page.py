"""The admin's page: one tab per part of the shop's setup."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from pos_app.domain.roles import Actor, Permission
from pos_app.services import Services
from pos_app.ui.admin.invoicing_panel import InvoicingPanel
from pos_app.ui.admin.mail_panel import MailPanel
from pos_app.ui.admin.online_shop_panel import OnlineShopPanel
from pos_app.ui.admin.panel import AdminPanel
from pos_app.ui.admin.printer_panel import PrinterPanel
from pos_app.ui.admin.registers_panel import RegistersPanel
from pos_app.ui.admin.shop_panel import ShopPanel
from pos_app.ui.admin.taxes_panel import TaxesPanel
from pos_app.ui.admin.users_panel import UsersPanel
from pos_app.ui.widgets.labels import page_title

TITLE = QT_TRANSLATE_NOOP("Pages", "Admin")
TABS: tuple[tuple[str, Callable[[Services, Actor], AdminPanel]], ...] = (
    (QT_TRANSLATE_NOOP("AdminPage", "&Users"), UsersPanel),
    (QT_TRANSLATE_NOOP("AdminPage", "&Registers"), RegistersPanel),
    (QT_TRANSLATE_NOOP("AdminPage", "S&hop"), ShopPanel),
    (QT_TRANSLATE_NOOP("AdminPage", "&Taxes"), TaxesPanel),
    (QT_TRANSLATE_NOOP("AdminPage", "In&voices"), InvoicingPanel),
    (QT_TRANSLATE_NOOP("AdminPage", "&Printer"), PrinterPanel),
    (QT_TRANSLATE_NOOP("AdminPage", "&Email"), MailPanel),
    (QT_TRANSLATE_NOOP("AdminPage", "&Online shop"), OnlineShopPanel),
)


def may_administer(actor: Actor) -> bool:
    """Only a role that manages both users and settings (the admin) gets the page."""
    return actor.can(Permission.MANAGE_USERS) and actor.can(Permission.MANAGE_SETTINGS)


class AdminPage(QWidget):
    """Each tab loads when first shown; Ctrl+Tab and Alt with a tab's underlined letter move between them."""

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adminPage")
        self.tabs = QTabWidget(objectName="adminTabs")
        self.tabs.setDocumentMode(True)
        self.panels: dict[str, AdminPanel] = {}
        for title, make in TABS:
            panel = make(services, actor)
            self.panels[panel.objectName()] = panel
            self.tabs.addTab(panel, QCoreApplication.translate("AdminPage", title))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addWidget(page_title(QCoreApplication.translate("Pages", TITLE)))
        layout.addWidget(self.tabs, stretch=1)

    def panel(self, object_name: str) -> AdminPanel:
        return self.panels[object_name]

    def show_panel(self, object_name: str) -> AdminPanel:
        panel = self.panels[object_name]
        self.tabs.setCurrentWidget(panel)
        return panel
