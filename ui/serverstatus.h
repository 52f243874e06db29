#pragma once

#include "core/socketevent.h"
#include "core/socketstatereader.h"

#include <QCoreApplication>
#include <QString>

namespace socketlab {

// What the server is blocked in right now, derived from its events: "waiting in accept()",
// "blocked in recv()" (an iterative server with a client), "waiting in recvfrom()" (UDP).
class ServerStatus
{
    Q_DECLARE_TR_FUNCTIONS(ServerStatus)

public:
    enum class State { Stopped, Accepting, Receiving, ReceivingFrom };

    void apply(const SocketEvents &events);
    void reset();

    State state() const;
    bool isRunning() const { return m_running; }
    QString text() const;
    // A Start that failed (until the next Start): the reason in plain words for the headline,
    // and the failed call with why it failed in full.
    bool hasFailed() const { return m_failure.kind == EventKind::Error; }
    QString failureDetail() const;

private:
    bool m_running = false;
    Protocol m_protocol = Protocol::Tcp;
    Concurrency m_concurrency = Concurrency::Thread;
    QString m_local;
    QString m_currentPeer; // iterative: the one client being served
    int m_open = 0;
    SocketEvent m_failure; // kind Error after a failed start
    // What the kernel said about the port when it failed (its holders, TIME_WAIT sockets), so
    // the headline says the same thing in either language.
    QList<SocketSnapshot> m_failureSockets;
};

} // namespace socketlab
