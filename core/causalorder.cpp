#include "core/causalorder.h"

#include <algorithm>

namespace socketlab {

qint64 causalTimeUs(const SocketEvent &event)
{
    if (event.kind == EventKind::Call && takesEffectOnEntry(event.call) && event.beginUs != 0)
        return event.beginUs;
    if (event.kind != EventKind::Call && event.causeUs != 0)
        return event.causeUs;
    if (event.endUs != 0)
        return event.endUs;
    // Made by hand without a clock (a test, an imported log): only its time is known.
    return event.time.isValid() ? event.time.toMSecsSinceEpoch() * 1000 : 0;
}

bool causallyBefore(const SocketEvent &a, const SocketEvent &b)
{
    return causalTimeUs(a) < causalTimeUs(b);
}

void sortCausally(SocketEvents &events)
{
    std::stable_sort(events.begin(), events.end(), causallyBefore);
}

} // namespace socketlab
