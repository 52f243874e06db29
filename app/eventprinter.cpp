#include "app/eventprinter.h"

#include "app/outputwriter.h"
#include "core/eventformatter.h"
#include "core/eventjson.h"

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

void EventPrinter::setWriters(OutputWriter *out, OutputWriter *err)
{
    m_out = out;
    m_err = err;
}

void EventPrinter::print(const SocketEvents &events)
{
    for (const SocketEvent &event : events)
        print(event);
}

void EventPrinter::print(const SocketEvent &event)
{
    if (event.kind == EventKind::Error)
        m_lastError = event;
    if (!shows(event))
        return;
    // Errors go to standard error so a pipe of standard output holds only the conversation.
    std::FILE *stream = event.kind == EventKind::Error && !m_json ? stderr : stdout;
    const QByteArray line = m_json ? EventJson::toLine(event)
                                   : (EventFormatter::line(event) + QLatin1Char('\n')).toUtf8();
    if (event.kind == EventKind::Summary)
        m_lastSummary = line;
    write(stream, line);
}

QString EventPrinter::lastError() const
{
    // Said when asked (once, at exit), not for every error a run sees.
    return m_lastError.kind == EventKind::Error ? EventFormatter::explained(m_lastError)
                                                : QString();
}

void EventPrinter::write(std::FILE *stream, const QByteArray &bytes)
{
    OutputWriter *writer = stream == stderr ? m_err : m_out;
    if (writer) {
        writer->write(bytes);
        return;
    }
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace socketlab
