"""An X or Z report on screen, and saved as a PDF."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.documents import formatting
from pos_app.services import Services
from pos_app.services.pos import TillReport
from pos_app.till.pdf import CountedPiece, ShopHeading, ZReportDocument, z_report_pdf
from pos_app.ui.background import BackgroundOp
from pos_app.ui.error_text import plain_message
from pos_app.ui.till.amounts import moment_text, money_text, ui_locale
from pos_app.ui.till.payment_methods import method_name
from pos_app.ui.widgets.labels import error_label, page_title, section_title

NOTE_STYLE = "color: #5c3d00; background: #fff6dc; border: 1px solid #e8c66a; border-radius: 4px; padding: 6px 8px;"
SAVED_STYLE = "color: #1a5e2a;"
VARIANCE_STYLE = "color: #a1261b; font-weight: 600;"
translate = QCoreApplication.translate


@dataclass(frozen=True)
class ReportRow:
    label: str
    value: str
    name: str  # the objectName of the label showing the value


def is_z_report(report: TillReport) -> bool:
    return report.closed_at is not None


def report_title(report: TillReport) -> str:
    kind = translate("TillReport", "Z report") if is_z_report(report) else translate("TillReport", "X report")
    return translate("TillReport", "{kind} · {register} #{session}").format(
        kind=kind, register=report.register, session=report.session_id
    )


def activity_rows(report: TillReport) -> list[ReportRow]:
    cur = report.currency
    return [
        ReportRow(
            translate("TillReport", "Sales"),
            f"{report.sales_count} · {money_text(report.sales_total, cur)}",
            "reportSales",
        ),
        ReportRow(translate("TillReport", "Discounts given"), money_text(report.discounts, cur), "reportDiscounts"),
        ReportRow(
            translate("TillReport", "Refunds"),
            f"{report.refunds_count} · {money_text(report.refunds_total, cur)}",
            "reportRefunds",
        ),
        ReportRow(
            translate("TillReport", "Voided tickets"),
            f"{report.voided_count} · {money_text(report.voided_total, cur)}",
            "reportVoided",
        ),
        ReportRow(
            translate("TillReport", "Drawer openings without a sale"),
            str(report.drawer_openings),
            "reportDrawerOpenings",
        ),
    ]


def method_rows(report: TillReport) -> list[ReportRow]:
    return [
        ReportRow(method_name(method), money_text(amount, report.currency), f"reportMethod_{method}")
        for method, amount in report.by_method.items()
    ]


def vat_rows(report: TillReport) -> list[ReportRow]:
    cur = report.currency
    return [
        ReportRow(
            translate("TillReport", "VAT {rate}").format(rate=formatting.percent(split.rate, ui_locale())),
            translate("TillReport", "{vat} on {net} net").format(
                vat=money_text(split.vat, cur), net=money_text(split.net, cur)
            ),
            f"reportVat_{split.rate.normalize():f}",
        )
        for split in report.vat
    ]


def cash_rows(report: TillReport) -> list[ReportRow]:
    cur = report.currency
    rows = [
        ReportRow(translate("TillReport", "Opening float"), money_text(report.opening_float, cur), "reportFloat"),
        ReportRow(translate("TillReport", "Cash in"), money_text(report.cash_in, cur), "reportCashIn"),
        ReportRow(translate("TillReport", "Cash out"), money_text(-report.cash_out, cur), "reportCashOut"),
    ]
    if report.expected_cash is not None:
        rows.append(
            ReportRow(
                translate("TillReport", "Expected cash"), money_text(report.expected_cash, cur), "reportExpectedCash"
            )
        )
    if report.counted_cash is not None:
        rows.append(
            ReportRow(
                translate("TillReport", "Counted cash"), money_text(report.counted_cash, cur), "reportCountedCash"
            )
        )
    if report.variance is not None:
        rows.append(ReportRow(translate("TillReport", "Variance"), money_text(report.variance, cur), "reportVariance"))
    return rows


def report_document(services: Services, report: TillReport, counted: Sequence[CountedPiece]) -> ZReportDocument:
    """Runs on the worker: the shop's name and document language come from the settings."""
    shop = services.settings.current()
    return ZReportDocument(
        report=report,
        shop=ShopHeading(shop.shop_name, shop.shop_address),
        printed_at=services.clock(),
        language=shop.invoicing.language,
        counted=tuple(counted),
    )


def save_report_pdf(services: Services, report: TillReport, counted: Sequence[CountedPiece], path: Path) -> Path:
    """Runs on the worker: render the PDF and write it where the cashier chose."""
    path.write_bytes(z_report_pdf(report_document(services, report, counted)))
    return path


