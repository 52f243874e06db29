// Small C programs compiled by the test (with the system's cc; skipped without one) under
// the Tracer: read/write on sockets, a SIGCHLD handler that makes accept() fail with EINTR,
// pthreads, poll(), sendmsg/recvmmsg, dup2 onto standard output, exec chains, exec from a
// second thread, kills, SIGTERM ignored, 200 connections, the process cap, a flood, step
// mode, and strace as a reference.

#include "tests/trace/tracetestsupport.h"

#include <QSignalSpy>

#include <csignal>

using namespace tracetest;

class TestTracerPrograms : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void readWriteOnSocketsAreRecvSend();
    void sigchldHandlerShowsEintrAndReaps();
    void pthreadsShowThreadIds();
    void pollIsTheEventLoopsWait();
    void sendmsgAndRecvmmsg();
    void dup2OntoStandardOutput();
    void shellExecChain();
    void execFromASecondThread();
    void killedMidAccept();
    void stopEndsAProgramIgnoringSigterm();
    void twoHundredConnections();
    void processCapStopsAForkBomb();
    void floodKeepsCountsExact();
    void stepModePausesBeforeEachCall();
    void notFoundAndNotExecutable();
    void sameCallsAsStrace();
    void sameCallsAsStracePerThread();

private:
    QString program(const QString &name);
    QTemporaryDir m_dir;
};

void TestTracerPrograms::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (QStandardPaths::findExecutable(QStringLiteral("cc")).isEmpty())
        QSKIP("no C compiler (cc) to build the test programs");
}

QString TestTracerPrograms::program(const QString &name)
{
    return compiled(m_dir, name);
}

void TestTracerPrograms::readWriteOnSocketsAreRecvSend()
{
    const QString path = program(QStringLiteral("iterative"));
    QVERIFY(!path.isEmpty());
    const quint16 port = freePort();
    TraceRun run;
    QVERIFY(run.start(path, {QString::number(port), QStringLiteral("1")}));
    QVERIFY(run.waitForCalls(SysCall::Listen, 1));
    {
        socketlab::Fd fd = testsupport::tcpConnect(port);
        QVERIFY(fd.isValid());
        QVERIFY(testsupport::sendAll(fd.get(), "ping"));
        QCOMPARE(testsupport::receive(fd.get(), 4), QByteArray("ping"));
    }
    QVERIFY(run.waitForFinished());
    QCOMPARE(run.exitStatus, 0);
    const QList<SocketEvent> received = run.calls(SysCall::Recv);
    QVERIFY(!received.isEmpty());
    QVERIFY(received.first().args.startsWith(QStringLiteral("read(fd ")));
    QCOMPARE(received.first().payload, QByteArray("ping"));
    const QList<SocketEvent> sent = run.calls(SysCall::Send);
    QCOMPARE(sent.size(), 1);
    QVERIFY(sent.first().args.startsWith(QStringLiteral("write(fd ")));
    QCOMPARE(sent.first().bytes, qint64(4));
    // close() of a socket only: the loader's and libc's own closes are not shown.
    QCOMPARE(run.calls(SysCall::Close).size(), 2);
    QCOMPARE(run.calls(SysCall::Setsockopt).first().args,
             QStringLiteral("fd 3, SOL_SOCKET, SO_REUSEADDR, 1"));
}

