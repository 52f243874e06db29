#include "core/private/clientworker.h"

#include "core/labnetwork.h"
#include "core/resolver.h"
#include "core/socketio.h"

#include <QMutexLocker>

#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

namespace socketlab {

namespace {
constexpr int kConnectTimeoutMs = 10000;
constexpr int kReceiveBuffer = 65536;
constexpr int kUnconfirmedDatagrams = 8;
// closeWhenQuiet(): the server counts as done once it sent nothing for this long, and the
// client closes after kCloseGraceMs at most, however long the server goes on.
constexpr int kQuietMs = 200;
constexpr int kCloseGraceMs = 2000;
} // namespace

ClientWorker::ClientWorker(Protocol protocol, const QString &host, quint16 port,
                           const EventReporter &reporter, const ClientOptions &options,
                           std::shared_ptr<LabNetwork> network)
    : m_protocol(protocol),
      m_host(host),
      m_port(port),
      m_options(options),
      m_network(std::move(network)),
      m_reporter(reporter),
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
    enqueue({Command::Action::Send, data});
}

void ClientWorker::close()
{
    enqueue({Command::Action::Close, {}});
}

void ClientWorker::closeWhenQuiet()
{
    enqueue({Command::Action::CloseWhenQuiet, {}});
}

void ClientWorker::halfClose()
{
    enqueue({Command::Action::HalfClose, {}});
}

void ClientWorker::resetConnection()
{
    enqueue({Command::Action::Reset, {}});
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
    if (m_closeAsked && !m_serverClosed && m_protocol == Protocol::Tcp && !m_stop.isRaised())
        sayUnreadAtClose(fd);
    const CallClock clock;
    const int closed = m_socket.reset();
    m_reporter.traceCall(SysCall::Close, clock, QStringLiteral("fd %1").arg(fd), closed,
                         closed == 0 ? 0 : errno);
    SocketEvent disconnected = m_reporter.make(EventKind::Disconnected);
    disconnected.causeUs = EventReporter::effectUs(SysCall::Close, clock);
    disconnected.peer = m_peerAddress;
    disconnected.local = m_localAddress;
    // 1: the server closed first; 2: this side reset the connection (see EventFormatter).
    disconnected.result = m_serverClosed ? 1 : (m_resetting ? 2 : 0);
    m_reporter.post(std::move(disconnected));
}

bool ClientWorker::open()
{
    const bool tcp = m_protocol == Protocol::Tcp;
    const int type = tcp ? SOCK_STREAM : SOCK_DGRAM;
    const QString host = Resolver::normalizeHost(m_host);
    // At the descriptor limit even the wake-up flags may be missing: fail, never poll on -1.
    for (const WakeSignal *wake : {&m_stop, &m_commandsWaiting}) {
        if (!wake->isValid()) {
            m_reporter.reportError(SysCall::Eventfd, QString(), wake->error());
            return false;
        }
    }

    // Step 1: the host name to addresses. On a helper thread: a DNS server that never answers
    // keeps getaddrinfo() for many seconds, and Stop must not wait for it.
    const CallClock resolveClock;
    const ResolvedAddresses resolved = Resolver::resolve(host, m_port, type, false, m_stop.fd());
    if (resolved.stopped)
        return false;
    QStringList found;
    for (const Endpoint &e : resolved.endpoints)
        found << e.host();
    m_reporter.traceCall(SysCall::Getaddrinfo, resolveClock, host, resolved.gaiError,
                         resolved.errnum, found.join(QStringLiteral(", ")));
    if (resolved.gaiError != 0) {
        m_reporter.reportError(SysCall::Getaddrinfo, host, resolved.errnum, resolved.gaiError);
        return false;
    }
    // Step 2: the protocol name to its number.
    const QString protoName = protocolName(m_protocol);
    const CallClock protoClock;
    m_protocolNumber = Resolver::protocolNumber(protoName);
    m_reporter.traceCall(SysCall::Getprotobyname, protoClock, protoName, m_protocolNumber);

    // Try each address in turn: "localhost" may give ::1 first while the server is on IPv4.
    m_candidates = resolved.endpoints;
    m_nextCandidate = 0;
    while (m_nextCandidate < m_candidates.size()) {
        if (m_stop.isRaised())
            return false;
        if (tryConnect(m_candidates.at(m_nextCandidate++)))
            return true;
    }
    return false;
}

