#include "connectionsession.h"

#include "servercontext.h"
#include "socketio.h"

#include <cerrno>
#include <poll.h>
#include <sys/socket.h>

namespace socketlab {

ConnectionSession::ConnectionSession(ServerContext &context, Fd connection, const QString &peer,
                                     const QString &local, const EventReporter &reporter)
    : m_context(context), m_connection(std::move(connection)), m_peer(peer), m_local(local),
      m_reporter(reporter)
{
}

void ConnectionSession::run()
{
    SocketEvent connected = m_reporter.make(EventKind::Connected);
    connected.peer = m_peer;
    connected.local = m_local;
    m_reporter.post(std::move(connected));

    QByteArray buffer(qMax(1, m_context.config.bufferSize), Qt::Uninitialized);
    for (;;) {
        const WaitResult wait = SocketIo::waitFor(m_connection.get(), POLLIN, m_context.stop.fd());
        if (wait != WaitResult::Ready || !receiveOnce(buffer))
            break;
    }

    const int fd = m_connection.get();
    const int closed = m_connection.reset();
    m_reporter.traceCall(7, QStringLiteral("close"), QStringLiteral("fd %1").arg(fd), closed,
                         closed == 0 ? 0 : errno);
    SocketEvent disconnected = m_reporter.make(EventKind::Disconnected);
    disconnected.peer = m_peer;
    disconnected.local = m_local;
    m_reporter.post(std::move(disconnected));
}

// Returns false when the connection is over (peer closed, reset, or failed).
bool ConnectionSession::receiveOnce(QByteArray &buffer)
{
    const int fd = m_connection.get();
    ssize_t n;
    do {
        n = ::recv(fd, buffer.data(), size_t(buffer.size()), 0);
    } while (n < 0 && errno == EINTR);
    const int recvErrno = n < 0 ? errno : 0;
    m_reporter.traceCall(6, QStringLiteral("recv"),
                         QStringLiteral("fd %1, %2").arg(fd).arg(buffer.size()), n, recvErrno);
    if (n == 0)
        return false;
    if (n < 0) {
        m_reporter.reportError(QStringLiteral("recv"), QStringLiteral("fd %1").arg(fd), recvErrno);
        return false;
    }
    m_context.counters.addMessages(1, n);
    if (m_reporter.trafficEnabled()) {
        SocketEvent data = m_reporter.make(EventKind::Data);
        data.peer = m_peer;
        data.local = m_local;
        data.bytes = n;
        data.payload = QByteArray(buffer.constData(), qMin<qsizetype>(n, kMaxEventPayload));
        m_reporter.post(std::move(data));
    }
    if (m_context.config.echo)
        echo(buffer.constData(), n);
    return !m_failed;
}

void ConnectionSession::echo(const char *data, qint64 size)
{
    const int fd = m_connection.get();
    int errnum = 0;
    const qint64 sent = SocketIo::sendAll(fd, data, size, m_context.stop.fd(), &errnum);
    if (errnum == ECANCELED)
        return;
    m_reporter.traceCall(6, QStringLiteral("send"), QStringLiteral("fd %1, %2").arg(fd).arg(size),
                         errnum ? -1 : sent, errnum);
    if (errnum) {
        m_reporter.reportError(QStringLiteral("send"), QStringLiteral("fd %1").arg(fd), errnum);
        m_failed = true;
        return;
    }
    if (m_reporter.trafficEnabled()) {
        SocketEvent event = m_reporter.make(EventKind::Sent);
        event.peer = m_peer;
        event.local = m_local;
        event.bytes = sent;
        event.payload = QByteArray(data, qMin<qint64>(sent, kMaxEventPayload));
        m_reporter.post(std::move(event));
    }
}

} // namespace socketlab
