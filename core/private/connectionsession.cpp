#include "core/private/connectionsession.h"

#include "core/private/servercontext.h"
#include "core/socketio.h"

#include <cerrno>
#include <poll.h>
#include <sys/socket.h>

namespace socketlab {

namespace {
// recv() calls in a row, at most, before going back to poll().
constexpr int kReadsPerWake = 64;
constexpr qsizetype kMaxHeldLine = 64 * 1024;
} // namespace

ConnectionSession::ConnectionSession(ServerContext &context, Fd connection, const QString &peer,
                                     const QString &local, const EventReporter &reporter)
    : m_context(context),
      m_connection(std::move(connection)),
      m_peer(peer),
      m_local(local),
      m_reporter(reporter)
{
}

void ConnectionSession::run()
{
    m_reporter.postConnectionEvent(EventKind::Connected, m_peer, m_local, m_acceptedUs);

    QByteArray buffer(qMax(1, m_context.config.bufferSize), Qt::Uninitialized);
    // Paused, the connection is not even polled: what the client sends waits in its Recv-Q.
    bool goOn = !m_context.config.pauseReading
        || SocketIo::waitFor(m_context.readingResumed.fd(), POLLIN, m_context.stop.fd())
            == WaitResult::Ready;
    while (goOn) {
        const WaitResult wait
            = SocketIo::waitFor(m_connection.get(), POLLIN, m_context.stop.fd(), -1, SysCall::Recv);
        goOn = wait == WaitResult::Ready && receiveAvailable(buffer);
    }

    if (m_context.config.forgetClose && !m_context.stop.isRaised()) {
        // The handler's bug: no close(). The connection stays open (and in CLOSE_WAIT).
        m_closedUs = nowUs();
        m_context.forget(std::move(m_connection));
    } else {
        closeConnection();
    }
    m_reporter.postConnectionEvent(EventKind::Disconnected, m_peer, m_local, m_closedUs);
}

void ConnectionSession::closeUnserved()
{
    closeConnection();
}

void ConnectionSession::closeConnection()
{
    const int fd = m_connection.get();
    const CallClock clock;
    const int closed = m_connection.reset();
    m_closedUs = EventReporter::effectUs(SysCall::Close, clock);
    if (m_reporter.callsEnabled()) {
        m_reporter.traceCall(SysCall::Close, clock, QStringLiteral("fd %1").arg(fd), closed,
                             closed == 0 ? 0 : errno);
    }
}

// A recv() that filled the buffer means more is probably waiting: read again at once rather
// than pay for another poll() (whose wait on the shared stop eventfd is the costly part with
// many handler threads). Returns false when the connection is over.
bool ConnectionSession::receiveAvailable(QByteArray &buffer)
{
    for (int i = 0; i < kReadsPerWake; ++i) {
        const Received got = receiveOnce(buffer);
        if (got == Received::Over)
            return false;
        if (got == Received::Drained)
            return true;
    }
    return true; // back to poll(), which also looks at the stop flag
}

ConnectionSession::Received ConnectionSession::receiveOnce(QByteArray &buffer)
{
    const int fd = m_connection.get();
    const CallClock clock;
    ssize_t n;
    do {
        // Never blocks: poll() said readable, and a stop must not wait behind a recv().
        n = ::recv(fd, buffer.data(), size_t(buffer.size()), MSG_DONTWAIT);
    } while (n < 0 && errno == EINTR);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        return Received::Drained;
    const int recvErrno = n < 0 ? errno : 0;
    if (m_reporter.reportsCall(SysCall::Recv)) {
        m_reporter.traceCall(SysCall::Recv, clock,
                             QStringLiteral("fd %1, %2").arg(fd).arg(buffer.size()), n, recvErrno);
    }
    if (n == 0)
        return Received::Over;
    if (n < 0) {
        m_reporter.reportError(SysCall::Recv, QStringLiteral("fd %1").arg(fd), recvErrno, -1,
                               m_peer);
        return Received::Over;
    }
    m_context.counters.addMessages(1, n);
    m_reporter.postTraffic(EventKind::Data, m_peer, m_local, n, buffer.constData(), n,
                           EventReporter::effectUs(SysCall::Recv, clock));
    if (m_context.config.sharedCounter) {
        SocketEvent counted = m_reporter.make(EventKind::CounterIncremented);
        counted.result = qint64(m_context.sharedCounter.fetch_add(1) + 1);
        m_reporter.post(std::move(counted));
    }
    if (m_context.config.echo && m_context.config.echoWholeLines)
        echoWholeLines(buffer.constData(), n);
    else if (m_context.config.echo)
        echo(buffer.constData(), n);
    if (m_failed)
        return Received::Over;
    return n == buffer.size() ? Received::More : Received::Drained;
}

void ConnectionSession::echoWholeLines(const char *data, qint64 size)
{
    m_line.append(data, size);
    const qsizetype end = m_line.lastIndexOf('\n');
    if (end < 0 && m_line.size() < kMaxHeldLine)
        return;
    const qsizetype upTo = end < 0 ? m_line.size() : end + 1;
    echo(m_line.constData(), upTo);
    m_line.remove(0, upTo);
}

void ConnectionSession::echo(const char *data, qint64 size)
{
    const int fd = m_connection.get();
    int errnum = 0;
    const CallClock clock;
    const qint64 sent = SocketIo::sendAll(fd, data, size, m_context.stop.fd(), &errnum);
    if (errnum == ECANCELED)
        return;
    if (m_reporter.callsEnabled()) {
        m_reporter.traceCall(SysCall::Send, clock, QStringLiteral("fd %1, %2").arg(fd).arg(size),
                             errnum ? -1 : sent, errnum);
    }
    if (errnum) {
        m_reporter.reportError(SysCall::Send, QStringLiteral("fd %1").arg(fd), errnum, -1, m_peer);
        m_failed = true;
        return;
    }
    m_reporter.postTraffic(EventKind::Sent, m_peer, m_local, sent, data, sent, clock.beginUs());
}

} // namespace socketlab
