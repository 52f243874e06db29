#pragma once

#include "core/protocol.h"

#include <QString>

namespace socketlab {

struct ServerConfig
{
    Protocol protocol = Protocol::Tcp;
    Concurrency concurrency = Concurrency::Thread;
    QString bindAddress = QStringLiteral("127.0.0.1");
    quint16 port = 5000; // 0 asks the system for any free port
    int backlog = 1; // as the recipe
    int bufferSize = 1024;
    bool echo = false;
    // With echo (iterative and thread modes; the Nagle lesson): hold a partial line and echo
    // each complete one ('\n' included) in one send(), as a request/reply server answers only
    // a whole request. A held line past 64 KiB goes back as it is, so memory stays bounded.
    bool echoWholeLines = false;
    int maxClients = 256; // live handlers; more clients wait in the backlog
    bool reuseAddress = true;
    // Above 0, the server's threads and forked children run this much nicer than the caller:
    // the window sets it so that a flood cannot starve its GUI thread.
    int handlerNice = 0;
    // Off for quiet, fast runs: counters stay exact, but no data or sent events are made, and
    // no event per connection either (connected, disconnected, handler_exited); errors still are.
    bool reportTraffic = true;
    bool reportCalls = true;
    // Without reportCalls: still report the calls that put packets on the wire (connect,
    // send, sendto, close, shutdown), so a packet capture can name the call that sent each.
    bool reportSendingCalls = false;
    // Off (the fork lesson's zombie): the parent does not waitpid() a child whose pipe closed,
    // only at Stop, so the exited child stays a zombie meanwhile.
    bool reapChildren = true;
    // The shared-memory lesson: each received chunk increments a counter in the handler's
    // memory and reports it as a "++counter" call whose result is the new value. Threads share
    // the server process's counter; a forked child increments its own copy.
    bool sharedCounter = false;
    // Above 0: SO_RCVBUF for the listening (or UDP) socket; the kernel doubles it and keeps
    // a minimum. Small, it lets a flood fill a UDP server's receive buffer (summary "dropped").
    int receiveBuffer = 0;
    // Flow-control lesson: a handler (iterative or thread mode) that accepted a connection does
    // not recv() until Server::resumeReading(), so the connection's Recv-Q fills. UDP lesson:
    // the UDP server does not recvfrom() until then, so its receive buffer fills and the kernel
    // drops the datagrams that do not fit.
    bool pauseReading = false;
    // The fork and thread lessons' classic leak: when the client has left, the thread (or
    // iterative) handler does not close() the connection, and in fork mode the parent does not
    // close its copy after fork(). The descriptors stay open until Stop, so the server's side of
    // each connection stays in CLOSE_WAIT and the client's in FIN_WAIT2.
    bool forgetClose = false;
};

} // namespace socketlab
