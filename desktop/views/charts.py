"""Charts of the Cijfers view, drawn with QPainter: grouped bars (the jaarverslag's ChartData) and the
thuiszitters flow as a waterfall. Dutch numbers on the axes; each chart describes its data in words for
screen readers."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.models.statistics import ChartData
from desktop.views.common import nl_number

# Calm, print-friendly colours that stay apart for the common colour-vision deficiencies.
SERIES_COLOURS = ("#9bb7d4", "#1f5f99", "#e0a458", "#7a9e7e")
AXIS_COLOUR = QColor("#5f6368")
GRID_COLOUR = QColor("#e3e6ea")
TEXT_COLOUR = QColor("#202124")
UP_COLOUR = QColor("#1f5f99")
DOWN_COLOUR = QColor("#c0504d")
TOTAL_COLOUR = QColor("#5f6368")


def nice_ticks(maximum: float, wanted: int = 5) -> list[float]:
    """Whole, round axis steps (1, 2 or 5 times a power of ten) from 0 to at least ``maximum``: the charts
    count people and meldingen, so an axis never shows '2,5'."""
    if maximum <= 0:
        return [0, 1]
    raw = max(1.0, maximum / wanted)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    count = math.ceil(maximum / step)
    return [i * step for i in range(count + 1)]


def _fmt(value: float) -> str:
    return nl_number(int(value) if float(value).is_integer() else value)


class _Chart(QWidget):
    """Common frame: title, plot area, and text sizes from the widget's font."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 260)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable for screen readers
        self.setAccessibleName(title)

    def sizeHint(self) -> QSize:
        return QSize(520, 320)

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.5, font.pointSizeF() * 0.9))
        return font

    def _draw_title(self, painter: QPainter) -> float:
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(TEXT_COLOUR)
        metrics = QFontMetrics(font)
        rect = QRectF(8, 4, self.width() - 16, metrics.height() * 2 + 4)
        bounds = painter.boundingRect(rect, Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft, self.title)
        painter.drawText(rect, Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft, self.title)
        return bounds.bottom() + 6

    def _draw_value_axis(self, painter: QPainter, plot: QRectF, ticks: Sequence[float], label: str) -> None:
        painter.setFont(self._small_font())
        metrics = QFontMetrics(painter.font())
        top = ticks[-1] or 1
        for tick in ticks:
            y = plot.bottom() - plot.height() * tick / top
            painter.setPen(QPen(GRID_COLOUR, 1))
            painter.drawLine(plot.left(), y, plot.right(), y)
            painter.setPen(AXIS_COLOUR)
            text = _fmt(tick)
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text,
            )
        painter.setPen(QPen(AXIS_COLOUR, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        if label:
            painter.save()
            painter.translate(10, plot.center().y())
            painter.rotate(-90)
            painter.drawText(QRectF(-plot.height() / 2, -metrics.height() + 4, plot.height(), metrics.height()),
                             Qt.AlignmentFlag.AlignCenter, label)
            painter.restore()

    def _axis_width(self, ticks: Sequence[float]) -> float:
        metrics = QFontMetrics(self._small_font())
        return max(metrics.horizontalAdvance(_fmt(t)) for t in ticks) + 12 + metrics.height()


class BarChart(_Chart):
    """A grouped bar chart of one :class:`ChartData`: categories along the bottom, one bar per series."""

    def __init__(self, chart: ChartData, value_label: str = "Aantal", parent: QWidget | None = None) -> None:
        super().__init__(chart.title, parent)
        self.value_label = value_label
        self.chart = chart
        self.set_chart(chart)

    def set_chart(self, chart: ChartData) -> None:
        self.chart = chart
        self.title = chart.title
        self.setAccessibleName(chart.title)
        self.setAccessibleDescription(describe_chart(chart))
        self.setToolTip(describe_chart(chart))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        top = self._draw_title(painter)
        chart = self.chart
        small = self._small_font()
        metrics = QFontMetrics(small)
        legend_height = metrics.height() + 8
        maximum = max((v for _name, values in chart.series for v in values), default=0)
        ticks = nice_ticks(maximum)
        label_lines = 2
        bottom_space = metrics.height() * label_lines + 10
        plot = QRectF(self._axis_width(ticks), top + legend_height + metrics.height(),
                      0, 0)
        plot.setRight(self.width() - 12)
        plot.setBottom(self.height() - bottom_space)
        if plot.height() < 40 or plot.width() < 60:
            painter.end()
            return
        self._draw_legend(painter, top)
        self._draw_value_axis(painter, plot, ticks, self.value_label)

        groups = len(chart.categories) or 1
        series = len(chart.series) or 1
        group_width = plot.width() / groups
        bar_width = min(48.0, group_width * 0.75 / series)
        scale_top = ticks[-1] or 1
        painter.setFont(small)
        for index, category in enumerate(chart.categories):
            left = plot.left() + index * group_width + (group_width - bar_width * series) / 2
            for number, (_name, values) in enumerate(chart.series):
                value = values[index] if index < len(values) else 0
                height = plot.height() * value / scale_top
                rect = QRectF(left + number * bar_width, plot.bottom() - height, bar_width - 2, height)
                painter.fillRect(rect, QColor(SERIES_COLOURS[number % len(SERIES_COLOURS)]))
                painter.setPen(TEXT_COLOUR)
                painter.drawText(QRectF(rect.left() - 20, rect.top() - metrics.height() - 1, rect.width() + 40,
                                        metrics.height()),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, _fmt(value))
            painter.setPen(TEXT_COLOUR)
            painter.drawText(
                QRectF(plot.left() + index * group_width + 2, plot.bottom() + 4, group_width - 4, bottom_space - 4),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, category,
            )
        painter.end()

    def _draw_legend(self, painter: QPainter, top: float) -> None:
        painter.setFont(self._small_font())
        metrics = QFontMetrics(painter.font())
        x = 12.0
        for number, (name, _values) in enumerate(self.chart.series):
            swatch = QRectF(x, top + 3, 12, 12)
            painter.fillRect(swatch, QColor(SERIES_COLOURS[number % len(SERIES_COLOURS)]))
            painter.setPen(TEXT_COLOUR)
            painter.drawText(QRectF(x + 16, top, metrics.horizontalAdvance(name) + 4, metrics.height() + 4),
                             Qt.AlignmentFlag.AlignVCenter, name)
            x += 16 + metrics.horizontalAdvance(name) + 18


def describe_chart(chart: ChartData) -> str:
    """The chart's numbers in words: '16 uur: 2022-2023 120, 2023-2024 140; …'."""
    parts = []
    for index, category in enumerate(chart.categories):
        values = ", ".join(f"{name} {_fmt(values[index])}" for name, values in chart.series)
        parts.append(f"{category}: {values}")
    return f"{chart.title}. " + "; ".join(parts) + "."


class FlowChart(_Chart):
    """The thuiszitters flow as a waterfall: the start, what came in and went out, and the end."""

    def __init__(self, title: str, steps: Sequence[tuple[str, int, str]] = (), parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.steps: list[tuple[str, int, str]] = []
        self.set_steps(steps)

    def set_steps(self, steps: Sequence[tuple[str, int, str]]) -> None:
        self.steps = list(steps)
        description = describe_flow(self.title, self.steps)
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        self.update()

    def _bars(self) -> list[tuple[float, float, str, QColor]]:
        """(bottom, top, operator, colour) per step."""
        bars = []
        level = 0.0
        for operator, value, _label in self.steps:
            if operator == "":
                bars.append((0.0, float(value), operator, TOTAL_COLOUR))
                level = float(value)
            elif operator == "+":
                bars.append((level, level + value, operator, UP_COLOUR))
                level += value
            elif operator == "=":
                bars.append((0.0, float(value), operator, TOTAL_COLOUR))
                level = float(value)
            else:
                bars.append((level - value, level, operator, DOWN_COLOUR))
                level -= value
        return bars

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        top = self._draw_title(painter)
        if not self.steps:
            painter.end()
            return
        small = self._small_font()
        metrics = QFontMetrics(small)
        bars = self._bars()
        maximum = max(max(bottom, high) for bottom, high, _op, _c in bars)
        ticks = nice_ticks(maximum)
        bottom_space = metrics.height() * 2 + 10
        plot = QRectF(self._axis_width(ticks), top + metrics.height() + 4, 0, 0)
        plot.setRight(self.width() - 12)
        plot.setBottom(self.height() - bottom_space)
        if plot.height() < 40 or plot.width() < 60:
            painter.end()
            return
        self._draw_value_axis(painter, plot, ticks, "Thuiszitters")
        scale_top = ticks[-1] or 1
        width = plot.width() / len(bars)
        bar_width = min(56.0, width * 0.6)
        painter.setFont(small)
        previous_top: float | None = None
        for index, ((low, high, operator, colour), (_op, value, label)) in enumerate(zip(bars, self.steps,
                                                                                         strict=True)):
            x = plot.left() + index * width + (width - bar_width) / 2
            y_high = plot.bottom() - plot.height() * high / scale_top
            y_low = plot.bottom() - plot.height() * low / scale_top
            rect = QRectF(x, y_high, bar_width, max(1.0, y_low - y_high))
            painter.fillRect(rect, colour)
            # A thin connector shows the running level from one step to the next.
            level_y = y_low if operator == "−" else y_high
            if previous_top is not None:
                painter.setPen(QPen(AXIS_COLOUR, 1, Qt.PenStyle.DotLine))
                painter.drawLine(x - (width - bar_width), previous_top, x, previous_top)
            previous_top = level_y
            painter.setPen(TEXT_COLOUR)
            sign = "" if operator in ("", "=") else operator + " "
            painter.drawText(QRectF(x - 20, y_high - metrics.height() - 1, bar_width + 40, metrics.height()),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, sign + _fmt(value))
            painter.drawText(QRectF(plot.left() + index * width + 2, plot.bottom() + 4, width - 4, bottom_space - 4),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                             label)
        painter.end()


def describe_flow(title: str, steps: Sequence[tuple[str, int, str]]) -> str:
    words = {"": "", "+": "plus ", "−": "min ", "=": "is "}
    parts = [f"{words.get(op, '')}{_fmt(value)} {label}" for op, value, label in steps]
    return f"{title}: " + ", ".join(parts) + "."
