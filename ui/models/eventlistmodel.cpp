#include "ui/models/eventlistmodel.h"

#include <algorithm>
#include <iterator>

#include "core/errorexplanation.h"
#include "core/eventformatter.h"
#include "core/payloadtext.h"
#include "ui/models/colorpalette.h"
#include "ui/models/plaintooltip.h"
#include "ui/models/studentroster.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFont>
#include <QLocale>

namespace socketlab {

namespace {
bool hasPayload(const SocketEvent &event)
{
    return event.kind == EventKind::Data || event.kind == EventKind::Sent
        || event.kind == EventKind::Received;
}
// Which traffic a burst gathers: received messages, echoes (a Coalesced event merges one
// of them); -1: not traffic, never merged.
int burstGroup(const SocketEvent &event)
{
    const EventKind kind = event.kind == EventKind::Coalesced ? event.mergedKind : event.kind;
    switch (kind) {
    case EventKind::Data:
        return 0;
    case EventKind::Sent:
        return 1;
    case EventKind::Received:
        return 2;
    default:
        return -1;
    }
}

qint64 messagesIn(const SocketEvent &event)
{
    if (event.kind == EventKind::Coalesced)
        return event.messages;
    return qMax<qint64>(1, event.messages);
}

const QColor kErrorColor(0xB0, 0x00, 0x00);
const QColor kSentColor(0x00, 0x40, 0x90);
const QColor kReceivedColor(0x00, 0x70, 0x30);
} // namespace

EventListModel::EventListModel(QObject *parent)
    : QAbstractTableModel(parent)
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
    std::vector<SocketEvent> logged;
    logged.reserve(size_t(events.size()));
    const bool merge = m_mergeBursts && !m_lessThan;
    for (const SocketEvent &event : events) {
        if (!accepts(event))
            continue;
        if (merge && mergeIntoBurst(event, logged))
            continue;
        logged.push_back(event);
    }
    if (logged.empty())
        return;
    if (m_lessThan) {
        insertInOrder(std::move(logged));
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
    const int start = int(m_rows.size());
    beginInsertRows(QModelIndex(), start, start + incoming - 1);
    for (size_t i = first; i < logged.size(); ++i)
        m_rows.push_back(std::move(logged[i]));
    endInsertRows();
    // After the new rows are in, so a connection's share counts what it just sent.
    const int overflow = int(m_rows.size()) - m_rowCap;
    if (overflow > 0) {
        dropFairly(overflow);
        droppedNow += overflow;
    }
    if (droppedNow > 0) {
        m_dropped += droppedNow;
        emit droppedRowsChanged(m_dropped);
    }
}

bool EventListModel::mergeIntoBurst(const SocketEvent &event, std::vector<SocketEvent> &pending)
{
    // Students only: a pane's "burst of 3" is a lesson about recv() boundaries, each row counts.
    const int group = burstGroup(event);
    if (group < 0 || event.connectionId == 0 || event.sequence == 0 || !event.isStudent())
        return false;
    const QPair<quint64, int> key(event.connectionId, group);
    auto last = m_lastTrafficUs.find(key);
    const bool inBurst
        = last != m_lastTrafficUs.end() && event.endUs - last.value() <= qint64(kBurstGapMs) * 1000;
    if (last == m_lastTrafficUs.end())
        last = m_lastTrafficUs.insert(key, event.endUs);
    else
        last.value() = qMax(last.value(), event.endUs);
    if (!inBurst)
        return false;
    auto sameBurst = [&](const SocketEvent &row) {
        return row.connectionId == event.connectionId && burstGroup(row) == group;
    };
    auto absorb = [&](SocketEvent &row) {
        row.messages = messagesIn(row) + messagesIn(event);
        row.bytes += event.bytes;
        // The newest words are what the class wants to see arrive.
        if (!event.payload.isEmpty() && row.kind != EventKind::Coalesced)
            row.payload = event.payload;
    };
    int looked = 0;
    for (auto it = pending.rbegin(); it != pending.rend() && looked < kBurstLookback;
         ++it, ++looked) {
        if (sameBurst(*it)) {
            absorb(*it);
            return true;
        }
    }
    for (int row = int(m_rows.size()) - 1; row >= 0 && looked < kBurstLookback; --row, ++looked) {
        if (sameBurst(m_rows[size_t(row)])) {
            absorb(m_rows[size_t(row)]);
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1),
                             {Qt::DisplayRole, Qt::ToolTipRole});
            return true;
        }
    }
    return false;
}

