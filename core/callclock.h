#pragma once

#include <QtGlobal>

namespace socketlab {

// Microseconds since the Unix epoch from CLOCK_REALTIME: one clock for every thread and every
// forked child, and clock_gettime() is async-signal-safe, so a child may stamp its records.
qint64 nowUs();

// When a call was entered (taken before the call) and, once known, when it returned.
// traceCall() stamps the return itself unless the clock already has one (a child's record).
class CallClock
{
public:
    CallClock()
        : m_beginUs(nowUs())
    {
    }
    CallClock(qint64 beginUs, qint64 endUs)
        : m_beginUs(beginUs),
          m_endUs(endUs)
    {
    }

    qint64 beginUs() const { return m_beginUs; }
    // The return time given, else now (the call has returned by the time anyone asks).
    qint64 endUs() const { return m_endUs != 0 ? m_endUs : nowUs(); }

private:
    qint64 m_beginUs = 0;
    qint64 m_endUs = 0;
};

} // namespace socketlab
