#include "core/labsession.h"

#include <cerrno>

namespace socketlab {

namespace {
// Addresses remembered per session; a class makes far fewer connections from its panes.
constexpr int kMaxRememberedAddresses = 256;

bool isWildcard(const QString &host)
{
    return host == QLatin1String("0.0.0.0") || host == QLatin1String("[::]");
}

// "host" and "port" of "127.0.0.1:5000" or "[::1]:5000"; empty port when there is none.
void split(const QString &address, QString *host, QString *port)
{
    const int colon = address.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0) {
        *host = address;
        port->clear();
        return;
    }
    *host = address.left(colon);
    *port = address.mid(colon + 1);
}

// A client's peer is the server's listening address, or the server listens on a wildcard
// address on that port.
bool sameServer(const QString &peer, const QString &listening)
{
    if (peer.isEmpty() || listening.isEmpty())
        return false;
    if (peer == listening)
        return true;
    QString peerHost, peerPort, host, port;
    split(peer, &peerHost, &peerPort);
    split(listening, &host, &port);
    return isWildcard(host) && port == peerPort;
}
} // namespace

LabSession::LabSession(QObject *parent) : QObject(parent), m_server(&m_queue)
{
    connect(&m_queue, &EventQueue::eventsArrived, this, &LabSession::deliver);
}

LabSession::~LabSession()
{
    // Whoever listened may be half destroyed by now: stop without telling anyone.
    m_queue.blockSignals(true);
    stopAll();
}

Client *LabSession::client(int id)
{
    auto it = m_clients.find(id);
    if (it != m_clients.end())
        return it->second.get();
    auto made = std::make_unique<Client>(&m_queue);
    made->setId(quint64(id));
    return m_clients.emplace(id, std::move(made)).first->second.get();
}

Client *LabSession::findClient(int id) const
{
    const auto it = m_clients.find(id);
    return it == m_clients.end() ? nullptr : it->second.get();
}

void LabSession::removeClient(int id)
{
    auto it = m_clients.find(id);
    if (it == m_clients.end())
        return;
    // Its address stays known, so the server's side of its last connection keeps its number.
    learnAddress(id, it->second->localAddress());
    it->second->abort();
    m_clients.erase(it);
}

QList<int> LabSession::clientIds() const
{
    QList<int> ids;
    for (const auto &entry : m_clients)
        ids << entry.first;
    return ids;
}

void LabSession::stopAll()
{
    for (auto &entry : m_clients)
        entry.second->abort();
    m_server.stop();
}

bool LabSession::sameEndpoint(const QString &peer, const QString &local)
{
    if (peer == local)
        return true;
    QString localHost, localPort, peerHost, peerPort;
    split(local, &localHost, &localPort);
    split(peer, &peerHost, &peerPort);
    return isWildcard(localHost) && !localPort.isEmpty() && localPort == peerPort;
}

void LabSession::learnAddress(int id, const QString &local)
{
    if (local.isEmpty())
        return;
    QString host, port;
    split(local, &host, &port);
    const bool wildcard = isWildcard(host);
    if (wildcard && port.isEmpty())
        return;
    QHash<QString, int> &map = wildcard ? m_byPort : m_byAddress;
    const QString key = wildcard ? port : local;
    auto it = map.find(key);
    if (it != map.end()) {
        it.value() = id;
        return;
    }
    map.insert(key, id);
    m_addressOrder.enqueue(wildcard ? QLatin1Char(':') + port : local);
    while (m_addressOrder.size() > kMaxRememberedAddresses) {
        const QString oldest = m_addressOrder.dequeue();
        if (oldest.startsWith(QLatin1Char(':')))
            m_byPort.remove(oldest.mid(1));
        else
            m_byAddress.remove(oldest);
    }
}

int LabSession::clientIdForPeer(const QString &peer) const
{
    if (peer.isEmpty())
        return 0;
    const auto exact = m_byAddress.constFind(peer);
    if (exact != m_byAddress.constEnd())
        return exact.value();
    if (!m_byPort.isEmpty()) {
        QString host, port;
        split(peer, &host, &port);
        const auto byPort = m_byPort.constFind(port);
        if (!port.isEmpty() && byPort != m_byPort.constEnd())
            return byPort.value();
    }
    return 0;
}

void LabSession::trackBacklog(SocketEvent &event)
{
    if (event.protocol != Protocol::Tcp)
        return;
    const int id = event.clientId;
    if (event.role == Role::Server) {
        // From the stream, not the server's state now: a client's "connected" may pass after
        // the Stop that resets it.
        if (event.kind == EventKind::Listening)
            m_serverListening = event.local;
        else if (event.kind == EventKind::Summary)
            m_serverListening.clear();
        // Only the session's own clients: students come and go unbounded.
        else if (event.kind == EventKind::Connected && id != 0)
            m_acceptedPeers.insert(event.peer);
        return;
    }
    if (id == 0)
        return;
    switch (event.kind) {
    case EventKind::Connected:
        if (sameServer(event.peer, m_serverListening))
            m_connectedToServer.insert(id, event.local);
        break;
    case EventKind::Error:
        if (event.errnum == ECONNRESET && m_connectedToServer.contains(id))
            event.resetInBacklog = !m_acceptedPeers.contains(m_connectedToServer.value(id));
        break;
    case EventKind::Disconnected:
        m_acceptedPeers.remove(m_connectedToServer.take(id));
        break;
    default:
        break;
    }
}

void LabSession::deliver(const SocketEvents &events)
{
    // A server may report a connection before the client's own event carrying its address
    // is in the queue: ask the live clients first.
    for (const auto &entry : m_clients)
        learnAddress(entry.first, entry.second->localAddress());
    SocketEvents stamped = events;
    for (SocketEvent &event : stamped) {
        event.sequence = ++m_sequence;
        if (event.role == Role::Client) {
            event.clientId = int(event.connectionId);
            if (event.clientId != 0)
                learnAddress(event.clientId, event.local);
        } else {
            event.clientId = clientIdForPeer(event.peer);
        }
        trackBacklog(event);
    }
    emit eventsArrived(stamped);
}

} // namespace socketlab
