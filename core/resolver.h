#pragma once

#include "endpoint.h"

#include <QString>
#include <QVector>

namespace socketlab {

struct ResolvedAddresses
{
    QVector<Endpoint> endpoints;
    int gaiError = 0;  // getaddrinfo()'s result, 0 on success
    int errnum = 0;    // errno, meaningful when gaiError is EAI_SYSTEM
};

// Recipe steps 1 and 2: host name to addresses, protocol name to number.
class Resolver
{
public:
    // "[::1]" -> "::1"; surrounding spaces removed.
    static QString normalizeHost(const QString &host);
    static ResolvedAddresses resolve(const QString &host, quint16 port, int socketType,
                                     bool passive);
    // getprotobyname(): "tcp" -> 6, "udp" -> 17; -1 when unknown.
    static int protocolNumber(const QString &name);
    // Decimal port number; port 0 only when allowZero (a server asking for any free port).
    static bool parsePort(const QString &text, quint16 *port, bool allowZero);
};

} // namespace socketlab
