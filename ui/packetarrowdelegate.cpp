#include "ui/packetarrowdelegate.h"

#include "ui/calllanesmodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QTableView>

#include <cmath>

namespace socketlab {

namespace {
// Grey, lighter than the calls' text, still readable on a projector.
const QColor kWire(0x6a, 0x6a, 0x6a);
} // namespace

PacketArrowDelegate::PacketArrowDelegate(const CallLanesModel *model, QObject *parent)
    : QStyledItemDelegate(parent),
      m_model(model)
{
}

void PacketArrowDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    const auto *view = qobject_cast<const QTableView *>(option.widget);
    const int row = index.row();
    if (!view || index.model() != m_model || index.column() == CallLanesModel::kTimeColumn
        || !m_model->isPacketRow(row)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const int from = CallLanesModel::columnOfLane(m_model->laneOfRow(row));
    const int to = CallLanesModel::columnOfLane(m_model->targetLaneOfRow(row));
    // The cell's background and selection, without its text.
    QStyleOptionViewItem plain = option;
    initStyleOption(&plain, index);
    plain.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &plain, painter, widget);
    const int column = index.column();
    if (column < qMin(from, to) || column > qMax(from, to))
        return;

    const auto centre
        = [view](int c) { return view->columnViewportPosition(c) + view->columnWidth(c) / 2.0; };
    const qreal x1 = centre(from);
    const qreal x2 = from == to ? x1 + view->columnWidth(from) / 2.0 - 4 : centre(to);
    // Smaller than the calls' text, growing with the zoom and presentation mode as it does.
    QFont small = option.font;
    if (small.pixelSize() > 0)
        small.setPixelSize(qMax(8, int(small.pixelSize() * 0.85)));
    else
        small.setPointSizeF(qMax<qreal>(6, small.pointSizeF() * 0.85));
    const QFontMetricsF metrics(small);
    const QRectF cell = option.rect;
    const qreal y = cell.bottom() - qMax<qreal>(3, cell.height() * 0.2);

    painter->save();
    painter->setClipRect(cell);
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(kWire, 1.0, Qt::DashLine);
    painter->setPen(pen);
    painter->drawLine(QPointF(x1, y), QPointF(x2, y));
    // The head, where the receiver's lane is.
    const qreal direction = x2 >= x1 ? 1 : -1;
    const qreal head = qMax<qreal>(5, metrics.height() * 0.4);
    QPainterPath arrow;
    arrow.moveTo(x2, y);
    arrow.lineTo(x2 - direction * head, y - head * 0.5);
    arrow.lineTo(x2 - direction * head, y + head * 0.5);
    arrow.closeSubpath();
    painter->setPen(Qt::NoPen);
    painter->setBrush(kWire);
    painter->drawPath(arrow);
    // The label over the middle of the arrow, elided to its length (plain text).
    const QString label = index.model()->index(row, from).data(Qt::DisplayRole).toString();
    const qreal room = qMax<qreal>(std::abs(x2 - x1) - 8, view->columnWidth(from) - 8);
    const QString shown = metrics.elidedText(label, Qt::ElideRight, room);
    const qreal width = metrics.horizontalAdvance(shown);
    const QPointF anchor((x1 + x2) / 2 - width / 2, y - 3 - metrics.descent());
    painter->setFont(small);
    painter->setPen(kWire);
    painter->drawText(anchor, shown);
    painter->restore();
}

} // namespace socketlab
