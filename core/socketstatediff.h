#pragma once

#include "core/socketstatereader.h"

#include <QHash>
#include <QList>

namespace socketlab {

// What changed between two samples of the kernel's socket table: sockets that appeared,
// changed (state, queues, inode or owner) or went away, a socket being its SocketSnapshot::key().
// Shared by `socketlab-cli sockets --watch` and the session's sampler.
class SocketStateDiff
{
public:
    struct Change
    {
        SocketSnapshot before; // state Unknown when the socket appeared
        SocketSnapshot after; // the last one seen when gone
        bool appeared = false;
        bool gone = false;

        // The TCP state moved (appearing and going away count).
        bool stateChanged() const { return appeared || gone || before.state != after.state; }
    };

    // Compares with the sample before and remembers this one; on the first call (or after
    // clear()) every socket counts as appeared.
    QList<Change> update(const QList<SocketSnapshot> &sockets);
    void clear() { m_last.clear(); }
    // Forgets one socket: it neither goes away nor appears in the next update() unless sampled.
    void forget(const QString &key) { m_last.remove(key); }
    // The sample before, by key.
    const QHash<QString, SocketSnapshot> &last() const { return m_last; }

private:
    QHash<QString, SocketSnapshot> m_last;
};

} // namespace socketlab
