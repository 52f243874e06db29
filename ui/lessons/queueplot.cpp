#include "ui/lessons/queueplot.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace socketlab {

namespace {
// The time axis shows at least this much, then the whole run so far.
constexpr qint64 kMinSpanMs = 10000;
}

QueuePlot::QueuePlot(QWidget *parent) : QWidget(parent)
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

void QueuePlot::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    painter.setRenderHint(QPainter::Antialiasing);
    const QRect area = rect().adjusted(4, 2, -4, -2);
    const int laneHeight = (area.height() - 4) / 2;
    const QRect top(area.left(), area.top(), area.width(), laneHeight);
    const QRect bottom(area.left(), area.top() + laneHeight + 4, area.width(), laneHeight);
    paintLane(painter, top, tr("Server's Recv-Q (bytes received, not read yet)"),
              QColor(0x1f, 0x6f, 0xc0), &QueuePoint::recvQ);
    paintLane(painter, bottom, tr("Client %1's Send-Q (bytes not delivered yet)").arg(m_client),
              QColor(0xd0, 0x60, 0x00), &QueuePoint::sendQ);
}

void QueuePlot::paintLane(QPainter &painter, const QRect &area, const QString &title,
                          const QColor &colour, qint64 QueuePoint::*value) const
{
    painter.setPen(QPen(palette().mid().color(), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(area);
    const QFontMetrics metrics(font());
    const QRect plot = area.adjusted(1, metrics.height() + 2, -1, -1);

    qint64 peak = 0;
    for (const QueuePoint &p : m_points)
        peak = qMax(peak, p.*value);
    const qint64 now = m_points.isEmpty() ? 0 : m_points.last().*value;
    const QLocale locale;
    const QString label = tr("%1 — now %2, peak %3")
                              .arg(title, locale.formattedDataSize(now, 1, QLocale::DataSizeTraditionalFormat),
                                   locale.formattedDataSize(peak, 1, QLocale::DataSizeTraditionalFormat));
    painter.setPen(colour.darker(130));
    painter.drawText(area.adjusted(4, 1, -4, 0), Qt::AlignLeft | Qt::AlignTop,
                     metrics.elidedText(label, Qt::ElideRight, area.width() - 8));
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
    QColor fill = colour;
    fill.setAlpha(60);
    painter.fillPath(filled, fill);
    painter.setPen(QPen(colour, 2));
    painter.drawPath(line);
}

} // namespace socketlab
