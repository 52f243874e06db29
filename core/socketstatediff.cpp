#include "core/socketstatediff.h"

namespace socketlab {

QList<SocketStateDiff::Change> SocketStateDiff::update(const QList<SocketSnapshot> &sockets)
{
    QList<Change> changes;
    QHash<QString, SocketSnapshot> now;
    now.reserve(sockets.size());
    for (const SocketSnapshot &socket : sockets) {
        const QString key = socket.key();
        now.insert(key, socket);
        const auto before = m_last.constFind(key);
        if (before == m_last.constEnd()) {
            Change change;
            change.after = socket;
            change.appeared = true;
            changes << change;
        } else if (!(before.value() == socket)) {
            changes << Change {before.value(), socket, false, false};
        }
    }
    for (auto it = m_last.constBegin(); it != m_last.constEnd(); ++it) {
        if (!now.contains(it.key()))
            changes << Change {it.value(), it.value(), false, true};
    }
    m_last = std::move(now);
    return changes;
}

} // namespace socketlab
