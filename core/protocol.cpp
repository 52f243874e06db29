#include "core/protocol.h"

namespace socketlab {

QString protocolName(Protocol protocol)
{
    return protocol == Protocol::Tcp ? QStringLiteral("tcp") : QStringLiteral("udp");
}

QString concurrencyName(Concurrency concurrency)
{
    switch (concurrency) {
    case Concurrency::Iterative:
        return QStringLiteral("iterative");
    case Concurrency::Fork:
        return QStringLiteral("fork");
    case Concurrency::Poll:
        return QStringLiteral("poll");
    case Concurrency::Thread:
        break;
    }
    return QStringLiteral("thread");
}

bool parseProtocol(const QString &text, Protocol *protocol)
{
    for (Protocol candidate : {Protocol::Tcp, Protocol::Udp}) {
        if (text.compare(protocolName(candidate), Qt::CaseInsensitive) == 0) {
            *protocol = candidate;
            return true;
        }
    }
    return false;
}

bool parseConcurrency(const QString &text, Concurrency *concurrency)
{
    for (Concurrency candidate :
         {Concurrency::Iterative, Concurrency::Fork, Concurrency::Thread, Concurrency::Poll}) {
        if (text.compare(concurrencyName(candidate), Qt::CaseInsensitive) == 0) {
            *concurrency = candidate;
            return true;
        }
    }
    return false;
}

} // namespace socketlab
