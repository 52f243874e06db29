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
    sockaddr_storage storage {};
    socklen_t length = sizeof storage;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return {};
    return Endpoint(reinterpret_cast<sockaddr *>(&storage), length);
}

Endpoint Endpoint::peerOf(int fd)
{
    sockaddr_storage storage {};
    socklen_t length = sizeof storage;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return {};
    return Endpoint(reinterpret_cast<sockaddr *>(&storage), length);
}

Endpoint Endpoint::parse(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return {};
    bool ok = false;
    const uint port = QStringView(text).mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return {};
    QStringView host = QStringView(text).left(colon);
    const bool bracketed = host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']'));
    if (bracketed)
        host = host.mid(1, host.size() - 2);
    const QByteArray hostBytes = host.toLatin1();
    sockaddr_storage storage {};
    if (!bracketed) {
        auto *in = reinterpret_cast<sockaddr_in *>(&storage);
        if (::inet_pton(AF_INET, hostBytes.constData(), &in->sin_addr) != 1)
            return {};
        in->sin_family = AF_INET;
        in->sin_port = htons(quint16(port));
        return Endpoint(reinterpret_cast<sockaddr *>(&storage), sizeof(sockaddr_in));
    }
    auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
    if (::inet_pton(AF_INET6, hostBytes.constData(), &in6->sin6_addr) != 1)
        return {};
    in6->sin6_family = AF_INET6;
    in6->sin6_port = htons(quint16(port));
    return Endpoint(reinterpret_cast<sockaddr *>(&storage), sizeof(sockaddr_in6));
}

bool Endpoint::isWildcard() const
{
    if (family() == AF_INET)
        return reinterpret_cast<const sockaddr_in *>(&m_storage)->sin_addr.s_addr
            == htonl(INADDR_ANY);
    if (family() == AF_INET6)
        return IN6_IS_ADDR_UNSPECIFIED(
            &reinterpret_cast<const sockaddr_in6 *>(&m_storage)->sin6_addr);
    return false;
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
