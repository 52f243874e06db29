#include "ui/calltracemodel.h"

#include "ui/colorpalette.h"
#include "core/eventformatter.h"
#include "ui/plaintooltip.h"

namespace socketlab {

CallTraceModel::CallTraceModel(QObject *parent) : QAbstractTableModel(parent) {}

QString CallTraceModel::whoText(const SocketEvent &event)
{
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
    std::vector<const SocketEvent *> calls;
    for (const SocketEvent &event : events) {
        if (event.kind == EventKind::Call)
            calls.push_back(&event);
    }
    if (calls.empty())
        return;
    size_t first = calls.size() > size_t(m_rowCap) ? calls.size() - size_t(m_rowCap) : 0;
    const int incoming = int(calls.size() - first);
    const int overflow = qMin(int(m_rows.size()), int(m_rows.size()) + incoming - m_rowCap);
    if (overflow > 0) {
        beginRemoveRows(QModelIndex(), 0, overflow - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + overflow);
        endRemoveRows();
    }
    const int start = int(m_rows.size());
    beginInsertRows(QModelIndex(), start, start + incoming - 1);
    for (size_t i = first; i < calls.size(); ++i)
        m_rows.push_back(*calls[i]);
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
    const bool failed = event.errnum != 0
        || (event.result < 0 && event.call != QLatin1String("getaddrinfo"));
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return EventFormatter::timeOfDay(event);
        case WhoColumn:
            return whoText(event);
        case CallColumn:
            return EventFormatter::callText(event);
        }
        return QVariant();
    case Qt::ToolTipRole:
        return PlainToolTip::from(EventFormatter::handlerText(event));
    case Qt::ForegroundRole:
        if (failed)
            return QColor(0xB0, 0x00, 0x00);
        return QVariant();
    case Qt::DecorationRole:
        if (index.column() == WhoColumn && event.role == Role::Client)
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
