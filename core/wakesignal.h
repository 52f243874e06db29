#pragma once

#include "fd.h"

namespace socketlab {

// A level-triggered flag on an eventfd that poll() can watch: once raised it stays readable
// for every poller until lowered. Used as the stop flag (one raise() wakes the server loop,
// every handler thread and every forked child at once) and as a "look at your queue" nudge.
class WakeSignal
{
public:
    WakeSignal();

    int fd() const { return m_fd.get(); }
    void raise();
    void lower();
    bool isRaised() const;

private:
    Fd m_fd;
};

} // namespace socketlab
