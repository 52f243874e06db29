#include "core/private/childwatcher.h"

#include "core/blockingcall.h"
#include "core/servercounters.h"

#include <QDeadlineTimer>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace socketlab {

namespace {
// After SIGKILL, how long the dead children's pipes get to reach end of file (the kernel
// closes them as the process goes; this only bounds a child stuck in the kernel).
constexpr int kAfterKillMs = 100;
} // namespace

ChildWatcher::ChildWatcher(pid_t pid, Fd recordPipe, const QString &peer, const QString &local,
                           const EventReporter &reporter, const EventReporter &parentReporter,
                           ServerCounters &counters)
    : m_pid(pid),
      m_pipe(std::move(recordPipe)),
      m_peer(peer),
      m_local(local),
      m_reporter(reporter),
      m_parentReporter(parentReporter),
      m_counters(counters)
{
}

ChildWatcher::~ChildWatcher()
{
    if (!m_reaped) {
        if (m_pipe.isValid())
            kill();
        reap();
    }
}

bool ChildWatcher::readRecords()
{
    if (!m_pipe.isValid())
        return false;
    char chunk[65536];
    for (;;) {
        const ssize_t n = ::read(m_pipe.get(), chunk, sizeof chunk);
        if (n > 0) {
            m_reader.feed(chunk, n);
            ChildRecordHeader header;
            const char *payload = nullptr;
            while (m_reader.next(header, payload))
                handleRecord(header, payload);
            if (m_reader.isCorrupt())
                break;
            if (n < ssize_t(sizeof chunk))
                return true;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return true;
        m_reader.finish();
        break; // end of file: the child has exited (or is about to)
    }
    if (m_reader.isCorrupt()) {
        // Not what runForkedChild writes: nothing more from this child can be trusted.
        m_parentReporter.reportError(SysCall::Read, QStringLiteral("fd %1").arg(m_pipe.get()),
                                     EPROTO);
        kill();
    }
    closePipe();
    if (m_reapOnClose)
        reap();
    return false;
}

void ChildWatcher::handleRecord(const ChildRecordHeader &header, const char *payload)
{
    m_connectionFd = int(header.fd);
    // Quiet runs get only Totals and Close records: format nothing for them.
    const QString fdText = m_reporter.callsEnabled() || m_reporter.trafficEnabled()
        ? QStringLiteral("fd %1").arg(m_connectionFd)
        : QString();
    // The child's own times, on the clock the parent uses too.
    const CallClock clock(header.beginUs, header.endUs);
    switch (header.type) {
    case ChildRecordType::Recv:
        if (m_reporter.callsEnabled()) {
            m_reporter.traceCall(SysCall::Recv, clock,
                                 QStringLiteral("%1, %2").arg(fdText).arg(header.requested),
                                 header.result, header.errnum);
        }
        if (header.result < 0)
            m_reporter.reportError(SysCall::Recv, QStringLiteral("fd %1").arg(m_connectionFd),
                                   header.errnum, -1, m_peer);
        if (header.result > 0) {
            m_counters.addMessages(1, header.result);
            m_recvBytes = header.result;
            m_expected = header.result;
            m_recvEffectUs = EventReporter::effectUs(SysCall::Recv, clock);
            m_payload.clear();
        }
        break;
    case ChildRecordType::Payload:
        if (m_payload.size() < kMaxEventPayload)
            m_payload.append(payload,
                             qMin<qsizetype>(header.length, kMaxEventPayload - m_payload.size()));
        m_expected -= header.length;
        if (m_expected <= 0)
            emitData();
        break;
    case ChildRecordType::Send: {
        if (m_reporter.callsEnabled()) {
            m_reporter.traceCall(SysCall::Send, clock,
                                 QStringLiteral("%1, %2").arg(fdText).arg(header.requested),
                                 header.result, header.errnum);
        }
        if (header.result < 0) {
            m_reporter.reportError(SysCall::Send, QStringLiteral("fd %1").arg(m_connectionFd),
                                   header.errnum, -1, m_peer);
            break;
        }
        m_reporter.postTraffic(EventKind::Sent, m_peer, m_local, header.result, payload,
                               header.length, EventReporter::effectUs(SysCall::Send, clock));
        break;
    }
    case ChildRecordType::Counter: {
        SocketEvent counted = m_reporter.make(EventKind::CounterIncremented);
        counted.setEndUs(header.endUs);
        counted.result = header.result;
        m_reporter.post(std::move(counted));
        break;
    }
    case ChildRecordType::Totals: {
        qint64 messages = 0;
        std::memcpy(&messages, payload, sizeof messages); // the reader checked the length
        m_counters.addMessages(messages, header.result);
        break;
    }
    case ChildRecordType::Close: {
        m_finalReport = true; // the child's last record: its counts are complete
        m_reporter.traceCall(SysCall::Close, clock, fdText, header.result, header.errnum);
        m_disconnected = true;
        m_reporter.postConnectionEvent(EventKind::Disconnected, m_peer, m_local,
                                       EventReporter::effectUs(SysCall::Close, clock));
        break;
    }
    }
}

void ChildWatcher::emitData()
{
    m_reporter.postTraffic(EventKind::Data, m_peer, m_local, m_recvBytes, m_payload.constData(),
                           m_payload.size(), m_recvEffectUs);
    m_payload.clear();
}

void ChildWatcher::closePipe()
{
    m_pipe.reset();
}

void ChildWatcher::kill()
{
    if (m_killed || m_reaped)
        return;
    m_killed = true;
    const CallClock clock;
    const int result = ::kill(m_pid, SIGKILL);
    if (m_parentReporter.callsEnabled()) {
        m_parentReporter.traceCall(SysCall::Kill, clock, QStringLiteral("%1, SIGKILL").arg(m_pid),
                                   result, result == 0 ? 0 : errno);
    }
}

void ChildWatcher::reap()
{
    if (m_reaped)
        return;
    int status = 0;
    const CallClock clock;
    pid_t got;
    do {
        got = ::waitpid(m_pid, &status, 0);
    } while (got < 0 && errno == EINTR);
    m_reaped = true;
    BlockingCall::forget(m_pid); // a child killed while it waited left its record
    m_diedOfKill = m_killed && got == m_pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    // Killed at stop or by anyone else (SIGKILL from outside, a crash): the summary says so,
    // and whether the child's last counts never reached us.
    if (got == m_pid && WIFSIGNALED(status))
        m_counters.addKilled(1);
    if (!m_finalReport)
        m_counters.addIncomplete(1);
    const int waitErrno = got < 0 ? errno : 0;
    // The parent's call, made by the parent: its pid and tid, not the child's.
    if (m_parentReporter.callsEnabled())
        m_parentReporter.traceCall(SysCall::Waitpid, clock, QString::number(m_pid), got, waitErrno);
    if (!m_reporter.trafficEnabled())
        return; // quiet runs make no event per connection
    if (!m_disconnected) {
        m_reporter.postConnectionEvent(EventKind::Disconnected, m_peer, m_local);
        m_disconnected = true;
    }
    SocketEvent exited = m_reporter.make(EventKind::HandlerExited);
    exited.causeUs = EventReporter::effectUs(SysCall::Waitpid, clock); // waitpid() has returned
    exited.peer = m_peer;
    if (got == m_pid && WIFEXITED(status)) {
        exited.result = WEXITSTATUS(status);
    } else if (got == m_pid && WIFSIGNALED(status)) {
        exited.result = -1;
        exited.errnum = WTERMSIG(status); // the signal number, for "killed by signal N"
    }
    m_reporter.post(std::move(exited));
}

void ChildWatcher::readUntilClosed(const std::vector<ChildWatcher *> &children, int deadlineMs)
{
    // One poll() over every open pipe, so no child waits behind another's deadline. The set
    // is built once and loses a pipe as it closes: with 2,000 children, rebuilding it after
    // every wake-up cost more than the reading.
    const QDeadlineTimer deadline(deadlineMs);
    std::vector<pollfd> fds;
    std::vector<ChildWatcher *> open;
    for (ChildWatcher *child : children) {
        if (child->m_pipe.isValid()) {
            fds.push_back({child->m_pipe.get(), POLLIN, 0});
            open.push_back(child);
        }
    }
    while (!fds.empty()) {
        const int ready = ::poll(fds.data(), nfds_t(fds.size()), int(deadline.remainingTime()));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0)
            return; // the deadline passed (or poll() failed: the caller kills what is left)
        for (size_t i = 0; i < fds.size();) {
            if (fds[i].revents && !open[i]->readRecords()) {
                // Closed: the last entry takes its place (the order does not matter).
                fds[i] = fds.back();
                open[i] = open.back();
                fds.pop_back();
                open.pop_back();
                continue;
            }
            fds[i].revents = 0;
            ++i;
        }
    }
}

int ChildWatcher::stopAll(const std::vector<ChildWatcher *> &children, int deadlineMs)
{
    for (ChildWatcher *child : children)
        child->setReapOnClose(true);
    // Children that finished before Stop may sit unreaped (reaping off): reap them first.
    for (ChildWatcher *child : children) {
        if (!child->m_pipe.isValid())
            child->reap();
    }
    readUntilClosed(children, deadlineMs);
    bool anyKilled = false;
    for (ChildWatcher *child : children) {
        if (child->m_pipe.isValid()) {
            child->kill();
            anyKilled = true;
        }
    }
    if (anyKilled)
        readUntilClosed(children, kAfterKillMs); // a killed child's pipe keeps what it wrote
    int killed = 0;
    for (ChildWatcher *child : children) {
        if (child->m_pipe.isValid()) {
            child->readRecords(); // whatever arrived, then give up on this pipe
            child->closePipe();
        }
        child->reap();
        // One that exited by itself just as the deadline passed was not killed after all.
        if (child->m_diedOfKill)
            ++killed;
    }
    return killed;
}

} // namespace socketlab
