#include "core/endpoint.h"

#include <arpa/inet.h>
#include <cstring>
#include <netinet/in.h>

namespace socketlab {

Endpoint::Endpoint(const sockaddr *address, socklen_t length)
{
    if (address && length > 0 && length <= socklen_t(sizeof m_storage)) {
        std::memcpy(&m_storage, address, length);
        m_length = length;
    }
}

Endpoint Endpoint::localOf(int fd)
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return {};
    return Endpoint(reinterpret_cast<sockaddr *>(&storage), length);
}

Endpoint Endpoint::peerOf(int fd)
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return {};
    return Endpoint(reinterpret_cast<sockaddr *>(&storage), length);
}

quint16 Endpoint::port() const
{
    if (family() == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in *>(&m_storage)->sin_port);
    if (family() == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6 *>(&m_storage)->sin6_port);
    return 0;
}

QString Endpoint::host() const
{
    char text[INET6_ADDRSTRLEN] = {};
    if (family() == AF_INET) {
        const auto *in = reinterpret_cast<const sockaddr_in *>(&m_storage);
        ::inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
        return QString::fromLatin1(text);
    }
    if (family() == AF_INET6) {
        const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(&m_storage);
        if (IN6_IS_ADDR_V4MAPPED(&in6->sin6_addr)) {
            ::inet_ntop(AF_INET, &in6->sin6_addr.s6_addr[12], text, sizeof text);
            return QString::fromLatin1(text);
        }
        ::inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
        return QString::fromLatin1(text);
    }
    return {};
}

QString Endpoint::toString() const
{
    if (!isValid())
        return {};
    const QString h = host();
    if (h.contains(QLatin1Char(':')))
        return QStringLiteral("[%1]:%2").arg(h).arg(port());
    return QStringLiteral("%1:%2").arg(h).arg(port());
}

} // namespace socketlab
