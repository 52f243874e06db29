#include "core/eventjson.h"

#include "core/errorexplanation.h"
#include "core/eventformatter.h"
#include "core/jsonline.h"
#include "core/payloadtext.h"
#include "core/socketstatereader.h"

namespace socketlab {

QByteArray EventJson::toLine(const SocketEvent &event)
{
    if (event.kind == EventKind::Packet)
        return packetLine(event);
    JsonLine json;
    json.add("time", event.time.toUTC().toString(Qt::ISODateWithMs));
    json.add("end_us", event.endUs);
    if (event.kind == EventKind::Call)
        json.add("begin_us", event.beginUs);
    json.add("event", eventKindName(event.kind));
    if (!event.peer.isEmpty())
        json.add("peer", event.peer);
    if (!event.local.isEmpty())
        json.add("local", event.local);
    json.add("pid", event.pid);
    json.add("tid", event.tid);
    json.add("handler", handlerKindName(event.handler));
    switch (event.kind) {
    case EventKind::Data:
    case EventKind::Sent:
    case EventKind::Received:
        json.add("bytes", event.bytes);
        json.add("text", PayloadText::toText(event.payload));
        if (event.truncated)
            json.add("truncated", true);
        break;
    case EventKind::Call:
    case EventKind::Error:
        json.add("call", sysCallName(event.call));
        json.add("args", event.args);
        json.add("result", event.result);
        json.add("errno", qint64(event.errnum));
        json.add("message", EventFormatter::describe(event));
        if (event.traced) {
            json.add("role",
                     event.role == Role::Server ? QStringLiteral("server")
                                                : QStringLiteral("client"));
            json.add("step", qint64(event.step));
            if (countsBytes(event.call) && event.result >= 0) {
                json.add("bytes", event.bytes);
                json.add("text", PayloadText::toText(event.payload));
            }
        }
        if (event.kind == EventKind::Error) {
            const QString why = ErrorExplanation::explain(event);
            if (!why.isEmpty())
                json.add("explanation", why);
        }
        break;
    case EventKind::Process:
        json.add("what", processChangeName(event.processChange));
        if (event.processChange == ProcessChange::Started)
            json.add("program", event.program);
        // The parent that made it, that must reap it (zombie) or that did (reaped).
        if (event.processChange == ProcessChange::Forked
            || event.processChange == ProcessChange::Zombie
            || event.processChange == ProcessChange::Reaped)
            json.add("parent", event.parentPid);
        if (event.processChange == ProcessChange::Exited) {
            if (event.exitSignal != 0)
                json.add("signal", qint64(event.exitSignal));
            else
                json.add("status", qint64(event.exitCode));
        }
        json.add("message", EventFormatter::describe(event));
        break;
    case EventKind::Summary:
        if (event.traced) {
            json.add("calls", event.calls);
            json.add("processes", event.processes);
            json.add("threads", event.threads);
            json.add("zombies", event.zombies);
            json.add("exit_status", qint64(event.exitStatus));
            break;
        }
        json.add("connections", event.connections);
        json.add("messages", event.messages);
        json.add("bytes", event.bytes);
        json.add("killed", event.killed);
        // Only when it happened: then "bytes" is a lower bound.
        if (event.incomplete > 0)
            json.add("incomplete", event.incomplete);
        if (event.protocol == Protocol::Udp) {
            json.add("dropped", event.dropped);
            json.add("truncated", event.truncatedDatagrams);
        }
        break;
    case EventKind::Coalesced:
        json.add("merged", eventKindName(event.mergedKind));
        if (event.mergedKind == EventKind::Packet)
            json.add("packets", event.messages);
        json.add("messages", event.messages);
        json.add("bytes", event.bytes);
        if (event.skipped > 0)
            json.add("skipped", event.skipped);
        break;
    case EventKind::HandlerExited:
        json.add("message", EventFormatter::describe(event));
        break;
    case EventKind::CounterIncremented:
        json.add("result", event.result);
        json.add("message", EventFormatter::describe(event));
        break;
    case EventKind::State:
        json.add("state", socketStateName(SocketState(event.socketState)));
        json.add("from", socketStateName(SocketState(event.previousState)));
        break;
    default:
        break;
    }
    return json.finish();
}

QByteArray EventJson::packetLine(const SocketEvent &event)
{
    // Exactly docs/cli.md's keys: what was on the wire, nothing of who handled it.
    const PacketInfo &packet = event.packet;
    JsonLine json;
    json.add("time", event.time.toUTC().toString(Qt::ISODateWithMs));
    json.add("end_us", event.endUs);
    json.add("event", eventKindName(event.kind));
    json.add("from", packet.from);
    json.add("to", packet.to);
    json.add("proto", packet.protoName());
    json.add("flags",
             packet.portUnreachable ? QStringLiteral("PORT UNREACHABLE") : packet.flagsText());
    json.add("seq", packet.seq);
    json.add("ack", packet.ack);
    json.add("len", packet.len);
    json.add("win", packet.win);
    return json.finish();
}

} // namespace socketlab
