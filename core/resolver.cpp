#include "resolver.h"

#include <cerrno>
#include <cstring>
#include <netdb.h>
#include <netinet/in.h>

namespace socketlab {

QString Resolver::normalizeHost(const QString &host)
{
    QString h = host.trimmed();
    if (h.size() >= 2 && h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2);
    return h;
}

ResolvedAddresses Resolver::resolve(const QString &host, quint16 port, int socketType, bool passive)
{
    ResolvedAddresses resolved;
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = socketType;
    hints.ai_flags = AI_NUMERICSERV | (passive ? AI_PASSIVE : 0);
    const QByteArray node = normalizeHost(host).toUtf8();
    const QByteArray service = QByteArray::number(port);
    addrinfo *list = nullptr;
    errno = 0;
    resolved.gaiError = ::getaddrinfo(node.isEmpty() ? nullptr : node.constData(),
                                      service.constData(), &hints, &list);
    resolved.errnum = errno;
    if (resolved.gaiError != 0)
        return resolved;
    for (addrinfo *ai = list; ai; ai = ai->ai_next) {
        if (ai->ai_family == AF_INET || ai->ai_family == AF_INET6)
            resolved.endpoints.append(Endpoint(ai->ai_addr, ai->ai_addrlen));
    }
    ::freeaddrinfo(list);
    if (resolved.endpoints.isEmpty())
        resolved.gaiError = EAI_NONAME;
    return resolved;
}

int Resolver::protocolNumber(const QString &name)
{
    const QByteArray key = name.toLatin1();
    protoent entry{};
    protoent *found = nullptr;
    char buffer[1024];
    if (::getprotobyname_r(key.constData(), &entry, buffer, sizeof buffer, &found) == 0 && found)
        return found->p_proto;
    // Minimal containers may lack /etc/protocols; the numbers are fixed by IANA.
    if (key == "tcp")
        return IPPROTO_TCP;
    if (key == "udp")
        return IPPROTO_UDP;
    return -1;
}

bool Resolver::parsePort(const QString &text, quint16 *port, bool allowZero)
{
    bool ok = false;
    const QString trimmed = text.trimmed();
    for (QChar c : trimmed) {
        if (!c.isDigit())
            return false;
    }
    const uint value = trimmed.toUInt(&ok);
    if (!ok || value > 65535 || (value == 0 && !allowZero))
        return false;
    *port = quint16(value);
    return true;
}

} // namespace socketlab
