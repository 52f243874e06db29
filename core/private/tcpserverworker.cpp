#include "core/private/tcpserverworker.h"

#include "core/blockingcall.h"
#include "core/endpoint.h"
#include "core/private/childwatcher.h"
#include "core/private/connectionsession.h"
#include "core/private/forkedchild.h"
#include "core/private/handlerthread.h"
#include "core/private/pollloop.h"
#include "core/private/servercontext.h"
#include "core/private/threadpriority.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace socketlab {

namespace {
// How long children get to finish on the stop flag before SIGKILL: with the reading after it,
// the whole stop stays near half a second even when a child is frozen.
constexpr int kStopGraceMs = 400;
// After accept() failed (out of descriptors, say), the listener rests this long.
constexpr qint64 kAcceptPauseMs = 100;
// Poll mode: accept() calls in a row when the listener is readable. One per poll() round made
// a burst of 1,000 clients cost 1,000 rounds over an ever larger poll set (0.1-0.2 s); a
// bound, so the connections already served are read in between.
constexpr int kAcceptsPerRound = 64;

// Quiet children with a small buffer batch their recv()s (one recvmmsg() for many).
int childBatch(const ServerConfig &config)
{
    const bool batch = !config.reportTraffic && !config.echo && config.bufferSize <= 4096;
    return batch ? kMaxChildBatch : 1;
}
} // namespace

TcpServerWorker::TcpServerWorker(ServerContext &context, Fd listener, const QString &local)
    : m_context(context),
      m_listener(std::move(listener)),
      m_local(local),
      m_childBatch(childBatch(context.config)),
      m_childBuffer(size_t(qMax(1, context.config.bufferSize)) * size_t(m_childBatch))
{
    setObjectName(QStringLiteral("tcp server"));
}

TcpServerWorker::~TcpServerWorker()
{
    wait();
}

void TcpServerWorker::run()
{
    m_context.workerThreadId.store(socketlab::currentThreadId());
    // Forked children inherit this thread's priority; handler threads lower their own.
    makeCurrentThreadNicer(m_context.config.handlerNice);
    if (m_context.config.concurrency == Concurrency::Poll) {
        runPoll();
        return;
    }
    std::vector<pollfd> fds;
    for (;;) {
        fds.clear();
        fds.push_back({m_context.stop.fd(), POLLIN, 0});
        fds.push_back({m_context.handlerFinished.fd(), POLLIN, 0});
        const bool atCap = liveHandlers() >= qMax(1, m_context.config.maxClients);
        if (!atCap)
            m_capAnnounced = false;
        const int pauseMs = acceptPauseMs();
        // At the cap the listener is watched only until a waiting client is announced.
        const bool watchListener = pauseMs == 0 && (!atCap || !m_capAnnounced);
        fds.push_back({watchListener ? m_listener.get() : -1, POLLIN, 0});
        for (const auto &child : m_children)
            fds.push_back({child->pipeFd(), POLLIN, 0});

        // What this loop waits for is the next client: accept() (children's pipes too, but
        // that is plumbing, not the recipe).
        const int ready = [&] {
            const BlockingCall blocked(watchListener ? SysCall::Accept : SysCall::None);
            return ::poll(fds.data(), nfds_t(fds.size()), pauseMs > 0 ? pauseMs : -1);
        }();
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0 || (fds[0].revents & POLLIN))
            break;
        if (fds[1].revents & POLLIN)
            joinFinishedThreads();
        // fds[3 + k] is m_children[k]'s pipe.
        std::vector<bool> readable(m_children.size(), false);
        bool anyReadable = false;
        for (size_t i = 3; i < fds.size(); ++i) {
            if (fds[i].revents) {
                readable[i - 3] = true;
                anyReadable = true;
            }
        }
        if (anyReadable)
            readChildren(readable);
        if (fds[2].revents & POLLIN) {
            if (atCap)
                announceCap();
            else
                acceptOne();
        }
    }
    stopHandlers();
}

