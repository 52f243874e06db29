#pragma once

#include "eventreporter.h"
#include "fd.h"

#include <QByteArray>
#include <QString>

#include <sys/types.h>

namespace socketlab {

class ServerCounters;

// The parent's side of one forked child: reads its record pipe, turns the records into
// events stamped with the child's pid, and reaps exactly that pid once the pipe closes.
class ChildWatcher
{
public:
    ChildWatcher(pid_t pid, Fd recordPipe, const QString &peer, const QString &local,
                 const EventReporter &reporter, ServerCounters &counters);
    ~ChildWatcher();

    pid_t pid() const { return m_pid; }
    int pipeFd() const { return m_pipe.get(); }
    // Off, a closed pipe does not reap the child: it stays a zombie until finish().
    void setReapOnClose(bool reap) { m_reapOnClose = reap; }
    bool isReaped() const { return m_reaped; }
    // Reads what the pipe holds; returns false once the child closed it (and was reaped).
    bool readRecords();
    // Stop: waits up to deadlineMs for the child to finish on its own, then kills it.
    void finish(int deadlineMs);

private:
    void parse();
    void handleRecord(const struct ChildRecordHeader &header, const char *payload);
    void emitData();
    void reap(bool killFirst);

    pid_t m_pid;
    Fd m_pipe;
    QString m_peer;
    QString m_local;
    EventReporter m_reporter;
    ServerCounters &m_counters;
    QByteArray m_buffer;
    QByteArray m_payload;
    qint64 m_recvBytes = 0;
    qint64 m_expected = 0;  // bytes of the last Recv still to come as Payload records
    int m_connectionFd = -1;
    bool m_disconnected = false;
    bool m_reaped = false;
    bool m_reapOnClose = true;
};

} // namespace socketlab
