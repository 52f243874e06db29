#include "core/resolver.h"

#include "core/socketio.h"
#include "core/wakesignal.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <memory>
#include <mutex>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <system_error>
#include <thread>

namespace socketlab {

namespace {

std::atomic<Resolver::LookupFunction> g_lookup {nullptr};

ResolvedAddresses getaddrinfoLookup(const QByteArray &node, quint16 port, int socketType, int flags)
{
    ResolvedAddresses resolved;
    addrinfo hints {};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = socketType;
    hints.ai_flags = AI_NUMERICSERV | flags;
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

ResolvedAddresses lookup(const QByteArray &node, quint16 port, int socketType, bool passive)
{
    if (const Resolver::LookupFunction injected = g_lookup.load())
        return injected(node, port, socketType, passive);
    return getaddrinfoLookup(node, port, socketType, passive ? AI_PASSIVE : 0);
}

// One lookup on its helper thread. Both the helper and the caller hold it; whoever lets go
// last frees it, so a caller that stopped waiting leaves nothing behind and nothing dangling.
struct PendingLookup
{
    QByteArray node;
    quint16 port = 0;
    int socketType = 0;
    bool passive = false;
    std::mutex mutex;
    ResolvedAddresses result;
    WakeSignal done;
};

} // namespace

QString Resolver::normalizeHost(const QString &host)
{
    QString h = host.trimmed();
    if (h.size() >= 2 && h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2);
    return h;
}

ResolvedAddresses Resolver::resolve(const QString &host, quint16 port, int socketType, bool passive)
{
    const ResolvedAddresses numeric = resolveNumeric(host, port, socketType, passive);
    if (numeric.gaiError != EAI_NONAME)
        return numeric;
    return lookup(normalizeHost(host).toUtf8(), port, socketType, passive);
}

ResolvedAddresses Resolver::resolve(const QString &host, quint16 port, int socketType, bool passive,
                                    int stopFd, int timeoutMs)
{
    const ResolvedAddresses numeric = resolveNumeric(host, port, socketType, passive);
    if (numeric.gaiError != EAI_NONAME)
        return numeric;
    auto pending = std::make_shared<PendingLookup>();
    pending->node = normalizeHost(host).toUtf8();
    pending->port = port;
    pending->socketType = socketType;
    pending->passive = passive;
    try {
        // Detached: getaddrinfo() cannot be interrupted, so a stop abandons it instead.
        std::thread([pending] {
            ResolvedAddresses result
                = lookup(pending->node, pending->port, pending->socketType, pending->passive);
            {
                std::lock_guard<std::mutex> locker(pending->mutex);
                pending->result = std::move(result);
            }
            pending->done.raise();
        }).detach();
    } catch (const std::system_error &) {
        // No thread to spare: look it up here, as before.
        return lookup(pending->node, port, socketType, passive);
    }
    ResolvedAddresses outcome;
    switch (SocketIo::waitFor(pending->done.fd(), POLLIN, stopFd, timeoutMs)) {
    case WaitResult::Ready: {
        std::lock_guard<std::mutex> locker(pending->mutex);
        return pending->result;
    }
    case WaitResult::Stopped:
        outcome.stopped = true;
        outcome.gaiError = EAI_AGAIN;
        return outcome;
    case WaitResult::TimedOut:
        outcome.gaiError = EAI_AGAIN;
        return outcome;
    case WaitResult::Failed:
        break;
    }
    outcome.gaiError = EAI_SYSTEM;
    outcome.errnum = errno;
    return outcome;
}

ResolvedAddresses Resolver::resolveNumeric(const QString &host, quint16 port, int socketType,
                                           bool passive)
{
    return getaddrinfoLookup(normalizeHost(host).toUtf8(), port, socketType,
                             AI_NUMERICHOST | (passive ? AI_PASSIVE : 0));
}

void Resolver::setLookupFunction(LookupFunction lookup)
{
    g_lookup.store(lookup);
}

int Resolver::protocolNumber(const QString &name)
{
    const QByteArray key = name.toLatin1();
    protoent entry {};
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
