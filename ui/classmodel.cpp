#include "ui/classmodel.h"

#include "core/endpoint.h"
#include "core/eventformatter.h"
#include "core/payloadtext.h"
#include "ui/models/colorpalette.h"
#include "ui/models/plaintooltip.h"
#include "ui/models/studentroster.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHash>
#include <QLocale>

#include <algorithm>

namespace socketlab {

namespace {
// A tile shows one line of the last message: more would never be seen.
constexpr int kLastMessageBytes = 200;

QString lastMessageText(const SocketEvent &event)
{
    if (PayloadText::isBinary(event.payload))
        return EventFormatter::payloadText(event);
    QByteArray bytes = event.payload.left(kLastMessageBytes);
    // The line break that ends a typed line says nothing on a tile.
    while (bytes.endsWith('\n') || bytes.endsWith('\r'))
        bytes.chop(1);
    return PayloadText::toDisplay(bytes, kLastMessageBytes);
}
} // namespace

ClassModel::ClassModel(QObject *parent)
    : QAbstractListModel(parent)
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

bool ClassModel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange
        && !m_students.empty())
        emit dataChanged(index(0), index(rowCount() - 1));
    return QAbstractListModel::eventFilter(watched, event);
}

int ClassModel::rowOfHost(const QString &host) const
{
    for (size_t i = 0; i < m_students.size(); ++i) {
        if (m_students[i].host == host)
            return int(i);
    }
    return -1;
}

int ClassModel::rowFor(const SocketEvent &event)
{
    const int number = StudentRoster::studentOf(event);
    if (number == 0)
        return -1;
    // Rows are kept by number: usually the newest student goes last.
    const auto at = std::lower_bound(m_students.begin(), m_students.end(), number,
                                     [](const Student &s, int n) { return s.number < n; });
    const int row = int(at - m_students.begin());
    if (at != m_students.end() && at->number == number)
        return row;
    if (int(m_students.size()) >= kMaxStudents)
        return -1; // counted by the server's totals all the same
    beginInsertRows(QModelIndex(), row, row);
    Student student;
    student.number = number;
    student.host = Endpoint::hostOf(event.peer);
    student.peer = event.peer;
    m_students.insert(m_students.begin() + row, student);
    endInsertRows();
    return row;
}

void ClassModel::appendEvents(const SocketEvents &events)
{
    bool changed = false;
    bool classChanged = false;
    for (const SocketEvent &event : events) {
        if (event.role != Role::Server)
            continue;
        if (event.kind == EventKind::Summary) {
            // The server stopped: nobody is connected to it any more.
            for (Student &s : m_students) {
                classChanged = classChanged || s.connected;
                s.connected = false;
                s.state = SocketState::Unknown;
            }
            changed = true;
            continue;
        }
        const bool tcp = event.protocol == Protocol::Tcp;
        const bool data = event.kind == EventKind::Data
            || (event.kind == EventKind::Coalesced && event.mergedKind == EventKind::Data);
        if (!data && event.kind != EventKind::Connected && event.kind != EventKind::Disconnected)
            continue;
        const int row = rowFor(event);
        if (row < 0)
            continue;
        Student &s = m_students[size_t(row)];
        changed = true;
        if (event.kind == EventKind::Connected && tcp) {
            s.peer = event.peer;
            s.connectionId = event.connectionId;
            s.connected = true;
            s.state = SocketState::Unknown; // the next sample says
            ++s.connections;
            classChanged = true;
        } else if (event.kind == EventKind::Disconnected && tcp) {
            if (event.connectionId == s.connectionId || s.connectionId == 0) {
                s.connected = false;
                classChanged = true;
            }
        } else if (data) {
            s.messages += event.kind == EventKind::Data ? 1 : event.messages;
            s.bytes += event.bytes;
            if (!event.payload.isEmpty())
                s.lastMessage = lastMessageText(event);
            if (!tcp) { // UDP: a sender is "there" once it sent
                s.peer = event.peer;
                if (!s.connected)
                    classChanged = true;
                s.connected = true;
            }
        }
    }
    if (changed && !m_students.empty())
        emit dataChanged(index(0), index(rowCount() - 1));
    if (classChanged)
        emit this->classChanged();
}

