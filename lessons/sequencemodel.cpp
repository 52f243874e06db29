#include "lessons/sequencemodel.h"

#include "core/causalorder.h"
#include "core/eventformatter.h"
#include "core/packetlabel.h"
#include "core/payloadtext.h"

#include <QMap>
#include <QSet>

#include <algorithm>

namespace socketlab {

namespace {
constexpr int kLabelBytes = 24;

// A label's payload: its text in quotes, or "binary, 300 bytes".
QString quoted(const SocketEvent &e)
{
    if (PayloadText::isBinary(e.payload))
        return EventFormatter::payloadText(e);
    return QStringLiteral("\"%1\"").arg(PayloadText::toDisplay(e.payload, kLabelBytes));
}

// "recvfrom" for a UDP datagram: the call the worker made, as its event says.
QString callOf(const SocketEvent &e)
{
    const SysCall call = e.call != SysCall::None ? e.call : trafficCall(e.kind, e.protocol);
    return sysCallName(call);
}
} // namespace

QString SequenceModel::clientName(quint64 number)
{
    if (number >= 1 && number <= 26)
        return tr("Client %1").arg(QChar(char('A' + number - 1)));
    return tr("Client %1").arg(number);
}

int SequenceModel::clientLane(quint64 number) const
{
    const int lane = int(m_laneClients.indexOf(number));
    return number == 0 ? -1 : lane;
}

void SequenceModel::buildLanes(const SocketEvents &events)
{
    QMap<quint64, QString> clients;
    m_wire = false;
    for (const SocketEvent &e : events) {
        // Packets join the lanes of the calls' ends; they make none of their own.
        if (PacketLabel::isPacket(e)) {
            m_wire = true;
            continue;
        }
        if (e.role != Role::Client)
            continue;
        QString &address = clients[e.connectionId];
        if (address.isEmpty() && (e.kind == EventKind::Connected || e.kind == EventKind::Sent))
            address = e.local;
    }
    for (auto it = clients.cbegin(); it != clients.cend(); ++it) {
        m_lanes.push_back({clientName(it.key()), it.value(), false, false, int(it.key())});
        m_laneClients.push_back(it.key());
        m_laneAddresses.push_back(it.value());
    }
    QString serverAddress;
    bool server = false;
    for (const SocketEvent &e : events) {
        if (e.role != Role::Server || PacketLabel::isPacket(e))
            continue;
        server = true;
        if (e.kind == EventKind::Listening)
            serverAddress = e.local;
        if (!e.peer.isEmpty() && laneFor(e) < 0 && e.kind != EventKind::Call) {
            m_lanes.push_back({tr("Other client"), e.peer, false, false, 0});
            m_laneClients.push_back(0);
            m_laneAddresses.push_back(e.peer);
        }
    }
    if (!server && m_lanes.isEmpty())
        return;
    m_serverLane = int(m_lanes.size());
    m_lanes.push_back({tr("Server"), serverAddress, true, false, 0});
    m_laneClients.push_back(0);
    m_laneAddresses.push_back(serverAddress);

    for (const SocketEvent &e : events) {
        if (e.role == Role::Server && e.kind == EventKind::Listening)
            m_listening.insert(e.local);
    }
    for (const SocketEvent &e : events) {
        const QString target = e.role == Role::Client ? targetOf(e) : QString();
        if (target.isEmpty() || m_listening.contains(target) || m_laneAddresses.contains(target))
            continue;
        m_lanes.push_back({tr("Nobody"), target, false, true, 0});
        m_laneClients.push_back(0);
        m_laneAddresses.push_back(target);
    }
}

QString SequenceModel::targetOf(const SocketEvent &e)
{
    if (e.kind == EventKind::Connected || e.kind == EventKind::Sent)
        return e.peer;
    if (e.kind == EventKind::Error && e.call == SysCall::Connect)
        return e.args; // the address connect() was given
    return QString();
}

int SequenceModel::targetLane(const QString &address) const
{
    for (int i = m_serverLane + 1; i < m_lanes.size(); ++i) {
        if (m_laneAddresses[i] == address)
            return i;
    }
    return m_serverLane;
}

int SequenceModel::laneFor(const SocketEvent &serverEvent) const
{
    // The session stamped the client it belongs to; a student's (0) has a lane of its own.
    const int lane = clientLane(quint64(qMax(0, serverEvent.clientId)));
    if (lane >= 0 || serverEvent.peer.isEmpty())
        return lane;
    const int clients = m_serverLane < 0 ? int(m_laneAddresses.size()) : m_serverLane;
    for (int i = 0; i < clients; ++i) {
        if (m_laneClients[i] == 0 && m_laneAddresses[i] == serverEvent.peer)
            return i;
    }
    return -1;
}

bool SequenceModel::before(const SocketEvent &a, const SocketEvent &b)
{
    // Causal order across the server's and the clients' streams (each is in order already):
    // a send counts from when it was entered, a receive from when it returned. Events made by
    // hand carry only millisecond times: within one, a client's act comes before the server's
    // reaction to it, and a server's reply before the client receives it.
    const auto rank = [](const SocketEvent &e) {
        if (e.role == Role::Server)
            return 1;
        const bool reaction = e.kind == EventKind::Received
            || (e.kind == EventKind::Disconnected && e.result == 1); // the server closed first
        return reaction ? 2 : 0;
    };
    const qint64 ta = causalTimeUs(a);
    const qint64 tb = causalTimeUs(b);
    return ta < tb || (ta == tb && rank(a) < rank(b));
}

void SequenceModel::setEvents(const SocketEvents &events)
{
    m_events = events;
    m_order.resize(events.size());
    for (int i = 0; i < m_order.size(); ++i)
        m_order[i] = i;
    const SocketEvents &all = m_events;
    std::stable_sort(m_order.begin(), m_order.end(),
                     [&all](int a, int b) { return before(all.at(a), all.at(b)); });
    rebuild();
}

void SequenceModel::rebuild()
{
    m_lanes.clear();
    m_laneClients.clear();
    m_laneAddresses.clear();
    m_listening.clear();
    m_serverLane = -1;
    buildLanes(m_events);
    m_applied = 0;
    remakeRows();
}

void SequenceModel::remakeRows()
{
    m_items.clear();
    m_rows = 0;
    m_failedConnections.clear();
    m_flows = QVector<Flow>(m_lanes.size());
    m_itemsBeforePending = 0;
    m_rowsBeforePending = 0;
    if (m_serverLane >= 0)
        applyFrom(0);
}

bool SequenceModel::changesLanes(const SocketEvent &e) const
{
    // Errs on the side of true: a new lane moves the others, and then every row is made again.
    if (PacketLabel::isPacket(e))
        return !m_wire; // the first one: the refused connect's drawn SYN and RST go
    if (m_serverLane < 0)
        return true;
    if (e.role == Role::Server) {
        if (e.kind == EventKind::Listening)
            return true; // the server's address, and the addresses nobody listens on
        return !e.peer.isEmpty() && e.kind != EventKind::Call && laneFor(e) < 0;
    }
    if (e.role != Role::Client)
        return false;
    const int lane = clientLane(e.connectionId);
    if (lane < 0 || lane >= m_serverLane)
        return true;
    if ((e.kind == EventKind::Connected || e.kind == EventKind::Sent) && !e.local.isEmpty()
        && m_laneAddresses.at(lane).isEmpty())
        return true; // the lane's subtitle
    const QString target = targetOf(e);
    return !target.isEmpty() && !m_listening.contains(target) && !m_laneAddresses.contains(target);
}

void SequenceModel::appendEvents(const SocketEvents &batch)
{
    bool lanes = false;
    int firstMoved = int(m_order.size());
    for (const SocketEvent &e : batch) {
        lanes = lanes || changesLanes(e);
        // Where a stable sort of all the events would put it: after every event not later
        // than it. Gallop back from the end, then search the last stride.
        int high = int(m_order.size());
        int low = high;
        int stride = 1;
        while (low > 0) {
            const int probe = qMax(0, high - stride);
            if (!before(e, m_events.at(m_order.at(probe)))) {
                low = probe + 1;
                break;
            }
            high = low = probe;
            stride *= 2;
        }
        const SocketEvents &all = m_events;
        const auto at = std::upper_bound(
            m_order.cbegin() + low, m_order.cbegin() + high, e,
            [&all](const SocketEvent &value, int i) { return before(value, all.at(i)); });
        const int position = int(at - m_order.cbegin());
        m_events.push_back(e);
        m_order.insert(position, int(m_events.size()) - 1);
        firstMoved = qMin(firstMoved, position);
    }
    if (lanes) {
        rebuild();
        return;
    }
    if (firstMoved < m_applied) {
        // An event earlier than rows already made: make them again (lanes as they are).
        remakeRows();
        return;
    }
    dropPending();
    applyFrom(m_applied);
}

void SequenceModel::applyFrom(int first)
{
    for (m_applied = first; m_applied < m_order.size(); ++m_applied) {
        if (m_items.size() >= kMaxItems)
            break;
        add(m_events.at(m_order.at(m_applied)));
    }
    addPending();
}

void SequenceModel::redrawPending()
{
    if (m_serverLane < 0)
        return;
    dropPending();
    addPending();
}

void SequenceModel::dropPending()
{
    m_items.resize(m_itemsBeforePending);
    m_rows = m_rowsBeforePending;
}

void SequenceModel::addPending()
{
    m_itemsBeforePending = int(m_items.size());
    m_rowsBeforePending = m_rows;
    // A connect() that has not returned reports nothing yet, but the class should see it
    // waiting (a SYN the full backlog ignores): an arrow that has not arrived.
    for (const quint64 client : std::as_const(m_pendingConnects)) {
        const int lane = clientLane(client);
        if (lane < 0 || lane == m_serverLane || m_items.size() >= kMaxItems)
            continue;
        const int item = push(SequenceItem::Kind::Connect, lane, m_serverLane, tr("connect()…"));
        m_items[item].endRow = -1;
    }
}

int SequenceModel::push(SequenceItem::Kind kind, int from, int to, const QString &label)
{
    SequenceItem item;
    item.kind = kind;
    item.fromLane = from;
    item.toLane = to;
    item.row = m_rows++;
    item.label = label;
    if (item.isArrow() && kind != SequenceItem::Kind::Message && kind != SequenceItem::Kind::Reply)
        item.endRow = item.row;
    m_items.push_back(item);
    return int(m_items.size()) - 1;
}

void SequenceModel::add(const SocketEvent &event)
{
    if (PacketLabel::isPacket(event))
        addPacket(event);
    else if (event.role == Role::Server)
        addServerEvent(event);
    else
        addClientEvent(event);
}

void SequenceModel::addClientEvent(const SocketEvent &e)
{
    const int lane = clientLane(e.connectionId);
    if (lane < 0)
        return;
    Flow &flow = m_flows[lane];
    const int target = targetLane(targetOf(e));
    if (target != m_serverLane) {
        // Nothing of the lesson listens there: a refused connect or a datagram nobody reads.
        if (e.kind == EventKind::Sent) {
            const int item = push(SequenceItem::Kind::Message, lane, target,
                                  tr("%1(): %2: nobody reads it").arg(callOf(e), quoted(e)));
            m_items[item].endRow = m_items[item].row;
        } else if (e.kind == EventKind::Error && m_wire) {
            push(SequenceItem::Kind::Error, lane, lane,
                 tr("%1() failed: %2").arg(sysCallName(e.call), EventFormatter::reasonText(e)));
        } else if (e.kind == EventKind::Error) {
            push(SequenceItem::Kind::Connect, lane, target, tr("connect(): SYN"));
            const int reset = push(SequenceItem::Kind::Reply, target, lane, tr("RST"));
            m_items[reset].endRow = m_items[reset].row;
            push(SequenceItem::Kind::Error, lane, lane,
                 tr("%1() failed: %2").arg(sysCallName(e.call), EventFormatter::reasonText(e)));
        }
        return;
    }
    switch (e.kind) {
    case EventKind::Connected:
        push(SequenceItem::Kind::Connect, lane, m_serverLane, tr("connect()"));
        break;
    case EventKind::Sent: {
        const int item = push(SequenceItem::Kind::Message, lane, m_serverLane,
                              tr("%1(): %2").arg(callOf(e), quoted(e)));
        flow.clientSent += e.bytes;
        if (flow.serverReceived >= flow.clientSent)
            m_items[item].endRow = m_items[item].row; // its arrival was stamped first
        else
            flow.toServer.push_back({item, flow.clientSent});
        break;
    }
    case EventKind::Received: {
        const int row = m_rows;
        push(SequenceItem::Kind::Mark, lane, lane, tr("%1(): %2").arg(callOf(e), quoted(e)));
        flow.clientReceived += e.bytes;
        while (!flow.toClient.isEmpty() && flow.toClient.first().end <= flow.clientReceived)
            m_items[flow.toClient.takeFirst().item].endRow = row;
        break;
    }
    case EventKind::Disconnected:
        // result 1: the server closed first (2: this client reset, 0: it closed).
        flow.clientClosed = e.result != 1;
        if (flow.clientClosed)
            push(SequenceItem::Kind::Close, lane, m_serverLane,
                 flow.lingerZero ? tr("close(): RST") : tr("close()"));
        else
            push(SequenceItem::Kind::Mark, lane, lane, tr("recv() = 0, close()"));
        break;
    case EventKind::Error:
        push(SequenceItem::Kind::Error, lane, lane,
             tr("%1() failed: %2").arg(sysCallName(e.call), EventFormatter::reasonText(e)));
        break;
    case EventKind::Call:
        // Lesson 10: a half-close is a FIN of its own; SO_LINGER {1, 0} turns close() into an RST.
        if (e.call == SysCall::Shutdown && e.result == 0)
            push(SequenceItem::Kind::Close, lane, m_serverLane, tr("shutdown(SHUT_WR): FIN"));
        else if (e.call == SysCall::Setsockopt && e.args.contains(QLatin1String("SO_LINGER")))
            flow.lingerZero = true;
        break;
    default:
        break;
    }
}

void SequenceModel::addPacket(const SocketEvent &e)
{
    // The session stamped the client at one end (role: which side sent it); the other end is
    // the server's lane or the lane of an address nobody listens on.
    const int client = clientLane(quint64(qMax(0, e.clientId)));
    if (client < 0 || client >= m_serverLane)
        return; // a student's, or a client of no lane yet
    const bool fromClient = e.role == Role::Client;
    const int other = targetLane(fromClient ? PacketLabel::receiverEnd(e.packet)
                                            : PacketLabel::senderEnd(e.packet));
    const int from = fromClient ? client : other;
    const int to = fromClient ? other : client;
    // A bulk transfer is hundreds of alike segments: one arrow says how many, so the diagram
    // keeps room for the calls. A segment with news (a SYN, a FIN, a zero window, a probe,
    // a retransmission) is always an arrow of its own.
    const PacketInfo &p = e.packet;
    const bool plain = e.kind == EventKind::Packet && !p.zeroWindow && !p.windowProbe
        && !p.retransmission
        && (p.proto == PacketInfo::Proto::Udp
            || (p.proto == PacketInfo::Proto::Tcp
                && !(p.flags & (PacketInfo::Syn | PacketInfo::Fin | PacketInfo::Rst))));
    const QString kind = p.proto == PacketInfo::Proto::Udp ? QStringLiteral("UDP") : p.flagsText();
    if (plain && !m_items.isEmpty()) {
        SequenceItem &last = m_items.last();
        if (last.kind == SequenceItem::Kind::Packet && last.fromLane == from && last.toLane == to
            && last.packets > 0 && last.packetKind == kind) {
            ++last.packets;
            last.packetBytes += p.len;
            last.label = last.packetBytes > 0
                ? tr("%1 ×%2, %3")
                      .arg(kind)
                      .arg(last.packets)
                      .arg(EventFormatter::byteCount(last.packetBytes))
                : tr("%1 ×%2").arg(kind).arg(last.packets);
            return;
        }
    }
    // The last rows are kept for the calls: a long transfer's plain segments stop here
    // (the Wire tab lists every packet).
    if (plain && m_items.size() >= kMaxItems - kItemsKeptForCalls)
        return;
    const int item = push(SequenceItem::Kind::Packet, from, to, PacketLabel::of(e));
    if (plain) {
        m_items[item].packets = 1;
        m_items[item].packetBytes = p.len;
        m_items[item].packetKind = kind;
    }
}

void SequenceModel::addServerEvent(const SocketEvent &e)
{
    const int s = m_serverLane;
    const int lane = laneFor(e);
    switch (e.kind) {
    case EventKind::Listening:
        push(SequenceItem::Kind::Mark, s, s,
             e.protocol == Protocol::Udp ? tr("bind(): %1").arg(e.local)
                                         : tr("listen(): %1").arg(e.local));
        break;
    case EventKind::Connected:
        push(SequenceItem::Kind::Mark, s, s,
             tr("accept(): %1").arg(EventFormatter::shortHandlerText(e)));
        break;
    case EventKind::Data: {
        const int row = m_rows;
        push(SequenceItem::Kind::Mark, s, s,
             tr("%1(): %2 (%3)").arg(callOf(e), quoted(e), EventFormatter::byteCount(e.bytes)));
        if (lane < 0)
            break;
        Flow &flow = m_flows[lane];
        flow.serverReceived += e.bytes;
        while (!flow.toServer.isEmpty() && flow.toServer.first().end <= flow.serverReceived)
            m_items[flow.toServer.takeFirst().item].endRow = row;
        break;
    }
    case EventKind::Sent: {
        if (lane < 0)
            break;
        Flow &flow = m_flows[lane];
        const int item
            = push(SequenceItem::Kind::Reply, s, lane, tr("%1(): %2").arg(callOf(e), quoted(e)));
        flow.serverSent += e.bytes;
        if (flow.clientReceived >= flow.serverSent)
            m_items[item].endRow = m_items[item].row;
        else
            flow.toClient.push_back({item, flow.serverSent});
        break;
    }
    case EventKind::Disconnected:
        if (lane >= 0 && !m_flows[lane].clientClosed)
            push(SequenceItem::Kind::Close, s, lane, tr("close()"));
        else if (m_failedConnections.contains(e.connectionId))
            push(SequenceItem::Kind::Mark, s, s, tr("close()"));
        else
            push(SequenceItem::Kind::Mark, s, s, tr("recv() = 0, close()"));
        break;
    case EventKind::HandlerExited:
        push(SequenceItem::Kind::Mark, s, s,
             e.handler == HandlerKind::Thread ? tr("thread %1 finished").arg(e.tid)
                                              : tr("waitpid(): child %1 reaped").arg(e.pid));
        break;
    case EventKind::Error:
        if (e.connectionId != 0)
            m_failedConnections.insert(e.connectionId);
        push(SequenceItem::Kind::Error, s, s,
             tr("%1() failed: %2").arg(sysCallName(e.call), EventFormatter::reasonText(e)));
        break;
    case EventKind::CounterIncremented:
        push(SequenceItem::Kind::Mark, s, s,
             tr("counter = %1 (%2)").arg(e.result).arg(EventFormatter::shortHandlerText(e)));
        break;
    case EventKind::Summary:
        push(SequenceItem::Kind::Mark, s, s, tr("server stopped"));
        break;
    default:
        break;
    }
}

} // namespace socketlab
