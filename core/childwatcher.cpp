#include "childwatcher.h"

#include "childrecord.h"
#include "servercounters.h"

#include <QElapsedTimer>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace socketlab {

ChildWatcher::ChildWatcher(pid_t pid, Fd recordPipe, const QString &peer, const QString &local,
                           const EventReporter &reporter, ServerCounters &counters)
    : m_pid(pid), m_pipe(std::move(recordPipe)), m_peer(peer), m_local(local),
      m_reporter(reporter), m_counters(counters)
{
}

ChildWatcher::~ChildWatcher()
{
    if (!m_reaped)
        reap(true);
}

bool ChildWatcher::readRecords()
{
    char chunk[65536];
    for (;;) {
        const ssize_t n = ::read(m_pipe.get(), chunk, sizeof chunk);
        if (n > 0) {
            m_buffer.append(chunk, n);
            parse();
            if (n < ssize_t(sizeof chunk))
                return true;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return true;
        break;  // end of file: the child has exited (or is about to)
    }
    m_pipe.reset();
    if (m_reapOnClose)
        reap(false);
    return false;
}

void ChildWatcher::parse()
{
    qsizetype offset = 0;
    while (m_buffer.size() - offset >= qsizetype(sizeof(ChildRecordHeader))) {
        ChildRecordHeader header;
        std::memcpy(&header, m_buffer.constData() + offset, sizeof header);
        const qsizetype total = qsizetype(sizeof header) + header.length;
        if (m_buffer.size() - offset < total)
            break;
        handleRecord(header, m_buffer.constData() + offset + sizeof header);
        offset += total;
    }
    m_buffer.remove(0, offset);
}

void ChildWatcher::handleRecord(const ChildRecordHeader &header, const char *payload)
{
    m_connectionFd = int(header.fd);
    // Quiet runs get only Totals and Close records: format nothing for them.
    const QString fdText = m_reporter.callsEnabled() || m_reporter.trafficEnabled()
        ? QStringLiteral("fd %1").arg(m_connectionFd)
        : QString();
    switch (header.type) {
    case ChildRecordType::Recv:
        m_reporter.traceCall(6, QStringLiteral("recv"), QStringLiteral("%1, ?").arg(fdText),
                             header.result, header.errnum);
        if (header.result < 0)
            m_reporter.reportError(QStringLiteral("recv"), fdText, header.errnum);
        if (header.result > 0) {
            m_counters.addMessages(1, header.result);
            m_recvBytes = header.result;
            m_expected = header.result;
            m_payload.clear();
        }
        break;
    case ChildRecordType::Payload:
        if (m_payload.size() < kMaxEventPayload)
            m_payload.append(payload, qMin<qsizetype>(header.length, kMaxEventPayload - m_payload.size()));
        m_expected -= header.length;
        if (m_expected <= 0)
            emitData();
        break;
    case ChildRecordType::Send: {
        m_reporter.traceCall(6, QStringLiteral("send"), fdText, header.result, header.errnum);
        if (header.result < 0) {
            m_reporter.reportError(QStringLiteral("send"), fdText, header.errnum);
            break;
        }
        m_reporter.postTraffic(EventKind::Sent, m_peer, m_local, header.result, payload,
                               header.length);
        break;
    }
    case ChildRecordType::Counter:
        m_reporter.traceCall(0, QStringLiteral("++counter"), QString(), header.result);
        break;
    case ChildRecordType::Totals: {
        qint64 messages = 0;
        if (header.length == sizeof messages)
            std::memcpy(&messages, payload, sizeof messages);
        m_counters.addMessages(messages, header.result);
        break;
    }
    case ChildRecordType::Close: {
        m_reporter.traceCall(7, QStringLiteral("close"), fdText, header.result, header.errnum);
        m_disconnected = true;
        if (!m_reporter.trafficEnabled())
            break;
        SocketEvent disconnected = m_reporter.make(EventKind::Disconnected);
        disconnected.peer = m_peer;
        disconnected.local = m_local;
        m_reporter.post(std::move(disconnected));
        break;
    }
    }
}

void ChildWatcher::emitData()
{
    m_reporter.postTraffic(EventKind::Data, m_peer, m_local, m_recvBytes, m_payload.constData(),
                           m_payload.size());
    m_payload.clear();
}

void ChildWatcher::reap(bool killFirst)
{
    if (m_reaped)
        return;
    if (killFirst)
        ::kill(m_pid, SIGKILL);
    int status = 0;
    pid_t got;
    do {
        got = ::waitpid(m_pid, &status, 0);
    } while (got < 0 && errno == EINTR);
    m_reaped = true;
    const int waitErrno = got < 0 ? errno : 0;
    if (m_reporter.callsEnabled())
        m_reporter.traceCall(0, QStringLiteral("waitpid"), QString::number(m_pid), got, waitErrno);
    if (!m_reporter.trafficEnabled())
        return;  // quiet runs make no event per connection
    if (!m_disconnected) {
        SocketEvent disconnected = m_reporter.make(EventKind::Disconnected);
        disconnected.peer = m_peer;
        disconnected.local = m_local;
        m_reporter.post(std::move(disconnected));
        m_disconnected = true;
    }
    SocketEvent exited = m_reporter.make(EventKind::HandlerExited);
    exited.peer = m_peer;
    if (got == m_pid && WIFEXITED(status)) {
        exited.result = WEXITSTATUS(status);
    } else if (got == m_pid && WIFSIGNALED(status)) {
        exited.result = -1;
        exited.errnum = WTERMSIG(status);  // the signal number, for "killed by signal N"
    }
    m_reporter.post(std::move(exited));
}

void ChildWatcher::finish(int deadlineMs)
{
    QElapsedTimer clock;
    clock.start();
    while (m_pipe.isValid()) {
        const int left = deadlineMs - int(clock.elapsed());
        if (left <= 0)
            break;
        pollfd p{m_pipe.get(), POLLIN, 0};
        const int ready = ::poll(&p, 1, left);
        if (ready < 0 && errno != EINTR)
            break;
        if (ready > 0 && !readRecords())
            return;
    }
    m_pipe.reset();
    reap(true);
}

} // namespace socketlab