void ClassModel::applySockets(const QList<SocketSnapshot> &sockets, quint16 serverPort)
{
    if (m_students.empty())
        return;
    QHash<QString, SocketState> byPeer;
    for (const SocketSnapshot &s : sockets) {
        if (s.protocol == Protocol::Tcp && s.localPort == serverPort && !s.isListener())
            byPeer.insert(s.peer, s.state);
    }
    bool changed = false;
    for (Student &s : m_students) {
        const SocketState state = byPeer.value(s.peer, SocketState::Unknown);
        if (state != s.state) {
            s.state = state;
            changed = true;
        }
    }
    if (changed)
        emit dataChanged(index(0), index(rowCount() - 1));
}

void ClassModel::clear()
{
    if (m_students.empty())
        return;
    beginResetModel();
    m_students.clear();
    endResetModel();
    emit classChanged();
}

int ClassModel::connectedCount() const
{
    return int(std::count_if(m_students.begin(), m_students.end(),
                             [](const Student &s) { return s.connected; }));
}

QString ClassModel::shortBytes(qint64 bytes)
{
    if (bytes < 1000)
        return tr("%1 B").arg(bytes);
    // One decimal below ten ("1.2 kB"), none above ("315 kB"): a tile is narrow.
    const int decimals = bytes < 10000 || (bytes >= 1000000 && bytes < 10000000) ? 1 : 0;
    return QLocale().formattedDataSize(bytes, decimals, QLocale::DataSizeSIFormat);
}

QString ClassModel::shortStateName(SocketState state)
{
    // ss(8)'s short names: a tile is a few characters wide.
    switch (state) {
    case SocketState::Established:
        return QStringLiteral("ESTAB");
    case SocketState::SynSent:
        return QStringLiteral("SYN-SENT");
    case SocketState::SynRecv:
        return QStringLiteral("SYN-RECV");
    case SocketState::FinWait1:
        return QStringLiteral("FIN-WAIT-1");
    case SocketState::FinWait2:
        return QStringLiteral("FIN-WAIT-2");
    case SocketState::TimeWait:
        return QStringLiteral("TIME-WAIT");
    case SocketState::CloseWait:
        return QStringLiteral("CLOSE-WAIT");
    case SocketState::LastAck:
        return QStringLiteral("LAST-ACK");
    default:
        return socketStateName(state);
    }
}

QString ClassModel::stateText(const Student &student) const
{
    if (student.state != SocketState::Unknown)
        return shortStateName(student.state);
    return student.connected ? tr("connected") : tr("left");
}

QString ClassModel::countsText(const Student &student) const
{
    // "1.2k" from a thousand messages on: the exact count is in the tooltip and the table.
    const QString messages = student.messages < 1000
        ? QLocale().toString(student.messages)
        : tr("%1k").arg(QLocale().toString(double(student.messages) / 1000.0, 'f',
                                           student.messages < 10000 ? 1 : 0));
    return tr("%1·%2").arg(messages, shortBytes(student.bytes));
}

QString ClassModel::toolTip(const Student &student) const
{
    QStringList lines;
    lines << StudentRoster::label(student.number, student.peer);
    lines << (student.connected ? tr("Connected now") : tr("Left"));
    if (student.state != SocketState::Unknown)
        lines << tr("TCP state (server side): %1").arg(socketStateName(student.state));
    lines << tr("Connections: %1    Messages: %2    Bytes: %3")
                 .arg(QLocale().toString(student.connections), QLocale().toString(student.messages),
                      QLocale().toString(student.bytes));
    if (!student.lastMessage.isEmpty())
        lines << tr("Last message: %1").arg(student.lastMessage);
    return lines.join(QLatin1Char('\n'));
}

int ClassModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_students.size());
}

QVariant ClassModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Student &s = m_students.at(size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return tr("%1 %2: %3, %4, %5")
            .arg(QString::number(s.number), s.peer, stateText(s), countsText(s), s.lastMessage);
    case Qt::ToolTipRole:
        return PlainToolTip::from(toolTip(s));
    case NumberRole:
        return s.number;
    case AddressRole:
        return s.host;
    case PeerRole:
        return s.peer;
    case ConnectedRole:
        return s.connected;
    case MessagesRole:
        return s.messages;
    case BytesRole:
        return s.bytes;
    case LastMessageRole:
        return s.lastMessage;
    case StateRole:
        return s.state == SocketState::Unknown ? QString() : socketStateName(s.state);
    case StateTextRole:
        return stateText(s);
    case CountsRole:
        return countsText(s);
    case ColorRole:
        return ColorPalette::studentStrong(s.number);
    default:
        return QVariant();
    }
}

} // namespace socketlab
