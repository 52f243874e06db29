#include "eventprinter.h"

#include "eventformatter.h"
#include "eventjson.h"

namespace socketlab {

bool EventPrinter::shows(const SocketEvent &event) const
{
    switch (event.kind) {
    case EventKind::Listening:
    case EventKind::Error:
    case EventKind::Summary:
        return true;
    case EventKind::Call:
        return m_trace && !m_quiet;
    default:
        return !m_quiet;
    }
}

void EventPrinter::print(const SocketEvents &events)
{
    for (const SocketEvent &event : events)
        print(event);
}

void EventPrinter::print(const SocketEvent &event)
{
    if (event.kind == EventKind::Error)
        m_lastError = EventFormatter::describe(event);
    if (!shows(event))
        return;
    if (m_json) {
        write(stdout, EventJson::toLine(event));
        return;
    }
    // Errors go to standard error so a pipe of standard output holds only the conversation.
    std::FILE *stream = event.kind == EventKind::Error ? stderr : stdout;
    write(stream, (EventFormatter::line(event) + QLatin1Char('\n')).toUtf8());
}

void EventPrinter::write(std::FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace socketlab
