// The role of a traced process (docs/cli.md): listen, or bind and recvfrom, make a server;
// connect or a send first make a client, even one that bound its own address first. The
// calls made before the role showed (socket, its options, bind) carry the role decided and
// its step; step mode previews them with no step (-1).

#include "tests/trace/tracetestsupport.h"

#include <QSignalSpy>

using namespace tracetest;

class TestTracerRoles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void clientThatBindsFirst();
    void udpServerShowsBindBeforeItsFirstDatagram();
    void udpClientThatBindsFirst();
    void stepModeWaitsForTheRole();

private:
    // The role ("server"/"client") and step of each call of the program's first process.
    static QStringList rolesAndSteps(const TraceRun &run);
    QTemporaryDir m_dir;
    QString m_python;
};

void TestTracerRoles::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_python = realPython();
    if (m_python.isEmpty())
        QSKIP("python3 is not installed");
}

QStringList TestTracerRoles::rolesAndSteps(const TraceRun &run)
{
    QStringList found;
    for (const SocketEvent &event : run.events) {
        if (event.kind != EventKind::Call || event.pid != run.tracer.programPid()
            || event.call == SysCall::Exit)
            continue;
        found << QStringLiteral("%1 %2 %3")
                     .arg(sysCallName(event.call),
                          event.role == Role::Server ? QStringLiteral("server")
                                                     : QStringLiteral("client"))
                     .arg(event.step);
    }
    return found;
}

void TestTracerRoles::clientThatBindsFirst()
{
    // A student's client binds 127.0.0.1 and a port of its own, then connects.
    socketlab::Fd listener(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    socklen_t length = 0;
    sockaddr_storage address = testsupport::addressOf("127.0.0.1", 0, &length);
    QCOMPARE(::bind(listener.get(), reinterpret_cast<sockaddr *>(&address), length), 0);
    QCOMPARE(::listen(listener.get(), 4), 0);
    const quint16 port = quint16(testsupport::localOf(listener.get()).section(':', -1).toUInt());
    const quint16 own = freePort();
    const QString script = QStringLiteral("import socket\n"
                                          "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"
                                          "s.bind(('127.0.0.1', %1))\n"
                                          "s.connect(('127.0.0.1', %2))\n"
                                          "s.send(b'hi')\n"
                                          "s.close()\n")
                               .arg(own)
                               .arg(port);
    TraceRun run;
    QVERIFY(run.start(m_python, {QStringLiteral("-c"), script}));
    QVERIFY(run.waitForFinished());
    QCOMPARE(run.exitStatus, 0);
    QCOMPARE(rolesAndSteps(run),
             QStringList({QStringLiteral("socket client 3"), QStringLiteral("bind client 0"),
                          QStringLiteral("connect client 4"), QStringLiteral("send client 5"),
                          QStringLiteral("close client 6")}));
}

void TestTracerRoles::udpServerShowsBindBeforeItsFirstDatagram()
{
    const quint16 port = freePort();
    const QString script = QStringLiteral("import socket\n"
                                          "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
                                          "s.bind(('127.0.0.1', %1))\n"
                                          "data, address = s.recvfrom(1024)\n"
                                          "s.close()\n")
                               .arg(port);
    TraceRun run;
    QVERIFY(run.start(m_python, {QStringLiteral("-c"), script}));
    // recvfrom() waits: its entry shows the role, and the bind made before shows at once.
    QVERIFY(run.waitForCalls(SysCall::Bind, 1));
    QVERIFY(run.calls(SysCall::Recvfrom).isEmpty());
    socketlab::Fd sender = testsupport::udpSocket();
    QVERIFY(testsupport::sendTo(sender.get(), "hello", port));
    QVERIFY(run.waitForFinished());
    QCOMPARE(run.exitStatus, 0);
    QCOMPARE(rolesAndSteps(run),
             QStringList({QStringLiteral("socket server 2"), QStringLiteral("bind server 3"),
                          QStringLiteral("recvfrom server 6"), QStringLiteral("close server 7")}));
}

void TestTracerRoles::udpClientThatBindsFirst()
{
    socketlab::Fd receiver = testsupport::udpSocket();
    const quint16 port = quint16(testsupport::localOf(receiver.get()).section(':', -1).toUInt());
    const QString script = QStringLiteral("import socket\n"
                                          "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
                                          "s.bind(('127.0.0.1', 0))\n"
                                          "s.sendto(b'x', ('127.0.0.1', %1))\n"
                                          "s.close()\n")
                               .arg(port);
    TraceRun run;
    QVERIFY(run.start(m_python, {QStringLiteral("-c"), script}));
    QVERIFY(run.waitForFinished());
    QCOMPARE(run.exitStatus, 0);
    QCOMPARE(rolesAndSteps(run),
             QStringList({QStringLiteral("socket client 3"), QStringLiteral("bind client 0"),
                          QStringLiteral("sendto client 5"), QStringLiteral("close client 6")}));
}

void TestTracerRoles::stepModeWaitsForTheRole()
{
    const quint16 port = freePort();
    const QString script = QStringLiteral("import socket\n"
                                          "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"
                                          "s.bind(('127.0.0.1', %1))\n"
                                          "s.listen(1)\n"
                                          "s.close()\n")
                               .arg(port);
    TraceRun run;
    QSignalSpy paused(&run.tracer, &Tracer::callPaused);
    run.tracer.setStepMode(true);
    QVERIFY(run.start(m_python, {QStringLiteral("-c"), script}));
    QStringList seen;
    for (int i = 0; i < 4; ++i) {
        QVERIFY(paused.wait(kWaitMs));
        const SocketEvent event = paused.takeFirst().first().value<SocketEvent>();
        seen << QStringLiteral("%1 %2").arg(sysCallName(event.call)).arg(event.step);
        run.tracer.stepOnce();
    }
    // Not known before listen(); listen() and what follows are the server's.
    QCOMPARE(seen,
             QStringList({QStringLiteral("socket -1"), QStringLiteral("bind -1"),
                          QStringLiteral("listen 4"), QStringLiteral("close 7")}));
    QVERIFY(run.waitForFinished());
    QCOMPARE(rolesAndSteps(run),
             QStringList({QStringLiteral("socket server 2"), QStringLiteral("bind server 3"),
                          QStringLiteral("listen server 4"), QStringLiteral("close server 7")}));
}

QTEST_GUILESS_MAIN(TestTracerRoles)
#include "tst_tracer_roles.moc"
