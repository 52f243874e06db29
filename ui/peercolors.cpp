#include "ui/peercolors.h"

namespace socketlab {

QString PeerColors::portOf(const QString &address)
{
    return address.section(QLatin1Char(':'), -1);
}

bool PeerColors::set(const QString &address, quint64 colorId)
{
    if (address.isEmpty())
        return false;
    const bool wildcard = address.startsWith(QLatin1String("0.0.0.0:"))
        || address.startsWith(QLatin1String("[::]:"));
    QHash<QString, quint64> &map = wildcard ? m_byPort : m_exact;
    const QString key = wildcard ? portOf(address) : address;
    if (map.value(key) == colorId)
        return false;
    map.insert(key, colorId);
    return true;
}

quint64 PeerColors::colorIdFor(const QString &peer, quint64 fallback) const
{
    if (peer.isEmpty())
        return fallback;
    const auto exact = m_exact.constFind(peer);
    if (exact != m_exact.constEnd())
        return exact.value();
    if (!m_byPort.isEmpty()) {
        const auto byPort = m_byPort.constFind(portOf(peer));
        if (byPort != m_byPort.constEnd())
            return byPort.value();
    }
    return fallback;
}

} // namespace socketlab
