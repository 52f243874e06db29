#include "lessons/lessons.h"

#include "lessons/kernelsockets.h"
#include "lessons/lessonruntime.h"
#include "lessons/lessonsteps.h"

#include <QCoreApplication>

#include <algorithm>

namespace socketlab {

using namespace lessonsteps;

// Names the translation context of the lesson's texts.
struct SharedMemoryLesson
{
    static LessonScript build();
    Q_DECLARE_TR_FUNCTIONS(SharedMemoryLesson)
};

namespace {
constexpr int kClients = 3;

QList<qint64> counterValues(const LessonRuntime &rt, HandlerKind handler)
{
    QList<qint64> values;
    for (const SocketEvent &e : rt.events()) {
        if (e.role == Role::Server && e.kind == EventKind::CounterIncremented
            && e.handler == handler) {
            values << e.result;
        }
    }
    return values;
}

ServerConfig counterConfig(Concurrency concurrency)
{
    ServerConfig config = server(Protocol::Tcp, concurrency, 8);
    config.sharedCounter = true;
    return config;
}

// Clients first .. first + kClients - 1 connect and send one message each.
LessonStep::Enter sendFromClients(int first)
{
    return [first](LessonRuntime &rt) {
        for (int n = first; n < first + kClients; ++n) {
            rt.connectClient(n, Protocol::Tcp, rt.serverPort());
            rt.client(n)->send(
                QStringLiteral("hello from %1").arg(QChar(char('A' + n - 1))).toUtf8());
        }
    };
}

LessonOutcome outcomeOf(const LessonRuntime &rt, const SharedMemoryFacts &facts)
{
    QList<qint64> threads = counterValues(rt, HandlerKind::Thread);
    std::sort(threads.begin(), threads.end());
    const QList<qint64> children = counterValues(rt, HandlerKind::Process);
    const bool shared = threads == QList<qint64> {1, 2, 3} && facts.threadCounter == kClients;
    const bool copies = children.size() == kClients
        && std::all_of(children.cbegin(), children.cend(), [](qint64 v) { return v == 1; });
    const qint64 parent = facts.parentCounter;
    LessonOutcome outcome;
    outcome.passed = shared && copies && parent == 0 && facts.closeWait;
    outcome.text
        = SharedMemoryLesson::tr(
              "Threads: the server's counter reached %1. Children: each counted to 1; "
              "the server's counter is %2. CLOSE_WAIT left by a thread that forgot close(): %3.")
              .arg(facts.threadCounter)
              .arg(parent)
              .arg(facts.closeWait ? SharedMemoryLesson::tr("yes") : SharedMemoryLesson::tr("no"));
    return outcome;
}
} // namespace

LessonScript SharedMemoryLesson::build()
{
    LessonScript script;
    const auto facts = script.makeFacts<SharedMemoryFacts>();
    script.title = tr("Threads share memory, forked children do not");
    script.listing.c = {
        {"counter", "long counter = 0;"},
        ListingLine::commentLine(tr("runs in a thread")),
        "void *serve(void *arg) {",
        "  recv(c, buf, 1024, 0);",
        {"threadIncrement", "  counter++;", tr("the one counter")},
        "}",
        {"thread", "pthread_create(&t, NULL, serve, &c);"},
        ListingLine::commentLine(tr("or")),
        ListingLine::commentLine(tr("child")),
        "if (fork() == 0) {",
        "  recv(c, buf, 1024, 0);",
        {"childIncrement", "  counter++;", tr("its own copy")},
        "  _exit(0);",
        "}",
    };
    script.listing.python = {
        {"counter", "counter = 0"},
        {"def serve(con):", tr("runs in a thread")},
        "    global counter",
        "    con.recv(1024)",
        {"threadIncrement", "    counter += 1", tr("the one counter")},
        {"thread", "t = threading.Thread(target=serve,"},
        "                     args=(con,))",
        "t.start()",
        ListingLine::commentLine(tr("or")),
        {"if os.fork() == 0:", tr("child")},
        "    con.recv(1024)",
        {"childIncrement", "    counter += 1", tr("its own copy")},
        "    os._exit(0)",
    };
    script.steps = {
        {tr("A thread per connection"),
         tr("This server starts a thread for each accepted connection. Each thread, "
            "on each message, adds one to a counter that lives in the server process."),
         tr("Processes: the server process and its accept thread."), ObserveTarget::Processes,
         "thread", startServer(counterConfig(Concurrency::Thread)), untilListening()},
        {tr("Three clients, three threads, one counter"),
         tr("Three clients send one message each. Three threads with three thread "
            "ids increment the same variable: it counts 1, 2, 3."),
         tr("Event log: \"++counter() -> 1\", 2, 3 from different threads."), ObserveTarget::Log,
         "threadIncrement", sendFromClients(1),
         [facts](LessonRuntime &rt) {
             const bool done = counterValues(rt, HandlerKind::Thread).size() >= kClients;
             if (done)
                 facts->threadCounter = rt.server()->sharedCounter();
             return done;
         }},
        {tr("The same with fork()"),
         tr("The server restarts in fork mode and three new clients send one message "
            "each. fork() copies the parent's memory: each child increments its own "
            "copy, which starts at the parent's value, 0."),
         tr("Event log: every child says \"++counter() -> 1\"."), ObserveTarget::Log,
         "childIncrement",
         all({restartServer(counterConfig(Concurrency::Fork)), sendFromClients(kClients + 1)}),
         [](LessonRuntime &rt) {
             return counterValues(rt, HandlerKind::Process).size() >= kClients;
         }},
        {tr("The parent's counter did not move"),
         tr("The server process's own counter is still 0: what a child changes stays "
            "in the child. Processes that must share data need pipes, sockets or "
            "shared memory set up on purpose."),
         tr("Processes: the server process's counter value."),
         ObserveTarget::Processes,
         "counter",
         {},
         [facts](LessonRuntime &rt) {
             facts->parentCounter = rt.server()->sharedCounter();
             return true;
         }},
        {tr("Threads share descriptors too"),
         tr("A thread server with a bug: the handler thread forgets close() when its "
            "client leaves. The thread ends, but the descriptor belongs to the whole "
            "process and stays open. Client G sends and leaves: G's side waits in "
            "FIN_WAIT2 and the server's side stays in CLOSE_WAIT until the server stops."),
         tr("Kernel: client G in FIN_WAIT2, the server's side in CLOSE_WAIT."),
         ObserveTarget::Kernel, "thread", serveForgetfully(Concurrency::Thread, 7),
         [facts](LessonRuntime &rt) {
             facts->closeWait = facts->closeWait || KernelSockets::halfClosed(rt, 7);
             return facts->closeWait;
         }},
    };
    script.outcome = [facts](const LessonRuntime &rt) { return outcomeOf(rt, *facts); };
    return script;
}

LessonScript sharedMemoryLesson()
{
    return SharedMemoryLesson::build();
}

} // namespace socketlab
