#pragma once

#include <QString>

namespace socketlab {

enum class Protocol { Tcp, Udp };
enum class Concurrency { Iterative, Fork, Thread, Poll };

// Names as the command line and the JSON output spell them (never translated).
QString protocolName(Protocol protocol);
QString concurrencyName(Concurrency concurrency);
bool parseProtocol(const QString &text, Protocol *protocol);
bool parseConcurrency(const QString &text, Concurrency *concurrency);

} // namespace socketlab
