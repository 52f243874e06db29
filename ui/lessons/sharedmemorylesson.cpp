#include "ui/lessons/sharedmemorylesson.h"

#include "ui/lessons/lessonruntime.h"

#include <algorithm>

namespace socketlab {

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
    ServerConfig config;
    config.port = 0;
    config.concurrency = concurrency;
    config.backlog = 8;
    config.sharedCounter = true;
    return config;
}

void sendFromClients(LessonRuntime &rt, int first)
{
    for (int n = first; n < first + kClients; ++n) {
        rt.connectClient(n, Protocol::Tcp, rt.serverPort());
        rt.client(n)->send(QStringLiteral("hello from %1").arg(QChar(char('A' + n - 1))).toUtf8());
    }
}
}

QString SharedMemoryLesson::title() const
{
    return tr("Threads share memory, forked children do not");
}

CodeListing SharedMemoryLesson::code() const
{
    CodeListing listing;
    listing.c = QStringList{
        QStringLiteral("long counter = 0;"),
        QStringLiteral("void *serve(void *arg) {   /* thread */"),
        QStringLiteral("  recv(c, buf, 1024, 0);"),
        QStringLiteral("  counter++;   /* the one counter */"),
        QStringLiteral("}"),
        QStringLiteral("pthread_create(&t, NULL, serve, &c);"),
        QStringLiteral("/* or */"),
        QStringLiteral("if (fork() == 0) {         /* child */"),
        QStringLiteral("  recv(c, buf, 1024, 0);"),
        QStringLiteral("  counter++;   /* its own copy */"),
        QStringLiteral("  _exit(0);"),
        QStringLiteral("}"),
    };
    listing.python = QStringList{
        QStringLiteral("counter = 0"),
        QStringLiteral("def serve(con):  # thread"),
        QStringLiteral("    global counter"),
        QStringLiteral("    con.recv(1024)"),
        QStringLiteral("    counter += 1  # the one counter"),
        QStringLiteral("threading.Thread(target=serve, args=(con,)).start()"),
        QStringLiteral("# or"),
        QStringLiteral("if os.fork() == 0:  # child"),
        QStringLiteral("    con.recv(1024)"),
        QStringLiteral("    counter += 1  # its own copy"),
        QStringLiteral("    os._exit(0)"),
    };
    return listing;
}

LessonSteps SharedMemoryLesson::steps() const
{
    LessonSteps steps;
    LessonStep s;
    s.title = tr("A thread per connection");
    s.explanation = tr("This server starts a thread for each accepted connection. Each thread, "
                       "on each message, adds one to a counter that lives in the server process.");
    s.observe = tr("Processes: the server process and its accept thread.");
    s.target = ObserveTarget::Processes;
    s.cLine = 5;
    s.pythonLine = 5;
    s.enter = [](LessonRuntime &rt) { rt.startServer(counterConfig(Concurrency::Thread)); };
    s.settled = [](LessonRuntime &rt) { return rt.count(LessonRuntime::serverEvent(EventKind::Listening)) > 0; };
    steps << s;

    s = LessonStep();
    s.title = tr("Three clients, three threads, one counter");
    s.explanation = tr("Three clients send one message each. Three threads with three thread "
                       "ids increment the same variable: it counts 1, 2, 3.");
    s.observe = tr("Event log: \"++counter() -> 1\", 2, 3 from different threads.");
    s.target = ObserveTarget::Log;
    s.cLine = 3;
    s.pythonLine = 4;
    s.enter = [](LessonRuntime &rt) { sendFromClients(rt, 1); };
    s.settled = [](LessonRuntime &rt) {
        const bool done = counterValues(rt, HandlerKind::Thread).size() >= kClients;
        if (done)
            rt.setFact(QStringLiteral("threadCounter"), rt.server()->sharedCounter());
        return done;
    };
    steps << s;

    s = LessonStep();
    s.title = tr("The same with fork()");
    s.explanation = tr("The server restarts in fork mode and three new clients send one message "
                       "each. fork() copies the parent's memory: each child increments its own "
                       "copy, which starts at the parent's value, 0.");
    s.observe = tr("Event log: every child says \"++counter() -> 1\".");
    s.target = ObserveTarget::Log;
    s.cLine = 9;
    s.pythonLine = 9;
    s.enter = [](LessonRuntime &rt) {
        rt.abortClients();
        rt.stopServer();
        rt.startServer(counterConfig(Concurrency::Fork));
        sendFromClients(rt, kClients + 1);
    };
    s.settled = [](LessonRuntime &rt) {
        return counterValues(rt, HandlerKind::Process).size() >= kClients;
    };
    steps << s;

    s = LessonStep();
    s.title = tr("The parent's counter did not move");
    s.explanation = tr("The server process's own counter is still 0: what a child changes stays "
                       "in the child. Processes that must share data need pipes, sockets or "
                       "shared memory set up on purpose.");
    s.observe = tr("Processes: the server process's counter value.");
    s.target = ObserveTarget::Processes;
    s.cLine = 0;
    s.pythonLine = 0;
    steps << s;
    return steps;
}

LessonOutcome SharedMemoryLesson::outcome(const LessonRuntime &rt) const
{
    QList<qint64> threads = counterValues(rt, HandlerKind::Thread);
    std::sort(threads.begin(), threads.end());
    const QList<qint64> children = counterValues(rt, HandlerKind::Process);
    const bool shared = threads == QList<qint64>{1, 2, 3}
        && rt.fact(QStringLiteral("threadCounter")).toLongLong() == kClients;
    const bool copies = children.size() == kClients
        && std::all_of(children.cbegin(), children.cend(), [](qint64 v) { return v == 1; });
    const qint64 parent = rt.server()->sharedCounter();
    LessonOutcome outcome;
    outcome.passed = shared && copies && parent == 0;
    outcome.text = tr("Threads: the server's counter reached %1. Children: each counted to 1; "
                      "the server's counter is %2.")
                       .arg(rt.fact(QStringLiteral("threadCounter")).toLongLong())
                       .arg(parent);
    return outcome;
}

} // namespace socketlab
