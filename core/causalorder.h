#pragma once

#include "core/socketevent.h"

namespace socketlab {

// The moment an event took effect, for ordering streams of different threads, processes and
// clients so that causes come before effects: a call that sends or initiates (send, sendto,
// connect, close, shutdown, fork) counts from when it was entered, one that receives or
// completes (recv, recvfrom, accept, waitpid, …) from when it returned. An event that comes
// from a call (data, sent, connected, …) counts as that call; any other from when it was made.
qint64 causalTimeUs(const SocketEvent &event);

// True when a sorts before b in causal order.
bool causallyBefore(const SocketEvent &a, const SocketEvent &b);

// Stable: events of one stream with the same moment keep their order.
void sortCausally(SocketEvents &events);

} // namespace socketlab
