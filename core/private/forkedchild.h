#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace socketlab {

// Most recv()s one recvmmsg() makes in a child (see ForkedChildSetup::batch).
constexpr int kMaxChildBatch = 64;

// Everything a forked child needs, prepared by the parent before fork(): after fork() the
// child may only make async-signal-safe calls (no malloc, no Qt, no printf).
struct ForkedChildSetup
{
    int connection = -1;
    int recordPipe = -1; // write end; the parent reads the other end
    int stopFd = -1; // the server's stop flag, shared across fork()
    char *buffer = nullptr;
    std::size_t bufferSize = 1024;
    // Quiet mode: buffer holds this many bufferSize slots, filled by one recvmmsg().
    int batch = 1;
    bool echo = false;
    // RLIMIT_NOFILE, read before fork(): where the descriptor sweep stops when close_range()
    // is unavailable. No descriptor can be numbered at or above it.
    int descriptorLimit = 1024 * 1024;
    bool reportTraffic = true;
    // ServerConfig::sharedCounter: the child's copy of the parent's counter, or null.
    std::atomic<std::int64_t> *counter = nullptr;
};

// Serves the connection and ends the process with _exit(); never returns.
[[noreturn]] void runForkedChild(const ForkedChildSetup &setup);

} // namespace socketlab
