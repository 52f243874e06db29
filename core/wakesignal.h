#pragma once

#include "core/fd.h"

namespace socketlab {

// A level-triggered flag on an eventfd that poll() can watch: once raised it stays readable
// for every poller until lowered. Used as the stop flag (one raise() wakes the server loop,
// every handler thread and every forked child at once) and as a "look at your queue" nudge.
class WakeSignal
{
public:
    WakeSignal();

    // False when eventfd() failed (at the descriptor limit): the owner must not start.
    bool isValid() const { return m_fd.isValid(); }
    // eventfd()'s errno when it failed.
    int error() const { return m_error; }
    int fd() const { return m_fd.get(); }
    void raise();
    void lower();
    bool isRaised() const;

private:
    Fd m_fd;
    int m_error = 0;
};

} // namespace socketlab
