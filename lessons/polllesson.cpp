#include "lessons/lessons.h"

#include "lessons/lessonruntime.h"
#include "lessons/lessonsteps.h"

#include <QCoreApplication>
#include <QSet>

namespace socketlab {

using namespace lessonsteps;

// Names the translation context of the lesson's texts.
struct PollLesson
{
    static LessonScript build();
    Q_DECLARE_TR_FUNCTIONS(PollLesson)
};

namespace {
constexpr int kWaitShownMs = 600;
// The same three clients for each server: the first is the slow one. A, B, C for the
// iterative server, D, E, F for the thread server, G, H, I for the poll server.
constexpr int kIterative = 1;
constexpr int kThread = 4;
constexpr int kPoll = 7;

QByteArray greeting(int n)
{
    return QStringLiteral("%1: hello").arg(QChar(char('A' + n - 1))).toUtf8();
}

// The slow client: it connects and starts, but does not finish or leave.
Enter slowClientStarts(int n)
{
    return connectClient(
        n, Protocol::Tcp,
        QStringLiteral("%1: let me think...").arg(QChar(char('A' + n - 1))).toUtf8());
}

Enter othersSend(int first)
{
    return all({connectClient(first + 1, Protocol::Tcp, greeting(first + 1)),
                connectClient(first + 2, Protocol::Tcp, greeting(first + 2))});
}

bool allServed(const LessonRuntime &rt, int first)
{
    return rt.dataFrom(first) > 0 && rt.dataFrom(first + 1) > 0 && rt.dataFrom(first + 2) > 0;
}

// The threads that handled the data of the three clients from first on.
QSet<qint64> handlerThreads(const LessonRuntime &rt, int first)
{
    QSet<qint64> tids;
    for (const SocketEvent &e : rt.events()) {
        if (e.role == Role::Server && e.kind == EventKind::Data && e.clientId >= first
            && e.clientId < first + 3) {
            tids.insert(e.tid);
        }
    }
    return tids;
}

LessonOutcome outcomeOf(const PollFacts &facts)
{
    LessonOutcome outcome;
    outcome.passed = facts.iterativeBlocked && facts.threadHandlers == 3 && facts.pollHandlers == 1
        && facts.pollOnServerThread;
    outcome.text = PollLesson::tr("Iterative: the others waited for the slow client: %1. Thread: "
                                  "%2 threads served three clients. Poll: %3 thread served them.")
                       .arg(facts.iterativeBlocked ? PollLesson::tr("yes") : PollLesson::tr("no"))
                       .arg(facts.threadHandlers)
                       .arg(facts.pollHandlers);
    return outcome;
}

CodeListing listing()
{
    const QString iterative = PollLesson::tr("iterative: one client at a time");
    const QString thread = PollLesson::tr("thread: one thread per client");
    const QString poll = PollLesson::tr("poll: one thread waits for every socket");
    CodeListing code;
    code.c = {
        {"iterative", "", iterative},
        "serve(accept(s, NULL, NULL));",
        {"thread", "", thread},
        "pthread_create(&t, NULL, serve, &c);",
        ListingLine::commentLine(poll),
        "struct pollfd fds[64] = {{s, POLLIN}};",
        "int n = 1;",
        "for (;;) {",
        {"poll", "  poll(fds, n, -1);"},
        "  if (fds[0].revents & POLLIN) {",
        {"accept", "    fds[n].fd = accept(s, NULL, NULL);"},
        "    fds[n++].events = POLLIN;",
        "  }",
        "  for (i = 1; i < n; i++) {",
        "    if (!(fds[i].revents & POLLIN)) continue;",
        {"recv", "    if (recv(fds[i].fd, buf, 1024, 0) <= 0) {"},
        {"close", "      close(fds[i].fd);"},
        {"      fds[i].fd = -1;", PollLesson::tr("poll() skips it")},
        "    }",
        "  }",
        "}",
    };
    code.python = {
        {"iterative", "", iterative},
        "serve(tcp.accept()[0])",
        {"thread", "", thread},
        "Thread(target=serve, args=(con,)).start()",
        ListingLine::commentLine(poll),
        "p = select.poll()",
        "p.register(tcp, select.POLLIN)",
        "socks = {}",
        "while True:",
        {"poll", "    for fd, ev in p.poll():"},
        "        if fd == tcp.fileno():",
        {"accept", "            con, cliente = tcp.accept()"},
        "            p.register(con, select.POLLIN)",
        "            socks[con.fileno()] = con",
        {"recv", "        elif not socks[fd].recv(1024):"},
        "            p.unregister(fd)",
        {"close", "            socks.pop(fd).close()"},
    };
    return code;
}
} // namespace

LessonScript PollLesson::build()
{
    LessonScript script;
    const auto facts = script.makeFacts<PollFacts>();
    script.title = tr("One thread, many clients: poll()");
    script.listing = listing();
    script.steps = {
        {tr("An iterative server and a slow client"),
         tr("The iterative server again. Client A connects and starts its request, "
            "then takes its time: it neither finishes nor leaves. The server sits in "
            "recv() for A."),
         tr("Event log: A's first message; the server is busy with A."), ObserveTarget::Log,
         "iterative",
         all({startServer(server(Protocol::Tcp, Concurrency::Iterative, 8)),
              slowClientStarts(kIterative)}),
         untilDataFrom(kIterative)},
        {tr("B and C wait behind the slow client"),
         tr("B and C connect and send. The system completes their connections, but "
            "the server does not accept them while A is still there: one slow client "
            "holds up everyone."),
         tr("Sequence diagram: B's and C's messages stay open; nothing from them in the log."),
         ObserveTarget::Diagram, "iterative", othersSend(kIterative),
         [facts](LessonRuntime &rt) {
             if (rt.count(LessonRuntime::clientEvent(kIterative + 1, EventKind::Sent)) == 0
                 || rt.count(LessonRuntime::clientEvent(kIterative + 2, EventKind::Sent)) == 0
                 || rt.msInStep() < kWaitShownMs) {
                 return false;
             }
             facts->iterativeBlocked
                 = rt.dataFrom(kIterative + 1) == 0 && rt.dataFrom(kIterative + 2) == 0;
             return true;
         }},
        {tr("A thread per client"),
         tr("The server restarts with a thread per connection, and the same three "
            "clients come again as D (slow), E and F. Each gets its own thread: E and F "
            "are served at once, while D's thread waits in recv() for D."),
         tr("Processes: a handler thread for each of D, E and F."), ObserveTarget::Processes,
         "thread",
         all({restartServer(server(Protocol::Tcp, Concurrency::Thread, 8)),
              slowClientStarts(kThread), othersSend(kThread)}),
         [facts](LessonRuntime &rt) {
             if (!allServed(rt, kThread))
                 return false;
             facts->threadHandlers = int(handlerThreads(rt, kThread).size());
             return true;
         }},
        {tr("One thread for everyone: poll()"),
         tr("Now the server runs one thread that calls poll() on the listening socket "
            "and every connection at once. poll() returns the descriptors that are "
            "ready; the server accepts or reads only those, so it never waits for one "
            "client. G (slow), H and I are all served by that one thread."),
         tr("Processes: one server thread, no handler threads; event log: every line "
            "has the same thread id."),
         ObserveTarget::Processes, "poll",
         all({restartServer(server(Protocol::Tcp, Concurrency::Poll, 8)), slowClientStarts(kPoll),
              othersSend(kPoll)}),
         [facts](LessonRuntime &rt) {
             if (!allServed(rt, kPoll))
                 return false;
             const QSet<qint64> tids = handlerThreads(rt, kPoll);
             facts->pollHandlers = int(tids.size());
             facts->pollOnServerThread
                 = tids.size() == 1 && tids.contains(rt.server()->workerThreadId());
             return true;
         }},
        {tr("poll() says who is ready"),
         tr("H and I leave, then G finally finishes and leaves. Each time poll() "
            "returns, it says which descriptor is ready; recv() on it cannot block. "
            "recv() returns 0 when a client has closed, and the server closes that "
            "socket and stops watching it."),
         tr("Event log: \"poll(...) -> 1 ready: fd N readable\" before each recv()."),
         ObserveTarget::Log, "recv",
         all({disconnectClient(kPoll + 1), disconnectClient(kPoll + 2),
              clientSends(kPoll, QByteArrayLiteral("G: done")), disconnectClient(kPoll)}),
         [](LessonRuntime &rt) {
             const auto left = [&rt](int n) {
                 const auto from = rt.fromClient(n);
                 return rt.count([&from](const SocketEvent &e) {
                     return e.kind == EventKind::Disconnected && from(e);
                 }) > 0;
             };
             return left(kPoll) && left(kPoll + 1) && left(kPoll + 2);
         }},
    };
    script.outcome = [facts](const LessonRuntime &) { return outcomeOf(*facts); };
    return script;
}

LessonScript pollLesson()
{
    return PollLesson::build();
}

} // namespace socketlab
