#include "ui/lessons/iterativelesson.h"

#include "ui/lessons/lessonruntime.h"
#include "ui/lessons/recipelisting.h"

namespace socketlab {

namespace {
constexpr int kWaitShownMs = 600;

// Where A's connection ended and where B's first message was logged, in the server's stream.
struct Order
{
    int aLeft = -1;
    int bLogged = -1;
};

Order orderOf(const LessonRuntime &rt)
{
    const auto fromA = rt.fromClient(1);
    const auto fromB = rt.fromClient(2);
    Order order;
    order.aLeft = rt.indexOf([&fromA](const SocketEvent &e) {
        return e.kind == EventKind::Disconnected && fromA(e);
    });
    order.bLogged = rt.indexOf([&fromB](const SocketEvent &e) {
        return e.kind == EventKind::Data && fromB(e);
    });
    return order;
}
}

QString IterativeLesson::title() const
{
    return tr("Iterative TCP server: one client at a time");
}

CodeListing IterativeLesson::code() const
{
    const CodeListing loop = RecipeListing::iterativeServerLoop();
    CodeListing listing;
    listing.c = QStringList{QStringLiteral("listen(s, 1);  /* backlog */")} + loop.c;
    listing.python = QStringList{QStringLiteral("tcp.listen(1)  # backlog")} + loop.python;
    return listing;
}

LessonSteps IterativeLesson::steps() const
{
    LessonSteps steps;
    LessonStep s;
    s.title = tr("An iterative server");
    s.explanation = tr("This server serves one connection at a time, itself: it calls "
                       "accept() again only after the current client has left. listen(s, 1) keeps "
                       "a short queue, the backlog, of connections the system completed for it.");
    s.observe = tr("Event log: \"Listening on ... (TCP, iterative)\".");
    s.target = ObserveTarget::Log;
    s.cLine = 0;
    s.pythonLine = 0;
    s.enter = [](LessonRuntime &rt) {
        ServerConfig config;
        config.port = 0;
        config.concurrency = Concurrency::Iterative;
        config.backlog = 1;
        rt.startServer(config);
    };
    s.settled = [](LessonRuntime &rt) { return rt.count(LessonRuntime::serverEvent(EventKind::Listening)) > 0; };
    steps << s;

    s = LessonStep();
    s.title = tr("Client A connects and sends");
    s.explanation = tr("accept() returns A's connection and the server loops on recv() for A.");
    s.observe = tr("Sequence diagram: A's connect, the accept and A's message.");
    s.target = ObserveTarget::Diagram;
    s.cLine = 3;
    s.pythonLine = 4;
    s.enter = [](LessonRuntime &rt) {
        rt.connectClient(1, Protocol::Tcp, rt.serverPort());
        rt.client(1)->send(QByteArrayLiteral("A: first"));
    };
    s.settled = [](LessonRuntime &rt) { return rt.dataFrom(1) > 0; };
    steps << s;

    s = LessonStep();
    s.title = tr("Client B connects and sends: it waits");
    s.explanation = tr("B's connect() succeeds: the system completes the handshake and puts the "
                       "connection in the backlog. B's send() succeeds too, its bytes wait in the "
                       "system. But the server is busy in recv() for A and does not accept B.");
    s.observe = tr("Sequence diagram: B's message arrow stays open; the event log shows nothing from B.");
    s.target = ObserveTarget::Diagram;
    s.cLine = 3;
    s.pythonLine = 4;
    s.enter = [](LessonRuntime &rt) {
        rt.connectClient(2, Protocol::Tcp, rt.serverPort());
        rt.client(2)->send(QByteArrayLiteral("B: waiting?"));
    };
    s.settled = [](LessonRuntime &rt) {
        return rt.count(LessonRuntime::clientEvent(2, EventKind::Sent)) > 0
            && rt.msInStep() >= kWaitShownMs;
    };
    steps << s;

    s = LessonStep();
    s.title = tr("Client A leaves: now B is served");
    s.explanation = tr("A closes. The server's recv() returns 0, it closes A's socket and goes "
                       "back to accept(), which returns B's connection at once, with B's message "
                       "already waiting.");
    s.observe = tr("Event log: B's message appears right after A's \"Ending connection\" line.");
    s.target = ObserveTarget::Log;
    s.cLine = 2;
    s.pythonLine = 2;
    s.enter = [](LessonRuntime &rt) { rt.client(1)->disconnectFromHost(); };
    s.settled = [](LessonRuntime &rt) { return rt.dataFrom(2) > 0; };
    steps << s;

    s = LessonStep();
    s.title = tr("Client B leaves");
    s.explanation = tr("The server is free again and waits in accept() for the next client.");
    s.observe = tr("Processes: only the server's own thread serves, one client after the other.");
    s.target = ObserveTarget::Processes;
    s.cLine = 5;
    s.pythonLine = 7;
    s.enter = [](LessonRuntime &rt) { rt.client(2)->disconnectFromHost(); };
    s.settled = [](LessonRuntime &rt) {
        return rt.count(LessonRuntime::serverEvent(EventKind::Disconnected)) >= 2;
    };
    steps << s;
    return steps;
}

LessonOutcome IterativeLesson::outcome(const LessonRuntime &rt) const
{
    const Order order = orderOf(rt);
    LessonOutcome outcome;
    outcome.passed = order.aLeft >= 0 && order.bLogged > order.aLeft;
    outcome.text = outcome.passed
        ? tr("B's first message was logged only after A's connection ended.")
        : tr("B's message has not been logged yet since A left.");
    return outcome;
}

} // namespace socketlab
