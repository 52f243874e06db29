#pragma once

#include <cstdint>
#include <limits.h>

namespace socketlab {

// What a forked child tells its parent, one record per write() on its own pipe. A record
// (header plus payload) never exceeds PIPE_BUF, so each write is atomic.
enum class ChildRecordType : std::uint8_t {
    Recv = 1, // result: recv()'s return value; Payload records with that many bytes follow;
              // requested: the size it asked for
    Payload = 2, // a piece of the bytes of the last Recv
    Send = 3, // result: bytes echoed, or -1; requested: the bytes it meant to send
    Close = 4, // result: close()'s return value
    Totals = 5, // quiet mode, sent once before exiting: result = bytes, payload = int64 messages
    Counter = 6, // ServerConfig::sharedCounter: result = the child's own copy after ++
};

struct ChildRecordHeader
{
    ChildRecordType type;
    std::uint8_t reserved[3];
    std::int32_t errnum;
    std::int64_t result;
    std::uint32_t length; // payload bytes after this header
    std::uint32_t fd; // the connection's descriptor number in the child
    std::uint64_t requested; // Recv, Send: the size passed to the call, for the trace
    // nowUs() when the call was entered and when it returned (Counter: when it incremented),
    // so the parent's events keep the child's own times.
    std::int64_t beginUs;
    std::int64_t endUs;
};

constexpr unsigned kMaxChildPayload = PIPE_BUF - sizeof(ChildRecordHeader);

} // namespace socketlab
