#pragma once

#include <QByteArray>
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
    // Whether parse() takes an address without a port (port 0 then): a call's argument or a
    // typed address may name the host alone ("192.0.2.1", "::", "[::1]").
    enum class Port { Required, Optional };

    // Back from toString()'s form (127.0.0.1:5000, [::1]:5000), as events and the kernel's
    // view carry addresses; anything else (a host name, no port when one is required) is
    // invalid.
    static Endpoint parse(const QString &text, Port port = Port::Required);
    // The host part of toString()'s form as written ("::1" of [::1]:5000, "127.0.0.1" of
    // 127.0.0.1:5000), nothing converted: cheap enough for every event. Text without a port
    // comes back whole.
    static QString hostOf(const QString &text);
    // The kernel's form in /proc/net/tcp and tcp6 ("0100007F:1388": the address's 32-bit
    // words and the port in hexadecimal).
    static Endpoint fromProcNet(const QByteArray &text);

    bool isValid() const { return m_length > 0; }
    int family() const { return m_storage.ss_family; }
    quint16 port() const;
    void setPort(quint16 port);
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
