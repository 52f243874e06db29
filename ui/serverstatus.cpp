#include "ui/serverstatus.h"

#include "core/errorexplanation.h"
#include "core/eventformatter.h"

namespace socketlab {

void ServerStatus::reset()
{
    *this = ServerStatus();
}

void ServerStatus::apply(const SocketEvents &events)
{
    for (const SocketEvent &event : events) {
        if (event.role != Role::Server)
            continue;
        switch (event.kind) {
        case EventKind::Listening:
            reset();
            m_running = true;
            m_protocol = event.protocol;
            m_concurrency = event.concurrency;
            m_local = event.local;
            break;
        case EventKind::Connected:
            if (event.protocol == Protocol::Tcp) {
                ++m_open;
                m_currentPeer = event.peer;
            }
            break;
        case EventKind::Disconnected:
            if (event.protocol == Protocol::Tcp) {
                m_open = qMax(0, m_open - 1);
                if (m_currentPeer == event.peer)
                    m_currentPeer.clear();
            }
            break;
        case EventKind::Summary:
            reset();
            break;
        case EventKind::Error:
            // Before "listening": start() itself failed (resolve, socket, bind, listen).
            if (!m_running) {
                m_failure = event;
                m_failureSockets = ErrorExplanation::kernelSockets(event);
            }
            break;
        default:
            break;
        }
    }
}

QString ServerStatus::failureDetail() const
{
    if (!hasFailed())
        return QString();
    return EventFormatter::explained(m_failure,
                                     ErrorExplanation::explain(m_failure, m_failureSockets));
}

ServerStatus::State ServerStatus::state() const
{
    if (!m_running)
        return State::Stopped;
    if (m_protocol == Protocol::Udp)
        return State::ReceivingFrom;
    if (m_concurrency == Concurrency::Iterative && m_open > 0)
        return State::Receiving;
    return State::Accepting;
}

QString ServerStatus::text() const
{
    switch (state()) {
    case State::Stopped:
        if (hasFailed())
            return ErrorExplanation::headline(m_failure, m_failureSockets);
        return tr("Server stopped");
    case State::ReceivingFrom:
        return tr("Waiting in recvfrom() for datagrams on %1").arg(m_local);
    case State::Receiving:
        return tr("Blocked in recv() serving %1; other clients wait in the backlog")
            .arg(m_currentPeer);
    case State::Accepting:
        break;
    }
    if (m_concurrency == Concurrency::Iterative)
        return tr("Waiting in accept() on %1").arg(m_local);
    if (m_concurrency == Concurrency::Fork)
        return tr("Waiting in accept() on %1; child processes serving clients: %2")
            .arg(m_local)
            .arg(m_open);
    if (m_concurrency == Concurrency::Poll)
        return tr("Waiting in poll() on %1 and %2 connections, all served by one thread")
            .arg(m_local)
            .arg(m_open);
    return tr("Waiting in accept() on %1; threads serving clients: %2").arg(m_local).arg(m_open);
}

} // namespace socketlab
