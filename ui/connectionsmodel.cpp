#include "ui/connectionsmodel.h"

#include "core/eventformatter.h"
#include "ui/models/colorpalette.h"
#include "ui/models/plaintooltip.h"
#include "ui/models/studentroster.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFont>
#include <QLocale>

namespace socketlab {

namespace {
const QColor kWaitingBackground(0xE4, 0xE4, 0xE4);
const QColor kFadedText(0x60, 0x60, 0x60);

bool isKnown(const SocketSnapshot &socket)
{
    return socket.state != SocketState::Unknown;
}

// "58 s" for a timer the kernel runs (TIME_WAIT's), rounded up.
QString secondsLeft(qint64 timerMs)
{
    return ConnectionsModel::tr("%1 s").arg((timerMs + 999) / 1000);
}
} // namespace

ConnectionsModel::ConnectionsModel(QObject *parent)
    : QAbstractTableModel(parent)
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

int ConnectionsModel::rowOfPeer(const QString &peer) const
{
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (m_rows[size_t(i)].first.peer == peer)
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

void ConnectionsModel::applyProgramEvent(const SocketEvent &event)
{
    if (event.kind == EventKind::Summary) {
        for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
            if (m_rows[size_t(i)].traced)
                removeRow(i);
        }
        return;
    }
    if (event.kind != EventKind::Call || event.role != Role::Server || event.connectionId == 0
        || event.result < 0)
        return;
    // Apart from the lab's own connection numbers.
    const quint64 id = event.connectionId | kProgramConnection;
    if (event.call == SysCall::Accept) {
        if (rowOf(id) >= 0 || event.peer.isEmpty())
            return;
        SocketEvent accepted = event;
        accepted.connectionId = id;
        const int waiting = rowOfPeer(event.peer);
        if (waiting >= 0 && m_rows[size_t(waiting)].waiting) {
            Row &r = m_rows[size_t(waiting)];
            r.id = id;
            r.first = accepted;
            r.first.payload.clear();
            r.waiting = false;
            r.traced = true;
            emit dataChanged(index(waiting, 0), index(waiting, ColumnCount - 1));
            return;
        }
        addRow(accepted);
        m_rows.back().traced = true;
        return;
    }
    const bool receives = event.call == SysCall::Recv || event.call == SysCall::Recvfrom;
    const bool sends = event.call == SysCall::Send || event.call == SysCall::Sendto;
    const int row = rowOf(id);
    if (row < 0 || (!receives && !sends))
        return;
    Row &r = m_rows[size_t(row)];
    // The child or thread the parent handed the connection to.
    r.first.pid = event.pid;
    r.first.tid = event.tid;
    r.first.handler = event.handler;
    if (receives && event.result > 0) {
        r.messages += 1;
        r.bytes += event.result;
    }
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ConnectionsModel::appendEvents(const SocketEvents &events)
{
    bool countsChanged = false;
    for (const SocketEvent &event : events) {
        if (event.traced) {
            applyProgramEvent(event);
            continue;
        }
        if (event.role != Role::Server)
            continue;
        if (event.kind == EventKind::Summary) {
            clear();
            m_live = false;
            countsChanged = false;
            continue;
        }
        if (event.connectionId == 0)
            continue;
        const bool tcp = event.protocol == Protocol::Tcp;
        if (event.kind == EventKind::Connected && tcp) {
            if (rowOf(event.connectionId) >= 0)
                continue;
            // The client that waited in the backlog is accepted: its grey row is served now.
            const int waiting = rowOfPeer(event.peer);
            if (waiting >= 0 && m_rows[size_t(waiting)].waiting) {
                Row &r = m_rows[size_t(waiting)];
                r.id = event.connectionId;
                r.first = event;
                r.first.payload.clear();
                r.waiting = false;
                emit dataChanged(index(waiting, 0), index(waiting, ColumnCount - 1));
            } else {
                addRow(event);
            }
        } else if (event.kind == EventKind::Data
                   || (event.kind == EventKind::Coalesced && event.mergedKind == EventKind::Data)) {
            int row = rowOf(event.connectionId);
            if (row < 0) {
                addRow(event); // UDP: a sender is first seen with its datagram
                row = int(m_rows.size()) - 1;
            }
            Row &r = m_rows[size_t(row)];
            // A Coalesced event stands for many messages the display could not keep up with.
            r.messages += event.kind == EventKind::Data ? 1 : event.messages;
            r.bytes += event.bytes;
            countsChanged = true;
        } else if (event.kind == EventKind::Disconnected && tcp) {
            const int row = rowOf(event.connectionId);
            if (row < 0)
                continue;
            if (!m_live) {
                removeRow(row);
                continue;
            }
            // The kernel may keep it a while (TIME_WAIT): the next sample decides.
            m_rows[size_t(row)].left = true;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
    // One repaint per batch, however many datagrams it held.
    if (countsChanged && !m_rows.empty())
        emit dataChanged(index(0, MessagesColumn), index(rowCount() - 1, BytesColumn),
                         {Qt::DisplayRole});
}

void ConnectionsModel::addWaitingRow(const SocketSnapshot &socket)
{
    SocketEvent event(EventKind::Connected, Role::Server);
    event.protocol = socket.protocol;
    event.peer = socket.peer;
    event.local = socket.local;
    event.clientId = m_clientIdOf ? m_clientIdOf(socket.peer) : 0;
    event.sequence = 1; // known to the session: a peer that is no client of it is a student
    addRow(event);
    Row &r = m_rows.back();
    r.id = 0;
    r.waiting = true;
    r.server = socket;
}

void ConnectionsModel::applySockets(const QList<SocketSnapshot> &sockets, quint16 serverPort)
{
    m_live = true;
    QHash<QString, SocketSnapshot> serverSide; // by the peer's address
    QHash<QString, SocketSnapshot> clientSide; // by its own address
    SocketSnapshot listener;
    for (const SocketSnapshot &s : sockets) {
        if (s.protocol != Protocol::Tcp)
            continue;
        if (s.isListener())
            listener = s;
        else if (s.localPort == serverPort)
            serverSide.insert(s.peer, s);
        else
            clientSide.insert(s.local, s);
    }
    const bool listenerMoved = !(listener == m_listener);
    m_listener = listener;
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        Row &r = m_rows[size_t(i)];
        if (r.first.protocol != Protocol::Tcp)
            continue;
        r.server = serverSide.value(r.first.peer);
        r.client = clientSide.value(r.first.peer);
        // A pane's address may be learnt after its row appeared.
        if (r.waiting && m_clientIdOf)
            r.first.clientId = m_clientIdOf(r.first.peer);
        // Gone from the kernel: a waiting client that gave up, a connection the kernel dropped.
        bool gone
            = r.waiting ? !isKnown(r.server) : (r.left && !isKnown(r.server) && !isKnown(r.client));
        if (r.traced) {
            gone = r.seenByKernel && !isKnown(r.server);
            r.seenByKernel = r.seenByKernel || isKnown(r.server);
        }
        if (gone)
            removeRow(i);
    }
    // In the kernel's order (the order they connected in, for one listener).
    for (const SocketSnapshot &s : sockets) {
        if (s.protocol == Protocol::Tcp && s.localPort == serverPort && !s.isListener()
            && !s.accepted() && rowOfPeer(s.peer) < 0)
            addWaitingRow(s);
    }
    if (!m_rows.empty())
        emit dataChanged(index(0, HandlerColumn), index(rowCount() - 1, SendQColumn));
    if (listenerMoved)
        emit listenerChanged();
}

void ConnectionsModel::clear()
{
    if (m_listener.state != SocketState::Unknown) {
        m_listener = SocketSnapshot();
        emit listenerChanged();
    }
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
            return StudentRoster::peerText(row.first);
        case HandlerColumn:
            if (row.waiting)
                return tr("waiting in the backlog (not accepted yet)");
            if (row.left)
                return leftText(row);
            return EventFormatter::shortHandlerText(row.first);
        case StateColumn:
            return stateText(row);
        case RecvQColumn:
            return isKnown(row.server) ? locale.toString(row.server.recvQ) : QString();
        case SendQColumn:
            return isKnown(row.server) ? locale.toString(row.server.sendQ) : QString();
        case MessagesColumn:
            return locale.toString(row.messages);
        case BytesColumn:
            return locale.toString(row.bytes);
        case SinceColumn:
            return EventFormatter::timeOfDay(row.first).left(8);
        }
        return QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == MessagesColumn || index.column() == BytesColumn
            || index.column() == RecvQColumn || index.column() == SendQColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case Qt::ToolTipRole: {
        const QString tip = toolTip(row, index.column());
        return tip.isEmpty() ? QVariant() : QVariant(PlainToolTip::from(tip));
    }
    case Qt::BackgroundRole: {
        if (row.waiting)
            return kWaitingBackground;
        const QColor tint = ColorPalette::tintFor(row.first);
        return tint.isValid() ? QVariant(tint) : QVariant();
    }
    case Qt::ForegroundRole:
        return row.waiting || row.left ? kFadedText : QColor(Qt::black);
    case Qt::FontRole:
        if (row.waiting || row.left) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return QVariant();
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
    if (orientation != Qt::Horizontal)
        return QVariant();
    // Short headers, so a projector shows them whole; the tooltip says them in full.
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case HandlerColumn:
            return tr("The thread or child process that serves this connection");
        case RecvQColumn:
            return tr("Bytes received by the kernel that the server has not read yet (Recv-Q)");
        case SendQColumn:
            return tr("Bytes sent by the server that the client has not acknowledged yet (Send-Q)");
        case MessagesColumn:
            return tr("Messages received on this connection");
        default:
            return QVariant();
        }
    }
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case ClientColumn:
        return tr("Client");
    case HandlerColumn:
        return tr("Handler");
    case StateColumn:
        return tr("State");
    case RecvQColumn:
        return tr("Recv-Q");
    case SendQColumn:
        return tr("Send-Q");
    case MessagesColumn:
        return tr("Msgs");
    case BytesColumn:
        return tr("Bytes");
    case SinceColumn:
        return tr("Since");
    }
    return QVariant();
}

