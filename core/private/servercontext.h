#pragma once

#include "core/eventreporter.h"
#include "core/serverconfig.h"
#include "core/servercounters.h"
#include "core/wakesignal.h"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <vector>

namespace socketlab {

// What every part of one running server shares: its settings, the stop flag, the counters
// and the way to report events.
struct ServerContext
{
    ServerContext(const ServerConfig &config, EventQueue *queue);

    EventReporter reporterFor(HandlerKind handler, quint64 connectionId) const;
    quint64 takeConnectionId() { return nextConnectionId.fetch_add(1); }
    // ServerConfig::forgetClose: keeps a connection open, unclosed, until the server stops.
    void forget(Fd connection);

    const ServerConfig config;
    EventReporter reporter;
    WakeSignal stop;
    // Raised by a handler thread that finished, so the accept loop joins it.
    WakeSignal handlerFinished;
    // ServerConfig::pauseReading: raised by Server::resumeReading(), and then handlers read.
    WakeSignal readingResumed;
    ServerCounters counters;
    std::atomic<quint64> nextConnectionId {1};
    // ServerConfig::sharedCounter; lock-free, so a forked child may increment its copy too.
    std::atomic<std::int64_t> sharedCounter {0};
    // The accept or recvfrom loop's Linux thread id, once it runs (for a process view).
    std::atomic<qint64> workerThreadId {0};
    std::mutex forgottenLock;
    std::vector<Fd> forgotten; // closed when the context goes, at Stop
};

} // namespace socketlab