void TcpServerWorker::runPoll()
{
    m_pollLoop = std::make_unique<PollLoop>(m_context);
    const int listenFd = m_listener.get();
    std::vector<pollfd> fds;
    for (;;) {
        fds.clear();
        fds.push_back({m_context.stop.fd(), POLLIN, 0});
        // The cap and the paused listener as in the other modes: at the cap the listener is
        // left out of the poll set once the waiting client has been announced.
        const bool atCap = liveHandlers() >= qMax(1, m_context.config.maxClients);
        if (!atCap)
            m_capAnnounced = false;
        const int pauseMs = acceptPauseMs();
        const bool watchListener = pauseMs == 0 && (!atCap || !m_capAnnounced);
        if (watchListener)
            fds.push_back({listenFd, POLLIN, 0});
        const size_t firstConnection = fds.size();
        m_pollLoop->appendPollFds(fds);

        const CallClock clock;
        const int ready = [&] {
            const BlockingCall blocked(SysCall::Poll);
            return ::poll(fds.data(), nfds_t(fds.size()), pauseMs > 0 ? pauseMs : -1);
        }();
        const int pollErrno = ready < 0 ? errno : 0;
        if (ready < 0 && pollErrno == EINTR)
            continue;
        tracePoll(clock, fds, ready, pollErrno, firstConnection);
        if (ready < 0 || (fds[0].revents & POLLIN))
            break;
        m_pollLoop->serve(fds, firstConnection);
        if (watchListener && (fds[1].revents & POLLIN)) {
            if (atCap) {
                announceCap();
            } else {
                const int cap = qMax(1, m_context.config.maxClients);
                int accepted = 0;
                while (accepted < kAcceptsPerRound && liveHandlers() < cap && acceptOne())
                    ++accepted;
            }
        }
    }
    m_pollLoop->closeAll();
}

// "poll(4 fds) -> 2 ready: fd 7 readable, fd 3 new connection": which descriptors poll()
// reported is the whole lesson of this mode.
void TcpServerWorker::tracePoll(const CallClock &clock, const std::vector<pollfd> &fds, int ready,
                                int pollErrno, size_t firstConnection) const
{
    const EventReporter &reporter = m_context.reporter;
    if (!reporter.callsEnabled())
        return;
    QStringList what;
    for (size_t i = 0; i < fds.size() && ready > 0; ++i) {
        const pollfd &entry = fds[i];
        if (entry.revents == 0)
            continue;
        if (i == 0)
            what << QCoreApplication::translate("PollLoop", "fd %1 stop").arg(entry.fd);
        else if (i < firstConnection)
            what << QCoreApplication::translate("PollLoop", "fd %1 new connection").arg(entry.fd);
        else
            what << PollLoop::readyText(entry);
    }
    SocketEvent event = reporter.make(EventKind::Call);
    event.setEndUs(clock.endUs());
    event.beginUs = clock.beginUs();
    event.call = SysCall::Poll;
    event.step = recipeStep(SysCall::Poll, Role::Server);
    event.args = QStringLiteral("%1 fds").arg(fds.size());
    event.result = ready;
    event.errnum = pollErrno;
    event.message = what.join(QStringLiteral(", "));
    reporter.post(std::move(event));
}

void TcpServerWorker::announceCap()
{
    // Not an accept() failure: the client completed the handshake and waits in the backlog.
    SocketEvent event = m_context.reporter.make(EventKind::Error);
    event.call = SysCall::Accept;
    event.args = QStringLiteral("fd %1").arg(m_listener.get());
    event.step = recipeStep(SysCall::Accept, Role::Server);
    event.result = qMax(1, m_context.config.maxClients);
    event.errnum = 0;
    m_context.reporter.post(std::move(event));
    m_capAnnounced = true;
}

int TcpServerWorker::acceptPauseMs() const
{
    if (!m_acceptPause.isValid())
        return 0;
    const qint64 left = kAcceptPauseMs - m_acceptPause.elapsed();
    return left > 0 ? int(left) : 0;
}

// Fork mode: a child's record pipe is made before accept(), so a server out of descriptors
// leaves the client waiting in the backlog (and says so once) instead of accepting it only to
// close it unserved.
bool TcpServerWorker::reservePipe()
{
    if (m_context.config.concurrency != Concurrency::Fork || m_spareReadEnd.isValid())
        return true;
    int pipeFds[2];
    const CallClock pipeClock;
    if (::pipe2(pipeFds, O_CLOEXEC) == 0) {
        m_spareReadEnd = Fd(pipeFds[0]);
        m_spareWriteEnd = Fd(pipeFds[1]);
        return true;
    }
    const int pipeErrno = errno;
    if (!sameShortage(pipeErrno)) {
        // The pipe is SocketLab's plumbing, not the recipe's: traced only when it fails.
        m_context.reporter.traceCall(SysCall::Pipe2, pipeClock, QStringLiteral("O_CLOEXEC"), -1,
                                     pipeErrno);
        m_context.reporter.reportError(SysCall::Pipe2, QStringLiteral("O_CLOEXEC"), pipeErrno);
    }
    m_acceptPause.start();
    return false;
}

bool TcpServerWorker::sameShortage(int errnum)
{
    const int live = liveHandlers();
    if (errnum == m_lastFailedErrno && live >= m_liveAtFailure)
        return true;
    m_lastFailedErrno = errnum;
    m_liveAtFailure = live;
    return false;
}