// The side whose socket the kernel shows for a row: the server's, or for a connection that
// left, the side still kept (TIME_WAIT: the one that closed first).
const SocketSnapshot *ConnectionsModel::shownSide(const Row &row)
{
    if (isKnown(row.server)
        && (!row.left || row.server.state == SocketState::TimeWait || !isKnown(row.client)))
        return &row.server;
    if (row.left && isKnown(row.client))
        return &row.client;
    return nullptr;
}

QString ConnectionsModel::stateText(const Row &row) const
{
    const SocketSnapshot *side = shownSide(row);
    if (!side)
        return QString();
    if (side->state == SocketState::TimeWait && side->timerMs > 0)
        return QStringLiteral("%1 %2").arg(socketStateName(side->state),
                                           secondsLeft(side->timerMs));
    return socketStateName(side->state);
}

QString ConnectionsModel::leftText(const Row &row) const
{
    const SocketSnapshot *side = shownSide(row);
    if (side && side->state == SocketState::TimeWait)
        return side == &row.server ? tr("left: the server closed first")
                                   : tr("left: the client closed first");
    return tr("left");
}

QString ConnectionsModel::toolTip(const Row &row, int column) const
{
    switch (column) {
    case ClientColumn:
        return StudentRoster::peerText(row.first);
    case HandlerColumn:
        if (row.waiting)
            return tr("The kernel completed this client's handshake and keeps it in the listening "
                      "socket's accept queue: the server has not called accept() for it yet.");
        if (row.left)
            return leftText(row);
        return EventFormatter::handlerText(row.first);
    case StateColumn:
        return stateToolTip(row);
    case RecvQColumn:
        return tr("Recv-Q: bytes that arrived and the server has not read yet");
    case SendQColumn:
        return tr("Send-Q: bytes sent that the other side has not acknowledged yet");
    }
    return QString();
}

QString ConnectionsModel::stateToolTip(const Row &row) const
{
    const SocketSnapshot *side = shownSide(row);
    const bool timeWait = side && side->state == SocketState::TimeWait;
    if (timeWait) {
        return tr("The side that closed first keeps the connection in TIME_WAIT for a while, so "
                  "late packets cannot be taken for a new connection; the kernel drops it when "
                  "the countdown ends.");
    }
    if (row.server.state == SocketState::CloseWait) {
        return tr("CLOSE_WAIT: the client closed its side; the server has not called close() yet.");
    }
    return tr("The connection's TCP state as the kernel reports it (server side).");
}

} // namespace socketlab
