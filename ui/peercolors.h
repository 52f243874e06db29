#pragma once

#include <QHash>
#include <QString>

namespace socketlab {

// Which client pane a peer address belongs to, so the server's rows take the pane's colour.
// A UDP pane's socket is bound to 0.0.0.0 (the kernel picks the source address per
// datagram), so such an address matches any peer with the same port.
class PeerColors
{
public:
    // Returns false when nothing changed.
    bool set(const QString &address, quint64 colorId);
    // The pane's colour id for a peer, or fallback.
    quint64 colorIdFor(const QString &peer, quint64 fallback) const;

private:
    static QString portOf(const QString &address);

    QHash<QString, quint64> m_exact;
    QHash<QString, quint64> m_byPort;
};

} // namespace socketlab