bool ClientWorker::tryConnect(const Endpoint &address)
{
    const bool tcp = m_protocol == Protocol::Tcp;
    const int type = tcp ? SOCK_STREAM : SOCK_DGRAM;
    const int protocol = m_protocolNumber;
    // Step 3: the socket.
    const QString socketArgs = SocketIo::socketArgs(address.family(), type, protocol);
    const CallClock socketClock;
    Fd socket(LabNetwork::socketIn(m_network.get(), address.family(), type, protocol));
    const int socketErrno = socket.isValid() ? 0 : errno;
    m_reporter.traceCall(SysCall::Socket, socketClock, socketArgs, socket.get(), socketErrno);
    if (!socket.isValid()) {
        m_reporter.reportError(SysCall::Socket, socketArgs, socketErrno);
        return false;
    }
    const int fd = socket.get();
    applyOptions(fd);
    const QString connectArgs = QStringLiteral("fd %1, %2").arg(fd).arg(address.toString());
    // The connect() that succeeds: its entry is when a server's accept() may begin to see it.
    const CallClock connectClock;
    if (tcp) {
        // Step 4: connect, without blocking a Stop (a silent host can take minutes).
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
        m_reporter.traceCall(SysCall::Connect, connectClock, connectArgs, result, connectErrno);
        if (result != 0)
            return connectFailed(socket, address, connectErrno);
    } else if (m_nextCandidate < m_candidates.size()) {
        // UDP has no handshake to tell a live address from a dead one, so "try each address"
        // needs the kernel's word: connect() on a datagram socket sends nothing, but makes the
        // ICMP "port unreachable" of a datagram come back as ECONNREFUSED. Only while other
        // addresses remain: the last one is used as the recipe does, unconnected. The
        // recipe's sendto()/recvfrom() stay (sendto() may name the address connected to).
        // Choosing by family instead would be a guess: ::1 and 127.0.0.1 are both loopback.
        const int result = ::connect(fd, address.address(), address.length());
        const int connectErrno = result == 0 ? 0 : errno;
        m_reporter.traceCall(SysCall::Connect, connectClock, connectArgs, result, connectErrno);
        if (result != 0)
            return connectFailed(socket, address, connectErrno);
    }
    if (m_socket.isValid()) {
        // A UDP target that refused: its socket makes way for the next one's.
        const int old = m_socket.get();
        const CallClock closeClock;
        const int closed = m_socket.reset();
        m_reporter.traceCall(SysCall::Close, closeClock, QStringLiteral("fd %1").arg(old), closed,
                             closed == 0 ? 0 : errno);
    }
    m_target = address;
    m_targetAnswered = false;
    m_unconfirmed.clear();
    m_socket = std::move(socket);
    {
        QMutexLocker locker(&m_mutex);
        m_peerAddress = address.toString();
        m_localAddress = tcp || m_nextCandidate < m_candidates.size()
            ? Endpoint::localOf(m_socket.get()).toString()
            : QString();
    }
    if (tcp) {
        m_reporter.postConnectionEvent(EventKind::Connected, m_peerAddress, m_localAddress,
                                       EventReporter::effectUs(SysCall::Connect, connectClock));
    }
    return true;
}

bool ClientWorker::mayTryNextTarget() const
{
    return m_protocol == Protocol::Udp && !m_targetAnswered
        && m_nextCandidate < m_candidates.size();
}

bool ClientWorker::tryNextTarget(QList<QByteArray> datagrams)
{
    while (m_nextCandidate < m_candidates.size()) {
        if (m_stop.isRaised())
            return false;
        if (tryConnect(m_candidates.at(m_nextCandidate++))) {
            for (const QByteArray &datagram : datagrams)
                sendDatagram(datagram);
            return true;
        }
    }
    return false; // none left that opens: keep the socket we have
}

// This address refused or timed out: say so and close its socket (the caller tries the next).
bool ClientWorker::connectFailed(Fd &socket, const Endpoint &address, int connectErrno)
{
    m_reporter.reportError(SysCall::Connect, address.toString(), connectErrno);
    const int fd = socket.get();
    const CallClock closeClock;
    const int closed = socket.reset();
    m_reporter.traceCall(SysCall::Close, closeClock, QStringLiteral("fd %1").arg(fd), closed);
    return false;
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
        switch (command.action) {
        case Command::Action::Close:
            m_closeAsked = true;
            return false;
        case Command::Action::CloseWhenQuiet:
            m_closeAsked = true;
            SocketIo::readUntilQuiet(
                m_socket.get(), m_stop.fd(), kQuietMs, kCloseGraceMs, [this] { return receive(); },
                &m_peerStillSending);
            return false;
        case Command::Action::Reset:
            prepareReset();
            return false;
        case Command::Action::HalfClose:
            if (!shutdownSending())
                return false;
            continue;
        case Command::Action::Send:
            break;
        }
        const bool goOn = sendData(command.data);
        emit sendFinished();
        if (!goOn)
            return false;
    }
}