void TestTracerPrograms::sigchldHandlerShowsEintrAndReaps()
{
    const QString path = program(QStringLiteral("forkwait"));
    QVERIFY(!path.isEmpty());
    const quint16 port = freePort();
    TraceRun run;
    QVERIFY(run.start(path, {QString::number(port), QStringLiteral("2")}));
    QVERIFY(run.waitForCalls(SysCall::Listen, 1));
    {
        // The connection stays open until the parent has closed its copy, so the child can
        // only end (and SIGCHLD arrive) once the parent is back in accept(): under a slow
        // tracer (a sanitizer build) a child that ended sooner made no EINTR.
        const socketlab::Fd client = testsupport::tcpConnect(port);
        QVERIFY(client.isValid());
        QVERIFY(testsupport::sendAll(client.get(), "one"));
        const pid_t parent = run.tracer.programPid();
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(run.events.cbegin(), run.events.cend(),
                                             [parent](const SocketEvent &e) {
                                                 return e.kind == EventKind::Call
                                                     && e.call == SysCall::Close && e.pid == parent;
                                             }),
                                 kWaitMs);
    }
    // The child ends, SIGCHLD interrupts accept(): the program sees EINTR and its handler
    // reaps the child.
    QVERIFY(run.waitForProcess(ProcessChange::Reaped, 1));
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(run.events.cbegin(), run.events.cend(),
                                         [](const SocketEvent &e) {
                                             return e.kind == EventKind::Call
                                                 && e.call == SysCall::Accept && e.errnum == EINTR;
                                         }),
                             kWaitMs);
    QVERIFY(sendAndClose(port, "two"));
    QVERIFY(run.waitForFinished());
    QCOMPARE(run.exitStatus, 0);
    const SocketEvent reaped = run.processEvents(ProcessChange::Reaped).first();
    QCOMPARE(reaped.parentPid, run.tracer.programPid());
    bool waited = false;
    for (const SocketEvent &call : run.calls(SysCall::Waitpid))
        waited = waited || call.result == reaped.pid;
    QVERIFY(waited);
    QCOMPARE(run.summary().zombies, qint64(0));
    QCOMPARE(run.summary().processes, qint64(3));
}

void TestTracerPrograms::pthreadsShowThreadIds()
{
    const QString path = program(QStringLiteral("threads"));
    QVERIFY(!path.isEmpty());
    const quint16 port = freePort();
    TraceRun run;
    QVERIFY(run.start(path, {QString::number(port), QStringLiteral("3")}));
    QVERIFY(run.waitForCalls(SysCall::Listen, 1));
    for (int i = 0; i < 3; ++i)
        QVERIFY(sendAndClose(port, "x"));
    QVERIFY(run.waitForFinished());
    QCOMPARE(run.exitStatus, 0);
    QCOMPARE(run.processEvents(ProcessChange::Thread).size(), 3);
    QSet<qint64> readers;
    for (const SocketEvent &call : run.calls(SysCall::Recv))
        readers << call.tid;
    QCOMPARE(readers.size(), 3);
    QVERIFY(!readers.contains(run.tracer.programPid()));
    QCOMPARE(run.summary().threads, qint64(3));
}

void TestTracerPrograms::pollIsTheEventLoopsWait()
{
    const QString path = program(QStringLiteral("pollserver"));
    QVERIFY(!path.isEmpty());
    const quint16 port = freePort();
    TraceRun run;
    QVERIFY(run.start(path, {QString::number(port), QStringLiteral("2")}));
    QVERIFY(run.waitForCalls(SysCall::Listen, 1));
    QVERIFY(sendAndClose(port, "a"));
    QVERIFY(sendAndClose(port, "b"));
    QVERIFY(run.waitForFinished());
    const QList<SocketEvent> polls = run.calls(SysCall::Poll);
    QVERIFY(polls.size() >= 2);
    QVERIFY2(polls.first().args.startsWith(QStringLiteral("poll(fd 3")),
             qPrintable(polls.first().args));
    QCOMPARE(run.calls(SysCall::Accept).size(), 2);
}

void TestTracerPrograms::sendmsgAndRecvmmsg()
{
    const QString path = program(QStringLiteral("msgs"));
    QVERIFY(!path.isEmpty());
    TraceRun run;
    QVERIFY(run.start(path, {QString::number(freePort())}));
    QVERIFY(run.waitForFinished());
    QCOMPARE(run.exitStatus, 0);
    const QList<SocketEvent> sent = run.calls(SysCall::Sendto);
    QCOMPARE(sent.size(), 2);
    QVERIFY(sent.first().args.startsWith(QStringLiteral("sendmsg(")));
    QCOMPARE(sent.at(0).bytes + sent.at(1).bytes, qint64(12));
    QCOMPARE(sent.at(1).payload, QByteArray("second!"));
    qint64 received = 0;
    for (const SocketEvent &call : run.calls(SysCall::Recv) + run.calls(SysCall::Recvfrom)) {
        QVERIFY(call.args.startsWith(QStringLiteral("recvmmsg(")));
        received += call.bytes;
    }
    QCOMPARE(received, qint64(12));
}

