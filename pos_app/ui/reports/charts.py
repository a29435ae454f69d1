"""Two pictures of a sales report: the sales of each period as bars (refunds below the line), and how they were paid
as a pie."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCharts import (
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QVBoxLayout, QWidget

from pos_app.services.sales_reports import Granularity, SalesReport
from pos_app.ui.reports.report_table import short_period_label
from pos_app.ui.till.payment_methods import method_name

SALES_COLOUR = "#3d6fb6"
REFUNDS_COLOUR = "#d9822b"
METHOD_COLOURS = ("#3d6fb6", "#4f9d69", "#d9822b", "#8e5ea2", "#c44e52", "#7f7f7f")
CHART_HEIGHT = 260
LABELS_SHOWN = 16  # under the bars, at most: wider ones are cut short


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(4)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _view(name: str, chart: QChart) -> QChartView:
    view = QChartView(chart)
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(CHART_HEIGHT)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return view


class SalesChart(QWidget):
    """Sales including VAT of each period above the line, its refunds below it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = _chart(self.tr("Sales per period"))
        self.view = _view("salesChart", self.chart)
        self.series: QStackedBarSeries | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def show_report(self, report: SalesReport) -> None:
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        titles = {
            Granularity.DAY: self.tr("Sales per day"),
            Granularity.WEEK: self.tr("Sales per week"),
            Granularity.MONTH: self.tr("Sales per month"),
        }
        chart.setTitle(titles[report.granularity])
        sales = QBarSet(self.tr("Sales incl. VAT"))
        sales.setColor(QColor(SALES_COLOUR))
        refunds = QBarSet(self.tr("Refunds"))
        refunds.setColor(QColor(REFUNDS_COLOUR))
        for figures in report.periods:
            sales.append(float(figures.total))
            refunds.append(-float(figures.refunds_total))
        series = QStackedBarSeries()
        series.setBarWidth(0.7)
        series.append(sales)
        if report.total.refunds_total:
            series.append(refunds)
        chart.addSeries(series)
        self.series = series

        one_month = len({(f.first_day.year, f.first_day.month) for f in report.periods}) == 1
        labels = [short_period_label(f.first_day, report.granularity, one_month) for f in report.periods]
        periods = _period_axis(labels)
        chart.addAxis(periods, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(periods)

        amounts = QValueAxis()
        highest = max((float(f.total) for f in report.periods), default=0.0)
        lowest = max((float(f.refunds_total) for f in report.periods), default=0.0)
        amounts.setRange(-lowest * 1.1, highest * 1.1 if highest > 0 else 1)
        amounts.applyNiceNumbers()
        amounts.setLabelFormat("%.0f")
        amounts.setTitleText(report.currency)
        chart.addAxis(amounts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(amounts)
        chart.legend().setVisible(len(series.barSets()) > 1)


def _period_axis(labels: list[str]) -> QCategoryAxis:
    """The periods under their bars: every one while they fit, else one in every few, evenly."""
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setRange(-0.5, len(labels) - 0.5)
    axis.setGridLineVisible(False)
    every = max(1, -(-len(labels) // LABELS_SHOWN))
    for index in range(0, len(labels), every):
        axis.append(labels[index], index)
    return axis


class MethodsChart(QWidget):
    """The period's takings by payment method, with each one's share."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = _chart(self.tr("Takings by payment method"))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        self.view = _view("methodsChart", self.chart)
        self.series = QPieSeries()
        self.chart.addSeries(self.series)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def show_report(self, report: SalesReport) -> None:
        self.series.clear()
        takings = {m: a for m, a in report.total.by_method.items() if a > 0}
        whole = sum(takings.values(), Decimal(0))
        for index, (method, amount) in enumerate(takings.items()):
            share = amount / whole * 100
            label = self.tr("{method} · {share} %").format(method=method_name(method), share=f"{share:.0f}")
            piece = self.series.append(label, float(amount))
            piece.setColor(QColor(METHOD_COLOURS[index % len(METHOD_COLOURS)]))
            piece.setBorderColor(QColor("white"))
        self.series.setPieSize(0.85)
        self.chart.setTitle(self.tr("Takings by payment method") if takings else self.tr("No takings in this period"))

    def slices(self) -> list[tuple[str, Decimal]]:
        """(label, value) of each slice, as the legend shows them."""
        return [(piece.label(), Decimal(str(round(piece.value(), 2)))) for piece in self.series.slices()]