bool TcpServerWorker::acceptOne()
{
    if (!reservePipe())
        return false;
    const EventReporter &reporter = m_context.reporter;
    sockaddr_storage address {};
    socklen_t length = sizeof address;
    const int listenFd = m_listener.get();
    const CallClock clock;
    int fd;
    // Poll mode: the connection joins the poll set, where nothing may block.
    const int flags
        = SOCK_CLOEXEC | (m_context.config.concurrency == Concurrency::Poll ? SOCK_NONBLOCK : 0);
    do {
        fd = ::accept4(listenFd, reinterpret_cast<sockaddr *>(&address), &length, flags);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == ECONNABORTED))
        return false; // the client gave up between poll() and accept(), or none is left
    const int acceptErrno = fd < 0 ? errno : 0;
    const QString peer
        = fd >= 0 ? Endpoint(reinterpret_cast<sockaddr *>(&address), length).toString() : QString();
    // At the descriptor limit the same failure repeats until a connection closes: the trace
    // and the log say it once, and the client waits in the backlog meanwhile.
    const bool repeated = fd < 0 && sameShortage(acceptErrno);
    if (reporter.callsEnabled() && !repeated) {
        reporter.traceCall(SysCall::Accept, clock, QStringLiteral("fd %1").arg(listenFd), fd,
                           acceptErrno, peer);
    }
    if (fd >= 0 && liveHandlers() < m_liveAtFailure)
        m_lastFailedErrno = 0; // a connection ended since: a later failure is news
    if (fd < 0) {
        if (!repeated)
            reporter.reportError(SysCall::Accept, QStringLiteral("fd %1").arg(listenFd),
                                 acceptErrno);
        // The listening socket stays readable: wait a little rather than spin, while still
        // joining finished handlers (which free descriptors) and watching for Stop.
        m_acceptPause.start();
        return false;
    }
    m_acceptPause.invalidate();
    Fd connection(fd);
    m_context.counters.addConnection();
    const QString local = Endpoint::localOf(fd).toString();
    const quint64 id = m_context.takeConnectionId();
    const qint64 acceptedUs = EventReporter::effectUs(SysCall::Accept, clock);
    switch (m_context.config.concurrency) {
    case Concurrency::Iterative: {
        ConnectionSession session(m_context, std::move(connection), peer, local,
                                  m_context.reporterFor(HandlerKind::Main, id));
        session.setAcceptedUs(acceptedUs);
        session.run();
        m_lastFailedErrno = 0; // its descriptor is free again: a later failure is news
        break;
    }
    case Concurrency::Thread:
        serveInThread(std::move(connection), peer, local, id, acceptedUs);
        break;
    case Concurrency::Fork:
        serveInChild(std::move(connection), peer, local, id, acceptedUs);
        break;
    case Concurrency::Poll:
        m_pollLoop->add(std::move(connection), peer, local, id, acceptedUs);
        break;
    }
    return true;
}

void TcpServerWorker::serveInThread(Fd connection, const QString &peer, const QString &local,
                                    quint64 id, qint64 acceptedUs)
{
    auto thread = std::make_unique<HandlerThread>(m_context, std::move(connection), peer, local,
                                                  m_context.reporterFor(HandlerKind::Thread, id),
                                                  m_context.handlerFinished);
    thread->setAcceptedUs(acceptedUs);
    const int error = thread->start();
    if (error != 0) {
        // At the thread limit (EAGAIN): this client is told by a closed connection, never
        // left connected to nobody.
        m_context.reporterFor(HandlerKind::Main, id)
            .reportError(SysCall::PthreadCreate, peer, error);
        thread->closeUnserved();
        return;
    }
    m_threads.push_back(std::move(thread));
}

