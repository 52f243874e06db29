#include "lessons/processtracker.h"

#include "core/endpoint.h"

#include <unistd.h>

namespace socketlab {

void ProcessTracker::setEvents(const SocketEvents &events)
{
    m_threads.clear();
    m_children.clear();
    m_ports.clear();
    m_usesCounter = false;
    m_udp = false;
    m_poll = false;
    appendEvents(events);
}

void ProcessTracker::appendEvents(const SocketEvents &events)
{
    for (const SocketEvent &e : events) {
        if (e.role != Role::Server)
            continue;
        if (e.kind == EventKind::Listening) {
            // A new server run: the handlers of an earlier one have all ended with it.
            m_threads.clear();
            m_children.clear();
            m_udp = e.protocol == Protocol::Udp;
            m_poll = !m_udp && e.concurrency == Concurrency::Poll;
            const quint16 port = Endpoint::parse(e.local).port();
            if (port != 0 && !m_ports.contains(port) && e.protocol == Protocol::Tcp)
                m_ports << port;
        } else if (e.kind == EventKind::Call && e.call == SysCall::Fork && e.result > 0) {
            m_children[e.result].client = e.peer;
        } else if (e.kind == EventKind::CounterIncremented) {
            m_usesCounter = true;
        } else if (e.handler == HandlerKind::Thread && e.kind == EventKind::Connected) {
            m_threads[e.tid].client = e.peer;
        } else if (e.kind == EventKind::HandlerExited) {
            if (e.handler == HandlerKind::Thread)
                m_threads[e.tid].finished = true;
            else if (m_children.contains(e.pid))
                m_children[e.pid].finished = true;
        }
    }
}

QVector<ProcessRow> ProcessTracker::snapshot(qint64 serverThread) const
{
    const qint64 self = ::getpid();
    QVector<ProcessRow> rows;
    ProcessRow process;
    process.kind = ProcessRow::Kind::ServerProcess;
    process.pid = self;
    process.info = ProcStat::process(self);
    rows << process;

    if (serverThread > 0) {
        ProcessRow row;
        row.kind = ProcessRow::Kind::ServerThread;
        row.pid = self;
        row.tid = serverThread;
        row.info = ProcStat::thread(self, serverThread);
        row.udp = m_udp;
        row.poll = m_poll;
        row.client = m_udp ? tr("(every sender)") : m_poll ? tr("(every client)") : QString();
        rows << row;
    }
    for (auto it = m_threads.cbegin(); it != m_threads.cend(); ++it) {
        ProcessRow row;
        row.kind = ProcessRow::Kind::HandlerThread;
        row.pid = self;
        row.tid = it.key();
        row.client = it.value().client;
        row.info = it.value().finished ? ProcInfo() : ProcStat::thread(self, it.key());
        rows << row;
    }
    for (auto it = m_children.cbegin(); it != m_children.cend(); ++it) {
        ProcessRow row;
        row.kind = ProcessRow::Kind::ChildProcess;
        row.pid = it.key();
        row.tid = it.key();
        row.client = it.value().client;
        row.info = ProcStat::process(it.key());
        rows << row;
    }
    return rows;
}

QString ProcessTracker::kindText(const ProcessRow &row)
{
    switch (row.kind) {
    case ProcessRow::Kind::ServerProcess:
        return tr("Server process");
    case ProcessRow::Kind::ServerThread:
        if (row.udp)
            return tr("recvfrom() loop thread");
        return row.poll ? tr("poll() loop thread") : tr("accept() loop thread");
    case ProcessRow::Kind::HandlerThread:
        return tr("Handler thread");
    case ProcessRow::Kind::ChildProcess:
        break;
    }
    return tr("Child process");
}

} // namespace socketlab