// Right after socket(), before connect(): the options are the socket's from its first byte.
// A failed option is reported and the connection goes on without it.
void ClientWorker::applyOptions(int fd)
{
    const int one = 1;
    if (m_options.noDelay && m_protocol == Protocol::Tcp)
        setOption(fd, IPPROTO_TCP, TCP_NODELAY, QStringLiteral("fd %1, TCP_NODELAY, 1").arg(fd),
                  &one, sizeof one);
    if (m_options.sendBuffer > 0) {
        const QString args
            = QStringLiteral("fd %1, SO_SNDBUF, %2").arg(fd).arg(m_options.sendBuffer);
        if (setOption(fd, SOL_SOCKET, SO_SNDBUF, args, &m_options.sendBuffer,
                      sizeof m_options.sendBuffer))
            readBack(fd, SO_SNDBUF, QStringLiteral("SO_SNDBUF"));
    }
}

// step: the recipe step to show, 0 for setsockopt's own (an option of the socket just made).
bool ClientWorker::setOption(int fd, int level, int name, const QString &args, const void *value,
                             socklen_t length, int step)
{
    const CallClock clock;
    const int result = ::setsockopt(fd, level, name, value, length);
    const int errnum = result == 0 ? 0 : errno;
    if (step == 0) {
        m_reporter.traceCall(SysCall::Setsockopt, clock, args, result, errnum);
    } else if (m_reporter.callsEnabled()) {
        SocketEvent event = m_reporter.make(EventKind::Call);
        event.setEndUs(clock.endUs());
        event.beginUs = clock.beginUs();
        event.step = step;
        event.call = SysCall::Setsockopt;
        event.args = args;
        event.result = result;
        event.errnum = errnum;
        m_reporter.post(std::move(event));
    }
    if (result != 0)
        m_reporter.reportError(SysCall::Setsockopt, args, errnum);
    return result == 0;
}

// What the kernel made of a buffer size: Linux doubles it (and keeps a minimum), which the
// class should see rather than be told.
void ClientWorker::readBack(int fd, int name, const QString &nameText)
{
    int value = 0;
    socklen_t length = sizeof value;
    const CallClock clock;
    const int result = ::getsockopt(fd, SOL_SOCKET, name, &value, &length);
    const int errnum = result == 0 ? 0 : errno;
    m_reporter.traceCall(SysCall::Getsockopt, clock,
                         QStringLiteral("fd %1, %2").arg(fd).arg(nameText),
                         result == 0 ? value : result, errnum);
}

// "I am done sending": the server's recv() returns 0, but it may still answer, and we keep
// reading until it closes. UDP has nothing to shut down: it just closes.
bool ClientWorker::shutdownSending()
{
    if (m_protocol != Protocol::Tcp)
        return false;
    const int fd = m_socket.get();
    const QString args = QStringLiteral("fd %1, SHUT_WR").arg(fd);
    const CallClock clock;
    const int result = ::shutdown(fd, SHUT_WR);
    const int errnum = result == 0 ? 0 : errno;
    m_reporter.traceCall(SysCall::Shutdown, clock, args, result, errnum);
    if (result != 0) {
        m_reporter.reportError(SysCall::Shutdown, args, errnum);
        return false;
    }
    return true;
}

void ClientWorker::sayUnreadAtClose(int fd)
{
    int unread = 0;
    if (::ioctl(fd, FIONREAD, &unread) != 0)
        unread = 0;
    // A server still sending after the grace: the queue may be empty this very moment, but
    // what arrives after close() is answered with an RST all the same.
    if (unread <= 0 && !m_peerStillSending)
        return;
    // An error event with no errno: close() itself succeeds, but the bytes are lost, and the
    // server's recv() fails with ECONNRESET, losing what it had not read yet either.
    m_reporter.reportError(SysCall::Close, QStringLiteral("fd %1").arg(fd), 0, unread,
                           m_peerAddress);
}

// A zero linger time makes close() drop what is unsent and send an RST instead of a FIN;
// the socket skips TIME_WAIT. The close() itself follows when the conversation ends.
void ClientWorker::prepareReset()
{
    if (m_protocol != Protocol::Tcp)
        return;
    const int fd = m_socket.get();
    const linger hard {1, 0};
    m_resetting
        = setOption(fd, SOL_SOCKET, SO_LINGER, QStringLiteral("fd %1, SO_LINGER, {1, 0}").arg(fd),
                    &hard, sizeof hard, recipeStep(SysCall::Close, Role::Client));
}

