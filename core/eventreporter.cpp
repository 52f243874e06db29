#include "core/eventreporter.h"

#include "core/eventqueue.h"

namespace socketlab {

SocketEvent EventReporter::make(EventKind kind) const
{
    SocketEvent event(kind, m_role);
    event.protocol = m_protocol;
    event.concurrency = m_concurrency;
    event.handler = m_handler;
    event.connectionId = m_connectionId;
    if (m_handlerPid != 0) {
        event.pid = m_handlerPid;
        event.tid = m_handlerPid;
    }
    return event;
}

void EventReporter::post(SocketEvent event) const
{
    if (m_queue)
        m_queue->post(std::move(event));
}

qint64 EventReporter::effectUs(SysCall call, const CallClock &clock)
{
    return takesEffectOnEntry(call) ? clock.beginUs() : clock.endUs();
}

void EventReporter::traceCall(SysCall call, const CallClock &clock, const QString &args,
                              qint64 result, int errnum, const QString &peer) const
{
    if (!reportsCall(call))
        return;
    SocketEvent event = make(EventKind::Call);
    event.setEndUs(clock.endUs());
    event.beginUs = clock.beginUs();
    event.step = recipeStep(call, m_role);
    event.call = call;
    event.args = args;
    event.result = result;
    event.errnum = errnum;
    event.peer = peer;
    post(std::move(event));
}

void EventReporter::postTraffic(EventKind kind, const QString &peer, const QString &local,
                                qint64 bytes, const char *data, qint64 size, qint64 causeUs,
                                bool truncated) const
{
    if (!m_trafficEnabled)
        return;
    SocketEvent event = make(kind);
    event.call = trafficCall(kind, m_protocol);
    event.truncated = truncated;
    event.keptBytes = truncated ? size : 0;
    event.peer = peer;
    event.local = local;
    event.bytes = bytes;
    event.causeUs = causeUs;
    event.payload = QByteArray(data, qMin<qint64>(size, kMaxEventPayload));
    post(std::move(event));
}

void EventReporter::postConnectionEvent(EventKind kind, const QString &peer, const QString &local,
                                        qint64 causeUs) const
{
    if (!m_trafficEnabled)
        return;
    SocketEvent event = make(kind);
    event.causeUs = causeUs;
    event.peer = peer;
    event.local = local;
    post(std::move(event));
}

void EventReporter::reportError(SysCall call, const QString &args, int errnum, qint64 result,
                                const QString &peer) const
{
    SocketEvent event = make(EventKind::Error);
    event.peer = peer;
    event.call = call;
    event.args = args;
    event.result = result;
    event.errnum = errnum;
    post(std::move(event));
}

} // namespace socketlab