class ReportView(QWidget):
    """The figures of one report, in sections: activity, takings by method and VAT, cash."""

    def __init__(self, report: TillReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportView")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(36)
        grid.setVerticalSpacing(14)
        grid.addWidget(self._section(self.tr("Activity"), activity_rows(report)), 0, 0)
        grid.addWidget(self._section(self.tr("Cash"), cash_rows(report), report), 0, 1)
        takings = method_rows(report) or [ReportRow(self.tr("Nothing taken yet"), "", "reportNoTakings")]
        grid.addWidget(self._section(self.tr("Takings by payment method"), takings), 1, 0)
        grid.addWidget(self._section(self.tr("VAT"), vat_rows(report) or [ReportRow(self.tr("No sale"), "", "")]), 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

    def _section(self, title: str, rows: list[ReportRow], cash_of: TillReport | None = None) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_title(title, ""))
        form = QFormLayout()
        form.setHorizontalSpacing(24)
        form.setVerticalSpacing(6)
        for row in rows:
            value = QLabel(row.value, objectName=row.name)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if row.name == "reportVariance" and cash_of is not None and cash_of.variance:
                value.setStyleSheet(VARIANCE_STYLE)
            form.addRow(row.label, value)
        layout.addLayout(form)
        if cash_of is not None and cash_of.expected_cash is None:
            note = QLabel(
                self.tr("Blind close: the cash the drawer should hold is not shown to cashiers."),
                objectName="reportBlindNote",
            )
            note.setWordWrap(True)
            note.setStyleSheet(NOTE_STYLE)
            layout.addWidget(note)
        layout.addStretch()
        return box


class ReportDialog(QDialog):
    """Shows an X report (till open) or a Z report (till closed); Ctrl+S saves it as a PDF.

    `counted` is the count by denomination when the report follows the close on this screen: the PDF
    lists it (it is not stored, so a report reopened later has none)."""

    def __init__(
        self,
        services: Services,
        report: TillReport,
        counted: Sequence[CountedPiece] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self._services = services
        self.report = report
        self._counted = tuple(counted)
        self.setWindowTitle(report_title(report))
        self.setMinimumWidth(720)

        self._saved = QLabel(objectName="reportSaved")
        self._saved.setStyleSheet(SAVED_STYLE)
        self._saved.setWordWrap(True)
        self._saved.hide()
        self._error = error_label("reportError")
        self._save = QPushButton(self.tr("Save as PDF…  (Ctrl+S)"), objectName="saveReportPdf")
        self._save.setShortcut(QKeySequence.StandardKey.Save)
        self._save.clicked.connect(self.choose_pdf_path)
        close = QPushButton(self.tr("Close  (Esc)"), objectName="closeReport")
        close.setDefault(True)
        close.clicked.connect(self.accept)

        heading = QLabel(self._heading_text(), objectName="reportHeading")
        heading.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self._saved, stretch=1)
        buttons.addWidget(self._save)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(page_title(report_title(report)))
        layout.addWidget(heading)
        layout.addWidget(ReportView(report))
        layout.addWidget(self._error)
        layout.addLayout(buttons)

    def _heading_text(self) -> str:
        report = self.report
        if report.closed_at is None:
            return self.tr("Till still open since {opened}: these figures are provisional.").format(
                opened=moment_text(report.opened_at)
            )
        return self.tr("Opened {opened} · closed {closed}").format(
            opened=moment_text(report.opened_at), closed=moment_text(report.closed_at)
        )

    def choose_pdf_path(self) -> None:
        """Asks where to save, without blocking: the file dialog calls back when a file is chosen."""
        kind = "z-report" if is_z_report(self.report) else "x-report"
        suggested = Path.home() / f"{kind}-{self.report.register}-{self.report.session_id}.pdf"
        chooser = QFileDialog(self, self.tr("Save the report as PDF"), str(suggested), self.tr("PDF documents (*.pdf)"))
        chooser.setObjectName("reportPdfChooser")
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix("pdf")
        chooser.fileSelected.connect(self.save_pdf)
        chooser.finished.connect(chooser.deleteLater)
        chooser.open()

    def save_pdf(self, path: str) -> None:
        self._save.setEnabled(False)
        self._error.hide()
        self._saved.setText(self.tr("Saving the PDF…"))
        self._saved.show()
        save = partial(save_report_pdf, self._services, self.report, self._counted, Path(path))
        BackgroundOp(self, save).success(self._pdf_saved).failure(self._pdf_failed).run_in_background()

    def _pdf_saved(self, path: Path) -> None:
        self._save.setEnabled(True)
        self._saved.setText(self.tr("Saved to {path}").format(path=path))

    def _pdf_failed(self, error: Exception) -> None:
        self._save.setEnabled(True)
        self._saved.hide()
        if isinstance(error, OSError):
            message = self.tr("Could not write the PDF ({reason}). Choose another folder and save again.").format(
                reason=error.strerror or error
            )
        else:
            message = plain_message(error)
        self._error.setText(message)
        self._error.show()
