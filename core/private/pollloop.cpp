#include "core/private/pollloop.h"

#include "core/private/servercontext.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <cerrno>
#include <poll.h>
#include <sys/socket.h>

namespace socketlab {

namespace {
// Echo bytes a connection may hold for a client that does not read: a few receive buffers,
// within these bounds, so a slow reader costs bounded memory whatever --buffer says.
constexpr qint64 kMinHeldLimit = 64 * 1024;
// Once every connection together holds kMaxHeldTotal, one that holds nothing may still read
// this much (and then holds it): the client that reads its echo keeps being served.
constexpr qint64 kReadWhenFull = 16 * 1024;
// Within a round, how often the stop flag is looked at.
constexpr qint64 kStopCheckMs = 5;
} // namespace

struct PollLoop::Connection
{
    Fd fd;
    QString peer;
    QString local;
    EventReporter reporter;
    // Echo not yet sent (the client's receive window was full): bytes from heldFrom on.
    // Sent bytes are skipped, not removed, so a send never copies what stays held.
    QByteArray held;
    qsizetype heldFrom = 0;
    bool peerClosed = false; // recv() returned 0 while echo was held
    bool over = false;
    qint64 closedUs = 0;

    qint64 heldBytes() const { return held.size() - heldFrom; }
};

PollLoop::PollLoop(ServerContext &context)
    : m_context(context),
      m_buffer(qMax(1, context.config.bufferSize), Qt::Uninitialized),
      m_heldLimit(qBound(kMinHeldLimit, 4 * qint64(m_buffer.size()), kMaxHeldPerConnection)),
      m_echoReadSize(qMin(qint64(m_buffer.size()), m_heldLimit))
{
}

PollLoop::~PollLoop() = default;

void PollLoop::add(Fd connection, const QString &peer, const QString &local, quint64 id,
                   qint64 acceptedUs)
{
    auto served = std::make_unique<Connection>();
    served->fd = std::move(connection);
    served->peer = peer;
    served->local = local;
    served->reporter = m_context.reporterFor(HandlerKind::Main, id);
    served->reporter.postConnectionEvent(EventKind::Connected, peer, local, acceptedUs);
    m_connections.push_back(std::move(served));
}

qint64 PollLoop::readSize(const Connection &connection) const
{
    if (connection.peerClosed || connection.over)
        return 0;
    if (!m_context.config.echo)
        return m_buffer.size();
    const qint64 held = connection.heldBytes();
    if (m_held >= kMaxHeldTotal)
        return held == 0 ? qMin(m_echoReadSize, kReadWhenFull) : 0;
    // What one recv() brings may all have to be held: read only when it fits.
    return held == 0 || held + m_echoReadSize <= m_heldLimit ? m_echoReadSize : 0;
}

void PollLoop::appendPollFds(std::vector<pollfd> &fds) const
{
    for (const auto &connection : m_connections) {
        short events = 0;
        if (readable(*connection))
            events |= POLLIN;
        if (connection->heldBytes() > 0)
            events |= POLLOUT;
        fds.push_back({connection->fd.get(), events, 0});
    }
}

QString PollLoop::readyText(const pollfd &ready)
{
    // Translated here (translate() is thread-safe): the message travels in the event as is.
    QStringList what;
    if (ready.revents & POLLIN)
        what << QCoreApplication::translate("PollLoop", "readable");
    if (ready.revents & POLLOUT)
        what << QCoreApplication::translate("PollLoop", "writable");
    if (ready.revents & POLLHUP)
        what << QCoreApplication::translate("PollLoop", "hung up");
    if (ready.revents & (POLLERR | POLLNVAL))
        what << QCoreApplication::translate("PollLoop", "error");
    return QCoreApplication::translate("PollLoop", "fd %1 %2")
        .arg(ready.fd)
        .arg(what.join(QCoreApplication::translate("PollLoop", " and ")));
}

void PollLoop::serve(const std::vector<pollfd> &fds, size_t first)
{
    // The round starts where the last one stopped, so a round cut short by kRoundMs does not
    // serve the same connections first every time.
    const size_t count = qMin(m_connections.size(), fds.size() > first ? fds.size() - first : 0);
    const size_t start = count > 0 ? m_nextFirst % count : 0;
    QElapsedTimer round;
    round.start();
    qint64 stopCheckMs = kStopCheckMs;
    size_t served = 0;
    for (; served < count; ++served) {
        const size_t i = (start + served) % count;
        const short revents = fds[first + i].revents;
        if (revents == 0)
            continue;
        serveOne(*m_connections[i], revents);
        // Past its time the round ends. A long round looks at the stop flag as it goes (a
        // poll() of its own, so not after every connection), since the round's poll(), which
        // watches it, may be a while away under a flood.
        const qint64 elapsedMs = round.elapsed();
        bool stop = elapsedMs >= kRoundMs;
        if (!stop && elapsedMs >= stopCheckMs) {
            stop = m_context.stop.isRaised();
            stopCheckMs = elapsedMs + kStopCheckMs;
        }
        if (stop) {
            ++served;
            break;
        }
    }
    m_nextFirst = count > 0 ? (start + served) % count : 0;
    size_t index = 0;
    size_t nextFirst = 0; // m_nextFirst's connection, once the finished ones are gone
    for (auto it = m_connections.begin(); it != m_connections.end(); ++index) {
        if ((*it)->over) {
            it = m_connections.erase(it);
        } else {
            if (index < m_nextFirst)
                ++nextFirst;
            ++it;
        }
    }
    m_nextFirst = nextFirst;
}

void PollLoop::serveOne(Connection &connection, short revents)
{
    // An error or hang-up shows in the next recv() or send(), which report it.
    if (connection.heldBytes() > 0 && (revents & (POLLOUT | POLLERR | POLLHUP)))
        flush(connection);
    if (readable(connection) && (revents & (POLLIN | POLLERR | POLLHUP)))
        receive(connection);
    if (!connection.over && connection.peerClosed && connection.heldBytes() == 0)
        close(connection);
}

void PollLoop::closeAll()
{
    for (const auto &connection : m_connections)
        close(*connection);
    m_connections.clear();
}

// At most kChunksPerRound recv()s and about kBytesPerTurn bytes, so a flood on this connection
// leaves room for the others.
void PollLoop::receive(Connection &connection)
{
    const int fd = connection.fd.get();
    const EventReporter &reporter = connection.reporter;
    // A quiet server reports neither the call nor the data: it needs no clock, and two
    // clock_gettime() per 1 KiB recv() were 5% of its time under a flood.
    const bool timed = reporter.callsEnabled() || reporter.trafficEnabled();
    qint64 turn = 0;
    for (int i = 0; i < kChunksPerRound && turn < kBytesPerTurn; ++i) {
        const qint64 size = readSize(connection);
        if (size <= 0)
            return;
        const CallClock clock = timed ? CallClock() : CallClock(0, 0);
        ssize_t n;
        do {
            n = ::recv(fd, m_buffer.data(), size_t(size), MSG_DONTWAIT);
        } while (n < 0 && errno == EINTR);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        const int recvErrno = n < 0 ? errno : 0;
        if (reporter.reportsCall(SysCall::Recv)) {
            reporter.traceCall(SysCall::Recv, clock, QStringLiteral("fd %1, %2").arg(fd).arg(size),
                               n, recvErrno);
        }
        if (n < 0) {
            reporter.reportError(SysCall::Recv, QStringLiteral("fd %1").arg(fd), recvErrno, -1,
                                 connection.peer);
            close(connection);
            return;
        }
        if (n == 0) {
            // The client is done sending; what it is still owed is sent before close().
            connection.peerClosed = true;
            if (connection.heldBytes() == 0)
                close(connection);
            return;
        }
        turn += n;
        m_context.counters.addMessages(1, n);
        if (timed) {
            reporter.postTraffic(EventKind::Data, connection.peer, connection.local, n,
                                 m_buffer.constData(), n,
                                 EventReporter::effectUs(SysCall::Recv, clock));
        }
        if (m_context.config.sharedCounter) {
            SocketEvent counted = reporter.make(EventKind::CounterIncremented);
            counted.result = qint64(m_context.sharedCounter.fetch_add(1) + 1);
            reporter.post(std::move(counted));
        }
        if (m_context.config.echo)
            echo(connection, m_buffer.constData(), n);
        if (connection.over || n < size)
            return;
    }
}

void PollLoop::echo(Connection &connection, const char *data, qint64 size)
{
    // Behind bytes already waiting, these wait too: the order of the echo is the client's.
    qint64 sent = 0;
    if (connection.heldBytes() == 0) {
        sent = send(connection, data, size); // straight from the receive buffer
        if (sent < 0 || sent == size)
            return;
    } else if (connection.heldFrom >= connection.held.size() / 2) {
        // The bytes already sent go, now and then, so the held array does not grow with
        // them: one copy of what stays, for at least as many bytes sent since the last one.
        connection.held.remove(0, connection.heldFrom);
        connection.heldFrom = 0;
    }
    connection.held.append(data + sent, size - sent);
    m_held += size - sent;
}

void PollLoop::dropHeld(Connection &connection)
{
    m_held -= connection.heldBytes();
    connection.held = QByteArray(); // a slow reader's buffer is not kept once drained
    connection.heldFrom = 0;
}

// Sends what the connection holds of its echo, as far as the client's window allows.
void PollLoop::flush(Connection &connection)
{
    const qint64 size = connection.heldBytes();
    const qint64 sent = send(connection, connection.held.constData() + connection.heldFrom, size);
    if (sent < 0)
        return; // closed, held bytes dropped
    connection.heldFrom += sent;
    m_held -= sent;
    if (sent == size)
        dropHeld(connection);
}

// send()s until the client's window is full; returns the bytes sent, or -1 when send()
// failed (the connection is closed then).
qint64 PollLoop::send(Connection &connection, const char *data, qint64 size)
{
    const int fd = connection.fd.get();
    const EventReporter &reporter = connection.reporter;
    qint64 done = 0;
    while (done < size) {
        const CallClock clock;
        ssize_t n;
        do {
            n = ::send(fd, data + done, size_t(size - done), MSG_DONTWAIT | MSG_NOSIGNAL);
        } while (n < 0 && errno == EINTR);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break; // the rest waits for POLLOUT
        const int sendErrno = n < 0 ? errno : 0;
        if (reporter.callsEnabled()) {
            reporter.traceCall(SysCall::Send, clock,
                               QStringLiteral("fd %1, %2").arg(fd).arg(size - done), n, sendErrno);
        }
        if (n < 0) {
            reporter.reportError(SysCall::Send, QStringLiteral("fd %1").arg(fd), sendErrno, -1,
                                 connection.peer);
            close(connection);
            return -1;
        }
        reporter.postTraffic(EventKind::Sent, connection.peer, connection.local, n, data + done, n,
                             clock.beginUs());
        done += n;
    }
    return done;
}

void PollLoop::close(Connection &connection)
{
    if (connection.over)
        return;
    connection.over = true;
    dropHeld(connection); // what the client never took dies with the connection
    const EventReporter &reporter = connection.reporter;
    const int fd = connection.fd.get();
    const CallClock clock;
    const int closed = connection.fd.reset();
    connection.closedUs = EventReporter::effectUs(SysCall::Close, clock);
    if (reporter.callsEnabled()) {
        reporter.traceCall(SysCall::Close, clock, QStringLiteral("fd %1").arg(fd), closed,
                           closed == 0 ? 0 : errno);
    }
    reporter.postConnectionEvent(EventKind::Disconnected, connection.peer, connection.local,
                                 connection.closedUs);
}

} // namespace socketlab
