#include "lessons/lessons.h"

#include "core/tcpstatetable.h"
#include "lessons/kernelsockets.h"
#include "lessons/lessonruntime.h"
#include "lessons/lessonsteps.h"

#include <QCoreApplication>

#include <cerrno>

namespace socketlab {

using namespace lessonsteps;

// Names the translation context of the lesson's texts.
struct AddressInUseLesson
{
    static LessonScript build();
    Q_DECLARE_TR_FUNCTIONS(AddressInUseLesson)
};

namespace {
using Facts = std::shared_ptr<AddressInUseFacts>;

ServerConfig config(bool reuse, quint16 port)
{
    ServerConfig c = server();
    c.port = port;
    c.reuseAddress = reuse;
    return c;
}

quint16 &portOf(AddressInUseFacts &facts, bool reuse)
{
    return reuse ? facts.reusePort : facts.plainPort;
}

// A server on a new port (SO_REUSEADDR or not) and client n connected to it, having sent.
LessonStep::Enter serveClient(const Facts &facts, bool reuse, int n)
{
    return all({startServer(config(reuse, 0)),
                [facts, reuse](LessonRuntime &rt) { portOf(*facts, reuse) = rt.serverPort(); },
                connectClient(n, Protocol::Tcp, QByteArrayLiteral("hello"))});
}

// The server stopped first (it closed the connection first), so its side waits in TIME_WAIT.
bool inTimeWait(LessonRuntime &rt, int client, quint16 port)
{
    return rt.count(LessonRuntime::clientEvent(client, EventKind::Disconnected)) > 0
        && TcpStateTable::count(port, TcpStateTable::kTimeWait, rt.networkHelper()) > 0;
}

// The TIME_WAIT sockets on port as "local - peer", read from the kernel at once (one dump, at
// the moment bind() is about to fail; the kernel view shows the same ones live).
QStringList timeWaitOn(const LessonRuntime &rt, quint16 port)
{
    QList<SocketSnapshot> sockets;
    QString error;
    QStringList found;
    if (!SocketStateReader::read(port, SocketStateReader::TcpOnly, &sockets, &error, false,
                                 rt.network()))
        return found;
    for (const SocketSnapshot &s : KernelSockets::inState(sockets, SocketState::TimeWait)) {
        if (s.localPort == port)
            found << QStringLiteral("%1 - %2").arg(s.local, s.peer);
    }
    return found;
}

// A new server on the port the stopped one left in TIME_WAIT.
LessonStep::Enter restartOnSamePort(const Facts &facts, bool reuse)
{
    return [facts, reuse](LessonRuntime &rt) {
        const quint16 port = portOf(*facts, reuse);
        facts->timeWaitAtRestart
            = TcpStateTable::count(port, TcpStateTable::kTimeWait, rt.networkHelper());
        if (!reuse)
            facts->timeWaitSockets = timeWaitOn(rt, port);
        const bool ok = rt.startServer(config(reuse, port));
        (reuse ? facts->reuseRestartOk : facts->plainRestartOk) = ok;
    };
}

LessonOutcome outcomeOf(const LessonRuntime &rt, const AddressInUseFacts &facts)
{
    const int failure = rt.indexOf([](const SocketEvent &e) {
        return e.role == Role::Server && e.kind == EventKind::Error && e.call == SysCall::Bind;
    });
    const int errnum = failure >= 0 ? rt.events().at(failure).errnum : 0;
    const bool plainFailed = !facts.plainRestartOk && errnum == EADDRINUSE;
    const bool reuseWorked = facts.reuseRestartOk;
    LessonOutcome outcome;
    outcome.passed = plainFailed && reuseWorked && !facts.timeWaitSockets.isEmpty();
    outcome.text = AddressInUseLesson::tr("Without SO_REUSEADDR: %1. With it: %2. In TIME_WAIT on "
                                          "the port at the failed restart: %3.")
                       .arg(plainFailed ? AddressInUseLesson::tr("bind() failed, address in use")
                                        : AddressInUseLesson::tr("not shown yet"))
                       .arg(reuseWorked ? AddressInUseLesson::tr("the restart worked")
                                        : AddressInUseLesson::tr("not shown yet"))
                       .arg(facts.timeWaitSockets.isEmpty()
                                ? AddressInUseLesson::tr("none seen")
                                : facts.timeWaitSockets.join(QStringLiteral(", ")));
    return outcome;
}
} // namespace

LessonScript AddressInUseLesson::build()
{
    LessonScript script;
    const auto facts = script.makeFacts<AddressInUseFacts>();
    script.showsTimeWait = true;
    script.title = tr("Address in use: restarting a server");
    script.listing.c = {
        "s = socket(AF_INET, SOCK_STREAM, 0);",
        ListingLine::commentLine(tr("the second server only:")),
        {"reuse", "setsockopt(s, SOL_SOCKET, SO_REUSEADDR,"},
        "           &one, sizeof one);",
        {"bind", "if (bind(s, (void *)&addr, sizeof addr) < 0)"},
        ListingLine::commentLine(tr("fails: EADDRINUSE")),
        "  perror(\"bind\");",
        "listen(s, 1);",
        "c = accept(s, NULL, NULL);",
        ListingLine::commentLine(tr("the server closes first")),
        {"close", "close(c);"},
    };
    script.listing.python = {
        "tcp = socket.socket(AF_INET, SOCK_STREAM)",
        ListingLine::commentLine(tr("the second server only:")),
        {"reuse", "tcp.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)"},
        {"bind", "tcp.bind(('127.0.0.1', PORT))"},
        ListingLine::commentLine(tr("fails: OSError: Address already in use")),
        "tcp.listen(1)",
        "con, cliente = tcp.accept()",
        ListingLine::commentLine(tr("the server closes first")),
        {"close", "con.close()"},
    };
    script.steps = {
        {tr("A server without SO_REUSEADDR"),
         tr("The server binds its port without setting SO_REUSEADDR, and a client "
            "connects and sends."),
         tr("Event log: no setsockopt() call before bind()."), ObserveTarget::Log, "bind",
         serveClient(facts, false, 1), untilDataFrom(1)},
        {tr("Stop the server while the client is connected"),
         tr("The server closes the connection first. The side that closes first "
            "keeps the connection in TIME_WAIT for a minute, so late packets of it "
            "cannot be mistaken for a new connection on the same port."),
         tr("Kernel: the server's side of the connection, now in TIME_WAIT, with its "
            "countdown; no listening socket is left."),
         ObserveTarget::Kernel, "close", stopServer(),
         [facts](LessonRuntime &rt) { return inTimeWait(rt, 1, facts->plainPort); }},
        {tr("Restart on the same port: bind() fails"),
         tr("The restarted server's bind() fails with \"Address already in use\": "
            "the connection in TIME_WAIT still holds the port, although no program "
            "owns it any more. The kernel view lists it, with the seconds it has left."),
         tr("Event log: bind() failed: Address already in use. Kernel: the TIME_WAIT "
            "socket that holds the port."),
         ObserveTarget::Log,
         "bind",
         restartOnSamePort(facts, false),
         {}},
        {tr("Now with SO_REUSEADDR"),
         tr("A server that sets SO_REUSEADDR before bind(), on a new port. A client "
            "connects and sends, and the server is stopped again while connected."),
         tr("Event log: setsockopt(SO_REUSEADDR) before bind(); Processes: TIME_WAIT."),
         ObserveTarget::Log, "reuse", serveClient(facts, true, 2),
         [facts](LessonRuntime &rt) {
             if (rt.dataFrom(2) == 0)
                 return false;
             if (rt.server()->isRunning())
                 rt.stopServer();
             return inTimeWait(rt, 2, facts->reusePort);
         }},
        {tr("Restart with SO_REUSEADDR: it works"),
         tr("With SO_REUSEADDR set (on both runs), bind() succeeds although the old "
            "connection is still in TIME_WAIT. Servers set it so they can restart at once."),
         tr("Event log: \"Listening on ...\" again, on the same port."), ObserveTarget::Log, "bind",
         restartOnSamePort(facts, true), untilListening(3)},
    };
    script.outcome = [facts](const LessonRuntime &rt) { return outcomeOf(rt, *facts); };
    return script;
}

LessonScript addressInUseLesson()
{
    return AddressInUseLesson::build();
}

} // namespace socketlab
