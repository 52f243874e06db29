#include "core/endpoint.h"

#include <QStringView>

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

namespace {

// toString()'s form cut into its host and port texts, nothing checked.
struct Parts
{
    QStringView host;
    QStringView port;
    bool hasPort = false;
    bool bracketed = false;
    bool wellFormed = true;
};

Parts split(QStringView text)
{
    Parts parts;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0) {
            parts.wellFormed = false;
            return parts;
        }
        parts.host = text.mid(1, close - 1);
        parts.bracketed = true;
        const QStringView rest = text.mid(close + 1);
        parts.hasPort = rest.startsWith(QLatin1Char(':'));
        parts.port = parts.hasPort ? rest.mid(1) : QStringView();
        parts.wellFormed = parts.hasPort || rest.isEmpty();
        return parts;
    }
    // One colon: an IPv4 address and its port; several: a bare IPv6 address without one.
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    parts.hasPort = colon >= 0 && text.indexOf(QLatin1Char(':')) == colon;
    parts.host = parts.hasPort ? text.left(colon) : text;
    parts.port = parts.hasPort ? text.mid(colon + 1) : QStringView();
    return parts;
}

} // namespace

Endpoint Endpoint::parse(const QString &text, Port portRule)
{
    const Parts parts = split(text);
    if (!parts.wellFormed || (!parts.hasPort && portRule == Port::Required))
        return {};
    uint port = 0;
    if (parts.hasPort) {
        bool ok = false;
        port = parts.port.toUInt(&ok);
        if (!ok || port > 65535)
            return {};
    }
    const QByteArray hostBytes = parts.host.toLatin1();
    sockaddr_storage storage {};
    // Unbracketed: IPv4, or with no port a bare IPv6 address ("::").
    auto *in = reinterpret_cast<sockaddr_in *>(&storage);
    if (!parts.bracketed && ::inet_pton(AF_INET, hostBytes.constData(), &in->sin_addr) == 1) {
        in->sin_family = AF_INET;
        in->sin_port = htons(quint16(port));
        return Endpoint(reinterpret_cast<sockaddr *>(&storage), sizeof(sockaddr_in));
    }
    if (parts.hasPort && !parts.bracketed)
        return {};
    storage = {};
    auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
    if (::inet_pton(AF_INET6, hostBytes.constData(), &in6->sin6_addr) != 1)
        return {};
    in6->sin6_family = AF_INET6;
    in6->sin6_port = htons(quint16(port));
    return Endpoint(reinterpret_cast<sockaddr *>(&storage), sizeof(sockaddr_in6));
}

QString Endpoint::hostOf(const QString &text)
{
    const Parts parts = split(text);
    if (!parts.wellFormed || (!parts.hasPort && !parts.bracketed))
        return text;
    return parts.host.toString();
}

Endpoint Endpoint::fromProcNet(const QByteArray &text)
{
    // The kernel prints each 32-bit word of the address as the number it is in memory.
    const qsizetype colon = text.indexOf(':');
    if (colon != 8 && colon != 32)
        return {};
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok, 16);
    if (!ok || port > 65535)
        return {};
    quint32 words[4] = {};
    for (qsizetype i = 0; i < colon / 8; ++i) {
        words[i] = text.mid(i * 8, 8).toUInt(&ok, 16);
        if (!ok)
            return {};
    }
    sockaddr_storage storage {};
    if (colon == 8) {
        auto *in = reinterpret_cast<sockaddr_in *>(&storage);
        in->sin_family = AF_INET;
        in->sin_port = htons(quint16(port));
        std::memcpy(&in->sin_addr, words, sizeof in->sin_addr);
        return Endpoint(reinterpret_cast<sockaddr *>(&storage), sizeof(sockaddr_in));
    }
    auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
    in6->sin6_family = AF_INET6;
    in6->sin6_port = htons(quint16(port));
    std::memcpy(&in6->sin6_addr, words, sizeof in6->sin6_addr);
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

void Endpoint::setPort(quint16 port)
{
    if (family() == AF_INET)
        reinterpret_cast<sockaddr_in *>(&m_storage)->sin_port = htons(port);
    else if (family() == AF_INET6)
        reinterpret_cast<sockaddr_in6 *>(&m_storage)->sin6_port = htons(port);
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