void TestTracerPrograms::dup2OntoStandardOutput()
{
    const QString path = program(QStringLiteral("dupstdout"));
    QVERIFY(!path.isEmpty());
    socketlab::Fd listener(::socket(AF_INET, SOCK_STREAM, 0));
    socklen_t length = 0;
    const quint16 port = freePort();
    const sockaddr_storage address = testsupport::addressOf("127.0.0.1", port, &length);
    QCOMPARE(::bind(listener.get(), reinterpret_cast<const sockaddr *>(&address), length), 0);
    QCOMPARE(::listen(listener.get(), 1), 0);
    TraceRun run;
    QVERIFY(run.start(path, {QString::number(port)}, true));
    socketlab::Fd connection(::accept(listener.get(), nullptr, nullptr));
    QVERIFY(connection.isValid());
    QCOMPARE(testsupport::receive(connection.get(), 21), QByteArray("hello through stdout\n"));
    QVERIFY(run.waitForFinished());
    const QList<SocketEvent> sent = run.calls(SysCall::Send);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().args, QStringLiteral("write(fd 1, 21)"));
    QCOMPARE(sent.first().role, Role::Client);
    QVERIFY(run.output.isEmpty()); // its standard output is the socket now
}

void TestTracerPrograms::shellExecChain()
{
    const QString sh = QStandardPaths::findExecutable(QStringLiteral("sh"));
    const QString truePath = QStandardPaths::findExecutable(QStringLiteral("true"));
    if (sh.isEmpty() || truePath.isEmpty())
        QSKIP("no sh or true");
    TraceRun run;
    QVERIFY(run.start(
        sh, {QStringLiteral("-c"), QStringLiteral("exec %1 -c 'exec %2'").arg(sh, truePath)}));
    QVERIFY(run.waitForFinished());
    QCOMPARE(run.exitStatus, 0);
    const QList<SocketEvent> started = run.processEvents(ProcessChange::Started);
    QCOMPARE(started.size(), 3);
    for (const SocketEvent &event : started)
        QCOMPARE(event.pid, run.tracer.programPid());
    QCOMPARE(started.last().program, truePath);
    QCOMPARE(run.summary().processes, qint64(1));
}

void TestTracerPrograms::execFromASecondThread()
{
    const QString path = program(QStringLiteral("threadexec"));
    const QString echo = QStandardPaths::findExecutable(QStringLiteral("echo"));
    QVERIFY(!path.isEmpty());
    if (echo.isEmpty())
        QSKIP("no echo");
    TraceRun run;
    QVERIFY(run.start(path, {echo, QStringLiteral("from the new program")}, true));
    QVERIFY(run.waitForFinished());
    QCOMPARE(run.exitStatus, 0);
    QTRY_VERIFY_WITH_TIMEOUT(run.output.contains("from the new program"), kWaitMs);
    const QList<SocketEvent> started = run.processEvents(ProcessChange::Started);
    QCOMPARE(started.size(), 2);
    QCOMPARE(started.last().pid,
             run.tracer.programPid()); // the leader's pid, as the kernel gives it
    QCOMPARE(started.last().program, echo);
}

void TestTracerPrograms::killedMidAccept()
{
    const QString path = program(QStringLiteral("acceptforever"));
    QVERIFY(!path.isEmpty());
    TraceRun run;
    QVERIFY(run.start(path, {QString::number(freePort())}));
    QVERIFY(run.waitForCalls(SysCall::Listen, 1));
    QCOMPARE(::kill(pid_t(run.tracer.programPid()), SIGKILL), 0);
    QVERIFY(run.waitForFinished());
    QCOMPARE(run.exitStatus, 128 + SIGKILL);
    const QList<SocketEvent> exited = run.processEvents(ProcessChange::Exited);
    QCOMPARE(exited.size(), 1);
    QCOMPARE(exited.first().exitSignal, SIGKILL);
    QVERIFY(testsupport::reaped(run.tracer.programPid()));
}

