// The recipe's six bundled programs (resources/recipe/) under the Tracer, with SocketLab's
// client and nc as peers: the calls in the recipe's words and steps, forked children and
// their zombies, threads, and UDP senders.

#include "tests/trace/tracetestsupport.h"

#include <csignal>

using namespace tracetest;

class TestTracerRecipe : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void forkServerShowsChildrenAndZombies();
    void threadServerShowsThreads();
    void iterativeServerServesOneAtATime();
    void udpServerShowsSenders();
    void tcpClientTypedInto();
    void udpClientTypedInto();

private:
    // Starts socketlab-cli client on port with input (then end of input).
    bool runCliClient(quint16 port, const QByteArray &input);
    QTemporaryDir m_dir;
    QString m_python;
};

void TestTracerRecipe::initTestCase()
{
    m_python = realPython();
    if (m_python.isEmpty())
        QSKIP("python3 is not installed");
    QVERIFY(m_dir.isValid());
}

bool TestTracerRecipe::runCliClient(quint16 port, const QByteArray &input)
{
    QProcess client;
    client.start(QStringLiteral(SOCKETLAB_CLI_PATH),
                 {QStringLiteral("client"), QStringLiteral("--port"), QString::number(port)});
    if (!client.waitForStarted(kWaitMs))
        return false;
    client.write(input);
    client.closeWriteChannel();
    return client.waitForFinished(kWaitMs) && client.exitCode() == 0;
}

