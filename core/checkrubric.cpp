#include "core/checkrubric.h"

#include "core/private/rubrictrace.h"
#include "core/serverrubric.h"

#include <csignal>

namespace socketlab {

namespace {
constexpr int kBytesPerMiB = 1024 * 1024;
} // namespace

QStringList CheckRubric::itemIds(Exercise exercise)
{
    QStringList ids;
    if (isServerExercise(exercise)) {
        ids = ServerRubric::itemIds(exercise);
    } else {
        ids = {QStringLiteral("client-sequence"),   QStringLiteral("connects-to-port"),
               QStringLiteral("sends-typed-lines"), QStringLiteral("one-send-per-line"),
               QStringLiteral("stops-at-ctrl-x"),   QStringLiteral("closes-socket")};
    }
    ids << QStringLiteral("limit-time") << QStringLiteral("limit-processes")
        << QStringLiteral("limit-files");
    return ids;
}

CheckItems CheckRubric::evaluate(const CheckRun &run)
{
    CheckItems items
        = isServerExercise(run.exercise) ? ServerRubric::evaluate(run) : clientItems(run);
    items += limitItems(run);
    return items;
}

CheckItem CheckRubric::compileItem(bool compiled, const QStringList &errors)
{
    if (compiled)
        return RubricTrace::pass(compileItemId(), tr("The C program compiles."));
    return RubricTrace::fail(
        compileItemId(),
        RubricTrace::withChange(tr("The C program does not compile, so it could not be run."),
                                tr("fix the first error the compiler names (file:line).")),
        RubricTrace::lines(errors));
}

CheckItems CheckRubric::clientItems(const CheckRun &run)
{
    const RubricTrace trace(run);
    const bool udp = exerciseProtocol(run.exercise) == Protocol::Udp;
    const QString port = QLatin1Char(':') + QString::number(run.port);
    CheckItems items;

    // The sequence: socket, connect, send (UDP: socket, sendto).
    {
        const QList<SysCall> wanted = udp
            ? QList<SysCall> {SysCall::Socket, SysCall::Sendto}
            : QList<SysCall> {SysCall::Socket, SysCall::Connect, SysCall::Send};
        Evidence evidence;
        const int next = trace.inOrder(wanted, &evidence);
        const QString id = QStringLiteral("client-sequence");
        if (next == wanted.size()) {
            items << RubricTrace::pass(
                id,
                udp ? tr("The client calls socket(), then sendto(), as the recipe's UDP client.")
                    : tr("The client calls socket(), connect(), then send(), in the recipe's "
                         "order."),
                evidence);
        } else {
            items << RubricTrace::fail(
                id,
                RubricTrace::withChange(
                    tr("The trace shows no %1() in the recipe's order.")
                        .arg(sysCallName(wanted.at(next))),
                    udp ? tr(
                        "create a datagram socket and sendto() each line to the server's address.")
                        : tr("create the socket, connect() to the server, then send() each line.")),
                evidence);
        }
    }

    // The right port.
    {
        const SysCall call = udp ? SysCall::Sendto : SysCall::Connect;
        Evidence evidence;
        bool right = false;
        for (const SocketEvent &event : run.events) {
            if (!RubricTrace::isCall(event, call))
                continue;
            evidence << RubricTrace::evidence(event);
            right = right || (event.peer.endsWith(port) && event.result >= 0);
        }
        const QString id = QStringLiteral("connects-to-port");
        if (right)
            items << RubricTrace::pass(
                id, tr("The client reaches the server on port %1.").arg(run.port), evidence);
        else
            items << RubricTrace::fail(
                id,
                RubricTrace::withChange(
                    evidence.isEmpty()
                        ? tr("The client never called %1().").arg(sysCallName(call))
                        : tr("The client did not reach the server on port %1.").arg(run.port),
                    tr("%1() to port %2 of the server's address (the recipe's HOST and PORT).")
                        .arg(sysCallName(call))
                        .arg(run.port)),
                evidence);
    }

    // Every typed line reached the server.
    {
        int arrived = 0;
        Evidence evidence;
        for (const QByteArray &line : run.typedLines) {
            if (run.serverReceived.contains(line)) {
                ++arrived;
                evidence << tr("SocketLab's server received \"%1\"").arg(QString::fromUtf8(line));
            }
        }
        const QString id = QStringLiteral("sends-typed-lines");
        if (!run.typedLines.isEmpty() && arrived == run.typedLines.size())
            items << RubricTrace::pass(id, tr("Every line typed reached the server."), evidence);
        else
            items << RubricTrace::fail(
                id,
                RubricTrace::withChange(
                    tr("SocketLab's server received %1 of the %n line(s) typed.", "",
                       int(run.typedLines.size()))
                        .arg(arrived),
                    tr("read each line typed (input() in Python, fgets() in C) and send it.")),
                evidence);
    }

    // One send per line, and the Ctrl+X line is not sent.
    QList<int> sends = trace.calls(udp ? SysCall::Sendto : SysCall::Send,
                                   [](const SocketEvent &event) { return event.result > 0; });
    bool sentCtrlX = false;
    for (int i : sends)
        sentCtrlX = sentCtrlX || run.events.at(i).payload.contains('\x18');
    {
        Evidence evidence;
        for (int i : sends)
            evidence << RubricTrace::evidence(run.events.at(i));
        const int expected = int(run.typedLines.size());
        const int made = int(sends.size()) - (sentCtrlX ? 1 : 0);
        const QString id = QStringLiteral("one-send-per-line");
        if (made == expected && expected > 0)
            items << RubricTrace::pass(
                id,
                tr("The %n line(s) typed went out in one %1() each.", "", expected)
                    .arg(sysCallName(udp ? SysCall::Sendto : SysCall::Send)),
                evidence);
        else
            items << RubricTrace::fail(
                id,
                RubricTrace::withChange(
                    tr("Lines typed: %n; calls that sent them: %1.", "", expected).arg(made),
                    tr("send each line once, as soon as it is typed: one %1() per line.")
                        .arg(sysCallName(udp ? SysCall::Sendto : SysCall::Send))),
                evidence);
    }

    // It stops at the Ctrl+X line.
    {
        const QString id = QStringLiteral("stops-at-ctrl-x");
        Evidence evidence;
        for (int i = qMax(0, run.ctrlXAt); i < run.events.size(); ++i) {
            const SocketEvent &event = run.events.at(i);
            if (event.kind == EventKind::Process && event.processChange == ProcessChange::Exited
                && event.pid == run.programPid && event.tid == event.pid) {
                evidence << RubricTrace::evidence(event);
                break;
            }
        }
        if (run.ctrlXAt < 0)
            items << RubricTrace::fail(
                id, tr("The check ended before the Ctrl+X line could be typed."));
        else if (sentCtrlX)
            items << RubricTrace::fail(
                id,
                RubricTrace::withChange(
                    tr("The program sent the Ctrl+X line to the server instead of stopping."),
                    tr("compare each line with '\\x18' before sending it, and leave the loop when "
                       "they match.")),
                evidence);
        else if (!run.endedAfterCtrlX)
            items << RubricTrace::fail(
                id,
                RubricTrace::withChange(
                    tr("After the Ctrl+X line the program kept running, and SocketLab stopped it."),
                    tr("leave the loop when the line is '\\x18' (Ctrl+X), close the socket and "
                       "end.")),
                evidence);
        else
            items << RubricTrace::pass(id, tr("The program ends at the Ctrl+X line."), evidence);
    }

    // It closes its socket.
    {
        const QString id = QStringLiteral("closes-socket");
        QList<int> sockets = trace.calls(SysCall::Socket);
        Evidence evidence;
        bool closed = false;
        for (int s : sockets) {
            const int fd = int(run.events.at(s).result);
            for (int c : trace.calls(SysCall::Close, [fd](const SocketEvent &event) {
                     return RubricTrace::fdOf(event) == fd;
                 })) {
                if (c > s) {
                    closed = true;
                    evidence << RubricTrace::evidence(run.events.at(c));
                    break;
                }
            }
        }
        if (closed)
            items << RubricTrace::pass(id, tr("The program closes its socket."), evidence);
        else
            items << RubricTrace::fail(
                id,
                RubricTrace::withChange(
                    tr("The program never called close() on its socket."),
                    tr("close() the socket before the program ends (the recipe's tcp.close()).")));
    }
    return items;
}

CheckItems CheckRubric::limitItems(const CheckRun &run)
{
    CheckItems items;
    const QString timeId = QStringLiteral("limit-time");
    if (run.timedOut) {
        items << RubricTrace::fail(
            timeId,
            RubricTrace::withChange(
                tr("The check did not finish within the time limit of %1 "
                   "seconds, so SocketLab stopped the program.")
                    .arg(run.timeoutSeconds),
                isServerExercise(run.exercise)
                    ? tr("get to accept() (or recvfrom()) quickly and answer each client as it "
                         "comes; look for a loop that never waits.")
                    : tr("end after the Ctrl+X line; look for a loop that never waits or never "
                         "ends.")));
    } else {
        items << RubricTrace::pass(timeId,
                                   tr("Everything was checked within the time limit of %1 seconds.")
                                       .arg(run.timeoutSeconds));
    }

    const QString processId = QStringLiteral("limit-processes");
    Evidence forkFailures;
    for (const SocketEvent &event : run.events) {
        if (RubricTrace::isCall(event, SysCall::Fork) && event.result < 0)
            forkFailures << RubricTrace::evidence(event);
    }
    if (run.processCapReached || !forkFailures.isEmpty()) {
        items << RubricTrace::fail(
            processId,
            RubricTrace::withChange(
                tr("The program made processes without bound, past the limit, "
                   "and SocketLab stopped it."),
                tr("fork() once per accepted client, only after accept(), and end the child (exit) "
                   "when its client leaves.")),
            forkFailures);
    } else {
        items << RubricTrace::pass(processId,
                                   tr("The program stayed within the limit on processes."));
    }

    const QString filesId = QStringLiteral("limit-files");
    const bool killedBySize = run.exitStatus == 128 + SIGXFSZ;
    if (!run.fullFiles.isEmpty() || killedBySize) {
        items << RubricTrace::fail(
            filesId,
            RubricTrace::withChange(
                tr("The program wrote more than its folder may hold (%1 MiB "
                   "per file), and its writes were refused.")
                    .arg(run.fileLimitBytes / kBytesPerMiB),
                tr("a socket program has no need to write big files: look for a write in a loop "
                   "that never ends.")),
            RubricTrace::lines(run.fullFiles));
    } else {
        items << RubricTrace::pass(filesId, tr("The program stayed within the limit on files."));
    }
    return items;
}

} // namespace socketlab
