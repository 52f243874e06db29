#pragma once

#include "core/endpoint.h"

#include <QString>
#include <QVector>

namespace socketlab {

struct ResolvedAddresses
{
    QVector<Endpoint> endpoints;
    int gaiError = 0; // getaddrinfo()'s result, 0 on success
    int errnum = 0; // errno, meaningful when gaiError is EAI_SYSTEM
    bool stopped = false; // the caller's stop flag ended the wait; the lookup was abandoned
};

// Recipe steps 1 and 2: host name to addresses, protocol name to number.
class Resolver
{
public:
    // What looks a host name up: getaddrinfo() unless a test put its own in (see below).
    using LookupFunction
        = ResolvedAddresses (*)(const QByteArray &host, quint16 port, int socketType, bool passive);

    // "[::1]" -> "::1"; surrounding spaces removed.
    static QString normalizeHost(const QString &host);
    // Blocks for as long as the name service takes (a silent DNS server: many seconds).
    static ResolvedAddresses resolve(const QString &host, quint16 port, int socketType,
                                     bool passive);
    // The same answer without making a stop wait: a numeric address is parsed here at once;
    // a host name is looked up on a helper thread while this waits for it, for stopFd to
    // become readable (then `stopped` is set) or for timeoutMs (-1: no limit; then gaiError
    // is EAI_AGAIN). An abandoned lookup finishes on its own and frees what it holds.
    static ResolvedAddresses resolve(const QString &host, quint16 port, int socketType,
                                     bool passive, int stopFd, int timeoutMs = -1);
    // Numeric addresses only (AI_NUMERICHOST): never asks a name service; EAI_NONAME for a name.
    static ResolvedAddresses resolveNumeric(const QString &host, quint16 port, int socketType,
                                            bool passive);
    // For tests only: every host-name lookup goes through `lookup` (nullptr: getaddrinfo again).
    // Lets a test play a DNS server that never answers without touching /etc/resolv.conf.
    static void setLookupFunction(LookupFunction lookup);
    // getprotobyname(): "tcp" -> 6, "udp" -> 17; -1 when unknown.
    static int protocolNumber(const QString &name);
    // Decimal port number; port 0 only when allowZero (a server asking for any free port).
    static bool parsePort(const QString &text, quint16 *port, bool allowZero);
};

} // namespace socketlab
