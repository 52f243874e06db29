#include "core/private/pollloop.h"

#include "core/private/servercontext.h"

#include <QCoreApplication>
#include <QStringList>

#include <cerrno>
#include <poll.h>
#include <sys/socket.h>

namespace socketlab {

namespace {
// Echo bytes a connection may hold for a client that does not read: at least this much, and
// never less than a few receive buffers, so a slow reader costs bounded memory.
constexpr qint64 kMinPendingLimit = 64 * 1024;
}

struct PollLoop::Connection
{
    Fd fd;
    QString peer;
    QString local;
    EventReporter reporter;
    QByteArray pending;  // echo not yet sent: the client's receive window was full
    bool peerClosed = false;  // recv() returned 0 while echo was pending
    bool over = false;
    qint64 closedUs = 0;
};

PollLoop::PollLoop(ServerContext &context)
    : m_context(context), m_buffer(qMax(1, context.config.bufferSize), Qt::Uninitialized),
      m_pendingLimit(qMax<qint64>(kMinPendingLimit, 4 * qint64(m_buffer.size())))
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

bool PollLoop::readable(const Connection &connection) const
{
    return !connection.peerClosed && connection.pending.size() < m_pendingLimit;
}

void PollLoop::appendPollFds(std::vector<pollfd> &fds) const
{
    for (const auto &connection : m_connections) {
        short events = 0;
        if (readable(*connection))
            events |= POLLIN;
        if (!connection->pending.isEmpty())
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
    for (size_t i = 0; i < m_connections.size() && first + i < fds.size(); ++i) {
        Connection &connection = *m_connections[i];
        const short revents = fds[first + i].revents;
        if (revents == 0)
            continue;
        // An error or hang-up shows in the next recv() or send(), which report it.
        if (!connection.pending.isEmpty() && (revents & (POLLOUT | POLLERR | POLLHUP)))
            flush(connection);
        if (!connection.over && readable(connection) && (revents & (POLLIN | POLLERR | POLLHUP)))
            receive(connection);
        if (!connection.over && connection.peerClosed && connection.pending.isEmpty())
            close(connection);
    }
    for (auto it = m_connections.begin(); it != m_connections.end();) {
        if ((*it)->over)
            it = m_connections.erase(it);
        else
            ++it;
    }
}

void PollLoop::closeAll()
{
    for (const auto &connection : m_connections)
        close(*connection);
    m_connections.clear();
}

// At most kChunksPerRound recv()s, so a flood on this connection leaves room for the others.
void PollLoop::receive(Connection &connection)
{
    const int fd = connection.fd.get();
    const EventReporter &reporter = connection.reporter;
    // A quiet server reports neither the call nor the data: it needs no clock, and two
    // clock_gettime() per 1 KiB recv() were 5% of its time under a flood.
    const bool timed = reporter.callsEnabled() || reporter.trafficEnabled();
    for (int i = 0; i < kChunksPerRound && readable(connection); ++i) {
        const CallClock clock = timed ? CallClock() : CallClock(0, 0);
        ssize_t n;
        do {
            n = ::recv(fd, m_buffer.data(), size_t(m_buffer.size()), MSG_DONTWAIT);
        } while (n < 0 && errno == EINTR);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        const int recvErrno = n < 0 ? errno : 0;
        if (reporter.callsEnabled()) {
            reporter.traceCall(SysCall::Recv, clock,
                               QStringLiteral("fd %1, %2").arg(fd).arg(m_buffer.size()), n,
                               recvErrno);
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
            if (connection.pending.isEmpty())
                close(connection);
            return;
        }
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
        if (connection.over || n < m_buffer.size())
            return;
    }
}

void PollLoop::echo(Connection &connection, const char *data, qint64 size)
{
    // Behind bytes already waiting, these wait too: the order of the echo is the client's.
    if (!connection.pending.isEmpty()) {
        connection.pending.append(data, size);
        return;
    }
    connection.pending = QByteArray(data, size);
    flush(connection);
}

// Sends what the connection's pending echo holds, as far as the client's window allows.
void PollLoop::flush(Connection &connection)
{
    const int fd = connection.fd.get();
    const EventReporter &reporter = connection.reporter;
    qint64 done = 0;
    while (done < connection.pending.size()) {
        const qint64 size = connection.pending.size() - done;
        const char *data = connection.pending.constData() + done;
        const CallClock clock;
        ssize_t n;
        do {
            n = ::send(fd, data, size_t(size), MSG_DONTWAIT | MSG_NOSIGNAL);
        } while (n < 0 && errno == EINTR);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;  // the rest waits for POLLOUT
        const int sendErrno = n < 0 ? errno : 0;
        if (reporter.callsEnabled()) {
            reporter.traceCall(SysCall::Send, clock,
                               QStringLiteral("fd %1, %2").arg(fd).arg(size), n, sendErrno);
        }
        if (n < 0) {
            reporter.reportError(SysCall::Send, QStringLiteral("fd %1").arg(fd), sendErrno, -1,
                                 connection.peer);
            connection.pending.clear();
            close(connection);
            return;
        }
        reporter.postTraffic(EventKind::Sent, connection.peer, connection.local, n, data, n,
                             clock.beginUs());
        done += n;
    }
    connection.pending.remove(0, done);
    if (connection.pending.isEmpty())
        connection.pending.squeeze();  // a slow reader's buffer is not kept once drained
}

void PollLoop::close(Connection &connection)
{
    if (connection.over)
        return;
    connection.over = true;
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
