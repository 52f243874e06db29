#include "ui/lessons/forklesson.h"

#include "ui/lessons/lessonruntime.h"
#include "core/procstat.h"

#include <QSet>

namespace socketlab {

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

ServerConfig forkConfig(bool reap)
{
    ServerConfig config;
    config.port = 0;
    config.concurrency = Concurrency::Fork;
    config.backlog = 8;
    config.reapChildren = reap;
    return config;
}
}

QString ForkLesson::title() const
{
    return tr("Fork: a process per connection");
}

CodeListing ForkLesson::code() const
{
    CodeListing listing;
    listing.c = QStringList{
        QStringLiteral("for (;;) {"),
        QStringLiteral("  c = accept(s, NULL, NULL);"),
        QStringLiteral("  pid = fork();"),
        QStringLiteral("  if (pid == 0) {        /* child */"),
        QStringLiteral("    close(s);"),
        QStringLiteral("    while (recv(c, buf, 1024, 0) > 0)"),
        QStringLiteral("      ;"),
        QStringLiteral("    _exit(0);"),
        QStringLiteral("  }"),
        QStringLiteral("  close(c);              /* parent */"),
        QStringLiteral("}"),
        QStringLiteral("/* when a child ends: */"),
        QStringLiteral("waitpid(pid, &status, 0);"),
    };
    listing.python = QStringList{
        QStringLiteral("while True:"),
        QStringLiteral("    con, cliente = tcp.accept()"),
        QStringLiteral("    pid = os.fork()"),
        QStringLiteral("    if pid == 0:  # child"),
        QStringLiteral("        tcp.close()"),
        QStringLiteral("        while con.recv(1024): pass"),
        QStringLiteral("        os._exit(0)"),
        QStringLiteral("    con.close()   # parent"),
        QStringLiteral("# when a child ends:"),
        QStringLiteral("os.waitpid(pid, 0)"),
    };
    return listing;
}

QString ForkLesson::switchText() const
{
    return tr("Reap exited children (waitpid)");
}

