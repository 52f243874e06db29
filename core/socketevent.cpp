#include "core/socketevent.h"

#include "core/callclock.h"

#include <QTimeZone>

#include <sys/syscall.h>
#include <unistd.h>

namespace socketlab {

SocketEvent::SocketEvent(EventKind kind, Role role)
    : endUs(nowUs()),
      kind(kind),
      role(role),
      pid(::getpid()),
      tid(currentThreadId())
{
    setEndUs(endUs);
}

void SocketEvent::setEndUs(qint64 us)
{
    endUs = us;
    // Qt 6.8 deprecates the Qt::TimeSpec overload; QTimeZone::UTC (6.5) is its cheap
    // replacement, while Qt 6.4's QTimeZone::utc() would allocate a zone per event.
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    time = QDateTime::fromMSecsSinceEpoch(us / 1000, QTimeZone::UTC);
#else
    time = QDateTime::fromMSecsSinceEpoch(us / 1000, Qt::UTC);
#endif
}

QString processChangeName(ProcessChange change)
{
    switch (change) {
    case ProcessChange::Started:
        return QStringLiteral("started");
    case ProcessChange::Forked:
        return QStringLiteral("forked");
    case ProcessChange::Thread:
        return QStringLiteral("thread");
    case ProcessChange::Exited:
        return QStringLiteral("exited");
    case ProcessChange::Zombie:
        return QStringLiteral("zombie");
    case ProcessChange::Reaped:
        break;
    }
    return QStringLiteral("reaped");
}

qint64 currentThreadId()
{
    return static_cast<qint64>(::syscall(SYS_gettid));
}

SysCall trafficCall(EventKind kind, Protocol protocol)
{
    const bool udp = protocol == Protocol::Udp;
    switch (kind) {
    case EventKind::Data:
    case EventKind::Received:
        return udp ? SysCall::Recvfrom : SysCall::Recv;
    case EventKind::Sent:
        return udp ? SysCall::Sendto : SysCall::Send;
    default:
        return SysCall::None;
    }
}

QString eventKindName(EventKind kind)
{
    switch (kind) {
    case EventKind::Listening:
        return QStringLiteral("listening");
    case EventKind::Connected:
        return QStringLiteral("connected");
    case EventKind::Data:
        return QStringLiteral("data");
    case EventKind::Disconnected:
        return QStringLiteral("disconnected");
    case EventKind::Sent:
        return QStringLiteral("sent");
    case EventKind::Received:
        return QStringLiteral("received");
    case EventKind::Error:
        return QStringLiteral("error");
    case EventKind::Call:
        return QStringLiteral("call");
    case EventKind::HandlerExited:
        return QStringLiteral("handler_exited");
    case EventKind::Coalesced:
        return QStringLiteral("coalesced");
    case EventKind::CounterIncremented:
        return QStringLiteral("counter");
    case EventKind::State:
        return QStringLiteral("state");
    case EventKind::Process:
        return QStringLiteral("process");
    case EventKind::Packet:
        return QStringLiteral("packet");
    case EventKind::Summary:
        break;
    }
    return QStringLiteral("summary");
}

QString handlerKindName(HandlerKind handler)
{
    switch (handler) {
    case HandlerKind::Main:
        return QStringLiteral("main");
    case HandlerKind::Thread:
        return QStringLiteral("thread");
    case HandlerKind::Process:
        break;
    }
    return QStringLiteral("process");
}

} // namespace socketlab
