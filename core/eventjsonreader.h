#pragma once

#include "core/socketevent.h"

#include <QByteArray>

namespace socketlab {

// Reads back the `call` and `process` events of a traced program that EventJson wrote (the
// lines of `socketlab-cli trace --output` and `check --output`), for a view that follows a
// program another process traces.
class EventJsonReader
{
public:
    // false for a line that is no call or process event (or no JSON at all).
    static bool fromLine(const QByteArray &line, SocketEvent *event);
    // The payload as the `text` key shows it (\xHH for bytes that are not UTF-8, \\ for a
    // backslash) back to its bytes.
    static QByteArray payloadFromText(const QString &text);
};

} // namespace socketlab
