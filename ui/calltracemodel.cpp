#include "ui/calltracemodel.h"

#include "core/causalorder.h"
#include "core/errorexplanation.h"
#include "core/eventformatter.h"
#include "core/packetlabel.h"
#include "ui/models/colorpalette.h"
#include "ui/models/plaintooltip.h"

#include <QCoreApplication>
#include <QEvent>

#include <algorithm>
#include <iterator>

namespace socketlab {

CallTraceModel::CallTraceModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    // The application hears of every language switch (QCoreApplication::installTranslator).
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

bool CallTraceModel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange) {
        emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
        if (!m_rows.empty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                             {Qt::DisplayRole, Qt::ToolTipRole});
    }
    return QAbstractTableModel::eventFilter(watched, event);
}

QString CallTraceModel::whoText(const SocketEvent &event)
{
    if (event.kind == EventKind::State)
        return tr("Kernel");
    if (PacketLabel::isPacket(event))
        return tr("Wire");
    // A traced program ("Run a program…"): its own processes and threads, not the lab's.
    if (event.traced) {
        return event.role == Role::Server
            ? tr("Program %1, server").arg(EventFormatter::shortHandlerText(event))
            : tr("Program %1, client").arg(EventFormatter::shortHandlerText(event));
    }
    if (event.role == Role::Client)
        return tr("Client %1").arg(event.connectionId);
    switch (event.handler) {
    case HandlerKind::Thread:
        return tr("Server thread %1").arg(event.tid);
    case HandlerKind::Process:
        return tr("Server child %1").arg(event.pid);
    case HandlerKind::Main:
        break;
    }
    return tr("Server");
}

void CallTraceModel::appendEvents(const SocketEvents &events)
{
    std::vector<SocketEvent> calls;
    for (const SocketEvent &event : events) {
        // The kernel's state changes too, in order with the calls that caused them, and the
        // packets of the session's clients (a class's would bury the lab's: the Wire tab
        // lists every packet).
        if (event.kind == EventKind::Call || event.kind == EventKind::State
            || (PacketLabel::isPacket(event) && event.clientId != 0))
            calls.push_back(event);
    }
    if (calls.empty())
        return;
    // Server and clients report in their own batches: a client's send may arrive after the
    // server's recv of its bytes. Rows stay in causal order, so causes show above effects.
    std::stable_sort(calls.begin(), calls.end(), causallyBefore);
    if (calls.size() > size_t(m_rowCap))
        calls.erase(calls.begin(), calls.end() - m_rowCap);
    const auto from = std::upper_bound(m_rows.begin(), m_rows.end(), calls.front(), causallyBefore);
    std::vector<SocketEvent> later(std::make_move_iterator(from),
                                   std::make_move_iterator(m_rows.end()));
    if (!later.empty()) {
        const int first = int(from - m_rows.begin());
        beginRemoveRows(QModelIndex(), first, int(m_rows.size()) - 1);
        m_rows.erase(m_rows.begin() + first, m_rows.end());
        endRemoveRows();
    }
    std::vector<SocketEvent> merged;
    merged.reserve(later.size() + calls.size());
    std::merge(std::make_move_iterator(later.begin()), std::make_move_iterator(later.end()),
               std::make_move_iterator(calls.begin()), std::make_move_iterator(calls.end()),
               std::back_inserter(merged), causallyBefore);
    if (merged.size() > size_t(m_rowCap))
        merged.erase(merged.begin(), merged.end() - m_rowCap);
    const int overflow = qMin(int(m_rows.size()), int(m_rows.size() + merged.size()) - m_rowCap);
    if (overflow > 0) {
        beginRemoveRows(QModelIndex(), 0, overflow - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + overflow);
        endRemoveRows();
    }
    const int start = int(m_rows.size());
    beginInsertRows(QModelIndex(), start, start + int(merged.size()) - 1);
    for (SocketEvent &event : merged)
        m_rows.push_back(std::move(event));
    endInsertRows();
}

void CallTraceModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int CallTraceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CallTraceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CallTraceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    const SocketEvent &event = m_rows.at(size_t(index.row()));
    const bool failed = event.kind == EventKind::Call
        && (event.errnum != 0 || (event.result < 0 && event.call != SysCall::Getaddrinfo));
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return EventFormatter::timeOfDay(event);
        case WhoColumn:
            return whoText(event);
        case CallColumn:
            if (event.kind == EventKind::State)
                return EventFormatter::stateText(event);
            if (event.kind == EventKind::Packet)
                return EventFormatter::packetText(event);
            if (event.kind == EventKind::Coalesced)
                return EventFormatter::coalescedText(event);
            return EventFormatter::callText(event);
        }
        return QVariant();
    case Qt::ToolTipRole: {
        if (PacketLabel::isPacket(event)) {
            return PlainToolTip::from(event.kind == EventKind::Packet
                                          ? EventFormatter::packetText(event)
                                          : EventFormatter::coalescedText(event));
        }
        QString tip = EventFormatter::handlerText(event);
        // A failed call says why, as its error event does.
        if (index.column() == CallColumn
            && (failed || (event.call == SysCall::Getaddrinfo && event.result != 0))) {
            SocketEvent error = event;
            error.kind = EventKind::Error;
            const QString why = ErrorExplanation::explain(error);
            if (!why.isEmpty())
                tip = PlainToolTip::wrapped(EventFormatter::callText(event) + QLatin1String("\n\n")
                                            + why);
        }
        return PlainToolTip::from(tip);
    }
    case Qt::ForegroundRole:
        if (failed)
            return QColor(0xB0, 0x00, 0x00);
        if (PacketLabel::isPacket(event))
            return QColor(0x60, 0x60, 0x60); // the wire is grey beside the calls
        return QVariant();
    case Qt::DecorationRole:
        if (index.column() == WhoColumn && event.role == Role::Client
            && !PacketLabel::isPacket(event))
            return ColorPalette::strong(event.connectionId);
        return QVariant();
    default:
        return QVariant();
    }
}

QVariant CallTraceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QVariant();
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case WhoColumn:
        return tr("Who");
    case CallColumn:
        return tr("Call and result");
    }
    return QVariant();
}

} // namespace socketlab