LessonSteps ForkLesson::steps() const
{
    LessonSteps steps;
    LessonStep s;
    s.title = tr("A forking server");
    s.explanation = tr("After each accept() the server calls fork(). The child process serves "
                       "the client; the parent closes its copy of the connection and only accepts.");
    s.observe = tr("Processes: one server process, no children yet.");
    s.target = ObserveTarget::Processes;
    s.cLine = 1;
    s.pythonLine = 1;
    s.enter = [](LessonRuntime &rt) { rt.startServer(forkConfig(rt.switchOn())); };
    s.settled = [](LessonRuntime &rt) { return rt.count(LessonRuntime::serverEvent(EventKind::Listening)) > 0; };
    steps << s;

    s = LessonStep();
    s.title = tr("Two clients, two child processes");
    s.explanation = tr("Clients A and B connect and send. Each accepted connection gets its own "
                       "child process with its own pid, and both are served at the same time.");
    s.observe = tr("Processes: two children, each with its own pid and client.");
    s.target = ObserveTarget::Processes;
    s.cLine = 5;
    s.pythonLine = 5;
    s.enter = [](LessonRuntime &rt) {
        for (int n : {1, 2}) {
            rt.connectClient(n, Protocol::Tcp, rt.serverPort());
            rt.client(n)->send(n == 1 ? QByteArrayLiteral("A: hello") : QByteArrayLiteral("B: hello"));
        }
    };
    s.settled = [](LessonRuntime &rt) { return rt.dataFrom(1) > 0 && rt.dataFrom(2) > 0; };
    steps << s;

    s = LessonStep();
    s.title = tr("A leaves: its child exits");
    s.explanation = tr("A closes; its child's recv() returns 0 and the child calls _exit(). The "
                       "parent learns it (here: the child's pipe closes) and calls waitpid() for "
                       "that pid, which removes the exited child from the process table. With "
                       "reaping switched off, it does not, and the child stays a zombie.");
    s.observe = tr("Processes: A's child is gone (reaped), or a zombie when reaping is off.");
    s.target = ObserveTarget::Processes;
    s.cLine = 12;
    s.pythonLine = 9;
    s.enter = [](LessonRuntime &rt) { rt.client(1)->disconnectFromHost(); };
    s.settled = [](LessonRuntime &rt) {
        const QList<qint64> pids = childPids(rt);
        if (rt.switchOn()) {
            return !pids.isEmpty() && rt.count([](const SocketEvent &e) {
                return e.role == Role::Server && e.kind == EventKind::HandlerExited;
            }) > 0;
        }
        // A's child: the one whose client left.
        const auto fromA = rt.fromClient(1);
        const int left = rt.indexOf([&fromA](const SocketEvent &e) {
            return e.kind == EventKind::Disconnected && fromA(e);
        });
        const qint64 pid = left >= 0 ? rt.events().at(left).pid : 0;
        const bool zombie = pid > 0 && ProcStat::process(pid).state == ProcState::Zombie;
        if (zombie)
            rt.setFact(QStringLiteral("firstZombie"), pid);
        return zombie;
    };
    steps << s;

    s = LessonStep();
    s.title = tr("Reaping off: a zombie");
    s.explanation = tr("The server restarts with reaping switched off: it does not call waitpid() "
                       "when a child ends. Client C connects, sends and leaves. C's child exits, "
                       "but its entry stays in the process table as a zombie until the parent "
                       "reaps it.");
    s.observe = tr("Processes: C's child is shown as a zombie.");
    s.target = ObserveTarget::Processes;
    s.cLine = 7;
    s.pythonLine = 6;
    s.enter = [](LessonRuntime &rt) {
        rt.client(2)->disconnectFromHost();
        rt.stopServer();
        rt.startServer(forkConfig(false));
        rt.connectClient(3, Protocol::Tcp, rt.serverPort());
        rt.client(3)->send(QByteArrayLiteral("C: hello"));
        rt.client(3)->disconnectFromHost();
    };
    s.settled = [](LessonRuntime &rt) {
        if (rt.dataFrom(3) == 0)
            return false;
        const QList<qint64> pids = childPids(rt);
        const qint64 pid = pids.isEmpty() ? 0 : pids.last();
        const bool zombie = pid > 0 && ProcStat::process(pid).state == ProcState::Zombie;
        if (zombie)
            rt.setFact(QStringLiteral("zombie"), pid);
        return zombie;
    };
    steps << s;

    s = LessonStep();
    s.title = tr("Stop: the parent reaps every child");
    s.explanation = tr("Stopping the server reaps what is left: waitpid() for the zombie. No "
                       "exited child may stay a zombie, or the process table fills up.");
    s.observe = tr("Processes: no zombie is left; event log: the child was reaped.");
    s.target = ObserveTarget::Processes;
    s.cLine = 12;
    s.pythonLine = 9;
    s.enter = [](LessonRuntime &rt) { rt.stopServer(); };
    s.settled = [](LessonRuntime &rt) {
        const qint64 zombie = rt.fact(QStringLiteral("zombie")).toLongLong();
        return zombie == 0 || reaped(rt, zombie);
    };
    steps << s;
    return steps;
}

LessonOutcome ForkLesson::outcome(const LessonRuntime &rt) const
{
    const QList<qint64> pids = childPids(rt);
    const QSet<qint64> distinct(pids.cbegin(), pids.cend());
    int zombies = 0;
    for (qint64 pid : distinct) {
        if (ProcStat::process(pid).state == ProcState::Zombie)
            ++zombies;
    }
    const bool zombieSeen = rt.fact(QStringLiteral("zombie")).toLongLong() > 0;
    LessonOutcome outcome;
    outcome.passed = distinct.size() >= 2 && distinct.size() == pids.size() && zombieSeen
        && zombies == 0;
    outcome.text = tr("%1 child processes with distinct pids; a zombie was seen: %2; "
                      "zombies now: %3.")
                       .arg(distinct.size())
                       .arg(zombieSeen ? tr("yes") : tr("no"))
                       .arg(zombies);
    return outcome;
}

} // namespace socketlab
