#include "core/callclock.h"

#include <time.h>

namespace socketlab {

qint64 nowUs()
{
    timespec now {};
    ::clock_gettime(CLOCK_REALTIME, &now);
    return qint64(now.tv_sec) * 1000000 + now.tv_nsec / 1000;
}

} // namespace socketlab
