#pragma once

#include "core/procstat.h"
#include "core/socketevent.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QVector>

namespace socketlab {

// One line of the process view: what the process or thread is, its ids, its state in /proc
// and the client it serves.
struct ProcessRow
{
    enum class Kind { ServerProcess, ServerThread, HandlerThread, ChildProcess };

    Kind kind = Kind::ServerProcess;
    qint64 pid = 0;
    qint64 tid = 0;
    QString client;
    ProcInfo info;
    bool udp = false;
    bool poll = false; // the server thread is a poll() loop that serves every client itself
};

// Knows from the event stream which threads and child processes served which client, and
// reads their state from /proc when asked (the in-process server is this very process).
class ProcessTracker
{
    Q_DECLARE_TR_FUNCTIONS(ProcessTracker)

public:
    void setEvents(const SocketEvents &events);
    // The next batch of the same stream (setEvents() starts it anew).
    void appendEvents(const SocketEvents &events);
    // serverThread: the running server's accept or recvfrom loop (Server::workerThreadId()),
    // 0 when none runs. Other servers of this process (the main window's) are left out.
    QVector<ProcessRow> snapshot(qint64 serverThread) const;
    // Local ports the server listened on, for the TIME_WAIT count.
    QList<quint16> ports() const { return m_ports; }
    bool usesCounter() const { return m_usesCounter; }

    static QString kindText(const ProcessRow &row);

private:
    struct Handler
    {
        QString client;
        bool finished = false;
    };

    QMap<qint64, Handler> m_threads; // by tid
    QMap<qint64, Handler> m_children; // by pid
    QList<quint16> m_ports;
    bool m_usesCounter = false;
    bool m_udp = false;
    bool m_poll = false;
};

} // namespace socketlab
