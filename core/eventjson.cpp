#include "core/eventjson.h"

#include "core/eventformatter.h"
#include "core/payloadtext.h"

#include <cstdio>

namespace socketlab {

namespace {

void appendString(QByteArray &out, const QString &text)
{
    out += '"';
    for (const char c : text.toUtf8()) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (u < 0x20 || u == 0x7F) {
                char escape[8];
                std::snprintf(escape, sizeof escape, "\\u%04x", u);
                out += escape;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

class JsonLine
{
public:
    void add(const char *key, const QString &value)
    {
        startKey(key);
        appendString(m_out, value);
    }
    void add(const char *key, qint64 value)
    {
        startKey(key);
        m_out += QByteArray::number(value);
    }
    QByteArray finish()
    {
        m_out += "}\n";
        return m_out;
    }

private:
    void startKey(const char *key)
    {
        m_out += m_out.size() > 1 ? ",\"" : "\"";
        m_out += key;
        m_out += "\":";
    }
    QByteArray m_out = "{";
};

} // namespace

QByteArray EventJson::toLine(const SocketEvent &event)
{
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
        break;
    case EventKind::Call:
    case EventKind::Error:
        json.add("call", sysCallName(event.call));
        json.add("args", event.args);
        json.add("result", event.result);
        json.add("errno", qint64(event.errnum));
        json.add("message", EventFormatter::describe(event));
        break;
    case EventKind::Summary:
        json.add("connections", event.connections);
        json.add("messages", event.messages);
        json.add("bytes", event.bytes);
        json.add("killed", event.killed);
        break;
    case EventKind::Coalesced:
        json.add("merged", eventKindName(event.mergedKind));
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
    default:
        break;
    }
    return json.finish();
}

} // namespace socketlab