void TestTracerPrograms::stopEndsAProgramIgnoringSigterm()
{
    const QString path = program(QStringLiteral("acceptforever"));
    QVERIFY(!path.isEmpty());
    TraceRun run;
    QVERIFY(run.start(path, {QString::number(freePort()), QStringLiteral("ignore")}));
    QVERIFY(run.waitForCalls(SysCall::Listen, 1));
    QElapsedTimer timer;
    timer.start();
    run.tracer.terminate(300);
    QVERIFY(run.waitForFinished());
    QVERIFY(timer.elapsed() < 5000);
    QCOMPARE(run.exitStatus, 128 + SIGKILL);
    QVERIFY(testsupport::reaped(run.tracer.programPid()));
}

void TestTracerPrograms::twoHundredConnections()
{
    const QString path = program(QStringLiteral("threads"));
    QVERIFY(!path.isEmpty());
    const quint16 port = freePort();
    constexpr int kClients = 200;
    TraceRun run;
    QVERIFY(run.start(path, {QString::number(port), QString::number(kClients)}));
    QVERIFY(run.waitForCalls(SysCall::Listen, 1));
    for (int i = 0; i < kClients; ++i) {
        socketlab::Fd fd = testsupport::tcpConnect(port);
        QVERIFY(fd.isValid());
        QVERIFY(testsupport::sendAll(fd.get(), "x"));
        QCOMPARE(testsupport::receive(fd.get(), 1), QByteArray("x"));
    }
    QVERIFY(run.waitForFinished(60000));
    QCOMPARE(run.exitStatus, 0);
    QCOMPARE(run.calls(SysCall::Accept).size(), kClients);
    QCOMPARE(run.processEvents(ProcessChange::Thread).size(), kClients);
    QCOMPARE(run.summary().threads, qint64(kClients));
}

void TestTracerPrograms::processCapStopsAForkBomb()
{
    const QString path = program(QStringLiteral("forkbomb"));
    QVERIFY(!path.isEmpty());
    TraceRun run;
    QSignalSpy warned(&run.tracer, &Tracer::warned);
    QVERIFY(run.start(path, {}));
    QVERIFY(run.waitForFinished(60000));
    QCOMPARE(warned.size(), 1);
    QVERIFY(warned.first().first().toString().contains(QString::number(Tracer::kMaxProcesses)));
    QVERIFY(run.summary().processes <= Tracer::kMaxProcesses + 2);
    QCOMPARE(run.exitStatus, 128 + SIGKILL);
    for (const SocketEvent &forked : run.processEvents(ProcessChange::Forked))
        QVERIFY2(::kill(pid_t(forked.pid), 0) != 0 || errno != 0, "every child is gone");
}

void TestTracerPrograms::floodKeepsCountsExact()
{
    const QString path = program(QStringLiteral("flood"));
    QVERIFY(!path.isEmpty());
    constexpr int kDatagrams = 30000;
    TraceRun run;
    QVERIFY(run.start(path, {QString::number(freePort()), QString::number(kDatagrams)}));
    QVERIFY(run.waitForFinished(120000));
    QCOMPARE(run.exitStatus, 0);
    qint64 shown = 0;
    qint64 merged = 0;
    for (const SocketEvent &event : run.events) {
        if (event.kind == EventKind::Call)
            ++shown;
        if (event.kind == EventKind::Coalesced)
            merged += event.skipped;
    }
    // socket, the datagrams, close, exit: every one counted, shown or merged.
    QCOMPARE(run.summary().calls, qint64(kDatagrams + 3));
    QCOMPARE(shown + merged, run.summary().calls);
}

void TestTracerPrograms::stepModePausesBeforeEachCall()
{
    const QString path = program(QStringLiteral("iterative"));
    QVERIFY(!path.isEmpty());
    const quint16 port = freePort();
    TraceRun run;
    QSignalSpy paused(&run.tracer, &Tracer::callPaused);
    run.tracer.setStepMode(true);
    QVERIFY(run.start(path, {QString::number(port), QStringLiteral("1")}));
    QVERIFY(paused.wait(kWaitMs));
    const SocketEvent first = paused.takeFirst().first().value<SocketEvent>();
    QCOMPARE(first.call, SysCall::Socket);
    QVERIFY(run.calls(SysCall::Socket).isEmpty()); // not made yet
    run.tracer.stepOnce();
    QVERIFY(paused.wait(kWaitMs));
    QCOMPARE(paused.takeFirst().first().value<SocketEvent>().call, SysCall::Setsockopt);
    run.tracer.stepOnce();
    QVERIFY(paused.wait(kWaitMs));
    const SocketEvent bind = paused.takeFirst().first().value<SocketEvent>();
    QCOMPARE(bind.call, SysCall::Bind);
    QVERIFY(bind.args.contains(QStringLiteral("127.0.0.1:%1").arg(port)));
    run.tracer.setStepMode(false);
    QVERIFY(run.waitForCalls(SysCall::Listen, 1));
    QVERIFY(sendAndClose(port, "go"));
    QVERIFY(run.waitForFinished());
    QCOMPARE(run.exitStatus, 0);
}

