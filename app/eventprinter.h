#pragma once

#include "core/socketevent.h"

#include <cstdio>

namespace socketlab {

class OutputWriter;

// Writes events for socketlab-cli: one translated line each, or one JSON object per line,
// flushed per line so a pipe reader sees each event as it happens.
class EventPrinter
{
public:
    EventPrinter(bool json, bool quiet, bool trace)
        : m_json(json),
          m_quiet(quiet),
          m_trace(trace)
    {
    }

    // Without writers, lines go straight to stdout/stderr (flushed per line).
    void setWriters(OutputWriter *out, OutputWriter *err);
    void print(const SocketEvents &events);
    void print(const SocketEvent &event);
    // The last summary as printed, for standard error when standard output is stuck.
    QByteArray lastSummary() const { return m_lastSummary; }
    // The last error event seen, as one line with its explanation (for the exit-1 message).
    QString lastError() const;

private:
    bool shows(const SocketEvent &event) const;
    void write(std::FILE *stream, const QByteArray &bytes);

    bool m_json;
    bool m_quiet;
    bool m_trace;
    SocketEvent m_lastError; // kind Error once one was seen
    QByteArray m_lastSummary;
    OutputWriter *m_out = nullptr;
    OutputWriter *m_err = nullptr;
};

} // namespace socketlab
