#include "core/labsession.h"

#include "core/callclock.h"
#include "core/endpoint.h"
#include "core/packetlabel.h"
#include "core/tracer.h"

#include <cerrno>

namespace socketlab {

namespace {
// Addresses remembered per session; a class makes far fewer connections from its panes.
constexpr int kMaxRememberedAddresses = 256;
// Ports of clients that left, still sampled (their TIME_WAIT), the most recent ones.
constexpr int kSampledPastClients = 16;

// A client's peer is the server's listening address, or the server listens on a wildcard
// address on that port.
bool sameServer(const QString &peer, const QString &listening)
{
    if (peer.isEmpty() || listening.isEmpty())
        return false;
    if (peer == listening)
        return true;
    const Endpoint server = Endpoint::parse(listening);
    const Endpoint client = Endpoint::parse(peer);
    return server.isWildcard() && client.isValid() && server.port() == client.port();
}

// "127.0.0.1:5000", "[::1]:5000": the server cannot be reached from other machines.
bool isLoopbackAddress(const QString &address)
{
    return address.startsWith(QLatin1String("127.")) || address.startsWith(QLatin1String("[::1]"));
}
} // namespace

LabSession::LabSession(QObject *parent)
    : QObject(parent),
      m_server(&m_queue)
{
    connect(&m_queue, &EventQueue::eventsArrived, this, &LabSession::deliver);
    connect(&m_server, &Server::started, this, &LabSession::serverStarted);
    connect(&m_server, &Server::stopped, this, &LabSession::updateSampling);
    connect(&m_sampler, &SocketStateSampler::sampled, this, &LabSession::forwardSample);
}

LabSession::~LabSession()
{
    // Whoever listened may be half destroyed by now: stop without telling anyone.
    m_queue.blockSignals(true);
    m_sampler.stop();
    stopAll();
}

Client *LabSession::client(int id)
{
    auto it = m_clients.find(id);
    if (it != m_clients.end())
        return it->second.get();
    auto made = std::make_unique<Client>(&m_queue);
    made->setId(quint64(id));
    made->setNetwork(m_network);
    connect(made.get(), &Client::stateChanged, this, &LabSession::updateSampling);
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
    updateSampling();
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
    m_sampler.stop();
    for (auto &entry : m_clients)
        entry.second->abort();
    m_server.stop();
}

void LabSession::serverStarted()
{
    ++m_serverRun;
    m_serverRunUs = nowUs();
    updateSampling();
}

void LabSession::setNetwork(std::shared_ptr<LabNetwork> network)
{
    m_network = std::move(network);
    m_server.setNetwork(m_network);
    for (auto &entry : m_clients)
        entry.second->setNetwork(m_network);
    // The lab's packets are where its sockets are: a capture started from now on looks there.
    PacketCapture::Options options = m_capture.baseOptions();
    options.network = m_network;
    m_capture.setBaseOptions(options);
    updateSampling();
}

void LabSession::setPortsToKeepWatching(const QList<quint16> &ports)
{
    m_keptPorts = ports;
    updateSampling();
}

bool LabSession::startCapture(QString *error)
{
    if (!m_capture.start(error))
        return false;
    updateCapture();
    return true;
}

void LabSession::stopCapture()
{
    m_capture.stop();
}

void LabSession::setCapturePorts(const QList<quint16> &ports)
{
    m_capturePorts = ports;
    updateCapture();
}

void LabSession::setCaptureOptions(const PacketCapture::Options &options)
{
    PacketCapture::Options withNetwork = options;
    if (!withNetwork.network)
        withNetwork.network = m_network;
    m_capture.setBaseOptions(withNetwork);
}

void LabSession::updateCapture()
{
    if (!m_capture.isWanted())
        return;
    QList<quint16> ports = m_capturePorts + m_keptPorts + m_programPorts;
    bool allInterfaces = false;
    if (m_server.isRunning()) {
        ports << m_server.localPort();
        allInterfaces = !isLoopbackAddress(m_server.localAddress());
    }
    for (const auto &entry : m_clients) {
        if (entry.second->state() != Client::State::Unconnected)
            ports << entry.second->remotePort();
    }
    m_capture.follow(ports, allInterfaces);
}

void LabSession::stampPacket(SocketEvent &event) const
{
    const QString from = PacketLabel::senderEnd(event.packet);
    const QString to = PacketLabel::receiverEnd(event.packet);
    const int sender = clientIdForSocket(from);
    const int receiver = sender != 0 ? 0 : clientIdForSocket(to);
    event.clientId = sender != 0 ? sender : receiver;
    event.role = sender != 0 ? Role::Client : Role::Server;
    if (event.clientId == 0) {
        // A connect() refused at once reports no local address: the client is the one that
        // tried the port at the other end (not the server's: its clients' addresses are known).
        const quint16 serverPort = m_server.isRunning() ? m_server.localPort() : 0;
        for (const auto &entry : m_clients) {
            const quint16 target = entry.second->remotePort();
            if (target == 0 || target == serverPort)
                continue;
            if (Endpoint::parse(to).port() == target) {
                event.clientId = entry.first;
                event.role = Role::Client;
            } else if (Endpoint::parse(from).port() == target) {
                event.clientId = entry.first;
                event.role = Role::Server;
            }
        }
    }
    // The end that is the lab's server (its port), if one is: views draw it in its lane.
    const quint16 serverPort = m_server.isRunning() ? m_server.localPort() : 0;
    const auto isServer = [&](const QString &address) {
        const quint16 port = Endpoint::parse(address).port();
        return port != 0 && (port == serverPort || m_programPorts.contains(port));
    };
    event.local = isServer(from) ? from : isServer(to) ? to : QString();
    if (event.clientId == 0) // a student's
        event.role = !event.local.isEmpty() && event.local == from ? Role::Server : Role::Client;
}

void LabSession::updateSampling()
{
    updateCapture();
    SocketStateSampler::Target target;
    target.run = m_serverRun;
    target.keptPorts = m_keptPorts;
    target.network = m_network;
    for (quint16 port : m_programPorts) {
        if (!target.keptPorts.contains(port))
            target.keptPorts << port;
    }
    QStringList addresses;
    bool connected = false;
    if (m_server.isRunning()) {
        addresses << m_server.localAddress();
        target.protocol = m_server.config().protocol;
        target.serverAddress = m_server.localAddress();
    }
    for (const auto &entry : m_clients) {
        const Client *client = entry.second.get();
        if (client->state() == Client::State::Unconnected)
            continue;
        if (!connected && target.serverAddress.isEmpty())
            target.protocol = client->protocol();
        connected = true;
        addresses << client->localAddress();
        const quint16 port = Endpoint::parse(client->localAddress()).port();
        if (port != 0 && !target.clientPorts.contains(port))
            target.clientPorts << port;
    }
    if (!connected && target.serverAddress.isEmpty() && target.keptPorts.isEmpty()) {
        m_sampler.setTarget({});
        return;
    }
    // Clients that left: their side may linger in TIME_WAIT.
    for (int i = m_addressOrder.size() - 1, n = 0; i >= 0 && n < kSampledPastClients; --i, ++n) {
        // (A wildcard address, remembered as ":port", does not parse: it is left out.)
        const QString &remembered = m_addressOrder.at(i);
        const quint16 number = Endpoint::parse(remembered).port();
        if (number != 0 && !target.clientPorts.contains(number)) {
            target.clientPorts << number;
            addresses << remembered;
        }
    }
    target.families = SocketStateSampler::familiesOf(addresses);
    m_sampler.setTarget(target);
}

void LabSession::forwardSample(const QList<SocketSnapshot> &sockets, quint64 generation)
{
    // A sample still queued when sampling stopped (the server stopped, a lesson was reset) is
    // out of date, even when sampling started again since.
    if (m_sampler.isRunning() && generation == m_sampler.generation())
        emit socketsSampled(sockets);
}

bool LabSession::sameEndpoint(const QString &peer, const QString &local)
{
    if (peer == local)
        return true;
    const Endpoint client = Endpoint::parse(local);
    const Endpoint other = Endpoint::parse(peer);
    return client.isWildcard() && other.isValid() && client.port() == other.port();
}

void LabSession::learnAddress(int id, const QString &local)
{
    if (local.isEmpty())
        return;
    const Endpoint endpoint = Endpoint::parse(local);
    const bool wildcard = endpoint.isWildcard();
    const QString port = QString::number(endpoint.port());
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
        const Endpoint endpoint = Endpoint::parse(peer);
        const auto byPort = m_byPort.constFind(QString::number(endpoint.port()));
        if (endpoint.isValid() && byPort != m_byPort.constEnd())
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

int LabSession::clientIdForSocket(const QString &peer) const
{
    const int known = clientIdForPeer(peer);
    if (known != 0 || peer.isEmpty())
        return known;
    // A live client whose address no event has brought yet: the kernel's view may come first.
    for (const auto &entry : m_clients) {
        if (sameEndpoint(peer, entry.second->localAddress()))
            return entry.first;
    }
    return 0;
}

void LabSession::deliver(const SocketEvents &events)
{
    // A server may report a connection before the client's own event carrying its address
    // is in the queue: ask the live clients first.
    for (const auto &entry : m_clients)
        learnAddress(entry.first, entry.second->localAddress());
    SocketEvents stamped;
    stamped.reserve(events.size());
    bool changed = false;
    bool portsChanged = false;
    for (const SocketEvent &received : events) {
        if (received.kind == EventKind::State && !keepState(received))
            continue;
        changed = changed || changesSockets(received);
        if (received.traced)
            portsChanged = trackProgramPorts(received) || portsChanged;
        stamped.append(received);
        SocketEvent &event = stamped.last();
        event.sequence = ++m_sequence;
        if (PacketLabel::isPacket(event)) {
            stampPacket(event);
        } else if (event.kind == EventKind::State && isProgramServerSide(event)) {
            // The kernel's view of a traced server's connection: the server's, coloured as
            // the session client it talks to.
            event.role = Role::Server;
            event.clientId = clientIdForPeer(event.peer);
            // Its handler: the child or thread that used it last, else (waiting in the
            // backlog) the process that listens.
            const auto handler = m_programHandlers.constFind(event.peer);
            if (handler != m_programHandlers.constEnd()) {
                event.pid = handler->first;
                event.tid = handler->second;
            } else {
                event.pid = event.tid
                    = m_programListeners.value(Endpoint::parse(event.local).port());
            }
            event.handler = event.tid != event.pid       ? HandlerKind::Thread
                : m_programListeners.key(event.pid) != 0 ? HandlerKind::Main
                                                         : HandlerKind::Process;
        } else if (event.traced) {
            // A traced client is none of the panes; a traced server's peer may be one.
            event.clientId = event.role == Role::Server ? clientIdForPeer(event.peer) : 0;
        } else if (event.kind == EventKind::State && event.role == Role::Client) {
            // The sampler knows a client's socket by its address only.
            event.clientId = clientIdForPeer(event.local);
            event.connectionId = quint64(event.clientId);
        } else if (event.role == Role::Client) {
            event.clientId = int(event.connectionId);
            if (event.clientId != 0)
                learnAddress(event.clientId, event.local);
        } else {
            event.clientId = clientIdForPeer(event.peer);
        }
        if (!event.traced)
            trackBacklog(event);
    }
    if (portsChanged)
        updateSampling();
    if (changed)
        m_sampler.sampleSoon();
    if (!stamped.isEmpty()) {
        m_capture.noteEvents(stamped);
        emit eventsArrived(stamped);
    }
    updateSampling();
}

bool LabSession::changesSockets(const SocketEvent &event)
{
    switch (event.kind) {
    case EventKind::Listening:
    case EventKind::Connected:
    case EventKind::Disconnected:
    case EventKind::HandlerExited:
    case EventKind::Error:
    case EventKind::Summary:
        return true;
    case EventKind::Call:
        return event.call == SysCall::Connect || event.call == SysCall::Accept
            || event.call == SysCall::Close || event.call == SysCall::Shutdown
            || event.call == SysCall::Listen;
    default:
        return false;
    }
}

void LabSession::addProgram(Tracer *tracer)
{
    connect(tracer, &Tracer::eventsArrived, this, &LabSession::deliver);
}

bool LabSession::trackProgramPorts(const SocketEvent &event)
{
    if (event.kind == EventKind::Summary) {
        const bool had = !m_programPorts.isEmpty();
        m_programPorts.clear();
        m_programHandlers.clear();
        m_programListeners.clear();
        return had;
    }
    if (event.kind == EventKind::Call && event.role == Role::Server && !event.peer.isEmpty()
        && (m_programHandlers.size() < kMaxRememberedAddresses
            || m_programHandlers.contains(event.peer)))
        m_programHandlers.insert(event.peer, {event.pid, event.tid});
    if (event.kind != EventKind::Call || event.call != SysCall::Listen || event.result != 0)
        return false;
    const quint16 number = Endpoint::parse(event.local).port();
    if (number == 0 || m_programPorts.contains(number))
        return false;
    m_programPorts << number;
    m_programListeners.insert(number, event.pid);
    return true;
}

bool LabSession::isProgramServerSide(const SocketEvent &event) const
{
    if (m_programPorts.isEmpty())
        return false;
    return m_programPorts.contains(Endpoint::parse(event.local).port());
}

bool LabSession::keepState(const SocketEvent &event) const
{
    if (isProgramServerSide(event))
        return true;
    // After the server's summary its sockets are not the lab's any more; a client socket
    // that is none of the session's clients' is a student's on this machine.
    // A sample taken before this run began (queued across a Stop and Start) is the last run's.
    if (event.role == Role::Server)
        return m_server.isRunning() && event.endUs >= m_serverRunUs;
    return clientIdForPeer(event.local) != 0;
}

} // namespace socketlab
