#include "ui/lessons/addressinuselesson.h"

#include "ui/lessons/lessonruntime.h"
#include "core/tcpstatetable.h"

#include <cerrno>

namespace socketlab {

namespace {
ServerConfig config(bool reuse, quint16 port)
{
    ServerConfig c;
    c.port = port;
    c.reuseAddress = reuse;
    return c;
}

bool listeningCount(LessonRuntime &rt, int atLeast)
{
    return rt.count(LessonRuntime::serverEvent(EventKind::Listening)) >= atLeast;
}

// The server stopped first (it closed the connection first), so its side waits in TIME_WAIT.
bool inTimeWait(LessonRuntime &rt, int client, const QString &portFact)
{
    const quint16 port = quint16(rt.fact(portFact).toUInt());
    return rt.count(LessonRuntime::clientEvent(client, EventKind::Disconnected)) > 0
        && TcpStateTable::count(port, TcpStateTable::kTimeWait) > 0;
}

LessonStep restartStep(bool reuse)
{
    LessonStep s;
    s.cLine = 4;
    s.pythonLine = 3;
    s.target = ObserveTarget::Log;
    s.enter = [reuse](LessonRuntime &rt) {
        const QString portFact = reuse ? QStringLiteral("reusePort") : QStringLiteral("plainPort");
        const quint16 port = quint16(rt.fact(portFact).toUInt());
        rt.setFact(QStringLiteral("timeWaitAtRestart"), TcpStateTable::count(port, TcpStateTable::kTimeWait));
        const bool ok = rt.startServer(config(reuse, port));
        rt.setFact(reuse ? QStringLiteral("reuseRestartOk") : QStringLiteral("plainRestartOk"), ok);
    };
    return s;
}
}

QString AddressInUseLesson::title() const
{
    return tr("Address in use: restarting a server");
}

CodeListing AddressInUseLesson::code() const
{
    CodeListing listing;
    listing.c = QStringList{
        QStringLiteral("s = socket(AF_INET, SOCK_STREAM, 0);"),
        QStringLiteral("/* the second server only: */"),
        QStringLiteral("setsockopt(s, SOL_SOCKET, SO_REUSEADDR,"),
        QStringLiteral("           &one, sizeof one);"),
        QStringLiteral("if (bind(s, (void *)&addr, sizeof addr) < 0)"),
        QStringLiteral("  perror(\"bind\");  /* EADDRINUSE */"),
        QStringLiteral("listen(s, 1);"),
        QStringLiteral("c = accept(s, NULL, NULL);"),
        QStringLiteral("close(c);  /* the server closes first */"),
    };
    listing.python = QStringList{
        QStringLiteral("tcp = socket.socket(AF_INET, SOCK_STREAM)"),
        QStringLiteral("# the second server only:"),
        QStringLiteral("tcp.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)"),
        QStringLiteral("tcp.bind(('127.0.0.1', PORT))"),
        QStringLiteral("# -> OSError: Address already in use"),
        QStringLiteral("tcp.listen(1)"),
        QStringLiteral("con, cliente = tcp.accept()"),
        QStringLiteral("con.close()  # the server closes first"),
    };
    return listing;
}

LessonSteps AddressInUseLesson::steps() const
{
    LessonSteps steps;
    LessonStep s;
    s.title = tr("A server without SO_REUSEADDR");
    s.explanation = tr("The server binds its port without setting SO_REUSEADDR, and a client "
                       "connects and sends.");
    s.observe = tr("Event log: no setsockopt() call before bind().");
    s.target = ObserveTarget::Log;
    s.cLine = 4;
    s.pythonLine = 3;
    s.enter = [](LessonRuntime &rt) {
        rt.startServer(config(false, 0));
        rt.setFact(QStringLiteral("plainPort"), rt.serverPort());
        rt.connectClient(1, Protocol::Tcp, rt.serverPort());
        rt.client(1)->send(QByteArrayLiteral("hello"));
    };
    s.settled = [](LessonRuntime &rt) { return rt.dataFrom(1) > 0; };
    steps << s;

    s = LessonStep();
    s.title = tr("Stop the server while the client is connected");
    s.explanation = tr("The server closes the connection first. The side that closes first "
                       "keeps the connection in TIME_WAIT for a minute, so late packets of it "
                       "cannot be mistaken for a new connection on the same port.");
    s.observe = tr("Processes: the TIME_WAIT count for the server's port.");
    s.target = ObserveTarget::Processes;
    s.cLine = 8;
    s.pythonLine = 7;
    s.enter = [](LessonRuntime &rt) { rt.stopServer(); };
    s.settled = [](LessonRuntime &rt) { return inTimeWait(rt, 1, QStringLiteral("plainPort")); };
    steps << s;

    s = restartStep(false);
    s.title = tr("Restart on the same port: bind() fails");
    s.explanation = tr("The restarted server's bind() fails with \"Address already in use\": "
                       "the connection in TIME_WAIT still holds the port.");
    s.observe = tr("Event log: bind() failed: Address already in use.");
    steps << s;

    s = LessonStep();
    s.title = tr("Now with SO_REUSEADDR");
    s.explanation = tr("A server that sets SO_REUSEADDR before bind(), on a new port. A client "
                       "connects and sends, and the server is stopped again while connected.");
    s.observe = tr("Event log: setsockopt(SO_REUSEADDR) before bind(); Processes: TIME_WAIT.");
    s.target = ObserveTarget::Log;
    s.cLine = 2;
    s.pythonLine = 2;
    s.enter = [](LessonRuntime &rt) {
        rt.startServer(config(true, 0));
        rt.setFact(QStringLiteral("reusePort"), rt.serverPort());
        rt.connectClient(2, Protocol::Tcp, rt.serverPort());
        rt.client(2)->send(QByteArrayLiteral("hello"));
    };
    s.settled = [](LessonRuntime &rt) {
        if (rt.dataFrom(2) == 0)
            return false;
        if (rt.server()->isRunning())
            rt.stopServer();
        return inTimeWait(rt, 2, QStringLiteral("reusePort"));
    };
    steps << s;

    s = restartStep(true);
    s.title = tr("Restart with SO_REUSEADDR: it works");
    s.explanation = tr("With SO_REUSEADDR set (on both runs), bind() succeeds although the old "
                       "connection is still in TIME_WAIT. Servers set it so they can restart at once.");
    s.observe = tr("Event log: \"Listening on ...\" again, on the same port.");
    s.settled = [](LessonRuntime &rt) { return listeningCount(rt, 3); };
    steps << s;
    return steps;
}

LessonOutcome AddressInUseLesson::outcome(const LessonRuntime &rt) const
{
    const int failure = rt.indexOf([](const SocketEvent &e) {
        return e.role == Role::Server && e.kind == EventKind::Error && e.call == SysCall::Bind;
    });
    const int errnum = failure >= 0 ? rt.events().at(failure).errnum : 0;
    const bool plainFailed = !rt.fact(QStringLiteral("plainRestartOk")).toBool() && errnum == EADDRINUSE;
    const bool reuseWorked = rt.fact(QStringLiteral("reuseRestartOk")).toBool();
    LessonOutcome outcome;
    outcome.passed = plainFailed && reuseWorked;
    outcome.text = tr("Without SO_REUSEADDR: %1. With it: %2.")
                       .arg(plainFailed ? tr("bind() failed, address in use") : tr("not shown yet"))
                       .arg(reuseWorked ? tr("the restart worked") : tr("not shown yet"));
    return outcome;
}

} // namespace socketlab
