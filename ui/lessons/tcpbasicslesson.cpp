#include "ui/lessons/tcpbasicslesson.h"

#include "ui/lessons/lessonruntime.h"
#include "ui/lessons/recipelisting.h"

namespace socketlab {

QString TcpBasicsLesson::title() const
{
    return tr("TCP basics: the call sequences");
}

CodeListing TcpBasicsLesson::code() const
{
    CodeListing listing;
    const CodeListing loop = RecipeListing::iterativeServerLoop();
    listing.c = QStringList{
        QStringLiteral("/* server */"),
        QStringLiteral("p = getprotobyname(\"tcp\");"),
        QStringLiteral("s = socket(AF_INET, SOCK_STREAM, p->p_proto);"),
        QStringLiteral("bind(s, (void *)&addr, sizeof addr);"),
        QStringLiteral("listen(s, 1);"),
    };
    listing.c += loop.c;
    listing.c += QStringList{
        QStringLiteral("/* client */"),
        QStringLiteral("getaddrinfo(\"127.0.0.1\", port, &hints, &ai);"),
        QStringLiteral("p = getprotobyname(\"tcp\");"),
        QStringLiteral("s = socket(AF_INET, SOCK_STREAM, p->p_proto);"),
        QStringLiteral("connect(s, ai->ai_addr, ai->ai_addrlen);"),
        QStringLiteral("send(s, \"hello\", 5, 0);"),
        QStringLiteral("close(s);"),
    };
    listing.python = QStringList{
        QStringLiteral("# server"),
        QStringLiteral("tcp = socket.socket(AF_INET, SOCK_STREAM)"),
        QStringLiteral("tcp.bind(('127.0.0.1', PORT))"),
        QStringLiteral("tcp.listen(1)"),
    };
    listing.python += loop.python;
    listing.python += QStringList{
        QStringLiteral("# client"),
        QStringLiteral("addr = socket.gethostbyname('127.0.0.1')"),
        QStringLiteral("c = socket.socket(AF_INET, SOCK_STREAM)"),
        QStringLiteral("c.connect((addr, PORT))"),
        QStringLiteral("c.send(b'hello')"),
        QStringLiteral("c.close()"),
    };
    return listing;
}

LessonSteps TcpBasicsLesson::steps() const
{
    LessonSteps steps;
    LessonStep s;
    s.title = tr("Server: socket, bind, listen");
    s.explanation = tr("The server resolves the protocol (step 1), makes a socket (2), binds a "
                       "local address and port (3) and calls listen() (4). A socket is created "
                       "active; listen() makes it passive: it will only accept connections.");
    s.observe = tr("Event log: the calls [1] to [4] with their results.");
    s.target = ObserveTarget::Log;
    s.cLine = 4;
    s.pythonLine = 3;
    s.enter = [](LessonRuntime &rt) {
        ServerConfig config;
        config.port = 0;
        config.concurrency = Concurrency::Iterative;
        rt.startServer(config);
    };
    s.settled = [](LessonRuntime &rt) { return rt.count(LessonRuntime::serverEvent(EventKind::Listening)) > 0; };
    steps << s;

    s = LessonStep();
    s.title = tr("Server: waiting in accept()");
    s.explanation = tr("Step 5: accept() waits for a client. Nothing else happens in the server "
                       "until one connects.");
    s.observe = tr("Processes: the server thread is sleeping.");
    s.target = ObserveTarget::Processes;
    s.cLine = 6;
    s.pythonLine = 5;
    steps << s;

    s = LessonStep();
    s.title = tr("Client: resolve, socket, connect");
    s.explanation = tr("The client resolves the host name (1) and the protocol (2), makes an "
                       "active socket (3) and calls connect() (4). The three-way handshake "
                       "completes and the server's accept() returns a new socket for this client.");
    s.observe = tr("Sequence diagram: the connect arrow and the server's accept.");
    s.target = ObserveTarget::Diagram;
    s.cLine = 15;
    s.pythonLine = 14;
    s.enter = [](LessonRuntime &rt) { rt.connectClient(1, Protocol::Tcp, rt.serverPort()); };
    s.settled = [](LessonRuntime &rt) { return rt.count(LessonRuntime::serverEvent(EventKind::Connected)) > 0; };
    steps << s;

    s = LessonStep();
    s.title = tr("Client sends, server receives");
    s.explanation = tr("The client's send() (5) puts bytes on the connection; the server's recv() "
                       "(6) returns them, at most 1024 bytes at a time.");
    s.observe = tr("Sequence diagram: the message arrow; event log: recv() returned 5 bytes.");
    s.target = ObserveTarget::Diagram;
    s.cLine = 7;
    s.pythonLine = 7;
    s.enter = [](LessonRuntime &rt) { rt.client(1)->send(QByteArrayLiteral("hello")); };
    s.settled = [](LessonRuntime &rt) { return rt.dataFrom(1) > 0; };
    steps << s;

    s = LessonStep();
    s.title = tr("Client closes, server closes");
    s.explanation = tr("The client calls close() (6). The server's recv() returns 0: the peer "
                       "closed the connection. The server closes its socket for this client (7).");
    s.observe = tr("Event log: \"recv() -> 0 (the peer closed the connection)\", then close().");
    s.target = ObserveTarget::Log;
    s.cLine = 9;
    s.pythonLine = 10;
    s.enter = [](LessonRuntime &rt) { rt.client(1)->disconnectFromHost(); };
    s.settled = [](LessonRuntime &rt) { return rt.count(LessonRuntime::serverEvent(EventKind::Disconnected)) > 0; };
    steps << s;

    s = LessonStep();
    s.title = tr("Server: back to accept()");
    s.explanation = tr("Step 8: the server goes back to step 5 and waits for the next client. "
                       "The listening socket was never used to talk: it only accepts.");
    s.observe = tr("Code: the highlighted line is accept() again.");
    s.target = ObserveTarget::Code;
    s.cLine = 6;
    s.pythonLine = 5;
    steps << s;
    return steps;
}

LessonOutcome TcpBasicsLesson::outcome(const LessonRuntime &rt) const
{
    const int listen = rt.indexOf(LessonRuntime::serverCall(SysCall::Listen));
    const int accept = rt.indexOf(LessonRuntime::serverCall(SysCall::Accept));
    const int recvZero = rt.indexOf([](const SocketEvent &e) {
        return e.role == Role::Server && e.kind == EventKind::Call && e.call == SysCall::Recv
            && e.result == 0;
    });
    LessonOutcome outcome;
    outcome.passed = listen >= 0 && accept > listen && recvZero > accept;
    outcome.text = outcome.passed
        ? tr("listen(), then accept(), then recv() returned 0 when the client closed.")
        : tr("The call sequence is not complete yet.");
    return outcome;
}

} // namespace socketlab