void TestTracerPrograms::notFoundAndNotExecutable()
{
    Tracer tracer;
    TraceOptions options;
    options.program = QStringLiteral("socketlab-no-such-program");
    QVERIFY(!tracer.start(options));
    QCOMPARE(tracer.startError(), Tracer::StartError::NotFound);
    QCOMPARE(Tracer::exitCode(tracer.startError()), 127);
    QVERIFY(tracer.errorString().contains(options.program));
    QFile plain(m_dir.filePath(QStringLiteral("plain.txt")));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();
    options.program = plain.fileName();
    QVERIFY(!tracer.start(options));
    QCOMPARE(tracer.startError(), Tracer::StartError::NotExecutable);
    QCOMPARE(Tracer::exitCode(tracer.startError()), 126);
}

void TestTracerPrograms::sameCallsAsStrace()
{
    const QString strace = QStandardPaths::findExecutable(QStringLiteral("strace"));
    if (strace.isEmpty())
        QSKIP("strace is not installed");
    const QString path = program(QStringLiteral("iterative"));
    QVERIFY(!path.isEmpty());
    auto serveOne = [](quint16 port) {
        socketlab::Fd fd;
        for (int attempt = 0; attempt < 500 && !fd.isValid(); ++attempt) {
            fd = testsupport::tcpConnect(port);
            if (!fd.isValid())
                QTest::qWait(10);
        }
        return fd.isValid() && testsupport::sendAll(fd.get(), "abc")
            && testsupport::receive(fd.get(), 3) == "abc";
    };
    // The reference: strace's own names, as SocketLab's recipe names them.
    const QString log = m_dir.filePath(QStringLiteral("strace.log"));
    const quint16 strPort = freePort();
    QProcess reference;
    reference.start(strace,
                    {QStringLiteral("-f"), QStringLiteral("-e"), QStringLiteral("trace=network"),
                     QStringLiteral("-o"), log, path, QString::number(strPort),
                     QStringLiteral("1")});
    QVERIFY(reference.waitForStarted(kWaitMs));
    QVERIFY(serveOne(strPort));
    QVERIFY(reference.waitForFinished(kWaitMs));
    QFile file(log);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QStringList expected;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const int paren = line.indexOf('(');
        const int space = line.indexOf(' ');
        if (paren < 0 || space < 0 || space > paren)
            continue;
        QString name = QString::fromLatin1(line.mid(space + 1, paren - space - 1).trimmed());
        if (name == QLatin1String("accept4"))
            name = QStringLiteral("accept");
        expected << name;
    }
    QVERIFY(!expected.isEmpty());

    const quint16 port = freePort();
    TraceRun run;
    QVERIFY(run.start(path, {QString::number(port), QStringLiteral("1")}));
    QVERIFY(serveOne(port));
    QVERIFY(run.waitForFinished());
    QStringList traced;
    const QSet<QString> network {QStringLiteral("socket"),      QStringLiteral("bind"),
                                 QStringLiteral("listen"),      QStringLiteral("accept"),
                                 QStringLiteral("connect"),     QStringLiteral("setsockopt"),
                                 QStringLiteral("getsockopt"),  QStringLiteral("getsockname"),
                                 QStringLiteral("getpeername"), QStringLiteral("shutdown")};
    for (const QString &name : run.callNames(run.tracer.programPid())) {
        if (network.contains(name))
            traced << name;
    }
    QCOMPARE(traced, expected);
}

