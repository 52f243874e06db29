#include "core/serverrubric.h"

#include "core/concurrentrubric.h"
#include "core/private/rubrictrace.h"

#include <cerrno>

namespace socketlab {

namespace {
const QByteArray kMarker1 = CheckRun::clientLine(0);
const QByteArray kMarker2 = CheckRun::clientLine(1);
const QByteArray kMarker3 = CheckRun::clientLine(2);
const QByteArray kDatagram3 = CheckRun::secondDatagram();

bool isTcp(const CheckRun &run)
{
    return exerciseProtocol(run.exercise) == Protocol::Tcp;
}
} // namespace

QStringList ServerRubric::itemIds(Exercise exercise)
{
    QStringList ids = {QStringLiteral("server-sequence"), QStringLiteral("listens-on-port"),
                       QStringLiteral("prints-connection"), QStringLiteral("prints-data")};
    if (exercise == Exercise::UdpServer)
        return ids << QStringLiteral("receives-every-datagram");
    ids << QStringLiteral("reads-whole-message") << QStringLiteral("closes-on-eof")
        << QStringLiteral("accepts-again") << QStringLiteral("survives-reset")
        << QStringLiteral("serves-two-at-once") << QStringLiteral("no-descriptor-growth")
        << QStringLiteral("child-closes-listener") << QStringLiteral("parent-closes-connection")
        << QStringLiteral("children-reaped") << QStringLiteral("thread-per-connection")
        << QStringLiteral("threads-end");
    return ids;
}

CheckItems ServerRubric::evaluate(const CheckRun &run)
{
    const RubricTrace trace(run);
    CheckItems items;
    items << sequence(trace) << port(trace);
    items += printing(trace);
    items += reading(trace);
    if (isTcp(run)) {
        items += lifecycle(trace);
        items += ConcurrentRubric::forking(trace);
        items += ConcurrentRubric::threading(trace);
    }
    if (!run.listened) {
        // Nothing could be seen working: say why rather than what the program does not do.
        const QString why = RubricTrace::withChange(
            tr("SocketLab's clients could not reach the program: it never listened on port %1.")
                .arg(run.port),
            tr("make the server bind() to port %1 and %2 first.")
                .arg(run.port)
                .arg(isTcp(run) ? QStringLiteral("listen()") : QStringLiteral("recvfrom()")));
        for (int i = 2; i < items.size(); ++i) {
            if (items.at(i).result == CheckItem::Result::Fail)
                items[i].explanation = why;
        }
    }
    return items;
}

CheckItem ServerRubric::sequence(const RubricTrace &trace)
{
    const CheckRun &run = trace.run();
    const QList<SysCall> wanted = isTcp(run)
        ? QList<SysCall> {SysCall::Socket, SysCall::Bind, SysCall::Listen, SysCall::Accept}
        : QList<SysCall> {SysCall::Socket, SysCall::Bind, SysCall::Recvfrom};
    Evidence evidence;
    const int next = trace.inOrder(wanted, &evidence);
    const QString id = QStringLiteral("server-sequence");
    if (next == wanted.size()) {
        return RubricTrace::pass(
            id,
            isTcp(run)
                ? tr("The server calls socket(), bind(), listen() and accept(), in the recipe's "
                     "order.")
                : tr("The server calls socket(), bind() and recvfrom(), in the recipe's order."),
            evidence);
    }
    return RubricTrace::fail(
        id,
        RubricTrace::withChange(
            tr("The trace shows no %1() in the recipe's order.").arg(sysCallName(wanted.at(next))),
            isTcp(run)
                ? tr("create the socket, bind() it to port %1, listen(), then accept() clients in "
                     "a loop.")
                      .arg(run.port)
                : tr("create a datagram socket, bind() it to port %1, then recvfrom() in a loop.")
                      .arg(run.port)),
        evidence);
}

CheckItem ServerRubric::port(const RubricTrace &trace)
{
    const CheckRun &run = trace.run();
    const QString suffix = QLatin1Char(':') + QString::number(run.port);
    Evidence evidence;
    bool right = false;
    for (const SocketEvent &event : run.events) {
        if (!RubricTrace::isCall(event, SysCall::Bind))
            continue;
        evidence << RubricTrace::evidence(event);
        right = right || (event.result == 0 && event.local.endsWith(suffix));
    }
    const QString id = QStringLiteral("listens-on-port");
    if (right)
        return RubricTrace::pass(id, tr("The server binds port %1.").arg(run.port), evidence);
    return RubricTrace::fail(
        id,
        RubricTrace::withChange(
            evidence.isEmpty() ? tr("The server never called bind().")
                               : tr("The server did not bind port %1.").arg(run.port),
            tr("bind() to port %1 (the recipe's PORT), on every address ('' in Python, INADDR_ANY "
               "in C).")
                .arg(run.port)),
        evidence);
}

CheckItems ServerRubric::printing(const RubricTrace &trace)
{
    const CheckRun &run = trace.run();
    CheckItems items;
    const QString clientPort = trace.clientPort(0);
    const QString who = trace.outputLine(clientPort);
    const QString connectionId = QStringLiteral("prints-connection");
    if (!clientPort.isEmpty() && !who.isEmpty()) {
        items << RubricTrace::pass(
            connectionId,
            (isTcp(run) ? tr("The server prints who connected (the client's address, port %1).")
                        : tr("The server prints who sent (the client's address, port %1)."))
                .arg(clientPort),
            {tr("output: %1").arg(who)});
    } else {
        items << RubricTrace::fail(
            connectionId,
            RubricTrace::withChange(
                (isTcp(run) ? tr(
                     "The output never shows who connected (the first client came from port %1).")
                            : tr("The output never shows who sent (the first client sent from port "
                                 "%1)."))
                    .arg(clientPort.isEmpty() ? QStringLiteral("?") : clientPort),
                isTcp(run) ? tr("print the address accept() returns, as the recipe's "
                                "print('Conectado por', cliente).")
                           : tr("print the address recvfrom() returns, as the recipe's "
                                "print(cliente, msg).")));
    }
    const QString what = trace.outputLine(QString::fromLatin1(kMarker1));
    const QString dataId = QStringLiteral("prints-data");
    if (!what.isEmpty()) {
        items << RubricTrace::pass(dataId, tr("The server prints what arrived."),
                                   {tr("output: %1").arg(what)});
    } else {
        items << RubricTrace::fail(
            dataId,
            RubricTrace::withChange(
                tr("The output never shows what the first client sent (\"%1\").")
                    .arg(QString::fromLatin1(kMarker1)),
                tr("print each message as it arrives, with the client's address (the recipe's "
                   "print(cliente, msg)).")));
    }
    if (isTcp(run))
        return items;

    Evidence evidence;
    int got = 0;
    const QList<QPair<int, QByteArray>> datagrams = {{0, kMarker1}, {1, kMarker2}, {0, kDatagram3}};
    for (const auto &datagram : datagrams) {
        if (trace.readFrom(datagram.first, datagram.second))
            ++got;
    }
    for (int client = 0; client < 2; ++client) {
        for (int i : trace.readsFrom(client))
            evidence << RubricTrace::evidence(run.events.at(i));
    }
    const QString everyId = QStringLiteral("receives-every-datagram");
    if (got == datagrams.size())
        items << RubricTrace::pass(
            everyId, tr("The server received every datagram, from both clients."), evidence);
    else
        items << RubricTrace::fail(
            everyId,
            RubricTrace::withChange(
                tr("The server received %1 of the %n datagram(s) SocketLab's clients sent.", "",
                   int(datagrams.size()))
                    .arg(got),
                tr("call recvfrom() again in a loop, for every client: UDP has no connection to "
                   "wait for.")),
            evidence);
    return items;
}

CheckItems ServerRubric::reading(const RubricTrace &trace)
{
    const CheckRun &run = trace.run();
    CheckItems items;
    if (!isTcp(run))
        return items;
    const QString id = QStringLiteral("reads-whole-message");
    const qint64 sent = run.sentByClient.isEmpty() ? 0 : run.sentByClient.first().size();
    const qint64 read = trace.bytesReadFrom(0);
    Evidence evidence;
    for (int i : trace.readsFrom(0))
        evidence << RubricTrace::evidence(run.events.at(i));
    if (sent > 0 && read >= sent)
        items << RubricTrace::pass(
            id,
            tr("The server read every byte the first client sent (%1, a line of 1,500 bytes among "
               "them).")
                .arg(sent),
            evidence);
    else
        items << RubricTrace::fail(
            id,
            RubricTrace::withChange(
                tr("Of the %1 bytes the first client sent, the server read %2.")
                    .arg(sent)
                    .arg(read),
                tr("call recv() again while data arrives: a line of 1,500 bytes takes two "
                   "recv(1024).")),
            evidence);

    // recv() returns 0: the client left; close the connection.
    const QString closeId = QStringLiteral("closes-on-eof");
    const QString peer = run.clients.value(0);
    const QList<int> ends = trace.calls(SysCall::Recv, [&peer](const SocketEvent &event) {
        return !peer.isEmpty() && event.peer == peer && event.result == 0;
    });
    if (ends.isEmpty()) {
        items << RubricTrace::fail(
            closeId,
            RubricTrace::withChange(
                tr("The server never saw the first client leave: no recv() "
                   "returned 0 on its connection."),
                tr("keep calling recv() until it returns 0 (b'' in Python), then close() the "
                   "connection.")));
        return items;
    }
    const SocketEvent &end = run.events.at(ends.first());
    const QList<int> closes = trace.calls(SysCall::Close, [&peer, &end](const SocketEvent &event) {
        return event.peer == peer && event.pid == end.pid;
    });
    if (closes.isEmpty()) {
        items << RubricTrace::fail(
            closeId,
            RubricTrace::withChange(
                tr("recv() returned 0 (the client had left), but the connection was never closed."),
                tr("when recv() returns 0, leave the loop and close() the connection (the recipe's "
                   "con.close()).")),
            {RubricTrace::evidence(end)});
    } else {
        items << RubricTrace::pass(
            closeId, tr("When recv() returns 0 the server closes the connection."),
            {RubricTrace::evidence(end), RubricTrace::evidence(run.events.at(closes.first()))});
    }
    return items;
}

CheckItems ServerRubric::lifecycle(const RubricTrace &trace)
{
    const CheckRun &run = trace.run();
    CheckItems items;
    const QList<int> accepts = trace.calls(SysCall::Accept);
    Evidence acceptEvidence;
    for (int i : accepts)
        acceptEvidence << RubricTrace::evidence(run.events.at(i));
    const QString againId = QStringLiteral("accepts-again");
    if (accepts.size() >= 2)
        items << RubricTrace::pass(
            againId, tr("The server goes back to accept() for the next client."), acceptEvidence);
    else
        items << RubricTrace::fail(
            againId,
            RubricTrace::withChange(
                tr("The server accepted %n client(s); %1 came.", "", int(accepts.size()))
                    .arg(run.clients.size()),
                tr("after a client, go back to accept() for the next one: accept() in a loop (the "
                   "recipe's while True).")),
            acceptEvidence);

    // The second client left by RST; the third must still be served.
    const QString resetId = QStringLiteral("survives-reset");
    const QString resetPeer = run.clients.value(1);
    Evidence resetEvidence;
    for (const SocketEvent &event : run.events) {
        if (!resetPeer.isEmpty() && event.kind == EventKind::Call && event.peer == resetPeer
            && (event.errnum == ECONNRESET || event.call == SysCall::Close)) {
            resetEvidence << RubricTrace::evidence(event);
        }
    }
    for (int i : trace.readsFrom(2)) {
        resetEvidence << RubricTrace::evidence(run.events.at(i));
        break;
    }
    if (trace.readFrom(2, kMarker3)) {
        items << RubricTrace::pass(
            resetId, tr("After a client's reset (RST), the server serves the next client."),
            resetEvidence);
    } else {
        QString what
            = tr("After a client left with a reset (RST), the next client was not served.");
        const int end = run.stopIndex > 0 ? run.stopIndex : int(run.events.size());
        for (int i = 0; i < end; ++i) {
            const SocketEvent &event = run.events.at(i);
            if (event.kind == EventKind::Process && event.processChange == ProcessChange::Exited
                && event.pid == run.programPid && event.tid == event.pid) {
                what = tr("The server ended when a client left with a reset (RST): its recv() "
                          "failed with ECONNRESET (\"Connection reset by peer\").");
                resetEvidence << RubricTrace::evidence(event);
                break;
            }
        }
        items << RubricTrace::fail(
            resetId,
            RubricTrace::withChange(
                what,
                tr("catch that error (ConnectionResetError in Python, recv() returning -1 in C), "
                   "close that connection and keep serving.")),
            resetEvidence);
    }

    const QString twoId = QStringLiteral("serves-two-at-once");
    if (run.exercise == Exercise::TcpServer) {
        items << RubricTrace::notApplicable(
            twoId, tr("An iterative server serves one client at a time, as the recipe's."));
    } else {
        Evidence evidence;
        for (int i : trace.readsFrom(1)) {
            evidence << RubricTrace::evidence(run.events.at(i));
            break;
        }
        if (run.secondReadWhileFirstConnected)
            items << RubricTrace::pass(
                twoId, tr("The second client's data was read while the first was still connected."),
                evidence);
        else
            items << RubricTrace::fail(
                twoId,
                RubricTrace::withChange(
                    tr("The second client's data was not read while the first was still connected: "
                       "the server serves one client at a time."),
                    run.exercise == Exercise::TcpServerFork
                        ? tr("after accept(), fork() and let the child serve the client while the "
                             "parent goes straight back to accept().")
                        : tr("after accept(), start a thread that serves the client while the main "
                             "thread goes straight back to accept().")),
                evidence);
    }

    // Descriptors: once the clients have left, none of their connections is still open.
    const QString fdId = QStringLiteral("no-descriptor-growth");
    if (accepts.isEmpty()) {
        items << RubricTrace::fail(
            fdId,
            RubricTrace::withChange(tr("The server accepted no client."),
                                    tr("accept() the clients that connect.")));
    } else {
        const QList<int> open = trace.openAccepted();
        Evidence evidence;
        for (int i : open)
            evidence << RubricTrace::evidence(run.events.at(i));
        if (open.isEmpty())
            items << RubricTrace::pass(
                fdId,
                tr("No descriptor is left behind: once the clients had left, the server had closed "
                   "the %n connection(s) it accepted.",
                   "", int(accepts.size())),
                acceptEvidence);
        else
            items << RubricTrace::fail(
                fdId,
                RubricTrace::withChange(
                    tr("After the clients had left, %n of their connections stayed open in the "
                       "server: its descriptors grow with every client.",
                       "", int(open.size())),
                    tr("close() every connection when its client leaves (in a fork server, the "
                       "parent's copy right after fork() too).")),
                evidence);
    }
    return items;
}

} // namespace socketlab