void TcpServerWorker::serveInChild(Fd connection, const QString &peer, const QString &local,
                                   quint64 id, qint64 acceptedUs)
{
    const EventReporter &reporter = m_context.reporter;
    int pipeFds[2] = {m_spareReadEnd.release(), m_spareWriteEnd.release()};
    const CallClock pipeClock;
    const int piped = pipeFds[0] >= 0 ? 0 : ::pipe2(pipeFds, O_CLOEXEC);
    if (piped != 0) {
        // The pipe is SocketLab's plumbing, not the recipe's: traced only when it fails, since
        // then it is why this connection closes unserved.
        const int pipeErrno = errno;
        reporter.traceCall(SysCall::Pipe2, pipeClock, QStringLiteral("O_CLOEXEC"), piped,
                           pipeErrno);
        reporter.reportError(SysCall::Pipe2, QStringLiteral("O_CLOEXEC"), pipeErrno);
        closeUnserved(std::move(connection));
        return;
    }
    Fd readEnd(pipeFds[0]);
    Fd writeEnd(pipeFds[1]);

    ForkedChildSetup setup;
    setup.connection = connection.get();
    setup.recordPipe = writeEnd.get();
    setup.stopFd = m_context.stop.fd();
    setup.buffer = m_childBuffer.data();
    setup.bufferSize = m_childBuffer.size() / size_t(m_childBatch);
    setup.batch = m_childBatch;
    setup.echo = m_context.config.echo;
    setup.reportTraffic = m_context.config.reportTraffic;
    if (m_context.config.sharedCounter)
        setup.counter = &m_context.sharedCounter;
    // The child sweeps inherited descriptors up to the real limit when close_range() is
    // missing; getrlimit() is not promised to be async-signal-safe, so ask here.
    rlimit files {};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY)
        setup.descriptorLimit = int(qMin<rlim_t>(files.rlim_cur, rlim_t(INT_MAX)));

    const CallClock forkClock;
    const pid_t pid = ::fork();
    if (pid == 0)
        runForkedChild(setup);
    const int forkErrno = pid < 0 ? errno : 0;
    reporter.traceCall(SysCall::Fork, forkClock, QString(), pid, forkErrno, peer);
    if (pid < 0) {
        reporter.reportError(SysCall::Fork, QString(), forkErrno);
        closeUnserved(std::move(connection));
        return;
    }
    writeEnd.reset();
    ::fcntl(readEnd.get(), F_SETFL, ::fcntl(readEnd.get(), F_GETFL) | O_NONBLOCK);

    // The parent's copy of the connection: the child owns the conversation now. A parent
    // that forgets this close() keeps the connection open after the child has closed it.
    if (m_context.config.forgetClose) {
        m_context.forget(std::move(connection));
    } else {
        const int fd = connection.get();
        const CallClock closeClock;
        const int closed = connection.reset();
        if (reporter.callsEnabled()) {
            reporter.traceCall(SysCall::Close, closeClock, QStringLiteral("fd %1").arg(fd), closed,
                               closed == 0 ? 0 : errno);
        }
    }

    EventReporter childReporter = m_context.reporterFor(HandlerKind::Process, id);
    childReporter.setHandlerProcess(pid);
    childReporter.postConnectionEvent(EventKind::Connected, peer, local, acceptedUs);
    m_children.push_back(std::make_unique<ChildWatcher>(
        pid, std::move(readEnd), peer, local, childReporter,
        m_context.reporterFor(HandlerKind::Main, id), m_context.counters));
    m_children.back()->setReapOnClose(m_context.config.reapChildren);
}

void TcpServerWorker::closeUnserved(Fd connection)
{
    // No child to hand it to: the client sees its connection closed, not left hanging.
    const int fd = connection.get();
    const CallClock clock;
    const int closed = connection.reset();
    if (m_context.reporter.callsEnabled()) {
        m_context.reporter.traceCall(SysCall::Close, clock, QStringLiteral("fd %1").arg(fd), closed,
                                     closed == 0 ? 0 : errno);
    }
}

void TcpServerWorker::readChildren(const std::vector<bool> &readable)
{
    // One pass, keeping the order (the next poll set is built from it).
    size_t kept = 0;
    for (size_t i = 0; i < m_children.size(); ++i) {
        if (i < readable.size() && readable[i] && !m_children[i]->readRecords()) {
            if (!m_children[i]->isReaped()) // reaping is off: a zombie until Stop
                m_unreaped.push_back(std::move(m_children[i]));
            continue;
        }
        if (kept != i)
            m_children[kept] = std::move(m_children[i]);
        ++kept;
    }
    m_children.resize(kept);
}

void TcpServerWorker::joinFinishedThreads()
{
    m_context.handlerFinished.lower();
    for (auto it = m_threads.begin(); it != m_threads.end();) {
        if ((*it)->isDone()) {
            (*it)->join();
            it = m_threads.erase(it);
        } else {
            ++it;
        }
    }
}

void TcpServerWorker::stopHandlers()
{
    // The stop flag is raised: every handler thread and child sees it in its own poll().
    for (const auto &thread : m_threads)
        thread->join();
    m_threads.clear();
    std::vector<ChildWatcher *> children;
    for (const auto &child : m_children)
        children.push_back(child.get());
    for (const auto &child : m_unreaped)
        children.push_back(child.get());
    if (!children.empty())
        ChildWatcher::stopAll(children, kStopGraceMs); // reaping counts the killed
    m_children.clear();
    m_unreaped.clear();
}

int TcpServerWorker::liveHandlers() const
{
    return int(m_threads.size() + m_children.size()) + (m_pollLoop ? m_pollLoop->size() : 0);
}

} // namespace socketlab
