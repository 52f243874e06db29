#include "lessons/lessons.h"

#include "lessons/kernelsockets.h"
#include "lessons/lessonruntime.h"
#include "lessons/lessonsteps.h"
#include "lessons/recipelisting.h"

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
    order.aLeft = rt.indexOf(
        [&fromA](const SocketEvent &e) { return e.kind == EventKind::Disconnected && fromA(e); });
    order.bLogged = rt.indexOf(
        [&fromB](const SocketEvent &e) { return e.kind == EventKind::Data && fromB(e); });
    return order;
}

// B and C wait in a full accept queue (backlog + 1 on Linux) and D's SYN finds no room: D's
// socket stays in SYN_SENT, its kernel sending the SYN again later.
bool queueOverflowed(LessonRuntime &rt, IterativeFacts &facts)
{
    const QList<SocketSnapshot> &sockets = rt.kernelSockets();
    const SocketSnapshot listener = KernelSockets::listener(sockets, rt.serverPort());
    facts.acceptQueue = qMax(facts.acceptQueue, listener.recvQ);
    facts.backlog = listener.sendQ;
    for (int n : {2, 3}) {
        const SocketSnapshot waiting = KernelSockets::serverSide(rt, sockets, n);
        facts.waitingInBacklog[n - 2]
            = waiting.state == SocketState::Established && !waiting.accepted();
    }
    // D only once C is queued, so that it is D's SYN that finds the queue full.
    if (facts.waitingInBacklog[1] && !rt.clientNumbers().contains(4))
        rt.connectClient(4, Protocol::Tcp, rt.serverPort());
    for (const SocketSnapshot &s : KernelSockets::inState(sockets, SocketState::SynSent)) {
        if (s.peerPort == rt.serverPort())
            facts.synSent = true;
    }
    return facts.synSent && facts.waitingInBacklog[0] && facts.waitingInBacklog[1]
        && rt.msInStep() >= kWaitShownMs;
}

LessonOutcome outcomeOf(const LessonRuntime &rt, const IterativeFacts &facts)
{
    const Order order = orderOf(rt);
    LessonOutcome outcome;
    const bool served = order.aLeft >= 0 && order.bLogged > order.aLeft;
    const bool overflowed
        = facts.synSent && facts.backlog >= 0 && facts.acceptQueue == facts.backlog + 1;
    outcome.passed = served && overflowed;
    outcome.text
        = (served ? IterativeLesson::tr(
               "B's first message was logged only after A's connection ended.")
                  : IterativeLesson::tr("B's message has not been logged yet since A left."))
        + QLatin1Char(' ')
        + IterativeLesson::tr("Backlog %1: the accept queue held %2; a SYN that found it full "
                              "was ignored: %3.")
              .arg(facts.backlog)
              .arg(facts.acceptQueue)
              .arg(facts.synSent ? IterativeLesson::tr("yes") : IterativeLesson::tr("no"));
    return outcome;
}
} // namespace

LessonScript IterativeLesson::build()
{
    LessonScript script;
    const auto facts = script.makeFacts<IterativeFacts>();
    script.title = tr("Iterative TCP server: one client at a time");
    const CodeListing loop = RecipeListing::iterativeServerLoop();
    script.listing.c
        = ListingLines {{"listen", "listen(s, 1);", tr("backlog: a queue of 1")}} + loop.c;
    script.listing.python
        = ListingLines {{"listen", "tcp.listen(1)", tr("backlog: a queue of 1")}} + loop.python;
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
         ObserveTarget::Diagram, "recv",
         connectClient(2, Protocol::Tcp, QByteArrayLiteral("B: waiting?")),
         untilSentAndQuiet(2, kWaitShownMs)},
        {tr("C and D connect: the backlog overflows"),
         tr("C connects and sends: its connection waits in the backlog after B's. "
            "With listen(s, 1) Linux queues backlog + 1 = 2 completed connections, so "
            "the queue is now full. D's SYN finds no room: the server's kernel ignores "
            "it (no reply, no refusal), and D's kernel sends the SYN again after 1 s, "
            "3 s, 7 s... until there is room or connect() gives up."),
         tr("Kernel: accept queue 2 of backlog 1; B and C wait in the backlog; D is in "
            "SYN_SENT."),
         ObserveTarget::Kernel, "listen",
         connectClient(3, Protocol::Tcp, QByteArrayLiteral("C: me too")),
         [facts](LessonRuntime &rt) { return queueOverflowed(rt, *facts); }},
        {tr("Client A leaves: now B is served"),
         tr("A closes. The server's recv() returns 0, it closes A's socket and goes "
            "back to accept(), which returns B's connection at once, with B's message "
            "already waiting. That makes room in the queue: D's next SYN gets in."),
         tr("Event log: B's message appears right after A's \"Ending connection\" line."),
         ObserveTarget::Log, "accept", disconnectClient(1), untilDataFrom(2)},
        {tr("B, C and D leave"),
         tr("B and C close, and D gives up. The server serves what C sent, one client "
            "after the other, and waits in accept() again."),
         tr("Processes: only the server's own thread serves, one client after the other."),
         ObserveTarget::Processes, "close",
         all({disconnectClient(2), disconnectClient(3),
              [](LessonRuntime &rt) { rt.client(4)->abort(); }}),
         untilServerEvent(EventKind::Disconnected, 3)},
    };
    script.outcome = [facts](const LessonRuntime &rt) { return outcomeOf(rt, *facts); };
    return script;
}

LessonScript iterativeLesson()
{
    return IterativeLesson::build();
}

} // namespace socketlab
