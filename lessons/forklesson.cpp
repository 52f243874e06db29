#include "lessons/lessons.h"

#include "core/procstat.h"
#include "lessons/kernelsockets.h"
#include "lessons/lessonruntime.h"
#include "lessons/lessonsteps.h"

#include <QCoreApplication>
#include <QSet>

namespace socketlab {

using namespace lessonsteps;

// Names the translation context of the lesson's texts.
struct ForkLesson
{
    static LessonScript build();
    Q_DECLARE_TR_FUNCTIONS(ForkLesson)
};

namespace {
QList<qint64> childPids(const LessonRuntime &rt)
{
    QList<qint64> pids;
    for (const SocketEvent &e : rt.events()) {
        if (e.role == Role::Server && e.kind == EventKind::Call && e.call == SysCall::Fork
            && e.result > 0) {
            pids << e.result;
        }
    }
    return pids;
}

bool reaped(const LessonRuntime &rt, qint64 pid)
{
    return rt.count([pid](const SocketEvent &e) {
        return e.role == Role::Server && e.kind == EventKind::HandlerExited && e.pid == pid;
    }) > 0;
}

bool isZombie(qint64 pid)
{
    return pid > 0 && ProcStat::process(pid).state == ProcState::Zombie;
}

ServerConfig forkConfig(bool reap)
{
    ServerConfig config = server(Protocol::Tcp, Concurrency::Fork, 8);
    config.reapChildren = reap;
    return config;
}

// A has left: with reaping on its child is reaped, with it off the child stays a zombie.
bool firstChildEnded(LessonRuntime &rt, ForkFacts &facts)
{
    const QList<qint64> pids = childPids(rt);
    if (rt.switchOn()) {
        return !pids.isEmpty() && rt.count([](const SocketEvent &e) {
            return e.role == Role::Server && e.kind == EventKind::HandlerExited;
        }) > 0;
    }
    // A's child: the one whose client left.
    const auto fromA = rt.fromClient(1);
    const int left = rt.indexOf(
        [&fromA](const SocketEvent &e) { return e.kind == EventKind::Disconnected && fromA(e); });
    const qint64 pid = left >= 0 ? rt.events().at(left).pid : 0;
    const bool zombie = isZombie(pid);
    if (zombie)
        facts.firstZombie = pid;
    return zombie;
}

// C's child, of the server that does not reap, has exited and stays a zombie.
bool lastChildIsZombie(LessonRuntime &rt, ForkFacts &facts)
{
    if (rt.dataFrom(3) == 0)
        return false;
    const QList<qint64> pids = childPids(rt);
    const qint64 pid = pids.isEmpty() ? 0 : pids.last();
    const bool zombie = isZombie(pid);
    if (zombie)
        facts.zombie = pid;
    return zombie;
}

LessonOutcome outcomeOf(const LessonRuntime &rt, const ForkFacts &facts)
{
    const QList<qint64> pids = childPids(rt);
    const QSet<qint64> distinct(pids.cbegin(), pids.cend());
    int zombies = 0;
    for (qint64 pid : distinct) {
        if (isZombie(pid))
            ++zombies;
    }
    const bool zombieSeen = facts.zombie > 0;
    LessonOutcome outcome;
    outcome.passed = distinct.size() >= 2 && distinct.size() == pids.size() && zombieSeen
        && zombies == 0 && facts.closeWait;
    outcome.text
        = ForkLesson::tr("%1 child processes with distinct pids; a zombie was seen: %2; "
                         "zombies now: %3; CLOSE_WAIT left by a parent that forgot close(): %4.")
              .arg(distinct.size())
              .arg(zombieSeen ? ForkLesson::tr("yes") : ForkLesson::tr("no"))
              .arg(zombies)
              .arg(facts.closeWait ? ForkLesson::tr("yes") : ForkLesson::tr("no"));
    return outcome;
}
} // namespace

LessonScript ForkLesson::build()
{
    LessonScript script;
    const auto facts = script.makeFacts<ForkFacts>();
    script.title = tr("Fork: a process per connection");
    script.switchText = tr("Reap exited children (waitpid)");
    script.listing.c = {
        "for (;;) {",
        {"accept", "  c = accept(s, NULL, NULL);"},
        "  pid = fork();",
        {"  if (pid == 0) {", tr("child")},
        "    close(s);",
        {"recv", "    while (recv(c, buf, 1024, 0) > 0)"},
        "      ;",
        {"exit", "    _exit(0);"},
        "  }",
        {"parentclose", "  close(c);", tr("parent")},
        "}",
        ListingLine::commentLine(tr("when a child ends:")),
        {"waitpid", "waitpid(pid, &status, 0);"},
    };
    script.listing.python = {
        "while True:",
        {"accept", "    con, cliente = tcp.accept()"},
        "    pid = os.fork()",
        {"    if pid == 0:", tr("child")},
        "        tcp.close()",
        {"recv", "        while con.recv(1024): pass"},
        {"exit", "        os._exit(0)"},
        {"parentclose", "    con.close()", tr("parent")},
        ListingLine::commentLine(tr("when a child ends:")),
        {"waitpid", "os.waitpid(pid, 0)"},
    };
    script.steps = {
        {tr("A forking server"),
         tr("After each accept() the server calls fork(). The child process serves "
            "the client; the parent closes its copy of the connection and only accepts."),
         tr("Processes: one server process, no children yet."), ObserveTarget::Processes, "accept",
         [](LessonRuntime &rt) { rt.startServer(forkConfig(rt.switchOn())); }, untilListening()},
        {tr("Two clients, two child processes"),
         tr("Clients A and B connect and send. Each accepted connection gets its own "
            "child process with its own pid, and both are served at the same time."),
         tr("Processes: two children, each with its own pid and client."), ObserveTarget::Processes,
         "recv",
         all({connectClient(1, Protocol::Tcp, QByteArrayLiteral("A: hello")),
              connectClient(2, Protocol::Tcp, QByteArrayLiteral("B: hello"))}),
         [](LessonRuntime &rt) { return rt.dataFrom(1) > 0 && rt.dataFrom(2) > 0; }},
        {tr("A leaves: its child exits"),
         tr("A closes; its child's recv() returns 0 and the child calls _exit(). The "
            "parent learns it (here: the child's pipe closes) and calls waitpid() for "
            "that pid, which removes the exited child from the process table. With "
            "reaping switched off, it does not, and the child stays a zombie."),
         tr("Processes: A's child is gone (reaped), or a zombie when reaping is off."),
         ObserveTarget::Processes, "waitpid", disconnectClient(1),
         [facts](LessonRuntime &rt) { return firstChildEnded(rt, *facts); }},
        {tr("Reaping off: a zombie"),
         tr("The server restarts with reaping switched off: it does not call waitpid() "
            "when a child ends. Client C connects, sends and leaves. C's child exits, "
            "but its entry stays in the process table as a zombie until the parent "
            "reaps it."),
         tr("Processes: C's child is shown as a zombie."), ObserveTarget::Processes, "exit",
         all({disconnectClient(2), stopServer(), startServer(forkConfig(false)),
              connectClient(3, Protocol::Tcp, QByteArrayLiteral("C: hello")), disconnectClient(3)}),
         [facts](LessonRuntime &rt) { return lastChildIsZombie(rt, *facts); },
         false}, // this step's server does not reap, whatever the switch says
        {tr("Stop: the parent reaps every child"),
         tr("Stopping the server reaps what is left: waitpid() for the zombie. No "
            "exited child may stay a zombie, or the process table fills up."),
         tr("Processes: no zombie is left; event log: the child was reaped."),
         ObserveTarget::Processes, "waitpid", stopServer(),
         [facts](LessonRuntime &rt) { return facts->zombie == 0 || reaped(rt, facts->zombie); },
         false}, // still the server of the step before
        {tr("A parent that forgets close(c)"),
         tr("A new server with a classic bug: after fork() the parent does not close its "
            "copy of the connection. Client E sends and leaves; E's child reads 0, closes "
            "and exits. But the parent's copy keeps the connection open: the server's side "
            "stays in CLOSE_WAIT (the client has closed, the server never will) and E's "
            "side waits in FIN_WAIT2. Each such connection costs the server a descriptor."),
         tr("Kernel: client E in FIN_WAIT2, the server's side in CLOSE_WAIT."),
         ObserveTarget::Kernel, "parentclose", serveForgetfully(Concurrency::Fork, 5),
         [facts](LessonRuntime &rt) {
             facts->closeWait = facts->closeWait || KernelSockets::halfClosed(rt, 5);
             return facts->closeWait;
         }},
    };
    script.outcome = [facts](const LessonRuntime &rt) { return outcomeOf(rt, *facts); };
    return script;
}

LessonScript forkLesson()
{
    return ForkLesson::build();
}

} // namespace socketlab
