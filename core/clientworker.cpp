#include "clientworker.h"

#include "resolver.h"
#include "socketio.h"

#include <QMutexLocker>

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>

namespace socketlab {

namespace {
constexpr int kConnectTimeoutMs = 10000;
constexpr int kReceiveBuffer = 65536;
}

ClientWorker::ClientWorker(Protocol protocol, const QString &host, quint16 port,
                           const EventReporter &reporter)
    : m_protocol(protocol), m_host(host), m_port(port), m_reporter(reporter),
      m_buffer(kReceiveBuffer, Qt::Uninitialized)
{
    m_reporter.setProtocol(protocol);
    setObjectName(QStringLiteral("client"));
}

ClientWorker::~ClientWorker()
{
    abort();
    wait();
}

void ClientWorker::send(const QByteArray &data)
{
    enqueue({false, data});
}

void ClientWorker::close()
{
    enqueue({true, {}});
}

void ClientWorker::abort()
{
    m_stop.raise();
}

void ClientWorker::enqueue(Command command)
{
    {
        QMutexLocker locker(&m_mutex);
        m_commands.enqueue(std::move(command));
    }
    m_commandsWaiting.raise();
}

QString ClientWorker::localAddress() const
{
    QMutexLocker locker(&m_mutex);
    return m_localAddress;
}

QString ClientWorker::peerAddress() const
{
    QMutexLocker locker(&m_mutex);
    return m_peerAddress;
}

void ClientWorker::run()
{
    if (!open())
        return;
    emit opened();
    for (;;) {
        pollfd fds[3] = {{m_stop.fd(), POLLIN, 0},
                         {m_socket.get(), POLLIN, 0},
                         {m_commandsWaiting.fd(), POLLIN, 0}};
        const int ready = ::poll(fds, 3, -1);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0 || fds[0].revents)
            break;
        if (fds[1].revents && !receive())
            break;
        if (fds[2].revents && !runCommands())
            break;
    }
    const int fd = m_socket.get();
    const int closed = m_socket.reset();
    m_reporter.traceCall(6, QStringLiteral("close"), QStringLiteral("fd %1").arg(fd), closed,
                         closed == 0 ? 0 : errno);
    SocketEvent disconnected = m_reporter.make(EventKind::Disconnected);
    disconnected.peer = m_peerAddress;
    disconnected.local = m_localAddress;
    disconnected.result = m_serverClosed ? 1 : 0;
    m_reporter.post(std::move(disconnected));
}

bool ClientWorker::open()
{
    const bool tcp = m_protocol == Protocol::Tcp;
    const int type = tcp ? SOCK_STREAM : SOCK_DGRAM;
    const QString host = Resolver::normalizeHost(m_host);

    // Step 1: the host name to addresses.
    const ResolvedAddresses resolved = Resolver::resolve(host, m_port, type, false);
    QStringList found;
    for (const Endpoint &e : resolved.endpoints)
        found << e.host();
    m_reporter.traceCall(1, QStringLiteral("getaddrinfo"), host, resolved.gaiError, resolved.errnum,
                         found.join(QStringLiteral(", ")));
    if (resolved.gaiError != 0) {
        m_reporter.reportError(QStringLiteral("getaddrinfo"), host, resolved.errnum, resolved.gaiError);
        return false;
    }
    // Step 2: the protocol name to its number.
    const QString protoName = protocolName(m_protocol);
    const int protocol = Resolver::protocolNumber(protoName);
    m_reporter.traceCall(2, QStringLiteral("getprotobyname"), protoName, protocol);

    // Try each address in turn: "localhost" may give ::1 first while the server is on IPv4.
    for (const Endpoint &address : resolved.endpoints) {
        if (m_stop.isRaised())
            return false;
        if (tryConnect(address, protocol))
            return true;
    }
    return false;
}