bool ClientWorker::sendData(const QByteArray &data)
{
    if (m_protocol == Protocol::Udp)
        return sendDatagram(data);
    const int fd = m_socket.get();
    int errnum = 0;
    const CallClock clock;
    // Keep reading while we wait to send: an echo server blocks on sending back to us, and
    // would never read again if we waited for it without reading.
    const qint64 sent = SocketIo::sendAllReading(
        fd, data.constData(), data.size(), m_stop.fd(), [this] { return receive(); }, &errnum);
    if (errnum == ECANCELED && m_stop.isRaised())
        return false;
    const bool ended = errnum == ECANCELED; // the server closed or failed while we sent
    const bool failed = errnum != 0 && !ended;
    m_reporter.traceCall(SysCall::Send, clock, QStringLiteral("fd %1, %2").arg(fd).arg(data.size()),
                         failed ? -1 : sent, failed ? errnum : 0);
    if (failed) {
        m_reporter.reportError(SysCall::Send, QStringLiteral("fd %1").arg(fd), errnum);
        return false;
    }
    if (sent > 0)
        postTraffic(EventKind::Sent, m_peerAddress, data.constData(), sent, clock.beginUs());
    return !ended;
}

bool ClientWorker::sendDatagram(const QByteArray &data)
{
    const int fd = m_socket.get();
    const CallClock clock;
    const ssize_t sent = ::sendto(fd, data.constData(), size_t(data.size()), MSG_NOSIGNAL,
                                  m_target.address(), m_target.length());
    const int errnum = sent < 0 ? errno : 0;
    m_reporter.traceCall(
        SysCall::Sendto, clock,
        QStringLiteral("fd %1, %2, %3").arg(fd).arg(data.size()).arg(m_peerAddress), sent, errnum);
    if (sent < 0) {
        // UDP keeps going: a refused or oversized datagram does not end the conversation.
        m_reporter.reportError(SysCall::Sendto, m_peerAddress, errnum);
        if (errnum == ECONNREFUSED && mayTryNextTarget()) {
            // The refusal of an earlier datagram, reported instead of sending this one.
            QList<QByteArray> again = std::move(m_unconfirmed);
            again << data;
            tryNextTarget(std::move(again));
        }
        return true;
    }
    if (mayTryNextTarget()) {
        m_unconfirmed << data;
        if (m_unconfirmed.size() > kUnconfirmedDatagrams)
            m_unconfirmed.removeFirst();
    }
    {
        QMutexLocker locker(&m_mutex);
        m_localAddress = Endpoint::localOf(fd).toString();
    }
    postTraffic(EventKind::Sent, m_peerAddress, data.constData(), sent, clock.beginUs());
    return true;
}

bool ClientWorker::receive()
{
    const int fd = m_socket.get();
    sockaddr_storage from {};
    socklen_t fromLength = sizeof from;
    const bool tcp = m_protocol == Protocol::Tcp;
    const CallClock clock;
    ssize_t n;
    do {
        n = tcp ? ::recv(fd, m_buffer.data(), size_t(m_buffer.size()), MSG_DONTWAIT)
                : ::recvfrom(fd, m_buffer.data(), size_t(m_buffer.size()), MSG_DONTWAIT | MSG_TRUNC,
                             reinterpret_cast<sockaddr *>(&from), &fromLength);
    } while (n < 0 && errno == EINTR);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        return true;
    const int errnum = n < 0 ? errno : 0;
    const QString peer = tcp ? m_peerAddress
                             : Endpoint(reinterpret_cast<sockaddr *>(&from), fromLength).toString();
    const SysCall call = tcp ? SysCall::Recv : SysCall::Recvfrom;
    m_reporter.traceCall(call, clock, QStringLiteral("fd %1, %2").arg(fd).arg(m_buffer.size()), n,
                         errnum, tcp ? QString() : peer);
    if (n < 0) {
        m_reporter.reportError(call, QStringLiteral("fd %1").arg(fd), errnum);
        // For UDP this is the ICMP "port unreachable" of an earlier datagram: nobody is at
        // this address; try the next one if there is one, else keep going.
        if (!tcp && errnum == ECONNREFUSED && mayTryNextTarget())
            tryNextTarget(std::move(m_unconfirmed));
        return !tcp;
    }
    if (n == 0 && tcp) {
        m_serverClosed = true;
        return false;
    }
    if (!tcp) {
        m_targetAnswered = true;
        m_unconfirmed.clear();
    }
    // UDP with MSG_TRUNC: n is the datagram's real size, even past the buffer.
    const bool truncated = n > m_buffer.size();
    m_reporter.postTraffic(EventKind::Received, peer, m_localAddress, n, m_buffer.constData(),
                           truncated ? m_buffer.size() : n, EventReporter::effectUs(call, clock),
                           truncated);
    return true;
}

void ClientWorker::postTraffic(EventKind kind, const QString &peer, const char *data, qint64 size,
                               qint64 causeUs)
{
    m_reporter.postTraffic(kind, peer, m_localAddress, size, data, size, causeUs);
}

} // namespace socketlab
