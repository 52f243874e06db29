#include "core/eventformatter.h"

#include "core/errorexplanation.h"
#include "core/errortext.h"
#include "core/payloadtext.h"
#include "core/socketstatereader.h"

#include <QLocale>

#include <algorithm>

namespace socketlab {

namespace {

bool failed(const SocketEvent &event)
{
    if (event.call == SysCall::Getaddrinfo)
        return event.result != 0;
    return event.errnum != 0 || event.result < 0;
}

} // namespace

QString EventFormatter::byteCount(qint64 bytes)
{
    // Spelled out rather than %n, so English needs no translation file of its own.
    if (bytes == 1)
        return tr("1 byte");
    return tr("%1 bytes").arg(QLocale().toString(bytes));
}

QString EventFormatter::timeOfDay(const SocketEvent &event)
{
    return event.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
}

QString EventFormatter::line(const SocketEvent &event)
{
    return QStringLiteral("%1  %2").arg(timeOfDay(event), explained(event));
}

QString EventFormatter::explained(const SocketEvent &event)
{
    return explained(event, ErrorExplanation::explain(event));
}

QString EventFormatter::explained(const SocketEvent &event, const QString &why)
{
    if (why.isEmpty())
        return describe(event);
    return tr("%1 — %2").arg(describe(event), withoutLabel(why));
}

QString EventFormatter::withoutLabel(const QString &why)
{
    // An explanation opens with the error's name in plain words ("Address in use: another
    // program …"); after the system's own name for it ("failed: Address already in use") the
    // line said it twice. A label is a few words before the first colon, no number in it.
    constexpr int kLabelWords = 4;
    const int colon = why.indexOf(QLatin1String(": "));
    if (colon <= 0)
        return why;
    const QString label = why.left(colon);
    if (label.count(QLatin1Char(' ')) >= kLabelWords
        || std::any_of(label.cbegin(), label.cend(), [](QChar c) {
               return c.isDigit() || c == QLatin1Char('"') || c == QChar(0x201C);
           }))
        return why;
    return why.mid(colon + 2);
}

QString EventFormatter::reasonText(const SocketEvent &event)
{
    if (event.call == SysCall::Getaddrinfo)
        return ErrorText::forResolver(int(event.result), event.errnum);
    return ErrorText::forErrno(event.errnum);
}

QString EventFormatter::handlerText(const SocketEvent &event)
{
    switch (event.handler) {
    case HandlerKind::Main:
        return tr("pid %1").arg(event.pid);
    case HandlerKind::Thread:
        return tr("pid %1, thread %2").arg(event.pid).arg(event.tid);
    case HandlerKind::Process:
        break;
    }
    return tr("child pid %1").arg(event.pid);
}

QString EventFormatter::shortHandlerText(const SocketEvent &event)
{
    switch (event.handler) {
    case HandlerKind::Main:
        return tr("pid %1").arg(event.pid);
    case HandlerKind::Thread:
        return tr("thread %1").arg(event.tid);
    case HandlerKind::Process:
        break;
    }
    return tr("child %1").arg(event.pid);
}

QString EventFormatter::modeText(Protocol protocol, Concurrency concurrency)
{
    if (protocol == Protocol::Udp)
        return tr("UDP");
    switch (concurrency) {
    case Concurrency::Iterative:
        return tr("TCP, iterative");
    case Concurrency::Fork:
        return tr("TCP, a process per connection");
    case Concurrency::Poll:
        return tr("TCP, one thread with poll()");
    case Concurrency::Thread:
        break;
    }
    return tr("TCP, a thread per connection");
}

QString EventFormatter::resultText(const SocketEvent &event)
{
    if (failed(event)) {
        if (event.call == SysCall::Getaddrinfo)
            return reasonText(event);
        return tr("%1 (%2)").arg(event.result).arg(reasonText(event));
    }
    const SysCall call = event.call;
    if (call == SysCall::Socket)
        return tr("fd %1").arg(event.result);
    if (call == SysCall::Accept)
        return tr("fd %1 from %2").arg(event.result).arg(event.peer);
    if (call == SysCall::Getaddrinfo)
        return event.peer.isEmpty() ? event.local : event.peer;
    if (call == SysCall::Fork)
        return tr("pid %1 (the child)").arg(event.result);
    // The descriptors poll() reported, as the poll loop spelled them (fd numbers and C terms).
    if (call == SysCall::Poll && !event.message.isEmpty())
        return tr("%n ready: %1", nullptr, int(event.result)).arg(event.message);
    if (call == SysCall::Recv && event.result == 0)
        return tr("0 (the peer closed the connection)");
    if (countsBytes(call)) {
        if (!event.peer.isEmpty() && call == SysCall::Recvfrom)
            return tr("%1 from %2").arg(byteCount(event.result), event.peer);
        return byteCount(event.result);
    }
    return QString::number(event.result);
}

QString EventFormatter::callText(const SocketEvent &event)
{
    const QString text = QStringLiteral("%1(%2) -> %3")
                             .arg(sysCallName(event.call), event.args, resultText(event));
    if (event.step > 0)
        return QStringLiteral("[%1] %2").arg(event.step).arg(text);
    return text;
}

QString EventFormatter::coalescedText(const SocketEvent &event)
{
    const QLocale locale;
    QString who = event.peer;
    if (who.isEmpty()) {
        who = event.connectionId == 0 ? tr("Other connections")
                                      : tr("Connection %1").arg(event.connectionId);
    }
    const QString count = locale.toString(event.messages);
    switch (event.mergedKind) {
    case EventKind::Data:
        return tr("%1: %2 messages (%3) counted but not shown one by one: the display lagged")
            .arg(who, count, byteCount(event.bytes));
    case EventKind::Sent:
        if (event.role == Role::Server)
            return tr("%1: %2 echoes (%3) counted but not shown one by one: the display lagged")
                .arg(who, count, byteCount(event.bytes));
        return tr("%1: %2 sends (%3) counted but not shown one by one: the display lagged")
            .arg(who, count, byteCount(event.bytes));
    case EventKind::Received:
        return tr("%1: %2 replies (%3) counted but not shown one by one: the display lagged")
            .arg(who, count, byteCount(event.bytes));
    case EventKind::Packet:
        return tr("%1 packets (%2 of payload) counted but not shown one by one: the display lagged")
            .arg(count, byteCount(event.bytes));
    default:
        break;
    }
    return tr("%1: %2 calls and other events not shown: the display lagged")
        .arg(who, locale.toString(event.skipped));
}

QString EventFormatter::packetText(const SocketEvent &event)
{
    const PacketInfo &packet = event.packet;
    const QLocale locale;
    QString text;
    if (packet.proto == PacketInfo::Proto::Tcp) {
        text = tr("Packet %1 → %2 %3 seq %4 ack %5 len %6 win %7")
                   .arg(packet.from, packet.to, packet.flagsText(), QString::number(packet.seq),
                        QString::number(packet.ack), locale.toString(packet.len),
                        locale.toString(packet.win));
    } else if (packet.proto == PacketInfo::Proto::Udp) {
        text = tr("Packet %1 → %2 UDP len %3")
                   .arg(packet.from, packet.to, locale.toString(packet.len));
    } else if (packet.portUnreachable) {
        text = tr("Packet %1 → %2 ICMP port unreachable: nothing listens on that UDP port")
                   .arg(packet.from, packet.to);
    } else {
        text = tr("Packet %1 → %2 ICMP destination unreachable").arg(packet.from, packet.to);
    }
    if (packet.retransmission)
        text += tr(" [retransmission]");
    if (packet.zeroWindow)
        text += tr(" [zero window: the receiver's buffer is full]");
    if (packet.windowProbe)
        text += tr(" [window probe]");
    if (packet.cause != SysCall::None)
        text += tr(", sent by %1() (pid %2)").arg(sysCallName(packet.cause)).arg(packet.causePid);
    return text;
}

QString EventFormatter::payloadText(const SocketEvent &event, int maxBytes)
{
    if (PayloadText::isBinary(event.payload))
        return tr("binary, %1").arg(byteCount(event.bytes));
    return PayloadText::toDisplay(event.payload, maxBytes);
}

QString EventFormatter::truncationText(const SocketEvent &event)
{
    if (!event.truncated)
        return QString();
    return tr("truncated: the datagram had %1, the buffer held only the first %2, the rest is lost")
        .arg(byteCount(event.bytes), byteCount(event.keptBytes));
}

QString EventFormatter::stateChangeText(const SocketEvent &event)
{
    // The kernel's state names are never translated; the words around them are.
    const QString before = socketStateName(SocketState(event.previousState));
    const QString after = socketStateName(SocketState(event.socketState));
    switch (event.stateChange) {
    case StateChange::Appeared:
        return tr("appeared in %1").arg(after);
    case StateChange::WentAway:
        return tr("went away from %1").arg(before);
    case StateChange::Moved:
        break;
    }
    return QStringLiteral("%1 \u2192 %2").arg(before, after);
}

QString EventFormatter::stateText(const SocketEvent &event)
{
    const SocketState state = SocketState(event.socketState);
    const bool waiting = event.result == 0 && event.role == Role::Server
        && (state == SocketState::Established || state == SocketState::CloseWait);
    // Addresses and the kernel's state names are never translated: kept out of tr().
    const QString pair = QStringLiteral("%1 \u2194 %2").arg(event.local, event.peer);
    const QString socketState = socketStateName(state);
    const QString before = socketStateName(SocketState(event.previousState));
    switch (event.stateChange) {
    case StateChange::Appeared:
        if (waiting)
            return tr("TCP socket %1 appeared in %2 (waiting in the backlog, not accepted yet)")
                .arg(pair, socketState);
        return tr("TCP socket %1 appeared in %2").arg(pair, socketState);
    case StateChange::WentAway:
        return tr("TCP socket %1 went away from %2").arg(pair, before);
    case StateChange::Moved:
        break;
    }
    if (waiting)
        return tr("TCP state %1 on %2 (waiting in the backlog, not accepted yet)")
            .arg(stateChangeText(event), pair);
    return tr("TCP state %1 on %2").arg(stateChangeText(event), pair);
}

QString EventFormatter::peerText(const SocketEvent &event)
{
    if (event.role == Role::Server && event.sequence != 0 && event.isStudent()
        && !event.peer.isEmpty())
        return tr("Student %1").arg(event.peer);
    return event.peer;
}

QString EventFormatter::tracedCallText(const SocketEvent &event)
{
    const QString who = event.role == Role::Server ? tr("server %1").arg(shortHandlerText(event))
                                                   : tr("client %1").arg(shortHandlerText(event));
    QString text = tr("%1: %2").arg(who, callText(event));
    if (countsBytes(event.call) && event.result > 0 && !event.payload.isEmpty())
        text = tr("%1: %2").arg(text, payloadText(event));
    return text;
}

QString EventFormatter::processText(const SocketEvent &event)
{
    switch (event.processChange) {
    case ProcessChange::Started:
        return tr("Process %1 started: %2").arg(event.pid).arg(event.program);
    case ProcessChange::Forked:
        return tr("Process %1 forked child %2").arg(event.parentPid).arg(event.pid);
    case ProcessChange::Thread:
        return tr("Process %1 started thread %2").arg(event.pid).arg(event.tid);
    case ProcessChange::Exited:
        if (event.tid != event.pid)
            return tr("Thread %1 of process %2 finished").arg(event.tid).arg(event.pid);
        if (event.exitSignal != 0)
            return tr("Process %1 was killed by signal %2").arg(event.pid).arg(event.exitSignal);
        return tr("Process %1 exited with status %2").arg(event.pid).arg(event.exitCode);
    case ProcessChange::Zombie:
        return tr("Process %1 is a zombie: it exited and its parent %2 has not called waitpid()")
            .arg(event.pid)
            .arg(event.parentPid);
    case ProcessChange::Reaped:
        break;
    }
    return tr("Process %1 was reaped by its parent %2 (waitpid)")
        .arg(event.pid)
        .arg(event.parentPid);
}

QString EventFormatter::describe(const SocketEvent &event)
{
    const bool server = event.role == Role::Server;
    const QString payload = payloadText(event);
    const QLocale locale;
    switch (event.kind) {
    case EventKind::Listening:
        if (event.protocol == Protocol::Udp)
            return tr("Waiting for datagrams on %1 (UDP)").arg(event.local);
        return tr("Listening on %1 (%2)")
            .arg(event.local, modeText(event.protocol, event.concurrency));
    case EventKind::Connected:
        if (server)
            return tr("Connected by %1 (%2)").arg(event.peer, handlerText(event));
        return tr("Connected to %1 from %2").arg(event.peer, event.local);
    case EventKind::Data:
        if (event.truncated) {
            return tr("%1 (%2): %3 [%4]")
                .arg(event.peer, handlerText(event), payload, truncationText(event));
        }
        return tr("%1 (%2): %3").arg(event.peer, handlerText(event), payload);
    case EventKind::Sent:
        if (server)
            return tr("Echoed %1 to %2: %3").arg(byteCount(event.bytes), event.peer, payload);
        return tr("Sent %1 to %2: %3").arg(byteCount(event.bytes), event.peer, payload);
    case EventKind::Received:
        if (event.truncated) {
            return tr("Received %1 from %2: %3 [%4]")
                .arg(byteCount(event.bytes), event.peer, payload, truncationText(event));
        }
        return tr("Received %1 from %2: %3").arg(byteCount(event.bytes), event.peer, payload);
    case EventKind::Disconnected:
        if (server)
            return tr("Ending connection of client %1 (%2)").arg(event.peer, handlerText(event));
        if (event.errnum == 0 && event.result == 0)
            return tr("Disconnected from %1").arg(event.peer);
        if (event.errnum == 0 && event.result == 2)
            return tr("Reset the connection to %1: an RST instead of a FIN, nothing waits in "
                      "TIME_WAIT")
                .arg(event.peer);
        return tr("The server %1 closed the connection").arg(event.peer);
    case EventKind::Error:
        if (event.errnum == 0 && event.call == SysCall::Accept) {
            return tr("%1 clients are being served, the most allowed: new clients wait in the "
                      "backlog until one leaves")
                .arg(locale.toString(event.result));
        }
        if (event.errnum == 0 && event.call == SysCall::Close && event.result == 0) {
            return tr("close(%1) while the server was still sending: the kernel answers what "
                      "still arrives with an RST instead of taking it, so whatever the server "
                      "had not read yet is lost too")
                .arg(event.args);
        }
        if (event.errnum == 0 && event.call == SysCall::Close) {
            return tr("close(%1) with %2 still unread: the kernel threw them away and sent an RST "
                      "instead of a FIN, so whatever the server had not read yet is lost too")
                .arg(event.args, byteCount(event.result));
        }
        return tr("%1(%2) failed: %3").arg(sysCallName(event.call), event.args, reasonText(event));
    case EventKind::Call:
        if (event.traced)
            return tracedCallText(event);
        return callText(event);
    case EventKind::Process:
        return processText(event);
    case EventKind::HandlerExited:
        if (event.handler == HandlerKind::Thread)
            return tr("Thread %1 finished").arg(event.tid);
        if (event.result < 0)
            return tr("Child process %1 was killed by signal %2 and reaped")
                .arg(event.pid)
                .arg(event.errnum);
        return tr("Child process %1 exited with status %2 and was reaped")
            .arg(event.pid)
            .arg(event.result);
    case EventKind::Coalesced:
        return coalescedText(event);
    case EventKind::CounterIncremented:
        return tr("Shared counter incremented to %1 (%2)")
            .arg(locale.toString(event.result), shortHandlerText(event));
    case EventKind::State:
        return stateText(event);
    case EventKind::Packet:
        return packetText(event);
    case EventKind::Summary:
        if (event.traced) {
            return tr("Summary: calls %1, processes %2, threads %3, zombies never reaped %4, "
                      "exit status %5")
                .arg(locale.toString(event.calls), locale.toString(event.processes),
                     locale.toString(event.threads), locale.toString(event.zombies))
                .arg(event.exitStatus);
        }
        if (event.protocol == Protocol::Tcp && event.concurrency == Concurrency::Fork) {
            const QString totals
                = tr("Summary: connections %1, messages %2, bytes %3, children killed %4")
                      .arg(locale.toString(event.connections), locale.toString(event.messages),
                           locale.toString(event.bytes), locale.toString(event.killed));
            if (event.incomplete == 0)
                return totals;
            return tr("%1; %2 of the children ended before their last report: bytes they "
                      "received in their last moments (0.1 s at most) may be missing from the "
                      "count")
                .arg(totals, locale.toString(event.incomplete));
        }
        if (event.protocol == Protocol::Udp && event.truncatedDatagrams > 0) {
            return tr("Summary: connections %1, messages %2, bytes %3, dropped by the kernel: %4 "
                      "(receive buffer full), truncated: %5 (longer than the buffer, the rest "
                      "lost)")
                .arg(locale.toString(event.connections), locale.toString(event.messages),
                     locale.toString(event.bytes), locale.toString(event.dropped),
                     locale.toString(event.truncatedDatagrams));
        }
        if (event.protocol == Protocol::Udp) {
            // UDP has no connections: the count is of the addresses that sent datagrams.
            return tr("Summary: senders %1, datagrams %2, bytes %3, dropped by the kernel: %4 "
                      "(receive buffer full)")
                .arg(locale.toString(event.connections), locale.toString(event.messages),
                     locale.toString(event.bytes), locale.toString(event.dropped));
        }
        return tr("Summary: connections %1, messages %2, bytes %3")
            .arg(locale.toString(event.connections), locale.toString(event.messages),
                 locale.toString(event.bytes));
    }
    return QString();
}

} // namespace socketlab
