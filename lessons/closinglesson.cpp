#include "lessons/lessons.h"

#include "core/endpoint.h"
#include "core/errortext.h"
#include "core/socketstatereader.h"
#include "lessons/lessonruntime.h"
#include "lessons/lessonsteps.h"

#include <QCoreApplication>
#include <QStringList>

#include <cerrno>

namespace socketlab {

using namespace lessonsteps;

// Names the translation context of the lesson's texts.
struct ClosingLesson
{
    static LessonScript build();
    Q_DECLARE_TR_FUNCTIONS(ClosingLesson)
};

namespace {
constexpr int kA = 1; // closes normally
constexpr int kB = 2; // half-closes
constexpr int kC = 3; // resets
constexpr int kWaitShownMs = 600;

int clientCall(const LessonRuntime &rt, int n, SysCall call, int from = 0)
{
    return rt.indexOf(
        [n, call](const SocketEvent &e) {
            return e.role == Role::Client && e.connectionId == quint64(n)
                && e.kind == EventKind::Call && e.call == call;
        },
        from);
}

bool serverRecvReturnedZero(const LessonRuntime &rt, int n)
{
    const auto from = rt.onConnectionOf(n);
    return rt.count([&from](const SocketEvent &e) {
        return from(e) && e.kind == EventKind::Call && e.call == SysCall::Recv && e.result == 0;
    }) > 0;
}

bool serverDisconnected(const LessonRuntime &rt, int n)
{
    const auto from = rt.fromClient(n);
    return rt.count([&from](const SocketEvent &e) {
        return from(e) && e.kind == EventKind::Disconnected;
    }) > 0;
}

// The errno of the server's first failed call on client n's connection, 0 for none.
int serverErrno(const LessonRuntime &rt, int n)
{
    const auto from = rt.onConnectionOf(n);
    const int at = rt.indexOf([&from](const SocketEvent &e) {
        return from(e) && (e.kind == EventKind::Call || e.kind == EventKind::Error)
            && e.errnum != 0;
    });
    return at >= 0 ? rt.events().at(at).errnum : 0;
}

// Asks the kernel (sock_diag) which ends of the lesson's connections are in TIME_WAIT.
void readTimeWait(LessonRuntime &rt, ClosingFacts &facts)
{
    QList<SocketSnapshot> sockets;
    QString error;
    const quint16 serverPort = rt.serverPort();
    facts.kernelRead = SocketStateReader::read(serverPort, SocketStateReader::TcpOnly, &sockets,
                                               &error, false, rt.network());
    facts.timeWait.clear();
    facts.serverTimeWait = 0;
    // Only the lesson's connections, known by both ends' ports: another program's TIME_WAIT
    // may have the server's port number at one end too (a port the kernel handed out again).
    for (const SocketSnapshot &s : sockets) {
        if (s.state != SocketState::TimeWait)
            continue;
        for (int n : {kA, kB, kC}) {
            const quint16 clientPort = Endpoint::parse(rt.clientAddress(n)).port();
            if (s.localPort == serverPort && s.peerPort == clientPort)
                ++facts.serverTimeWait;
            else if (s.localPort == clientPort && s.peerPort == serverPort)
                facts.timeWait.insert(n);
        }
    }
}

QString names(const QSet<int> &clients)
{
    QStringList letters;
    for (int n : {kA, kB, kC}) {
        if (clients.contains(n))
            letters << QString(QChar(char('A' + n - 1)));
    }
    return letters.isEmpty() ? ClosingLesson::tr("nobody") : letters.join(QStringLiteral(", "));
}

LessonOutcome outcomeOf(const ClosingFacts &facts)
{
    const auto yesNo
        = [](bool b) { return b ? ClosingLesson::tr("yes") : ClosingLesson::tr("no"); };
    LessonOutcome outcome;
    outcome.passed = facts.recvZero && facts.replyAfterHalfClose && facts.resetErrno == ECONNRESET
        && facts.timeWait == QSet<int> {kA, kB} && facts.serverTimeWait == 0;
    outcome.text
        = ClosingLesson::tr("recv() returned 0 after A's close: %1. B got its reply after "
                            "its FIN: %2. The server's call after C's reset: %3. In "
                            "TIME_WAIT (the kernel's table): %4; the server's side: %5.")
              .arg(yesNo(facts.recvZero), yesNo(facts.replyAfterHalfClose),
                   facts.resetErrno == 0 ? ClosingLesson::tr("no error yet")
                                         : ErrorText::forErrno(facts.resetErrno),
                   facts.kernelRead ? names(facts.timeWait) : ClosingLesson::tr("not read yet"))
              .arg(facts.serverTimeWait);
    return outcome;
}

CodeListing listing()
{
    CodeListing code;
    code.c = {
        ListingLine::commentLine(ClosingLesson::tr("A: a normal close, a FIN")),
        {"send", "send(s, \"hello\", 5, 0);"},
        {"close", "close(s);"},
        ListingLine::commentLine(ClosingLesson::tr("B: a FIN, but B still reads")),
        {"shutdown", "shutdown(s, SHUT_WR);"},
        {"reply", "while (recv(s, buf, 1024, 0) > 0)"},
        "  ;",
        "close(s);",
        ListingLine::commentLine(ClosingLesson::tr("C: an RST instead of a FIN")),
        "struct linger l = {1, 0};",
        {"linger", "setsockopt(s, SOL_SOCKET, SO_LINGER,"},
        "           &l, sizeof l);",
        "close(s);",
        ListingLine::commentLine(ClosingLesson::tr("the server's recv(): 0 after a FIN,")),
        ListingLine::commentLine(ClosingLesson::tr("-1 and ECONNRESET after an RST")),
        {"recv", "n = recv(c, buf, 1024, 0);"},
    };
    code.python = {
        ListingLine::commentLine(ClosingLesson::tr("A: a normal close, a FIN")),
        {"send", "tcp.send(b'hello')"},
        {"close", "tcp.close()"},
        ListingLine::commentLine(ClosingLesson::tr("B: a FIN, but B still reads")),
        {"shutdown", "tcp.shutdown(socket.SHUT_WR)"},
        {"reply", "while tcp.recv(1024): pass"},
        "tcp.close()",
        ListingLine::commentLine(ClosingLesson::tr("C: an RST instead of a FIN")),
        {"linger", "tcp.setsockopt(SOL_SOCKET, SO_LINGER,"},
        "               struct.pack('ii', 1, 0))",
        "tcp.close()",
        ListingLine::commentLine(ClosingLesson::tr("the server's recv(): b'' after a FIN,")),
        ListingLine::commentLine(ClosingLesson::tr("ConnectionResetError after an RST")),
        {"recv", "msg = con.recv(1024)"},
    };
    return code;
}
} // namespace

LessonScript ClosingLesson::build()
{
    LessonScript script;
    const auto facts = script.makeFacts<ClosingFacts>();
    script.title = tr("Closing: FIN, half-close and reset");
    script.showsTimeWait = true;
    script.listing = listing();
    ServerConfig config = server(Protocol::Tcp, Concurrency::Iterative, 8);
    config.echo = true;
    script.steps = {
        {tr("An echo server and client A"),
         tr("An iterative server that sends every message back. Client A connects, "
            "sends \"hello\" and gets its reply; it stays connected."),
         tr("Sequence diagram: A's message and the server's reply."), ObserveTarget::Diagram,
         "send",
         all({startServer(config), connectClient(kA, Protocol::Tcp, QByteArrayLiteral("hello"))}),
         [](LessonRuntime &rt) {
             return rt.count(LessonRuntime::clientEvent(kA, EventKind::Received)) > 0;
         }},
        {tr("B asks, then half-closes"),
         tr("Client B connects, sends its question and calls shutdown(SHUT_WR): a FIN "
            "that says \"I am done sending\", while B keeps reading. The server is still "
            "busy with A, so B's question and its FIN wait in the backlog."),
         tr("Event log: B's shutdown(SHUT_WR); nothing from B at the server yet."),
         ObserveTarget::Log, "shutdown",
         [](LessonRuntime &rt) {
             rt.connectClient(kB, Protocol::Tcp, rt.serverPort());
             rt.client(kB)->send(QByteArrayLiteral("question?"));
             rt.client(kB)->halfClose();
         },
         [](LessonRuntime &rt) {
             return clientCall(rt, kB, SysCall::Shutdown) >= 0 && rt.msInStep() >= kWaitShownMs;
         }},
        {tr("A closes: recv() returns 0"),
         tr("A calls close(): its system sends a FIN. The server's recv() for A "
            "returns 0, which means \"the other side is done\", not an error. The "
            "server closes its socket for A too."),
         tr("Event log: recv() -> 0 for A, then the server's close()."), ObserveTarget::Log,
         "close", disconnectClient(kA),
         [facts](LessonRuntime &rt) {
             facts->recvZero = serverRecvReturnedZero(rt, kA);
             return facts->recvZero && serverDisconnected(rt, kA);
         }},
        {tr("B still gets its reply"),
         tr("The server accepts B, reads the question and sends the reply, although B "
            "said it was done sending: a half-closed connection still carries data the "
            "other way. Then recv() returns 0 for B's FIN, the server closes, and B's "
            "recv() returns 0 in turn."),
         tr("Sequence diagram: B's reply arrives after B's shutdown()."),
         ObserveTarget::Diagram,
         "reply",
         {},
         [facts](LessonRuntime &rt) {
             if (rt.count(LessonRuntime::clientEvent(kB, EventKind::Disconnected)) == 0)
                 return false;
             const int shutdown = clientCall(rt, kB, SysCall::Shutdown);
             const int reply = rt.indexOf(LessonRuntime::clientEvent(kB, EventKind::Received));
             facts->replyAfterHalfClose = shutdown >= 0 && reply > shutdown;
             return true;
         }},
        {tr("C resets the connection"),
         tr("Client C connects and closes at once with SO_LINGER set to {1, 0}: its "
            "system throws the connection away and sends an RST instead of a FIN. A "
            "program that crashes can cause the same. The server's recv() on that "
            "connection fails with ECONNRESET, \"connection reset by peer\"."),
         tr("Event log: the server's recv() failed: connection reset by peer."), ObserveTarget::Log,
         "linger",
         [](LessonRuntime &rt) {
             rt.connectClient(kC, Protocol::Tcp, rt.serverPort());
             rt.client(kC)->resetConnection();
         },
         [facts](LessonRuntime &rt) {
             facts->resetErrno = serverErrno(rt, kC);
             return facts->resetErrno != 0;
         }},
        {tr("Who waits in TIME_WAIT?"),
         tr("The side that closed first keeps its end in TIME_WAIT for a minute: A, "
            "and B, whose FIN came first. The server closed second, so none of its "
            "sockets wait. After a reset nobody waits: the connection is simply gone."),
         tr("Processes: the TIME_WAIT count, read from the kernel's socket table."),
         ObserveTarget::Processes,
         "close",
         {},
         [facts](LessonRuntime &rt) {
             readTimeWait(rt, *facts);
             return facts->timeWait.contains(kA) && facts->timeWait.contains(kB);
         }},
    };
    script.showsWire = true;
    script.steps[1].wire = tr("shutdown(SHUT_WR) sends a FIN ACK from B: B's direction is "
                              "closed, the server's is still open.");
    script.steps[2].wire = tr("A's close() sends FIN ACK, the server's system ACKs it; the "
                              "server's close() sends its own FIN ACK.");
    script.steps[3].wire = tr("The reply (PSH ACK) reaches B after B's FIN: a half-closed "
                              "connection still carries data the other way.");
    script.steps[4].wire = tr("C's close() with SO_LINGER {1, 0} sends RST, not FIN: no "
                              "goodbye, no TIME_WAIT.");
    script.outcome = [facts](const LessonRuntime &) { return outcomeOf(*facts); };
    return script;
}

LessonScript closingLesson()
{
    return ClosingLesson::build();
}

} // namespace socketlab
