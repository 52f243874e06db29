#include "core/private/udpserverworker.h"

#include "core/endpoint.h"
#include "core/private/servercontext.h"
#include "core/private/threadpriority.h"
#include "core/socketio.h"

#include <cerrno>
#include <cstring>
#include <linux/sock_diag.h>
#include <poll.h>
#include <sys/socket.h>

namespace socketlab {

namespace {
// Datagrams read per wake-up before looking at the stop flag again.
constexpr int kDrainLimit = 256;
// Senders remembered for their colour and "connections" count; beyond, all share one id.
constexpr int kMaxRememberedSenders = 10000;
} // namespace

UdpServerWorker::UdpServerWorker(ServerContext &context, Fd socket, const QString &local)
    : m_context(context),
      m_socket(std::move(socket)),
      m_local(local)
{
    setObjectName(QStringLiteral("udp server"));
}

UdpServerWorker::~UdpServerWorker()
{
    wait();
}

void UdpServerWorker::run()
{
    m_context.workerThreadId.store(socketlab::currentThreadId());
    makeCurrentThreadNicer(m_context.config.handlerNice);
    QByteArray buffer(qMax(1, m_context.config.bufferSize), Qt::Uninitialized);
    // Paused, the socket is not even polled: datagrams wait in its receive buffer, and once
    // that is full the kernel drops the rest (counted in updateDropped()).
    bool goOn = !m_context.config.pauseReading
        || SocketIo::waitFor(m_context.readingResumed.fd(), POLLIN, m_context.stop.fd())
            == WaitResult::Ready;
    while (goOn
           && SocketIo::waitFor(m_socket.get(), POLLIN, m_context.stop.fd(), -1, SysCall::Recvfrom)
               == WaitResult::Ready) {
        for (int i = 0; i < kDrainLimit && receiveOne(buffer); ++i) { }
        updateDropped();
    }
    updateDropped();
}

void UdpServerWorker::updateDropped()
{
    // The socket's sk_drops: datagrams that found the receive buffer full (one getsockopt per
    // wake-up, not per datagram). Not a recipe step, so not traced.
    quint32 memInfo[SK_MEMINFO_VARS] = {};
    socklen_t length = sizeof memInfo;
    if (::getsockopt(m_socket.get(), SOL_SOCKET, SO_MEMINFO, memInfo, &length) == 0
        && length > SK_MEMINFO_DROPS * sizeof(quint32)) {
        m_context.counters.setDropped(memInfo[SK_MEMINFO_DROPS]);
    }
}

bool UdpServerWorker::receiveOne(QByteArray &buffer)
{
    const int fd = m_socket.get();
    sockaddr_storage address {};
    socklen_t length = sizeof address;
    const CallClock clock;
    ssize_t n;
    // MSG_TRUNC: recvfrom() returns the datagram's real length even when the buffer is
    // shorter, so a cut datagram is said and counted at its real size, never silently.
    do {
        n = ::recvfrom(fd, buffer.data(), size_t(buffer.size()), MSG_DONTWAIT | MSG_TRUNC,
                       reinterpret_cast<sockaddr *>(&address), &length);
    } while (n < 0 && errno == EINTR);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        return false;
    const int recvErrno = n < 0 ? errno : 0;
    const EventReporter &base = m_context.reporter;
    if (n < 0) {
        // A failed receive (out of memory, say) ends nothing for the other senders: report, go on.
        if (base.callsEnabled()) {
            base.traceCall(SysCall::Recvfrom, clock,
                           QStringLiteral("fd %1, %2").arg(fd).arg(buffer.size()), n, recvErrno);
        }
        base.reportError(SysCall::Recvfrom, QStringLiteral("fd %1").arg(fd), recvErrno);
        return true;
    }
    const bool truncated = n > buffer.size();
    const ssize_t kept = truncated ? ssize_t(buffer.size()) : n;
    m_context.counters.addMessages(1, n);
    if (truncated)
        m_context.counters.addTruncated();
    if (length != m_lastSenderLength || std::memcmp(&address, &m_lastSender, length) != 0) {
        m_lastPeer = Endpoint(reinterpret_cast<sockaddr *>(&address), length).toString();
        m_lastSenderId = idForSender(m_lastPeer);
        std::memcpy(&m_lastSender, &address, length);
        m_lastSenderLength = length;
    }
    const QString &peer = m_lastPeer;
    EventReporter reporter = base;
    reporter.setConnectionId(m_lastSenderId);
    if (reporter.callsEnabled()) {
        reporter.traceCall(SysCall::Recvfrom, clock,
                           QStringLiteral("fd %1, %2").arg(fd).arg(buffer.size()), n, 0, peer);
    }
    reporter.postTraffic(EventKind::Data, peer, m_local, n, buffer.constData(), kept,
                         EventReporter::effectUs(SysCall::Recvfrom, clock), truncated);
    if (m_context.config.echo) {
        const CallClock sendClock;
        // The echo holds what was read: a truncated datagram's lost rest is lost for it too.
        const ssize_t sent
            = ::sendto(fd, buffer.constData(), size_t(kept), MSG_NOSIGNAL | MSG_DONTWAIT,
                       reinterpret_cast<sockaddr *>(&address), length);
        const int sendErrno = sent < 0 ? errno : 0;
        if (reporter.callsEnabled()) {
            reporter.traceCall(SysCall::Sendto, sendClock,
                               QStringLiteral("fd %1, %2, %3").arg(fd).arg(kept).arg(peer), sent,
                               sendErrno, peer);
        }
        if (sent < 0) {
            reporter.reportError(SysCall::Sendto, peer, sendErrno);
        } else {
            reporter.postTraffic(EventKind::Sent, peer, m_local, sent, buffer.constData(), sent,
                                 sendClock.beginUs());
        }
    }
    return true;
}

quint64 UdpServerWorker::idForSender(const QString &peer)
{
    auto it = m_senderIds.constFind(peer);
    if (it != m_senderIds.constEnd())
        return it.value();
    if (m_senderIds.size() >= kMaxRememberedSenders)
        return 0;
    const quint64 id = m_context.takeConnectionId();
    m_senderIds.insert(peer, id);
    m_context.counters.addConnection();
    return id;
}

} // namespace socketlab
