#include "ui/lessons/lessonruntime.h"

#include "core/fd.h"

#include <algorithm>
#include <netinet/in.h>
#include <sys/socket.h>

namespace socketlab {

LessonRuntime::LessonRuntime(QObject *parent) : QObject(parent)
{
    connect(&m_server, &Server::eventsArrived, this, &LessonRuntime::append);
    m_stepClock.start();
}

LessonRuntime::~LessonRuntime()
{
    m_server.blockSignals(true);
    abortClients();
    m_server.stop();
}

void LessonRuntime::reset()
{
    abortClients();
    m_server.blockSignals(true);  // the old run's last events are not this run's
    m_server.stop();
    m_server.blockSignals(false);
    m_events.clear();
    m_stepClock.restart();
    emit cleared();
}

bool LessonRuntime::startServer(const ServerConfig &config)
{
    ServerConfig local = config;
    local.bindAddress = QStringLiteral("127.0.0.1");
    return m_server.start(local);
}

void LessonRuntime::stopServer()
{
    m_server.stop();
}

Client *LessonRuntime::client(int number)
{
    auto it = m_clients.find(number);
    if (it != m_clients.end())
        return it->second.get();
    auto client = std::make_unique<Client>();
    client->setId(quint64(number));
    connect(client.get(), &Client::eventsArrived, this, &LessonRuntime::append);
    return m_clients.emplace(number, std::move(client)).first->second.get();
}

void LessonRuntime::connectClient(int number, Protocol protocol, quint16 port)
{
    client(number)->connectToHost(protocol, QStringLiteral("127.0.0.1"), port);
}

void LessonRuntime::abortClients()
{
    for (auto &entry : m_clients) {
        entry.second->blockSignals(true);
        entry.second->abort();
    }
    m_clients.clear();
}

void LessonRuntime::append(const SocketEvents &events)
{
    m_events += events;
    emit eventsArrived(events);
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
    for (const SocketEvent &e : m_events) {
        if (e.role == Role::Client && e.connectionId == quint64(number) && !e.local.isEmpty()
            && (e.kind == EventKind::Connected || e.kind == EventKind::Sent)) {
            return e.local;
        }
    }
    return QString();
}

bool LessonRuntime::sameEndpoint(const QString &peer, const QString &local)
{
    if (peer == local)
        return true;
    // An unconnected UDP client's own address reads 0.0.0.0:port; the server sees 127.0.0.1.
    const int colon = local.lastIndexOf(QLatin1Char(':'));
    const QString host = local.left(colon);
    const bool wildcard = host == QLatin1String("0.0.0.0") || host == QLatin1String("[::]");
    return wildcard && colon > 0 && peer.endsWith(local.mid(colon))
        && peer.lastIndexOf(QLatin1Char(':')) == peer.size() - (local.size() - colon);
}

LessonRuntime::Predicate LessonRuntime::fromClient(int number) const
{
    const QString address = clientAddress(number);
    return [address](const SocketEvent &e) {
        return e.role == Role::Server && !address.isEmpty() && sameEndpoint(e.peer, address);
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

LessonRuntime::Predicate LessonRuntime::serverCall(const QString &call)
{
    return [call](const SocketEvent &e) {
        return e.role == Role::Server && e.kind == EventKind::Call && e.call == call;
    };
}

quint16 LessonRuntime::closedPort(Protocol protocol)
{
    const int type = protocol == Protocol::Tcp ? SOCK_STREAM : SOCK_DGRAM;
    Fd socket(::socket(AF_INET, type | SOCK_CLOEXEC, 0));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (!socket.isValid() || ::bind(socket.get(), reinterpret_cast<sockaddr *>(&address), length) != 0
        || ::getsockname(socket.get(), reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        return 9;  // discard: nothing listens there on a classroom machine either
    }
    return ntohs(address.sin_port);
}

} // namespace socketlab
