#include "core/server.h"

#include "core/endpoint.h"
#include "core/eventformatter.h"
#include "core/fd.h"
#include "core/labnetwork.h"
#include "core/private/servercontext.h"
#include "core/private/tcpserverworker.h"
#include "core/private/udpserverworker.h"
#include "core/resolver.h"
#include "core/socketio.h"

#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace socketlab {

namespace {
// How long start() waits for a --bind host name to resolve before it gives up.
constexpr int kBindLookupTimeoutMs = 5000;
} // namespace

Server::Server(QObject *parent)
    : QObject(parent),
      m_ownQueue(std::make_unique<EventQueue>()),
      m_queue(m_ownQueue.get())
{
    connect(m_queue, &EventQueue::eventsArrived, this, &Server::eventsArrived);
}

Server::Server(EventQueue *queue, QObject *parent)
    : QObject(parent),
      m_queue(queue)
{
}

Server::~Server()
{
    // Whoever listened may be half destroyed by now: stop without telling anyone.
    blockSignals(true);
    stop();
}

void Server::resumeReading()
{
    if (m_context)
        m_context->readingResumed.raise();
}

bool Server::isRunning() const
{
    return m_worker != nullptr;
}

ServerTotals Server::totals() const
{
    return m_context ? m_context->counters.totals() : m_lastTotals;
}

qint64 Server::sharedCounter() const
{
    return m_context ? m_context->sharedCounter.load() : m_lastSharedCounter;
}

qint64 Server::workerThreadId() const
{
    return m_context ? m_context->workerThreadId.load() : 0;
}

bool Server::fail(SysCall call, const QString &args, int errnum, qint64 result)
{
    m_context->reporter.reportError(call, args, errnum, result);
    SocketEvent failure = m_context->reporter.make(EventKind::Error);
    failure.call = call;
    failure.args = args;
    failure.errnum = errnum;
    failure.result = result;
    m_errorString = EventFormatter::explained(failure);
    m_lastTotals = {};
    m_lastSharedCounter = 0;
    m_context.reset();
    m_queue->flush();
    return false;
}

