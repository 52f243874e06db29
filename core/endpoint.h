#pragma once

#include <QString>

#include <sys/socket.h>

namespace socketlab {

// A socket address (IPv4 or IPv6) as the kernel gives it, shown the way people write it:
// 127.0.0.1:5000 or [::1]:5000, with IPv4-mapped IPv6 addresses shown as IPv4.
class Endpoint
{
public:
    Endpoint() = default;
    Endpoint(const sockaddr *address, socklen_t length);

    static Endpoint localOf(int fd);
    static Endpoint peerOf(int fd);
    // Back from toString()'s form (127.0.0.1:5000, [::1]:5000), as events and the kernel's
    // view carry addresses; anything else (a host name, no port) is invalid.
    static Endpoint parse(const QString &text);

    bool isValid() const { return m_length > 0; }
    int family() const { return m_storage.ss_family; }
    quint16 port() const;
    QString host() const;
    QString toString() const;
    // 0.0.0.0 or ::, a listener's "every address".
    bool isWildcard() const;

    const sockaddr *address() const { return reinterpret_cast<const sockaddr *>(&m_storage); }
    socklen_t length() const { return m_length; }

private:
    sockaddr_storage m_storage {};
    socklen_t m_length = 0;
};

} // namespace socketlab