bool ClientWorker::tryConnect(const Endpoint &address, int protocol)
{
    const bool tcp = m_protocol == Protocol::Tcp;
    const int type = tcp ? SOCK_STREAM : SOCK_DGRAM;
    // Step 3: the socket.
    const QString socketArgs = SocketIo::socketArgs(address.family(), type, protocol);
    Fd socket(::socket(address.family(), type | SOCK_CLOEXEC, protocol));
    const int socketErrno = socket.isValid() ? 0 : errno;
    m_reporter.traceCall(3, QStringLiteral("socket"), socketArgs, socket.get(), socketErrno);
    if (!socket.isValid()) {
        m_reporter.reportError(QStringLiteral("socket"), socketArgs, socketErrno);
        return false;
    }
    if (tcp) {
        // Step 4: connect, without blocking a Stop (a silent host can take minutes).
        const int fd = socket.get();
        const int flags = ::fcntl(fd, F_GETFL);
        ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
        int result = ::connect(fd, address.address(), address.length());
        int connectErrno = result == 0 ? 0 : errno;
        if (result != 0 && connectErrno == EINPROGRESS) {
            const WaitResult wait = SocketIo::waitFor(fd, POLLOUT, m_stop.fd(), kConnectTimeoutMs);
            if (wait == WaitResult::Stopped)
                return false;
            if (wait == WaitResult::TimedOut) {
                connectErrno = ETIMEDOUT;
            } else {
                socklen_t length = sizeof connectErrno;
                ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &connectErrno, &length);
            }
            result = connectErrno == 0 ? 0 : -1;
        }
        ::fcntl(fd, F_SETFL, flags);
        const QString args = QStringLiteral("fd %1, %2").arg(fd).arg(address.toString());
        m_reporter.traceCall(4, QStringLiteral("connect"), args, result, connectErrno);
        if (result != 0) {
            m_reporter.reportError(QStringLiteral("connect"), address.toString(), connectErrno);
            const int closed = socket.reset();
            m_reporter.traceCall(6, QStringLiteral("close"), QStringLiteral("fd %1").arg(fd), closed);
            return false;
        }
    }
    m_target = address;
    m_socket = std::move(socket);
    {
        QMutexLocker locker(&m_mutex);
        m_peerAddress = address.toString();
        if (tcp)
            m_localAddress = Endpoint::localOf(m_socket.get()).toString();
    }
    if (tcp) {
        SocketEvent connected = m_reporter.make(EventKind::Connected);
        connected.peer = m_peerAddress;
        connected.local = m_localAddress;
        m_reporter.post(std::move(connected));
    }
    return true;
}

bool ClientWorker::runCommands()
{
    m_commandsWaiting.lower();
    for (;;) {
        Command command;
        {
            QMutexLocker locker(&m_mutex);
            if (m_commands.isEmpty())
                return true;
            command = m_commands.dequeue();
        }
        if (command.close || !sendData(command.data))
            return false;
    }
}

bool ClientWorker::sendData(const QByteArray &data)
{
    const int fd = m_socket.get();
    if (m_protocol == Protocol::Tcp) {
        int errnum = 0;
        const qint64 sent = SocketIo::sendAll(fd, data.constData(), data.size(), m_stop.fd(), &errnum);
        if (errnum == ECANCELED)
            return false;
        m_reporter.traceCall(5, QStringLiteral("send"), QStringLiteral("fd %1, %2").arg(fd).arg(data.size()),
                             errnum ? -1 : sent, errnum);
        if (errnum) {
            m_reporter.reportError(QStringLiteral("send"), QStringLiteral("fd %1").arg(fd), errnum);
            return false;
        }
        postTraffic(EventKind::Sent, m_peerAddress, data.constData(), sent);
        return true;
    }
    const ssize_t sent = ::sendto(fd, data.constData(), size_t(data.size()), MSG_NOSIGNAL,
                                  m_target.address(), m_target.length());
    const int errnum = sent < 0 ? errno : 0;
    m_reporter.traceCall(5, QStringLiteral("sendto"),
                         QStringLiteral("fd %1, %2, %3").arg(fd).arg(data.size()).arg(m_peerAddress),
                         sent, errnum);
    if (sent < 0) {
        // UDP keeps going: a refused or oversized datagram does not end the conversation.
        m_reporter.reportError(QStringLiteral("sendto"), m_peerAddress, errnum);
        return true;
    }
    {
        QMutexLocker locker(&m_mutex);
        m_localAddress = Endpoint::localOf(fd).toString();
    }
    postTraffic(EventKind::Sent, m_peerAddress, data.constData(), sent);
    return true;
}

bool ClientWorker::receive()
{
    const int fd = m_socket.get();
    sockaddr_storage from{};
    socklen_t fromLength = sizeof from;
    const bool tcp = m_protocol == Protocol::Tcp;
    ssize_t n;
    do {
        n = tcp ? ::recv(fd, m_buffer.data(), size_t(m_buffer.size()), MSG_DONTWAIT)
                : ::recvfrom(fd, m_buffer.data(), size_t(m_buffer.size()), MSG_DONTWAIT,
                             reinterpret_cast<sockaddr *>(&from), &fromLength);
    } while (n < 0 && errno == EINTR);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        return true;
    const int errnum = n < 0 ? errno : 0;
    const QString peer = tcp ? m_peerAddress
                             : Endpoint(reinterpret_cast<sockaddr *>(&from), fromLength).toString();
    const QString call = tcp ? QStringLiteral("recv") : QStringLiteral("recvfrom");
    m_reporter.traceCall(5, call, QStringLiteral("fd %1, %2").arg(fd).arg(m_buffer.size()), n, errnum,
                         tcp ? QString() : peer);
    if (n < 0) {
        m_reporter.reportError(call, QStringLiteral("fd %1").arg(fd), errnum);
        // For UDP this is the ICMP "port unreachable" of an earlier datagram: keep going.
        return !tcp;
    }
    if (n == 0 && tcp) {
        m_serverClosed = true;
        return false;
    }
    postTraffic(EventKind::Received, peer, m_buffer.constData(), n);
    return true;
}

void ClientWorker::postTraffic(EventKind kind, const QString &peer, const char *data, qint64 size)
{
    m_reporter.postTraffic(kind, peer, m_localAddress, size, data, size);
}

} // namespace socketlab
