#pragma once

#include "core/callclock.h"
#include "core/socketevent.h"

namespace socketlab {

class EventQueue;

// Stamps events with who produced them (role, protocol, handler, connection) and posts them.
// A cheap value: each handler thread takes its own copy and adjusts it.
class EventReporter
{
public:
    EventReporter() = default;
    EventReporter(EventQueue *queue, Role role)
        : m_queue(queue),
          m_role(role)
    {
    }

    void setProtocol(Protocol protocol) { m_protocol = protocol; }
    void setConcurrency(Concurrency concurrency) { m_concurrency = concurrency; }
    void setHandler(HandlerKind handler) { m_handler = handler; }
    void setConnectionId(quint64 id) { m_connectionId = id; }
    // Events about a forked child carry the child's pid (as pid and tid) though the parent
    // makes them.
    void setHandlerProcess(qint64 pid) { m_handlerPid = pid; }
    void setCallsEnabled(bool enabled) { m_callsEnabled = enabled; }
    void setTrafficEnabled(bool enabled) { m_trafficEnabled = enabled; }
    // Of the calls, only those that put packets on the wire (connect, send, sendto, close,
    // shutdown): what a packet capture links its packets to.
    void setSendingCallsOnly(bool only) { m_sendingCallsOnly = only; }
    bool callsEnabled() const { return m_callsEnabled; }
    // Whether traceCall() reports this call (a hot path skips formatting its arguments).
    bool reportsCall(SysCall call) const
    {
        return m_callsEnabled && (!m_sendingCallsOnly || isSendingCall(call));
    }
    // The calls that put packets on the wire: connect, send, sendto, close, shutdown.
    static bool isSendingCall(SysCall call)
    {
        return call == SysCall::Connect || call == SysCall::Send || call == SysCall::Sendto
            || call == SysCall::Close || call == SysCall::Shutdown;
    }
    bool trafficEnabled() const { return m_trafficEnabled; }
    quint64 connectionId() const { return m_connectionId; }

    SocketEvent make(EventKind kind) const;
    void post(SocketEvent event) const;
    // A "call" event: the call as made (clock taken just before it), its result and errno
    // (0 on success), with its recipe step for this reporter's role.
    void traceCall(SysCall call, const CallClock &clock, const QString &args, qint64 result,
                   int errnum = 0, const QString &peer = QString()) const;
    // A data, sent or received event (when traffic is reported): bytes is the true size,
    // the payload keeps at most kMaxEventPayload of data. causeUs: the moment the call it
    // comes from took effect (effectUs). truncated: a datagram of bytes bytes of which the
    // buffer held only size (recvfrom() with MSG_TRUNC), the rest lost.
    void postTraffic(EventKind kind, const QString &peer, const QString &local, qint64 bytes,
                     const char *data, qint64 size, qint64 causeUs = 0,
                     bool truncated = false) const;
    // A connected or disconnected event for one connection (nothing when traffic is not
    // reported: quiet runs make no event per connection). causeUs: the call it comes from.
    void postConnectionEvent(EventKind kind, const QString &peer, const QString &local,
                             qint64 causeUs = 0) const;
    // An "error" event for a failed call; for getaddrinfo, result holds its EAI_ code. peer:
    // the connection's client, when the call was about one (so the log says whose it was).
    void reportError(SysCall call, const QString &args, int errnum, qint64 result = -1,
                     const QString &peer = QString()) const;
    // The moment a call timed by clock took effect, as causalTimeUs() counts it: for the
    // events that come from it.
    static qint64 effectUs(SysCall call, const CallClock &clock);

private:
    EventQueue *m_queue = nullptr;
    Role m_role = Role::Server;
    Protocol m_protocol = Protocol::Tcp;
    Concurrency m_concurrency = Concurrency::Thread;
    HandlerKind m_handler = HandlerKind::Main;
    quint64 m_connectionId = 0;
    qint64 m_handlerPid = 0;
    bool m_callsEnabled = true;
    bool m_trafficEnabled = true;
    bool m_sendingCallsOnly = false;
};

} // namespace socketlab
