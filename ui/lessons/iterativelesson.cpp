#include "ui/lessons/lessons.h"

#include "ui/lessons/lessonruntime.h"
#include "ui/lessons/lessonsteps.h"
#include "ui/lessons/recipelisting.h"

#include <QCoreApplication>

namespace socketlab {

using namespace lessonsteps;

// Names the translation context of the lesson's texts.
struct IterativeLesson
{
    static LessonScript build();
    Q_DECLARE_TR_FUNCTIONS(IterativeLesson)
};

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

LessonOutcome outcomeOf(const LessonRuntime &rt)
{
    const Order order = orderOf(rt);
    LessonOutcome outcome;
    outcome.passed = order.aLeft >= 0 && order.bLogged > order.aLeft;
    outcome.text = outcome.passed
        ? IterativeLesson::tr("B's first message was logged only after A's connection ended.")
        : IterativeLesson::tr("B's message has not been logged yet since A left.");
    return outcome;
}
}

LessonScript IterativeLesson::build()
{
    LessonScript script;
    script.title = tr("Iterative TCP server: one client at a time");
    const CodeListing loop = RecipeListing::iterativeServerLoop();
    script.listing.c = ListingLines{{"listen", "listen(s, 1);", tr("backlog: a queue of 1")}} + loop.c;
    script.listing.python = ListingLines{{"listen", "tcp.listen(1)", tr("backlog: a queue of 1")}} + loop.python;
    script.steps = {
        {tr("An iterative server"),
         tr("This server serves one connection at a time, itself: it calls "
            "accept() again only after the current client has left. listen(s, 1) keeps "
            "a short queue, the backlog, of connections the system completed for it."),
         tr("Event log: \"Listening on ... (TCP, iterative)\"."), ObserveTarget::Log, "listen",
         startServer(server(Protocol::Tcp, Concurrency::Iterative, 1)), untilListening()},
        {tr("Client A connects and sends"),
         tr("accept() returns A's connection and the server loops on recv() for A."),
         tr("Sequence diagram: A's connect, the accept and A's message."), ObserveTarget::Diagram,
         "recv", connectClient(1, Protocol::Tcp, QByteArrayLiteral("A: first")), untilDataFrom(1)},
        {tr("Client B connects and sends: it waits"),
         tr("B's connect() succeeds: the system completes the handshake and puts the "
            "connection in the backlog. B's send() succeeds too, its bytes wait in the "
            "system. But the server is busy in recv() for A and does not accept B."),
         tr("Sequence diagram: B's message arrow stays open; the event log shows nothing from B."),
         ObserveTarget::Diagram, "recv", connectClient(2, Protocol::Tcp, QByteArrayLiteral("B: waiting?")),
         untilSentAndQuiet(2, kWaitShownMs)},
        {tr("Client A leaves: now B is served"),
         tr("A closes. The server's recv() returns 0, it closes A's socket and goes "
            "back to accept(), which returns B's connection at once, with B's message "
            "already waiting."),
         tr("Event log: B's message appears right after A's \"Ending connection\" line."),
         ObserveTarget::Log, "accept", disconnectClient(1), untilDataFrom(2)},
        {tr("Client B leaves"),
         tr("The server is free again and waits in accept() for the next client."),
         tr("Processes: only the server's own thread serves, one client after the other."),
         ObserveTarget::Processes, "close", disconnectClient(2),
         untilServerEvent(EventKind::Disconnected, 2)},
    };
    script.outcome = &outcomeOf;
    return script;
}

LessonScript iterativeLesson()
{
    return IterativeLesson::build();
}

} // namespace socketlab
