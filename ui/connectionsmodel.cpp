#include "ui/connectionsmodel.h"

#include "ui/colorpalette.h"
#include "core/eventformatter.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>

namespace socketlab {

ConnectionsModel::ConnectionsModel(QObject *parent) : QAbstractTableModel(parent)
{
    // The application hears of every language switch (QCoreApplication::installTranslator).
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

bool ConnectionsModel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange) {
        emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
        // "thread 4243" / "child 4250" are made in data() too.
        if (rowCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
    return QAbstractTableModel::eventFilter(watched, event);
}

int ConnectionsModel::rowOf(quint64 id) const
{
    // Few rows and mostly the newest ones are busy: search from the end.
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (m_rows[size_t(i)].id == id)
            return i;
    }
    return -1;
}

void ConnectionsModel::addRow(const SocketEvent &event)
{
    if (int(m_rows.size()) >= kMaxRows)
        removeRow(0);
    const int row = int(m_rows.size());
    beginInsertRows(QModelIndex(), row, row);
    Row r;
    r.id = event.connectionId;
    r.first = event;
    r.first.payload.clear();
    m_rows.push_back(r);
    endInsertRows();
}

void ConnectionsModel::removeRow(int row)
{
    beginRemoveRows(QModelIndex(), row, row);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
}

void ConnectionsModel::appendEvents(const SocketEvents &events)
{
    bool countsChanged = false;
    for (const SocketEvent &event : events) {
        if (event.role != Role::Server)
            continue;
        if (event.kind == EventKind::Summary) {
            clear();
            countsChanged = false;
            continue;
        }
        if (event.connectionId == 0)
            continue;
        const bool tcp = event.protocol == Protocol::Tcp;
        if (event.kind == EventKind::Connected && tcp) {
            if (rowOf(event.connectionId) < 0)
                addRow(event);
        } else if (event.kind == EventKind::Data
                   || (event.kind == EventKind::Coalesced && event.mergedKind == EventKind::Data)) {
            int row = rowOf(event.connectionId);
            if (row < 0) {
                addRow(event);  // UDP: a sender is first seen with its datagram
                row = int(m_rows.size()) - 1;
            }
            Row &r = m_rows[size_t(row)];
            // A Coalesced event stands for many messages the display could not keep up with.
            r.messages += event.kind == EventKind::Data ? 1 : event.messages;
            r.bytes += event.bytes;
            countsChanged = true;
        } else if (event.kind == EventKind::Disconnected && tcp) {
            const int row = rowOf(event.connectionId);
            if (row >= 0)
                removeRow(row);
        }
    }
    // One repaint per batch, however many datagrams it held.
    if (countsChanged && !m_rows.empty())
        emit dataChanged(index(0, MessagesColumn), index(rowCount() - 1, BytesColumn),
                         {Qt::DisplayRole});
}

void ConnectionsModel::clear()
{
    if (m_rows.empty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int ConnectionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConnectionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    const Row &row = m_rows.at(size_t(index.row()));
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ClientColumn:
            return row.first.peer;
        case HandlerColumn:
            return EventFormatter::shortHandlerText(row.first);
        case MessagesColumn:
            return locale.toString(row.messages);
        case BytesColumn:
            return locale.toString(row.bytes);
        case SinceColumn:
            return EventFormatter::timeOfDay(row.first).left(8);
        }
        return QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == MessagesColumn || index.column() == BytesColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case Qt::BackgroundRole: {
        const QColor tint = ColorPalette::tintFor(row.first);
        return tint.isValid() ? QVariant(tint) : QVariant();
    }
    case Qt::ForegroundRole:
        return QColor(Qt::black);
    case Qt::DecorationRole:
        if (index.column() == ClientColumn)
            return ColorPalette::strongFor(row.first);
        return QVariant();
    default:
        return QVariant();
    }
}

QVariant ConnectionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QVariant();
    switch (section) {
    case ClientColumn:
        return tr("Client");
    case HandlerColumn:
        return tr("Handled by");
    case MessagesColumn:
        return tr("Messages");
    case BytesColumn:
        return tr("Bytes");
    case SinceColumn:
        return tr("Since");
    }
    return QVariant();
}

} // namespace socketlab
