#include "lessons/lessonruntime.h"

#include "core/callclock.h"
#include "core/capturepermission.h"
#include "core/fd.h"
#include "core/labnetwork.h"
#include "core/packetlabel.h"

#include <algorithm>
#include <netinet/in.h>
#include <sys/socket.h>

namespace socketlab {

namespace {
// The ports of a run's last servers (a lesson restarts its server on a new port at most twice).
constexpr int kWatchedPorts = 3;
// Two minutes of samples: the flow-control plot's history.
constexpr int kKernelHistory = 1200;
} // namespace

LessonRuntime::LessonRuntime(QObject *parent)
    : QObject(parent)
{
    connect(&m_session, &LabSession::eventsArrived, this, &LessonRuntime::append);
    connect(&m_session, &LabSession::socketsSampled, this, &LessonRuntime::kernelArrived);
    m_stepClock.start();
    m_runClock.start();
    m_runBeganUs = nowUs();
    // Where SocketLab may not capture, the lesson runs in a network of its own where it may:
    // the wire is what the lessons show. Anywhere else it stays in the machine's loopback.
    if (CapturePermission::way() == CapturePermission::Way::None)
        m_session.setNetwork(LabNetwork::create(&m_networkError));
}

qint64 LessonRuntime::networkHelper() const
{
    const LabNetwork *network = this->network();
    return network ? network->helperPid() : 0;
}

LessonRuntime::~LessonRuntime()
{
    m_session.blockSignals(true);
    m_session.stopAll();
}

void LessonRuntime::reset()
{
    m_session.blockSignals(true); // the old run's last events are not this run's
    abortClients();
    m_session.server()->stop();
    m_session.flush();
    m_session.blockSignals(false);
    m_events.clear();
    m_clientAddresses.clear();
    m_stepClock.restart();
    m_runClock.restart();
    m_watchedPorts.clear();
    m_session.setPortsToKeepWatching({});
    m_kernel.clear();
    m_kernelHistory.clear();
    m_kernelSamples = 0;
    m_runBeganUs = nowUs();
    if (m_wire) {
        // Its ports start anew with the run (the last run's servers are gone).
        m_session.stopCapture();
        setWire(true);
    }
    emit cleared();
}

void LessonRuntime::setWire(bool on)
{
    m_wire = on;
    m_wireNote.clear();
    if (!on) {
        m_session.stopCapture();
        return;
    }
    if (m_session.capture()->isWanted())
        return;
    QString error;
    if (!m_session.startCapture(&error))
        m_wireNote
            = m_session.capture()->notAllowed() ? CapturePermission::notAllowedText() : error;
}

bool LessonRuntime::startServer(const ServerConfig &config)
{
    ServerConfig local = config;
    local.bindAddress = QStringLiteral("127.0.0.1");
    if (!m_session.server()->start(local))
        return false;
    // Watched until the run ends: TIME_WAIT outlives the server that left it.
    const quint16 port = serverPort();
    if (config.protocol == Protocol::Tcp && !m_watchedPorts.contains(port)) {
        m_watchedPorts << port;
        while (m_watchedPorts.size() > kWatchedPorts)
            m_watchedPorts.removeFirst();
        m_session.setPortsToKeepWatching(m_watchedPorts);
    }
    return true;
}

void LessonRuntime::kernelArrived(const QList<SocketSnapshot> &sockets)
{
    if (m_watchedPorts.isEmpty())
        return; // sampled before the run was reset
    m_kernel = sockets;
    ++m_kernelSamples;
    m_kernelHistory.append({m_runClock.elapsed(), sockets});
    if (m_kernelHistory.size() > kKernelHistory)
        m_kernelHistory.remove(0, m_kernelHistory.size() - kKernelHistory);
    emit kernelSampled();
}

void LessonRuntime::stopServer()
{
    m_session.server()->stop();
}

Client *LessonRuntime::client(int number)
{
    return m_session.client(number);
}

void LessonRuntime::connectClient(int number, Protocol protocol, quint16 port)
{
    client(number)->connectToHost(protocol, QStringLiteral("127.0.0.1"), port);
}

void LessonRuntime::abortClients()
{
    // What the aborted clients still report is dropped (removing one delivers everything
    // pending at once); the server's events pass as before.
    m_droppingClientEvents = true;
    for (int id : m_session.clientIds())
        m_session.removeClient(id);
    m_session.flush();
    m_droppingClientEvents = false;
}

void LessonRuntime::append(const SocketEvents &received)
{
    // A packet is posted a moment after it was captured: one of an earlier run may come now.
    SocketEvents events;
    events.reserve(received.size());
    for (const SocketEvent &e : received) {
        if (!PacketLabel::isPacket(e) || e.endUs >= m_runBeganUs)
            events.append(e);
    }
    if (events.isEmpty())
        return;
    for (const SocketEvent &e : events) {
        if (e.role == Role::Client && !e.local.isEmpty()
            && !m_clientAddresses.contains(int(e.connectionId))
            && (e.kind == EventKind::Connected || e.kind == EventKind::Sent)) {
            m_clientAddresses.insert(int(e.connectionId), e.local);
        }
    }
    if (!m_droppingClientEvents) {
        m_events += events;
        emit eventsArrived(events);
        return;
    }
    SocketEvents kept;
    for (const SocketEvent &event : events) {
        if (event.role == Role::Server)
            kept.append(event);
    }
    if (kept.isEmpty())
        return;
    m_events += kept;
    emit eventsArrived(kept);
}

int LessonRuntime::count(const Predicate &predicate) const
{
    return int(std::count_if(m_events.cbegin(), m_events.cend(), predicate));
}

int LessonRuntime::indexOf(const Predicate &predicate, int from) const
{
    for (int i = qMax(0, from); i < m_events.size(); ++i) {
        if (predicate(m_events.at(i)))
            return i;
    }
    return -1;
}

QString LessonRuntime::clientAddress(int number) const
{
    return m_clientAddresses.value(number);
}

LessonRuntime::Predicate LessonRuntime::fromClient(int number) const
{
    // A packet carries the client at one end too; it is the wire's, not the server's.
    return [number](const SocketEvent &e) {
        return e.role == Role::Server && e.clientId == number && !PacketLabel::isPacket(e);
    };
}

LessonRuntime::Predicate LessonRuntime::onConnectionOf(int number) const
{
    const int first = indexOf([number](const SocketEvent &e) {
        return e.role == Role::Server && e.clientId == number && e.connectionId != 0
            && !PacketLabel::isPacket(e);
    });
    const quint64 id = first >= 0 ? m_events.at(first).connectionId : 0;
    return [id](const SocketEvent &e) {
        return id != 0 && e.role == Role::Server && e.connectionId == id
            && !PacketLabel::isPacket(e);
    };
}

int LessonRuntime::dataFrom(int number) const
{
    const Predicate from = fromClient(number);
    return count([&from](const SocketEvent &e) { return e.kind == EventKind::Data && from(e); });
}

qint64 LessonRuntime::bytesFrom(int number) const
{
    const Predicate from = fromClient(number);
    qint64 bytes = 0;
    for (const SocketEvent &e : m_events) {
        if (e.kind == EventKind::Data && from(e))
            bytes += e.bytes;
    }
    return bytes;
}

LessonRuntime::Predicate LessonRuntime::serverEvent(EventKind kind)
{
    return [kind](const SocketEvent &e) { return e.role == Role::Server && e.kind == kind; };
}

LessonRuntime::Predicate LessonRuntime::clientEvent(int number, EventKind kind)
{
    return [number, kind](const SocketEvent &e) {
        return e.role == Role::Client && e.connectionId == quint64(number) && e.kind == kind;
    };
}

LessonRuntime::Predicate LessonRuntime::serverCall(SysCall call)
{
    return [call](const SocketEvent &e) {
        return e.role == Role::Server && e.kind == EventKind::Call && e.call == call;
    };
}

quint16 LessonRuntime::closedPort(Protocol protocol)
{
    const int type = protocol == Protocol::Tcp ? SOCK_STREAM : SOCK_DGRAM;
    Fd socket(::socket(AF_INET, type | SOCK_CLOEXEC, 0));
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (!socket.isValid()
        || ::bind(socket.get(), reinterpret_cast<sockaddr *>(&address), length) != 0
        || ::getsockname(socket.get(), reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        return 9; // discard: nothing listens there on a classroom machine either
    }
    return ntohs(address.sin_port);
}

} // namespace socketlab
