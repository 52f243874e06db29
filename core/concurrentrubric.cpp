#include "core/concurrentrubric.h"

#include "core/private/rubrictrace.h"

#include <QSet>

namespace socketlab {

CheckItems ConcurrentRubric::forking(const RubricTrace &trace)
{
    const CheckRun &run = trace.run();
    CheckItems items;
    const QString childId = QStringLiteral("child-closes-listener");
    const QString parentId = QStringLiteral("parent-closes-connection");
    const QString reapId = QStringLiteral("children-reaped");
    if (run.exercise != Exercise::TcpServerFork) {
        const QString why = tr("Only for a server that forks a child per client.");
        return {RubricTrace::notApplicable(childId, why), RubricTrace::notApplicable(parentId, why),
                RubricTrace::notApplicable(reapId, why)};
    }
    const int end = run.stopIndex > 0 ? run.stopIndex : int(run.events.size());
    const QList<int> listens = trace.calls(SysCall::Listen);
    const int listener = listens.isEmpty() ? -1 : RubricTrace::fdOf(run.events.at(listens.first()));
    const QList<int> forks = trace.calls(SysCall::Fork, [&run](const SocketEvent &event) {
        return event.pid == run.programPid && event.result > 0;
    });
    const QString noFork = RubricTrace::withChange(
        tr("The server never called fork()."),
        tr("after accept(), fork(): the child serves the client, the parent goes back to "
           "accept()."));
    if (forks.isEmpty())
        return {RubricTrace::fail(childId, noFork), RubricTrace::fail(parentId, noFork),
                RubricTrace::fail(reapId, noFork)};

    // Children that served a client: they read from one of SocketLab's clients.
    QSet<qint64> serving;
    for (int client = 0; client < run.clients.size(); ++client) {
        for (int i : trace.readsFrom(client)) {
            if (run.events.at(i).pid != run.programPid)
                serving.insert(run.events.at(i).pid);
        }
    }
    Evidence childEvidence;
    int closing = 0;
    for (qint64 child : std::as_const(serving)) {
        const QList<int> closes
            = trace.calls(SysCall::Close, [child, listener](const SocketEvent &event) {
                  return event.pid == child && RubricTrace::fdOf(event) == listener;
              });
        if (!closes.isEmpty()) {
            ++closing;
            childEvidence << RubricTrace::evidence(run.events.at(closes.first()));
        }
    }
    if (!serving.isEmpty() && closing == serving.size())
        items << RubricTrace::pass(
            childId,
            tr("Each child closes its copy of the listening socket (fd %1).").arg(listener),
            childEvidence);
    else
        items << RubricTrace::fail(
            childId,
            RubricTrace::withChange(
                tr("Of the %n child process(es) that served a client, %1 closed the listening "
                   "socket (fd %2).",
                   "", int(serving.size()))
                    .arg(closing)
                    .arg(listener),
                tr("in the child, right after fork(), close the listening socket (the recipe's "
                   "tcp.close()): the child never accepts.")),
            childEvidence);

    // The parent closes its copy of each accepted connection after fork().
    Evidence parentEvidence;
    int closedCopies = 0;
    for (int f : forks) {
        int accepted = -1;
        for (int i = f - 1; i >= 0; --i) {
            const SocketEvent &event = run.events.at(i);
            if (RubricTrace::isCall(event, SysCall::Accept) && event.pid == run.programPid
                && event.result >= 0) {
                accepted = int(event.result);
                break;
            }
        }
        for (int i = f + 1; i < end; ++i) {
            const SocketEvent &event = run.events.at(i);
            if (event.pid != run.programPid)
                continue;
            if (RubricTrace::isCall(event, SysCall::Accept))
                break;
            if (RubricTrace::isCall(event, SysCall::Close)
                && RubricTrace::fdOf(event) == accepted) {
                ++closedCopies;
                parentEvidence << RubricTrace::evidence(event);
                break;
            }
        }
    }
    if (closedCopies == forks.size())
        items << RubricTrace::pass(
            parentId, tr("After each fork() the parent closes its copy of the connection."),
            parentEvidence);
    else
        items << RubricTrace::fail(
            parentId,
            RubricTrace::withChange(
                tr("The parent closed its copy of the connection after %1 of its %n fork() "
                   "call(s).",
                   "", int(forks.size()))
                    .arg(closedCopies),
                tr("in the parent, close the accepted connection right after fork() (the recipe's "
                   "con.close()): the child has its own copy.")),
            parentEvidence);

    // Reaping: no child left a zombie once the clients had gone.
    QList<qint64> zombies;
    Evidence zombieEvidence;
    for (int i = 0; i < end; ++i) {
        const SocketEvent &event = run.events.at(i);
        if (event.kind != EventKind::Process)
            continue;
        if (event.processChange == ProcessChange::Zombie && !zombies.contains(event.pid))
            zombies << event.pid;
        else if (event.processChange == ProcessChange::Reaped)
            zombies.removeAll(event.pid);
    }
    for (int i = 0; i < end; ++i) {
        const SocketEvent &event = run.events.at(i);
        if (event.kind == EventKind::Process && event.processChange == ProcessChange::Zombie
            && zombies.contains(event.pid))
            zombieEvidence << RubricTrace::evidence(event);
    }
    if (zombies.isEmpty())
        items << RubricTrace::pass(
            reapId, tr("Every child that ended was reaped (waitpid): no zombies are left."));
    else
        items << RubricTrace::fail(
            reapId,
            RubricTrace::withChange(
                tr("The server works, but it never reaped %n child process(es) that ended, so "
                   "zombies stay while the server runs. The recipe's own fork server has the "
                   "same gap: it never calls waitpid().",
                   "", int(zombies.size())),
                tr("reap the children that ended: before each accept(), call waitpid(-1, WNOHANG) "
                   "in a loop until it returns 0 (os.waitpid(-1, os.WNOHANG) in Python), or ignore "
                   "SIGCHLD.")),
            zombieEvidence);
    return items;
}

CheckItems ConcurrentRubric::threading(const RubricTrace &trace)
{
    const CheckRun &run = trace.run();
    const QString perId = QStringLiteral("thread-per-connection");
    const QString endId = QStringLiteral("threads-end");
    if (run.exercise != Exercise::TcpServerThread) {
        const QString why = tr("Only for a server that starts a thread per client.");
        return {RubricTrace::notApplicable(perId, why), RubricTrace::notApplicable(endId, why)};
    }
    CheckItems items;
    QList<qint64> readers;
    Evidence evidence;
    for (int client = 0; client < run.clients.size(); ++client) {
        const QList<int> reads = trace.readsFrom(client);
        if (reads.isEmpty())
            continue;
        readers << run.events.at(reads.first()).tid;
        evidence << RubricTrace::evidence(run.events.at(reads.first()));
    }
    QSet<qint64> distinct(readers.begin(), readers.end());
    const bool perConnection = readers.size() >= 2 && distinct.size() == readers.size()
        && !distinct.contains(run.programPid);
    if (perConnection)
        items << RubricTrace::pass(perId, tr("Each connection is served by a thread of its own."),
                                   evidence);
    else
        items << RubricTrace::fail(
            perId,
            RubricTrace::withChange(
                tr("The connections read (%1) were read by %n thread(s): not one thread of its "
                   "own per connection.",
                   "", int(distinct.size()))
                    .arg(readers.size()),
                tr("after accept(), start a thread for that connection and do its recv() there "
                   "(threading.Thread(target=..., args=(con, cliente)).start()).")),
            evidence);

    const int end = run.stopIndex > 0 ? run.stopIndex : int(run.events.size());
    QSet<qint64> ended;
    Evidence endEvidence;
    for (int i = 0; i < end; ++i) {
        const SocketEvent &event = run.events.at(i);
        if (event.kind == EventKind::Process && event.processChange == ProcessChange::Exited
            && event.tid != event.pid && distinct.contains(event.tid)) {
            ended.insert(event.tid);
            endEvidence << RubricTrace::evidence(event);
        }
    }
    distinct.remove(run.programPid);
    if (distinct.isEmpty())
        items << RubricTrace::notApplicable(
            endId, tr("No thread of its own served a client (see thread-per-connection)."));
    else if (ended.size() == distinct.size())
        items << RubricTrace::pass(endId, tr("Each client's thread ends when its client leaves."),
                                   endEvidence);
    else
        items << RubricTrace::fail(
            endId,
            RubricTrace::withChange(
                tr("Of the %n thread(s) that served a client, %1 ended after it left.", "",
                   int(distinct.size()))
                    .arg(ended.size()),
                tr("let the thread's function return once it has closed its connection.")),
            endEvidence);
    return items;
}

} // namespace socketlab
