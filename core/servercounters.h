#pragma once

#include <QtGlobal>

#include <atomic>

namespace socketlab {

struct ServerTotals
{
    qint64 connections = 0;
    qint64 messages = 0;
    qint64 bytes = 0;
    qint64 killed = 0; // fork mode: children a signal ended (killed at stop, or from outside)
    // Fork mode: children that ended before their last report, so bytes they read in their
    // last moments may be missing from the totals.
    qint64 incomplete = 0;
    qint64 dropped = 0; // UDP: datagrams the kernel dropped, the receive buffer being full
    qint64 truncated = 0; // UDP: datagrams longer than the buffer, cut by recvfrom()
};

// Exact totals, updated by every handler thread and for every forked child.
class ServerCounters
{
public:
    void addConnection() { m_connections.fetch_add(1, std::memory_order_relaxed); }
    void addMessages(qint64 messages, qint64 bytes)
    {
        m_messages.fetch_add(messages, std::memory_order_relaxed);
        m_bytes.fetch_add(bytes, std::memory_order_relaxed);
    }
    void addKilled(qint64 children) { m_killed.fetch_add(children, std::memory_order_relaxed); }
    void addIncomplete(qint64 children)
    {
        m_incomplete.fetch_add(children, std::memory_order_relaxed);
    }
    // The kernel's own count for the socket (SO_MEMINFO), so it is set, not added to.
    void setDropped(qint64 datagrams) { m_dropped.store(datagrams, std::memory_order_relaxed); }
    void addTruncated() { m_truncated.fetch_add(1, std::memory_order_relaxed); }
    ServerTotals totals() const
    {
        return {m_connections.load(), m_messages.load(), m_bytes.load(),    m_killed.load(),
                m_incomplete.load(),  m_dropped.load(),  m_truncated.load()};
    }

private:
    std::atomic<qint64> m_connections {0};
    std::atomic<qint64> m_messages {0};
    std::atomic<qint64> m_bytes {0};
    std::atomic<qint64> m_killed {0};
    std::atomic<qint64> m_incomplete {0};
    std::atomic<qint64> m_dropped {0};
    std::atomic<qint64> m_truncated {0};
};

} // namespace socketlab
