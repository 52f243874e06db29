#pragma once

#include "core/socketevent.h"

#include <QByteArray>

namespace socketlab {

// One event as one line of JSON (the CLI's --json), keys as the command-line contract names
// them and never translated; values that are human text (message) follow the language.
class EventJson
{
public:
    static QByteArray toLine(const SocketEvent &event);

private:
    static QByteArray packetLine(const SocketEvent &event);
};

} // namespace socketlab
