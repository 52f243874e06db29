#include "ui/eventlistmodel.h"

#include <algorithm>
#include <iterator>

#include "ui/colorpalette.h"
#include "core/errorexplanation.h"
#include "core/eventformatter.h"
#include "core/payloadtext.h"
#include "ui/plaintooltip.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFont>

namespace socketlab {

namespace {
bool hasPayload(const SocketEvent &event)
{
    return event.kind == EventKind::Data || event.kind == EventKind::Sent
        || event.kind == EventKind::Received;
}
const QColor kErrorColor(0xB0, 0x00, 0x00);
const QColor kSentColor(0x00, 0x40, 0x90);
const QColor kReceivedColor(0x00, 0x70, 0x30);
} // namespace

EventListModel::EventListModel(QObject *parent) : QAbstractTableModel(parent)
{
    // The application hears of every language switch (QCoreApplication::installTranslator).
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

bool EventListModel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        languageChanged();
    return QAbstractTableModel::eventFilter(watched, event);
}

void EventListModel::languageChanged()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                         {Qt::DisplayRole, Qt::ToolTipRole});
}

bool EventListModel::accepts(const SocketEvent &event) const
{
    if (m_filter.clientId >= 0 && event.clientId != m_filter.clientId)
        return false;
    if (m_filter.role >= 0 && int(event.role) != m_filter.role)
        return false;
    if (m_filter.kinds.isEmpty() ? !isLogged(event) : !m_filter.kinds.contains(event.kind))
        return false;
    return !m_filter.accepts || m_filter.accepts(event);
}

bool EventListModel::isLogged(const SocketEvent &event)
{
    // A traced program's calls are all there is of it: the log shows them.
    return event.kind != EventKind::Call || event.traced;
}

QString EventListModel::kindText(const SocketEvent &event)
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
    case EventKind::State:
        return tr("TCP state");
    default:
        break;
    }
    return QString();
}

void EventListModel::appendEvents(const SocketEvents &events)
{
    std::vector<const SocketEvent *> logged;
    logged.reserve(size_t(events.size()));
    for (const SocketEvent &event : events) {
        if (accepts(event))
            logged.push_back(&event);
    }
    if (logged.empty())
        return;
    if (m_lessThan) {
        std::vector<SocketEvent> incoming;
        incoming.reserve(logged.size());
        for (const SocketEvent *event : logged)
            incoming.push_back(*event);
        insertInOrder(std::move(incoming));
        return;
    }
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

void EventListModel::insertInOrder(std::vector<SocketEvent> incoming)
{
    std::stable_sort(incoming.begin(), incoming.end(), m_lessThan);
    // Usually every new row goes at the end; a late one moves the rows it precedes down.
    const auto from = std::upper_bound(m_rows.begin(), m_rows.end(), incoming.front(), m_lessThan);
    const int start = int(from - m_rows.begin());
    std::vector<SocketEvent> later(std::make_move_iterator(from), std::make_move_iterator(m_rows.end()));
    if (!later.empty()) {
        beginRemoveRows(QModelIndex(), start, int(m_rows.size()) - 1);
        m_rows.erase(m_rows.begin() + start, m_rows.end());
        endRemoveRows();
    }
    std::vector<SocketEvent> merged;
    merged.reserve(later.size() + incoming.size());
    std::merge(std::make_move_iterator(later.begin()), std::make_move_iterator(later.end()),
               std::make_move_iterator(incoming.begin()), std::make_move_iterator(incoming.end()),
               std::back_inserter(merged), m_lessThan);
    beginInsertRows(QModelIndex(), start, start + int(merged.size()) - 1);
    for (SocketEvent &event : merged)
        m_rows.push_back(std::move(event));
    endInsertRows();
    const int overflow = int(m_rows.size()) - m_rowCap;
    if (overflow > 0) {
        dropFront(overflow);
        m_dropped += overflow;
        emit droppedRowsChanged(m_dropped);
    }
}

void EventListModel::dropFront(int count)
{
    count = qMin(count, int(m_rows.size()));
    if (count <= 0)
        return;
    beginRemoveRows(QModelIndex(), 0, count - 1);
    m_rows.erase(m_rows.begin(), m_rows.begin() + count);
    endRemoveRows();
}

void EventListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
    if (m_dropped != 0) {
        m_dropped = 0;
        emit droppedRowsChanged(0);
    }
}

