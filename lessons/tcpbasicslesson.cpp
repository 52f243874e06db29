#include "lessons/lessons.h"

#include "lessons/lessonruntime.h"
#include "lessons/lessonsteps.h"
#include "lessons/recipelisting.h"

#include <QCoreApplication>

namespace socketlab {

using namespace lessonsteps;

// Names the translation context of the lesson's texts.
struct TcpBasicsLesson
{
    static LessonScript build();
    Q_DECLARE_TR_FUNCTIONS(TcpBasicsLesson)
};

namespace {
LessonOutcome outcomeOf(const LessonRuntime &rt)
{
    const int listen = rt.indexOf(LessonRuntime::serverCall(SysCall::Listen));
    const int accept = rt.indexOf(LessonRuntime::serverCall(SysCall::Accept));
    const int recvZero = rt.indexOf([](const SocketEvent &e) {
        return e.role == Role::Server && e.kind == EventKind::Call && e.call == SysCall::Recv
            && e.result == 0;
    });
    LessonOutcome outcome;
    outcome.passed = listen >= 0 && accept > listen && recvZero > accept;
    outcome.text = outcome.passed ? TcpBasicsLesson::tr(
                       "listen(), then accept(), then recv() returned 0 when the client closed.")
                                  : TcpBasicsLesson::tr("The call sequence is not complete yet.");
    return outcome;
}
} // namespace

LessonScript TcpBasicsLesson::build()
{
    LessonScript script;
    script.title = tr("TCP basics: the call sequences");
    const CodeListing loop = RecipeListing::iterativeServerLoop();
    script.listing.c = ListingLines{
        ListingLine::commentLine(tr("server")),
        "p = getprotobyname(\"tcp\");",
        "s = socket(AF_INET, SOCK_STREAM, p->p_proto);",
        "bind(s, (void *)&addr, sizeof addr);",
        {"listen", "listen(s, 1);"},
    } + loop.c + ListingLines{
        ListingLine::commentLine(tr("client")),
        "getaddrinfo(\"127.0.0.1\", port, &hints, &ai);",
        "p = getprotobyname(\"tcp\");",
        "s = socket(AF_INET, SOCK_STREAM, p->p_proto);",
        {"connect", "connect(s, ai->ai_addr, ai->ai_addrlen);"},
        "send(s, \"hello\", 5, 0);",
        "close(s);",
    };
    script.listing.python = ListingLines{
        ListingLine::commentLine(tr("server")),
        "tcp = socket.socket(AF_INET, SOCK_STREAM)",
        "tcp.bind(('127.0.0.1', PORT))",
        {"listen", "tcp.listen(1)"},
    } + loop.python + ListingLines{
        ListingLine::commentLine(tr("client")),
        "addr = socket.gethostbyname('127.0.0.1')",
        "c = socket.socket(AF_INET, SOCK_STREAM)",
        {"connect", "c.connect((addr, PORT))"},
        "c.send(b'hello')",
        "c.close()",
    };
    script.steps = {
        {tr("Server: socket, bind, listen"),
         tr("The server resolves the protocol (step 1), makes a socket (2), binds a "
            "local address and port (3) and calls listen() (4). A socket is created "
            "active; listen() makes it passive: it will only accept connections."),
         tr("Event log: the calls [1] to [4] with their results."), ObserveTarget::Log, "listen",
         startServer(server(Protocol::Tcp, Concurrency::Iterative)), untilListening()},
        {tr("Server: waiting in accept()"),
         tr("The recipe's server step 5: accept() waits for a client. Nothing else happens in "
            "the server until one connects."),
         tr("Processes: the server thread is sleeping."),
         ObserveTarget::Processes,
         "accept",
         {},
         {}},
        {tr("Client: resolve, socket, connect"),
         tr("The client resolves the host name (1) and the protocol (2), makes an "
            "active socket (3) and calls connect() (4). The three-way handshake "
            "completes and the server's accept() returns a new socket for this client."),
         tr("Sequence diagram: the connect arrow and the server's accept."), ObserveTarget::Diagram,
         "connect", connectClient(1, Protocol::Tcp), untilServerEvent(EventKind::Connected)},
        {tr("Client sends, server receives"),
         tr("The client's send() (5) puts bytes on the connection; the server's recv() "
            "(6) returns them, at most 1024 bytes at a time."),
         tr("Sequence diagram: the message arrow; event log: recv() returned 5 bytes."),
         ObserveTarget::Diagram, "recv", clientSends(1, QByteArrayLiteral("hello")),
         untilDataFrom(1)},
        {tr("Client closes, server closes"),
         tr("The client calls close() (6). The server's recv() returns 0: the peer "
            "closed the connection. The server closes its socket for this client (7)."),
         tr("Event log: \"recv() -> 0 (the peer closed the connection)\", then close()."),
         ObserveTarget::Log, "close", disconnectClient(1),
         untilServerEvent(EventKind::Disconnected)},
        {tr("Server: back to accept()"),
         tr("The recipe's server step 8: the server goes back to its step 5, accept(), and waits "
            "for the next client. The listening socket was never used to talk: it only accepts."),
         tr("Code: the highlighted line is accept() again."),
         ObserveTarget::Code,
         "accept",
         {},
         {}},
    };
    script.showsWire = true;
    script.steps[2].wire
        = tr("connect() sends SYN; the server's system answers SYN ACK and the client's "
             "ACK completes the handshake, all before accept() returns. accept() sends "
             "nothing: it takes a connection the system already made.");
    script.steps[3].wire = tr("send() puts PSH ACK len=5 on the wire; the server's system "
                              "answers ACK before recv() even runs.");
    script.steps[4].wire = tr("close() sends FIN ACK; the server's close() sends its own "
                              "FIN ACK, and each side ACKs the other's FIN.");
    script.outcome = &outcomeOf;
    return script;
}

LessonScript tcpBasicsLesson()
{
    return TcpBasicsLesson::build();
}

} // namespace socketlab