qint64 EventListModel::burstMessages(int row) const
{
    const SocketEvent &event = m_rows.at(size_t(row));
    return burstGroup(event) >= 0 ? messagesIn(event) : 1;
}

void EventListModel::insertInOrder(std::vector<SocketEvent> incoming)
{
    std::stable_sort(incoming.begin(), incoming.end(), m_lessThan);
    // Usually every new row goes at the end; a late one moves the rows it precedes down.
    const auto from = std::upper_bound(m_rows.begin(), m_rows.end(), incoming.front(), m_lessThan);
    const int start = int(from - m_rows.begin());
    std::vector<SocketEvent> later(std::make_move_iterator(from),
                                   std::make_move_iterator(m_rows.end()));
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
        dropFairly(overflow);
        m_dropped += overflow;
        emit droppedRowsChanged(m_dropped);
    }
}

void EventListModel::dropFairly(int count)
{
    count = qMin(count, int(m_rows.size()));
    if (count <= 0)
        return;
    // Each connection's rows, oldest first; then who gives up a row, one at a time: the one
    // that has the most left (among equals, the one whose next row is oldest), so the quiet
    // ones keep theirs as long as anyone has more, and equals lose their oldest rows first.
    QHash<quint64, std::vector<int>> rowsOf;
    for (int row = 0; row < int(m_rows.size()); ++row)
        rowsOf[m_rows[size_t(row)].connectionId].push_back(row);
    struct Share
    {
        const std::vector<int> *rows;
        size_t given = 0;
    };
    std::vector<Share> shares;
    shares.reserve(size_t(rowsOf.size()));
    for (auto it = rowsOf.cbegin(); it != rowsOf.cend(); ++it)
        shares.push_back({&it.value(), 0});
    std::vector<int> doomed;
    doomed.reserve(size_t(count));
    for (int i = 0; i < count; ++i) {
        Share *giver = nullptr;
        size_t most = 0;
        for (Share &share : shares) {
            const size_t left = share.rows->size() - share.given;
            if (left == 0)
                continue;
            if (!giver || left > most
                || (left == most && (*share.rows)[share.given] < (*giver->rows)[giver->given])) {
                giver = &share;
                most = left;
            }
        }
        doomed.push_back((*giver->rows)[giver->given++]);
    }
    std::sort(doomed.begin(), doomed.end());
    // Removed as runs of neighbouring rows, from the end.
    for (int end = int(doomed.size()) - 1; end >= 0;) {
        int begin = end;
        while (begin > 0 && doomed[size_t(begin - 1)] == doomed[size_t(begin)] - 1)
            --begin;
        const int first = doomed[size_t(begin)];
        const int last = doomed[size_t(end)];
        beginRemoveRows(QModelIndex(), first, last);
        m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
        endRemoveRows();
        end = begin - 1;
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
    m_lastTrafficUs.clear();
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
        dropFairly(overflow);
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
        return StudentRoster::peerText(event);
    case HandlerColumn:
        return EventFormatter::shortHandlerText(event);
    case EventColumn:
        return kindText(event);
    case MessageColumn:
        if (hasPayload(event) && event.messages > 1) {
            // A burst: what it holds, and how its last message began, in two lines at most.
            const QString last = PayloadText::isBinary(event.payload)
                ? EventFormatter::payloadText(event)
                : PayloadText::toDisplay(event.payload.left(kBurstShownChars * 4));
            return tr("%1 messages, %2 in a burst; the last: %3")
                .arg(QLocale().toString(event.messages), EventFormatter::byteCount(event.bytes),
                     last.left(kBurstShownChars)
                         + (last.size() > kBurstShownChars ? QStringLiteral("…") : QString()));
        }
        if (hasPayload(event)) {
            // Plain text, never markup; a chunk longer than what was kept says so.
            QString text;
            if (PayloadText::isBinary(event.payload))
                text = EventFormatter::payloadText(event);
            else if (event.bytes > PayloadText::kShownBytes && !event.truncated)
                text = tr("%1 … (%2 in all)")
                           .arg(PayloadText::toDisplay(event.payload),
                                EventFormatter::byteCount(event.bytes));
            else
                text = PayloadText::toDisplay(event.payload);
            // A datagram cut by a short buffer says so where its text shows.
            if (event.truncated)
                text = tr("%1 [%2]").arg(text, EventFormatter::truncationText(event));
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
            return PlainToolTip::from(StudentRoster::peerText(event));
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
            return QVariant(); // a list's lines are coloured by direction instead
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