void EventListModel::setRowCap(int cap)
{
    m_rowCap = qMax(1, cap);
    const int overflow = int(m_rows.size()) - m_rowCap;
    if (overflow > 0) {
        dropFront(overflow);
        m_dropped += overflow;
        emit droppedRowsChanged(m_dropped);
    }
}

int EventListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventListModel::cellText(int row, int column) const
{
    const SocketEvent &event = m_rows.at(size_t(row));
    switch (column) {
    case TimeColumn:
        return EventFormatter::timeOfDay(event);
    case ClientColumn:
        return EventFormatter::peerText(event);
    case HandlerColumn:
        return EventFormatter::shortHandlerText(event);
    case EventColumn:
        return kindText(event);
    case MessageColumn:
        if (hasPayload(event)) {
            // Plain text, never markup; a chunk longer than what was kept says so.
            if (PayloadText::isBinary(event.payload))
                return EventFormatter::payloadText(event);
            const QString text = PayloadText::toDisplay(event.payload);
            if (event.bytes > PayloadText::kShownBytes)
                return tr("%1 … (%2 in all)").arg(text, EventFormatter::byteCount(event.bytes));
            return text;
        }
        return EventFormatter::describe(event);
    case HexColumn:
        return hasPayload(event) ? PayloadText::toHex(event.payload) : QString();
    case LineColumn:
        return m_lineFormatter ? m_lineFormatter(event) : cellText(row, MessageColumn);
    }
    return QString();
}

QVariant EventListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    const SocketEvent &event = m_rows.at(size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        return cellText(index.row(), index.column());
    case Qt::ToolTipRole: {
        QString tip;
        if (index.column() == LineColumn)
            tip = cellText(index.row(), LineColumn);
        else if (index.column() == MessageColumn || index.column() == HexColumn) {
            tip = EventFormatter::describe(event);
            // Binary: its bytes, in hex, are what there is to read.
            if (hasPayload(event) && PayloadText::isBinary(event.payload))
                tip += QStringLiteral("\n\n") + PayloadText::toHex(event.payload);
        } else if (index.column() == HandlerColumn)
            return PlainToolTip::from(EventFormatter::handlerText(event));
        else if (index.column() == ClientColumn && !event.peer.isEmpty())
            return PlainToolTip::from(EventFormatter::peerText(event));
        else
            return QVariant();
        // "Why did that fail?" wherever an error shows.
        const QString why = ErrorExplanation::explain(event);
        if (!why.isEmpty())
            tip = PlainToolTip::wrapped(tip + QLatin1String("\n\n") + why);
        return PlainToolTip::from(tip);
    }
    case Qt::BackgroundRole: {
        if (index.column() == LineColumn)
            return QVariant();  // a list's lines are coloured by direction instead
        const QColor tint = ColorPalette::tintFor(event);
        return tint.isValid() ? QVariant(tint) : QVariant();
    }
    case Qt::ForegroundRole:
        if (event.kind == EventKind::Error)
            return kErrorColor;
        if (index.column() == LineColumn) {
            if (event.role == Role::Client && event.kind == EventKind::Sent)
                return kSentColor;
            if (event.role == Role::Client && event.kind == EventKind::Received)
                return kReceivedColor;
            return QVariant();
        }
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
        if (index.column() == LineColumn)
            return QVariant();
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

QVariant EventListModel::headerData(int section, Qt::Orientation orientation, int role) const
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
    case LineColumn:
        return tr("Event");
    }
    return QVariant();
}

} // namespace socketlab
