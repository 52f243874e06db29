#include "ui/logmodel.h"

#include "ui/colorpalette.h"
#include "core/eventformatter.h"
#include "core/payloadtext.h"
#include "ui/plaintooltip.h"

#include <QFont>

namespace socketlab {

namespace {
bool hasPayload(const SocketEvent &event)
{
    return event.kind == EventKind::Data || event.kind == EventKind::Sent
        || event.kind == EventKind::Received;
}
} // namespace

LogModel::LogModel(QObject *parent) : QAbstractTableModel(parent) {}

bool LogModel::isLogged(const SocketEvent &event)
{
    return event.kind != EventKind::Call;
}

QString LogModel::kindText(const SocketEvent &event)
{
    switch (event.kind) {
    case EventKind::Listening:
        return tr("Listening");
    case EventKind::Connected:
        return tr("Connected");
    case EventKind::Data:
        return tr("Message");
    case EventKind::Disconnected:
        return tr("Disconnected");
    case EventKind::Sent:
        return event.role == Role::Server ? tr("Echo") : tr("Sent");
    case EventKind::Received:
        return tr("Received");
    case EventKind::Error:
        return tr("Error");
    case EventKind::Call:
        return tr("Call");
    case EventKind::HandlerExited:
        return tr("Handler ended");
    case EventKind::Coalesced:
        return tr("Merged");
    case EventKind::Summary:
        return tr("Summary");
    }
    return QString();
}

void LogModel::appendEvents(const SocketEvents &events)
{
    std::vector<const SocketEvent *> logged;
    logged.reserve(size_t(events.size()));
    for (const SocketEvent &event : events) {
        if (isLogged(event))
            logged.push_back(&event);
    }
    if (logged.empty())
        return;
    qint64 droppedNow = 0;
    size_t first = 0;
    // A batch larger than the cap: only its newest rows ever reach the view.
    if (logged.size() > size_t(m_rowCap)) {
        first = logged.size() - size_t(m_rowCap);
        droppedNow += qint64(first);
    }
    const int incoming = int(logged.size() - first);
    const int overflow = int(m_rows.size()) + incoming - m_rowCap;
    if (overflow > 0) {
        dropFront(overflow);
        droppedNow += overflow;
    }
    const int start = int(m_rows.size());
    beginInsertRows(QModelIndex(), start, start + incoming - 1);
    for (size_t i = first; i < logged.size(); ++i)
        m_rows.push_back(*logged[i]);
    endInsertRows();
    if (droppedNow > 0) {
        m_dropped += droppedNow;
        emit droppedRowsChanged(m_dropped);
    }
}

void LogModel::dropFront(int count)
{
    count = qMin(count, int(m_rows.size()));
    if (count <= 0)
        return;
    beginRemoveRows(QModelIndex(), 0, count - 1);
    m_rows.erase(m_rows.begin(), m_rows.begin() + count);
    endRemoveRows();
}

void LogModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
    if (m_dropped != 0) {
        m_dropped = 0;
        emit droppedRowsChanged(0);
    }
}

void LogModel::setRowCap(int cap)
{
    m_rowCap = qMax(1, cap);
    const int overflow = int(m_rows.size()) - m_rowCap;
    if (overflow > 0) {
        dropFront(overflow);
        m_dropped += overflow;
        emit droppedRowsChanged(m_dropped);
    }
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LogModel::cellText(int row, int column) const
{
    const SocketEvent &event = m_rows.at(size_t(row));
    switch (column) {
    case TimeColumn:
        return EventFormatter::timeOfDay(event);
    case ClientColumn:
        return event.peer;
    case HandlerColumn:
        return EventFormatter::shortHandlerText(event);
    case EventColumn:
        return kindText(event);
    case MessageColumn:
        if (hasPayload(event)) {
            // Plain text, never markup; a chunk longer than what was kept says so.
            const QString text = PayloadText::toDisplay(event.payload);
            if (event.bytes > PayloadText::kShownBytes)
                return tr("%1 … (%2 in all)").arg(text, EventFormatter::byteCount(event.bytes));
            return text;
        }
        return EventFormatter::describe(event);
    case HexColumn:
        return hasPayload(event) ? PayloadText::toHex(event.payload) : QString();
    }
    return QString();
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    const SocketEvent &event = m_rows.at(size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        return cellText(index.row(), index.column());
    case Qt::ToolTipRole:
        if (index.column() == MessageColumn || index.column() == HexColumn)
            return PlainToolTip::from(EventFormatter::describe(event));
        if (index.column() == HandlerColumn)
            return PlainToolTip::from(EventFormatter::handlerText(event));
        return QVariant();
    case Qt::BackgroundRole: {
        const QColor tint = ColorPalette::tintFor(event);
        return tint.isValid() ? QVariant(tint) : QVariant();
    }
    case Qt::ForegroundRole:
        if (event.kind == EventKind::Error)
            return QColor(0xB0, 0x00, 0x00);
        if (ColorPalette::tintFor(event).isValid())
            return QColor(Qt::black);
        return QVariant();
    case Qt::DecorationRole:
        if (index.column() == ClientColumn) {
            const QColor strong = ColorPalette::strongFor(event);
            return strong.isValid() ? QVariant(strong) : QVariant();
        }
        return QVariant();
    case Qt::FontRole:
        if (event.kind == EventKind::Error
            || (index.column() == MessageColumn && event.kind == EventKind::Data)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return QVariant();
    default:
        return QVariant();
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QVariant();
    if (orientation == Qt::Vertical)
        return QString::number(m_dropped + section + 1);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ClientColumn:
        return tr("Client address");
    case HandlerColumn:
        return tr("Handler");
    case EventColumn:
        return tr("Event");
    case MessageColumn:
        return tr("Message");
    case HexColumn:
        return tr("Hex");
    }
    return QVariant();
}

} // namespace socketlab
