#include "ui/lessons/queueplot.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace socketlab {

namespace {
// The time axis shows at least this much, then the whole run so far.
constexpr qint64 kMinSpanMs = 10000;
} // namespace

QueuePlot::QueuePlot(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void QueuePlot::setPoints(const QVector<QueuePoint> &points)
{
    m_points = points;
    update();
}

void QueuePlot::setClientName(const QString &name)
{
    m_client = name;
    update();
}

QVector<QueuePlot::Lane> QueuePlot::lanes() const
{
    return {{tr("Server's Recv-Q (bytes received, not read yet)"), QColor(0x1f, 0x6f, 0xc0),
             &QueuePoint::recvQ},
            {tr("Client %1's Send-Q (bytes not delivered yet)").arg(m_client),
             QColor(0xd0, 0x60, 0x00), &QueuePoint::sendQ}};
}

QRect QueuePlot::laneArea(int index) const
{
    const QRect area = rect().adjusted(4, 2, -4, -2);
    const int laneHeight = (area.height() - 4) / 2;
    return {area.left(), area.top() + index * (laneHeight + 4), area.width(), laneHeight};
}

QStringList QueuePlot::headerLines(const Lane &lane, bool twoLines) const
{
    qint64 peak = 0;
    for (const QueuePoint &p : m_points)
        peak = qMax(peak, p.*lane.value);
    const qint64 now = m_points.isEmpty() ? 0 : m_points.last().*lane.value;
    const QLocale locale;
    const QString nowText = locale.formattedDataSize(now, 1, QLocale::DataSizeTraditionalFormat);
    const QString peakText = locale.formattedDataSize(peak, 1, QLocale::DataSizeTraditionalFormat);
    if (!twoLines)
        return {tr("%1 — now %2, peak %3").arg(lane.title, nowText, peakText)};
    // Narrow: the figures, which change, on a line of their own below the title.
    return {lane.title, tr("now %1, peak %2").arg(nowText, peakText)};
}

bool QueuePlot::twoLineHeaders() const
{
    // Both lanes alike, so their plots line up: one line each only if every one fits.
    const QFontMetrics metrics(font());
    const QVector<Lane> all = lanes();
    for (int i = 0; i < all.size(); ++i) {
        if (metrics.horizontalAdvance(headerLines(all.at(i), false).constFirst())
            > laneArea(i).width() - 8)
            return true;
    }
    return false;
}

bool QueuePlot::titlesFit() const
{
    const QFontMetrics metrics(font());
    const bool twoLines = twoLineHeaders();
    const QVector<Lane> all = lanes();
    for (int i = 0; i < all.size(); ++i) {
        for (const QString &line : headerLines(all.at(i), twoLines)) {
            if (metrics.horizontalAdvance(line) > laneArea(i).width() - 8)
                return false;
        }
    }
    return true;
}

void QueuePlot::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    painter.setRenderHint(QPainter::Antialiasing);
    const bool twoLines = twoLineHeaders();
    const QVector<Lane> all = lanes();
    for (int i = 0; i < all.size(); ++i)
        paintLane(painter, laneArea(i), all.at(i), twoLines);
}

void QueuePlot::paintLane(QPainter &painter, const QRect &area, const Lane &lane,
                          bool twoLines) const
{
    painter.setPen(QPen(palette().mid().color(), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(area);
    const QFontMetrics metrics(font());
    const QStringList header = headerLines(lane, twoLines);
    const QRect plot = area.adjusted(1, int(header.size()) * metrics.height() + 2, -1, -1);
    painter.setPen(lane.colour.darker(130));
    for (int i = 0; i < header.size(); ++i) {
        painter.drawText(area.adjusted(4, 1 + i * metrics.height(), -4, 0),
                         Qt::AlignLeft | Qt::AlignTop,
                         metrics.elidedText(header.at(i), Qt::ElideRight, area.width() - 8));
    }
    const qint64 QueuePoint::*value = lane.value;
    qint64 peak = 0;
    for (const QueuePoint &p : m_points)
        peak = qMax(peak, p.*value);
    if (m_points.size() < 2 || plot.height() < 4)
        return;

    const qint64 first = m_points.first().ms;
    const qint64 span = qMax(kMinSpanMs, m_points.last().ms - first);
    const double scale = peak > 0 ? double(plot.height() - 2) / double(peak) : 0.0;
    auto pointAt = [&](const QueuePoint &p) {
        const double x = plot.left() + double(p.ms - first) * plot.width() / double(span);
        return QPointF(x, plot.bottom() - double(p.*value) * scale);
    };
    // A step line: a sample holds until the next one.
    QPainterPath line;
    line.moveTo(pointAt(m_points.first()));
    for (int i = 1; i < m_points.size(); ++i) {
        const QPointF at = pointAt(m_points.at(i));
        line.lineTo(at.x(), line.currentPosition().y());
        line.lineTo(at);
    }
    QPainterPath filled = line;
    filled.lineTo(line.currentPosition().x(), plot.bottom());
    filled.lineTo(pointAt(m_points.first()).x(), plot.bottom());
    filled.closeSubpath();
    QColor fill = lane.colour;
    fill.setAlpha(60);
    painter.fillPath(filled, fill);
    painter.setPen(QPen(lane.colour, 2));
    painter.drawPath(line);
}

} // namespace socketlab
