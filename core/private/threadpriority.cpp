#include "core/private/threadpriority.h"

#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace socketlab {

void makeCurrentThreadNicer(int increment)
{
    if (increment <= 0)
        return;
    // On Linux PRIO_PROCESS with a thread id sets that one thread's nice value.
    const id_t tid = id_t(::syscall(SYS_gettid));
    errno = 0;
    const int current = ::getpriority(PRIO_PROCESS, tid);
    if (current == -1 && errno != 0)
        return;
    ::setpriority(PRIO_PROCESS, tid, current + increment);
}

} // namespace socketlab