void TestTracerRecipe::forkServerShowsChildrenAndZombies()
{
    const quint16 port = freePort();
    TraceRun run;
    QVERIFY(run.start(
        m_python,
        {QStringLiteral("-u"), recipeCopy(m_dir, QStringLiteral("tcp_server_fork.py"), port)},
        true));
    QVERIFY(run.waitForCalls(SysCall::Listen, 1));
    const SocketEvent listen = run.calls(SysCall::Listen).first();
    QCOMPARE(listen.role, Role::Server);
    QCOMPARE(listen.step, 4);
    QCOMPARE(run.calls(SysCall::Socket).first().step, 2); // held until bind said "server"
    QCOMPARE(run.calls(SysCall::Bind).first().step, 3);
    QVERIFY(run.calls(SysCall::Bind).first().args.contains(QStringLiteral("0.0.0.0:%1").arg(port)));

    QVERIFY(runCliClient(port, "hello from socketlab\n"));
    const QString nc = QStandardPaths::findExecutable(QStringLiteral("nc"));
    if (!nc.isEmpty()) {
        QProcess peer;
        peer.start(nc, {QStringLiteral("-q0"), QStringLiteral("127.0.0.1"), QString::number(port)});
        QVERIFY(peer.waitForStarted(kWaitMs));
        peer.write("hello from nc\n");
        peer.closeWriteChannel();
        QVERIFY(peer.waitForFinished(kWaitMs));
    } else {
        QVERIFY(sendAndClose(port, "hello from nc\n"));
    }
    QVERIFY(run.waitForProcess(ProcessChange::Forked, 2));
    // The recipe's server never waits: each child that ended is a zombie.
    QVERIFY(run.waitForProcess(ProcessChange::Zombie, 2));
    const qint64 parent = run.tracer.programPid();
    const QString listenFd = listen.args.section(QLatin1Char(','), 0, 0); // "fd 3"
    for (const SocketEvent &forked : run.processEvents(ProcessChange::Forked)) {
        QCOMPARE(forked.parentPid, parent);
        bool closedListener = false;
        bool received = false;
        for (const SocketEvent &call : run.calls(SysCall::Close, forked.pid))
            closedListener = closedListener || call.args == listenFd;
        for (const SocketEvent &call : run.calls(SysCall::Recv, forked.pid)) {
            if (call.bytes > 0) {
                received = true;
                QCOMPARE(call.handler, HandlerKind::Process);
                QCOMPARE(call.role, Role::Server);
                QCOMPARE(call.step, 6);
                QVERIFY(call.payload.startsWith("hello from"));
            }
        }
        QVERIFY2(closedListener, "the child closes its copy of the listening socket");
        QVERIFY(received);
    }
    QCOMPARE(run.calls(SysCall::Fork, parent).size(), 2);
    QCOMPARE(run.calls(SysCall::Accept, parent).size(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(run.output.contains("Finalizando conexao do cliente"), kWaitMs);
    QVERIFY(run.output.contains("Conectado por"));

    run.tracer.stop();
    QVERIFY(run.waitForFinished());
    const SocketEvent summary = run.summary();
    QVERIFY(summary.traced);
    QCOMPARE(summary.processes, qint64(3));
    QCOMPARE(summary.zombies, qint64(2));
    QCOMPARE(run.exitStatus, 128 + SIGKILL);
    QCOMPARE(summary.exitStatus, 128 + SIGKILL);
}

void TestTracerRecipe::threadServerShowsThreads()
{
    const quint16 port = freePort();
    TraceRun run;
    QVERIFY(run.start(
        m_python,
        {QStringLiteral("-u"), recipeCopy(m_dir, QStringLiteral("tcp_server_thread.py"), port)},
        true));
    QVERIFY(run.waitForCalls(SysCall::Listen, 1));
    QVERIFY(runCliClient(port, "one\n"));
    QVERIFY(sendAndClose(port, "two\n"));
    QVERIFY(run.waitForProcess(ProcessChange::Thread, 2));
    QTRY_VERIFY_WITH_TIMEOUT(run.calls(SysCall::Close).size() >= 2, kWaitMs);
    const qint64 pid = run.tracer.programPid();
    QSet<qint64> threadIds;
    for (const SocketEvent &thread : run.processEvents(ProcessChange::Thread)) {
        QCOMPARE(thread.pid, pid);
        QVERIFY(thread.tid != pid);
        threadIds << thread.tid;
    }
    QCOMPARE(run.calls(SysCall::Thread, pid).size(), 2);
    QCOMPARE(run.calls(SysCall::Thread, pid).first().step, 5);
    int received = 0;
    for (const SocketEvent &call : run.calls(SysCall::Recv)) {
        QVERIFY2(threadIds.contains(call.tid), "each connection is read by its own thread");
        QCOMPARE(call.handler, HandlerKind::Thread);
        received += call.bytes > 0 ? 1 : 0;
    }
    QCOMPARE(received, 2);
    run.tracer.terminate(2000);
    QVERIFY(run.waitForFinished());
    QCOMPARE(run.summary().threads, qint64(2));
    QCOMPARE(run.summary().zombies, qint64(0));
}

void TestTracerRecipe::iterativeServerServesOneAtATime()
{
    const quint16 port = freePort();
    TraceRun run;
    QVERIFY(run.start(
        m_python, {QStringLiteral("-u"), recipeCopy(m_dir, QStringLiteral("tcp_server.py"), port)},
        true));
    QVERIFY(run.waitForCalls(SysCall::Listen, 1));
    QVERIFY(runCliClient(port, "first\n"));
    QVERIFY(runCliClient(port, "second\n"));
    QVERIFY(run.waitForCalls(SysCall::Close, 2));
    const QList<SocketEvent> accepts = run.calls(SysCall::Accept);
    QCOMPARE(accepts.size(), 2);
    QVERIFY(accepts.first().peer.startsWith(QStringLiteral("127.0.0.1:")));
    QVERIFY(
        accepts.first().args.startsWith(QStringLiteral("accept4("))); // the real call stays visible
    // One client at a time: the first connection's close comes before the second accept.
    const QStringList names = run.callNames(run.tracer.programPid());
    const int firstClose = names.indexOf(QStringLiteral("close"));
    const int secondAccept = names.lastIndexOf(QStringLiteral("accept"));
    QVERIFY(firstClose >= 0 && firstClose < secondAccept);
    QTRY_VERIFY_WITH_TIMEOUT(run.output.count("Finalizando conexao do cliente") == 2, kWaitMs);
    run.tracer.stop();
    QVERIFY(run.waitForFinished());
}

void TestTracerRecipe::udpServerShowsSenders()
{
    const quint16 port = freePort();
    TraceRun run;
    QVERIFY(run.start(
        m_python, {QStringLiteral("-u"), recipeCopy(m_dir, QStringLiteral("udp_server.py"), port)},
        true));
    QVERIFY(run.waitForCalls(SysCall::Bind, 1));
    socketlab::Fd a = testsupport::udpSocket();
    socketlab::Fd b = testsupport::udpSocket();
    QVERIFY(testsupport::sendTo(a.get(), "from a", port));
    QVERIFY(testsupport::sendTo(b.get(), "from b", port));
    QVERIFY(run.waitForCalls(SysCall::Recvfrom, 2));
    const QList<SocketEvent> received = run.calls(SysCall::Recvfrom);
    QCOMPARE(received.at(0).peer, testsupport::localOf(a.get()));
    QCOMPARE(received.at(1).peer, testsupport::localOf(b.get()));
    QCOMPARE(received.at(0).payload, QByteArray("from a"));
    QCOMPARE(received.at(0).role, Role::Server);
    QCOMPARE(received.at(0).step, 6);
    run.tracer.stop();
    QVERIFY(run.waitForFinished());
}

void TestTracerRecipe::tcpClientTypedInto()
{
    const quint16 port = freePort();
    QProcess server;
    server.start(QStringLiteral(SOCKETLAB_CLI_PATH),
                 {QStringLiteral("server"), QStringLiteral("--port"), QString::number(port),
                  QStringLiteral("--json")});
    QVERIFY(server.waitForStarted(kWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(
        (server.waitForReadyRead(100), server.peek(4096).contains("listening")), kWaitMs);
    TraceRun run;
    QVERIFY(run.start(
        m_python, {QStringLiteral("-u"), recipeCopy(m_dir, QStringLiteral("tcp_client.py"), port)},
        true));
    QVERIFY(run.waitForCalls(SysCall::Connect, 1));
    run.tracer.writeInput("hello\n");
    QVERIFY(run.waitForCalls(SysCall::Send, 1));
    run.tracer.writeInput("\x18\n");
    QVERIFY(run.waitForFinished());
    QCOMPARE(run.exitStatus, 0);
    const SocketEvent connect = run.calls(SysCall::Connect).first();
    QCOMPARE(connect.role, Role::Client);
    QCOMPARE(connect.step, 4);
    QCOMPARE(connect.peer, QStringLiteral("127.0.0.1:%1").arg(port));
    QCOMPARE(run.calls(SysCall::Socket).first().step, 3);
    const SocketEvent send = run.calls(SysCall::Send).first();
    QCOMPARE(send.payload, QByteArray("hello"));
    QCOMPARE(send.bytes, qint64(5));
    QCOMPARE(send.step, 5);
    QCOMPARE(run.calls(SysCall::Close).last().step, 6);
    QVERIFY(run.output.contains("Para sair use CTRL+X"));
    server.terminate();
    server.waitForFinished(kWaitMs);
}

void TestTracerRecipe::udpClientTypedInto()
{
    const quint16 port = freePort();
    socketlab::Fd receiver(::socket(AF_INET, SOCK_DGRAM, 0));
    socklen_t length = 0;
    const sockaddr_storage address = testsupport::addressOf("127.0.0.1", port, &length);
    QCOMPARE(::bind(receiver.get(), reinterpret_cast<const sockaddr *>(&address), length), 0);
    TraceRun run;
    QVERIFY(run.start(
        m_python, {QStringLiteral("-u"), recipeCopy(m_dir, QStringLiteral("udp_client.py"), port)},
        true));
    run.tracer.writeInput("hi there\n\x18\n");
    QVERIFY(run.waitForFinished());
    QCOMPARE(run.exitStatus, 0);
    QCOMPARE(testsupport::receive(receiver.get(), 8), QByteArray("hi there"));
    const QList<SocketEvent> sent = run.calls(SysCall::Sendto);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().peer, QStringLiteral("127.0.0.1:%1").arg(port));
    QCOMPARE(sent.first().role, Role::Client);
    QCOMPARE(sent.first().step, 5);
}

QTEST_GUILESS_MAIN(TestTracerRecipe)
#include "tst_tracer_recipe.moc"