// The thread server under strace -f -e trace=network and under SocketLab, three clients each:
// every thread makes the same calls in the same order (thread ids differ between the runs, so
// the threads' sequences are compared as a sorted list).
void TestTracerPrograms::sameCallsAsStracePerThread()
{
    const QString strace = QStandardPaths::findExecutable(QStringLiteral("strace"));
    if (strace.isEmpty())
        QSKIP("strace is not installed");
    const QString path = program(QStringLiteral("threads"));
    QVERIFY(!path.isEmpty());
    constexpr int kClients = 3;
    auto serve = [](quint16 port) {
        std::vector<socketlab::Fd> clients;
        for (int attempt = 0; attempt < 500 && clients.empty(); ++attempt) {
            socketlab::Fd fd = testsupport::tcpConnect(port);
            if (fd.isValid())
                clients.push_back(std::move(fd));
            else
                QTest::qWait(10);
        }
        for (int i = 1; i < kClients && !clients.empty(); ++i)
            clients.push_back(testsupport::tcpConnect(port));
        bool ok = int(clients.size()) == kClients;
        for (socketlab::Fd &fd : clients)
            ok = ok && fd.isValid() && testsupport::sendAll(fd.get(), "abc")
                && testsupport::receive(fd.get(), 3) == "abc";
        return ok; // the clients close here: each thread's recv() returns 0
    };
    // strace's names, as the recipe names them: a TCP recvfrom/sendto without an address is
    // recv/send, accept4 is accept.
    const QString log = m_dir.filePath(QStringLiteral("strace-threads.log"));
    const quint16 strPort = freePort();
    QProcess reference;
    reference.start(strace,
                    {QStringLiteral("-f"), QStringLiteral("-e"), QStringLiteral("trace=network"),
                     QStringLiteral("-o"), log, path, QString::number(strPort),
                     QString::number(kClients)});
    QVERIFY(reference.waitForStarted(kWaitMs));
    QVERIFY(serve(strPort));
    QVERIFY(reference.waitForFinished(kWaitMs));
    QFile file(log);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QMap<QString, QStringList> byThread;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const int space = line.indexOf(' ');
        const int paren = line.indexOf('(');
        if (space < 0 || paren < 0 || space > paren || line.mid(space + 1).startsWith('<'))
            continue; // "+++ exited", "--- SIGCHLD", "<... recvfrom resumed>"
        QString name = QString::fromLatin1(line.mid(space + 1, paren - space - 1).trimmed());
        if (name == QLatin1String("accept4"))
            name = QStringLiteral("accept");
        else if (name == QLatin1String("recvfrom"))
            name = QStringLiteral("recv");
        else if (name == QLatin1String("sendto"))
            name = QStringLiteral("send");
        byThread[QString::fromLatin1(line.left(space))] << name;
    }
    QStringList expected;
    for (const QStringList &calls : std::as_const(byThread))
        expected << calls.join(QLatin1Char(' '));
    expected.sort();
    QCOMPARE(expected.size(), 1 + kClients);

    const quint16 port = freePort();
    TraceRun run;
    QVERIFY(run.start(path, {QString::number(port), QString::number(kClients)}));
    QVERIFY(serve(port));
    QVERIFY(run.waitForFinished());
    QCOMPARE(run.exitStatus, 0);
    // close, thread and exit are no network calls for strace.
    const QSet<QString> network {
        QStringLiteral("socket"),     QStringLiteral("bind"),        QStringLiteral("listen"),
        QStringLiteral("accept"),     QStringLiteral("connect"),     QStringLiteral("setsockopt"),
        QStringLiteral("getsockopt"), QStringLiteral("getsockname"), QStringLiteral("getpeername"),
        QStringLiteral("shutdown"),   QStringLiteral("recv"),        QStringLiteral("send"),
        QStringLiteral("recvfrom"),   QStringLiteral("sendto")};
    QSet<qint64> tids;
    for (const SocketEvent &event : run.events) {
        if (event.kind == EventKind::Call)
            tids.insert(event.tid);
    }
    QStringList traced;
    for (qint64 tid : std::as_const(tids)) {
        QStringList calls;
        for (const QString &name : run.callNames(tid)) {
            if (network.contains(name))
                calls << name;
        }
        if (!calls.isEmpty())
            traced << calls.join(QLatin1Char(' '));
    }
    traced.sort();
    QCOMPARE(traced, expected);
}

QTEST_GUILESS_MAIN(TestTracerPrograms)
#include "tst_tracer_programs.moc"
