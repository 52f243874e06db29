#pragma once

// No Qt here: a forked child's code includes this, and it includes nothing of Qt.
#include "core/syscallid.h"

#include <cstdint>

namespace socketlab {

// What a server thread or forked child is blocked in, published for the process view. A
// worker waits in poll() (so Stop can wake it), and /proc says only "poll"; what it waits
// for is accept(), recv() or recvfrom(), and only the worker knows. While a BlockingCall
// lives, the calling thread (a forked child: its pid, which is its tid) is recorded as
// waiting in that call; nested scopes restore the outer call.
//
// The records live in one shared anonymous mapping made at program start, before any fork,
// so a forked child's records are the parent's to read. Writing one is a few lock-free
// atomic operations and gettid(): async-signal-safe, allowed in a child between fork() and
// _exit(). With every record near its id's place taken (thousands of waiting threads) nothing
// is recorded. Every operation reads a bounded number of records, whatever the table holds.
class BlockingCall
{
public:
    explicit BlockingCall(SysCall call);
    ~BlockingCall();
    BlockingCall(const BlockingCall &) = delete;
    BlockingCall &operator=(const BlockingCall &) = delete;

    // The call thread (or child process) id is recorded as waiting in; None for none.
    static SysCall of(std::int64_t id);
    // Drops id's record: a child killed while it waited never cleared its own (the parent
    // calls this after reaping it).
    static void forget(std::int64_t id);

private:
    int m_slot = -1;
    bool m_owner = false;
    SysCall m_outer = SysCall::None;
};

} // namespace socketlab
