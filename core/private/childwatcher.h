#pragma once

#include "core/eventreporter.h"
#include "core/fd.h"
#include "core/private/childrecordreader.h"

#include <QByteArray>
#include <QString>

#include <sys/types.h>
#include <vector>

namespace socketlab {

class ServerCounters;

// The parent's side of one forked child: reads its record pipe, turns the records into
// events stamped with the child's pid, and reaps exactly that pid once the pipe closes.
class ChildWatcher
{
public:
    // reporter stamps events with the child's pid; parentReporter is for the calls the
    // parent makes about the child (waitpid, kill).
    ChildWatcher(pid_t pid, Fd recordPipe, const QString &peer, const QString &local,
                 const EventReporter &reporter, const EventReporter &parentReporter,
                 ServerCounters &counters);
    ~ChildWatcher();

    pid_t pid() const { return m_pid; }
    int pipeFd() const { return m_pipe.get(); }
    // Off, a closed pipe does not reap the child: it stays a zombie until Stop.
    void setReapOnClose(bool reap) { m_reapOnClose = reap; }
    bool isReaped() const { return m_reaped; }
    // Reads what the pipe holds (never blocks); returns false once the child closed it (and
    // was reaped, when reaping is on).
    bool readRecords();

    // Stop (the stop flag is already raised): reads every child's pipe at once until each
    // reaches end of file or deadlineMs passes, kills the children still running, reads what
    // their pipes kept, and reaps every one. Returns how many had to be killed (reaping counts
    // them, and any child a signal ended, in ServerCounters).
    static int stopAll(const std::vector<ChildWatcher *> &children, int deadlineMs);

private:
    static void readUntilClosed(const std::vector<ChildWatcher *> &children, int deadlineMs);
    void handleRecord(const ChildRecordHeader &header, const char *payload);
    void emitData();
    void closePipe();
    void kill();
    void reap();

    pid_t m_pid;
    Fd m_pipe;
    QString m_peer;
    QString m_local;
    EventReporter m_reporter;
    EventReporter m_parentReporter;
    ServerCounters &m_counters;
    ChildRecordReader m_reader;
    QByteArray m_payload;
    qint64 m_recvBytes = 0;
    qint64 m_expected = 0; // bytes of the last Recv still to come as Payload records
    qint64 m_recvEffectUs = 0; // when the last Recv returned, for its data event
    int m_connectionFd = -1;
    bool m_disconnected = false;
    bool m_finalReport = false; // the Close record came: every count of the child is in
    bool m_killed = false; // SIGKILL sent
    bool m_diedOfKill = false; // and waitpid() says that is how it ended
    bool m_reaped = false;
    bool m_reapOnClose = true;
};

} // namespace socketlab