bool Server::start(const ServerConfig &config)
{
    if (isRunning())
        stop();
    m_config = config;
    m_errorString.clear();
    m_context = std::make_unique<ServerContext>(config, m_queue);
    const EventReporter &reporter = m_context->reporter;
    for (const WakeSignal *wake :
         {&m_context->stop, &m_context->handlerFinished, &m_context->readingResumed}) {
        if (!wake->isValid())
            return fail(SysCall::Eventfd, QString(), wake->error());
    }
    const bool tcp = config.protocol == Protocol::Tcp;
    const int type = tcp ? SOCK_STREAM : SOCK_DGRAM;

    // Step 1: the transport protocol's number.
    const QString protoName = protocolName(config.protocol);
    const CallClock protoClock;
    const int protocol = Resolver::protocolNumber(protoName);
    reporter.traceCall(SysCall::Getprotobyname, protoClock, protoName, protocol);

    // The address to bind. A numeric one (what the GUI offers: 127.0.0.1, 0.0.0.0, ::) is
    // parsed at once, so "port in use" is still known before start() returns. A host name
    // (typed with --bind) is looked up on a helper thread and given up after a few seconds:
    // start() runs on the caller's (GUI) thread and promises its answer synchronously, so the
    // wait cannot move to the worker; a DNS server that never answers costs at most this
    // bound, not glibc's full retry cycle.
    const QString bindHost = Resolver::normalizeHost(config.bindAddress);
    const CallClock resolveClock;
    const ResolvedAddresses bindTo
        = Resolver::resolve(bindHost, config.port, type, true, -1, kBindLookupTimeoutMs);
    if (reporter.callsEnabled()) {
        // The local address to bind, not a peer; no recipe step of its own (it serves step 3).
        SocketEvent resolved = reporter.make(EventKind::Call);
        resolved.setEndUs(resolveClock.endUs());
        resolved.beginUs = resolveClock.beginUs();
        resolved.call = SysCall::Getaddrinfo;
        resolved.args = bindHost;
        resolved.result = bindTo.gaiError;
        resolved.errnum = bindTo.errnum;
        if (!bindTo.endpoints.isEmpty())
            resolved.local = bindTo.endpoints.first().toString();
        reporter.post(std::move(resolved));
    }
    if (bindTo.gaiError != 0)
        return fail(SysCall::Getaddrinfo, bindHost, bindTo.errnum, bindTo.gaiError);

    // Each address in turn until one binds ("localhost" may give ::1 first on a machine
    // without IPv6); when none does, the last one's failure is the answer.
    Fd socket;
    Endpoint address;
    SysCall failedCall = SysCall::None;
    QString failedArgs;
    int failedErrno = 0;
    for (const Endpoint &candidate : bindTo.endpoints) {
        // Step 2: the socket, still active.
        const QString socketArgs = SocketIo::socketArgs(candidate.family(), type, protocol);
        const CallClock socketClock;
        Fd attempt(LabNetwork::socketIn(m_network.get(), candidate.family(), type, protocol));
        const int socketErrno = attempt.isValid() ? 0 : errno;
        reporter.traceCall(SysCall::Socket, socketClock, socketArgs, attempt.get(), socketErrno);
        if (!attempt.isValid()) {
            failedCall = SysCall::Socket;
            failedArgs = socketArgs;
            failedErrno = socketErrno;
            continue;
        }

        const int one = 1;
        // TCP only: it lets a restarted server bind while old connections sit in TIME_WAIT. On a
        // UDP socket it would let a second server share the port instead of failing to bind.
        if (config.reuseAddress && tcp) {
            const CallClock optionClock;
            const int r = ::setsockopt(attempt.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
            reporter.traceCall(SysCall::Setsockopt, optionClock,
                               QStringLiteral("fd %1, SO_REUSEADDR, 1").arg(attempt.get()), r,
                               r == 0 ? 0 : errno);
        }
        if (config.receiveBuffer > 0) {
            // On the listener, so that every accepted socket inherits it (and its window is
            // sized from it during the handshake); for UDP on the one socket.
            const QString args = QStringLiteral("fd %1, SO_RCVBUF, %2")
                                     .arg(attempt.get())
                                     .arg(config.receiveBuffer);
            const CallClock optionClock;
            const int r = ::setsockopt(attempt.get(), SOL_SOCKET, SO_RCVBUF, &config.receiveBuffer,
                                       sizeof config.receiveBuffer);
            const int optionErrno = r == 0 ? 0 : errno;
            reporter.traceCall(SysCall::Setsockopt, optionClock, args, r, optionErrno);
            if (r != 0) {
                reporter.reportError(SysCall::Setsockopt, args, optionErrno);
            } else {
                // What the kernel made of it (Linux doubles it), for the class to see.
                int size = 0;
                socklen_t length = sizeof size;
                const CallClock readClock;
                const int got = ::getsockopt(attempt.get(), SOL_SOCKET, SO_RCVBUF, &size, &length);
                reporter.traceCall(SysCall::Getsockopt, readClock,
                                   QStringLiteral("fd %1, SO_RCVBUF").arg(attempt.get()),
                                   got == 0 ? size : got, got == 0 ? 0 : errno);
            }
        }
        if (candidate.family() == AF_INET6) {
            // "::" serves IPv4 clients too (they show up as plain IPv4 addresses).
            const int zero = 0;
            ::setsockopt(attempt.get(), IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero);
        }

        // Step 3: bind the local address and port.
        const QString bindArgs
            = QStringLiteral("fd %1, %2").arg(attempt.get()).arg(candidate.toString());
        const CallClock bindClock;
        const int bound = ::bind(attempt.get(), candidate.address(), candidate.length());
        const int bindErrno = bound == 0 ? 0 : errno;
        reporter.traceCall(SysCall::Bind, bindClock, bindArgs, bound, bindErrno);
        if (bound == 0) {
            socket = std::move(attempt);
            address = candidate;
            break;
        }
        failedCall = SysCall::Bind;
        failedArgs = candidate.toString();
        failedErrno = bindErrno;
    }
    if (!socket.isValid())
        return fail(failedCall, failedArgs, failedErrno);

    // Step 4 (TCP only): the socket becomes passive.
    if (tcp) {
        const int backlog = qMax(0, config.backlog);
        const CallClock listenClock;
        const int listening = ::listen(socket.get(), backlog);
        const int listenErrno = listening == 0 ? 0 : errno;
        reporter.traceCall(SysCall::Listen, listenClock,
                           QStringLiteral("fd %1, %2").arg(socket.get()).arg(backlog), listening,
                           listenErrno);
        if (listening != 0)
            return fail(SysCall::Listen, address.toString(), listenErrno);
        // Non-blocking so a client that gives up between poll() and accept() cannot block us.
        ::fcntl(socket.get(), F_SETFL, ::fcntl(socket.get(), F_GETFL) | O_NONBLOCK);
    }

    const Endpoint local = Endpoint::localOf(socket.get());
    m_localAddress = local.toString();
    m_localPort = local.port();
    SocketEvent listening = reporter.make(EventKind::Listening);
    listening.local = m_localAddress;
    reporter.post(std::move(listening));

    if (tcp)
        m_worker = std::make_unique<TcpServerWorker>(*m_context, std::move(socket), m_localAddress);
    else
        m_worker = std::make_unique<UdpServerWorker>(*m_context, std::move(socket), m_localAddress);
    m_worker->start();
    emit started();
    return true;
}

void Server::stop()
{
    if (!m_worker)
        return;
    m_context->stop.raise();
    m_worker->wait();
    m_worker.reset();
    m_lastTotals = m_context->counters.totals();
    m_lastSharedCounter = m_context->sharedCounter.load();
    SocketEvent summary = m_context->reporter.make(EventKind::Summary);
    summary.connections = m_lastTotals.connections;
    summary.messages = m_lastTotals.messages;
    summary.bytes = m_lastTotals.bytes;
    summary.killed = m_lastTotals.killed;
    summary.incomplete = m_lastTotals.incomplete;
    summary.dropped = m_lastTotals.dropped;
    summary.truncatedDatagrams = m_lastTotals.truncated;
    m_context->reporter.post(std::move(summary));
    m_context.reset();
    m_queue->flush();
    emit stopped();
}

} // namespace socketlab
