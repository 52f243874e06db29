#pragma once

#include "lessons/lessonstep.h"

#include "core/protocol.h"
#include "core/serverconfig.h"
#include "core/socketevent.h"

#include <QByteArray>

#include <initializer_list>

namespace socketlab {

// The moves the lessons' steps are made of, built on LessonRuntime's public calls only.
// Servers listen on 127.0.0.1 at a port the system picks; clients are numbered from 1.
namespace lessonsteps {

using Enter = LessonStep::Enter;
using Settled = LessonStep::Settled;

// A server config on port 0 (any free port).
ServerConfig server(Protocol protocol = Protocol::Tcp,
                    Concurrency concurrency = Concurrency::Thread, int backlog = 1);

// Each in turn.
Enter all(std::initializer_list<Enter> moves);
Enter startServer(const ServerConfig &config);
// Aborts every client, stops the server and starts it again with config.
Enter restartServer(const ServerConfig &config);
Enter stopServer();
// Client n connects to the lesson's server (for UDP: sets its destination) and sends message
// if it is not empty.
Enter connectClient(int n, Protocol protocol, const QByteArray &message = QByteArray());
Enter clientSends(int n, const QByteArray &message);
Enter disconnectClient(int n);

// A server with ServerConfig::forgetClose (aborting every client first), and client n that
// connects, sends and leaves: its connection stays half closed (CLOSE_WAIT at the server).
Enter serveForgetfully(Concurrency concurrency, int n);

// The server has said "Listening" count times (each start says it once).
Settled untilListening(int count = 1);
Settled untilServerEvent(EventKind kind, int count = 1);
// The server has received count data events from client n.
Settled untilDataFrom(int n, int count = 1);
// Client n has sent, and the step has lasted ms: long enough to see that nothing follows.
Settled untilSentAndQuiet(int n, int ms);

} // namespace lessonsteps
} // namespace socketlab
