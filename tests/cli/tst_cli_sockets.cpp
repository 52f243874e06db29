// socketlab-cli sockets driven as a process: the --json keys of the contract against a
// socketlab-cli server with two clients, --watch printing a new connection and ending with
// exit code 0 on SIGTERM, and exit code 2 for bad values.

#include "tests/cli/clitestsupport.h"

#include <QSet>
#include <QTest>

using namespace clitest;
using namespace testsupport;
using socketlab::Fd;

namespace {
const QSet<QString> kKeys = {"proto", "state", "local", "peer", "recv_q", "send_q", "accepted",
                             "timer_ms", "inode", "pid", "accept_queue", "backlog"};
const QStringList kAlways = {"proto", "state", "local", "peer", "recv_q", "send_q", "accepted",
                             "timer_ms", "inode"};
} // namespace

class TestCliSockets : public QObject
{
    Q_OBJECT

private slots:
    void jsonListsListenerAndConnections();
    void watchPrintsNewConnectionAndStopsOnSigterm();
    void badValuesExitTwo_data();
    void badValuesExitTwo();
};

void TestCliSockets::jsonListsListenerAndConnections()
{
    Process server;
    QVERIFY(server.startCli({"server", "--port", "0", "--json", "--backlog", "4"}));
    QVERIFY(server.waitForListening());
    const quint16 port = server.listeningPort();
    const Fd first = tcpConnect(port);
    const Fd second = tcpConnect(port);
    QVERIFY(first.isValid() && second.isValid());
    QVERIFY(server.waitForEvents("connected", 2));

    Process sockets;
    QVERIFY(sockets.startCli({"sockets", "--port", QString::number(port), "--json"}));
    QVERIFY(sockets.waitForExit());
    QCOMPARE(sockets.exitCode(), 0);
    // The port number may be at one end of other programs' sockets too (another test's
    // TIME_WAIT on a port the kernel handed out again): ours are known by both ends.
    const QString serverAddress = QStringLiteral("127.0.0.1:%1").arg(port);
    const QSet<QString> ourClients = {localOf(first.get()), localOf(second.get())};
    int listeners = 0;
    int serverSides = 0;
    QSet<QString> clientSides;
    for (const QByteArray &line : sockets.lines()) {
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        QVERIFY2(doc.isObject(), line.constData());
        const QJsonObject s = doc.object();
        for (const QString &key : s.keys())
            QVERIFY2(kKeys.contains(key), qPrintable(key));
        for (const QString &key : kAlways)
            QVERIFY2(s.contains(key), qPrintable(key + QLatin1Char(' ') + QString::fromUtf8(line)));
        QCOMPARE(s.value("proto").toString(), QStringLiteral("tcp"));
        QVERIFY(s.value("accepted").isBool());
        const QString local = s.value("local").toString();
        const QString peer = s.value("peer").toString();
        if (s.value("state").toString() == QLatin1String("LISTEN")) {
            ++listeners;
            QCOMPARE(local, serverAddress);
            QCOMPARE(s.value("accept_queue").toInt(-1), 0);
            QCOMPARE(s.value("backlog").toInt(), 4);
            QCOMPARE(s.value("pid").toInteger(), server.pid());
            continue;
        }
        QVERIFY(!s.contains("accept_queue") && !s.contains("backlog"));
        const bool serverSide = local == serverAddress && ourClients.contains(peer);
        const bool clientSide = ourClients.contains(local) && peer == serverAddress;
        if (!serverSide && !clientSide)
            continue;
        QCOMPARE(s.value("state").toString(), QStringLiteral("ESTABLISHED"));
        if (serverSide) {
            ++serverSides;
            QCOMPARE(s.value("pid").toInteger(), server.pid());
            QVERIFY(s.value("accepted").toBool());  // the server's thread accepted it
        } else {
            clientSides << local;
            QCOMPARE(s.value("pid").toInteger(), qint64(::getpid()));
        }
    }
    QCOMPARE(listeners, 1);
    QCOMPARE(serverSides, 2);
    QCOMPARE(clientSides, ourClients);
}

void TestCliSockets::watchPrintsNewConnectionAndStopsOnSigterm()
{
    Process server;
    QVERIFY(server.startCli({"server", "--port", "0", "--quiet"}));
    QVERIFY(server.waitForOutput("Listening"));
    // --quiet's human line names the address: find the port there.
    const QByteArray out = server.out();
    const int colon = out.indexOf("127.0.0.1:");
    QVERIFY(colon >= 0);
    const quint16 port = quint16(out.mid(colon + 10).split(' ').first().toUInt());
    QVERIFY(port != 0);

    Process watch;
    QVERIFY(watch.startCli({"sockets", "--port", QString::number(port), "--watch", "100"}));
    QVERIFY(watch.waitForOutput("LISTEN"));
    Fd client = tcpConnect(port);
    QVERIFY(client.isValid());
    const QByteArray clientLine = (localOf(client.get()) + QStringLiteral(" -> 127.0.0.1:%1").arg(port)).toUtf8();
    QVERIFY2(watch.waitForOutput(clientLine), watch.out().constData());
    QVERIFY(watch.out().contains("ESTABLISHED"));
    const QByteArray serverLine = "127.0.0.1:" + QByteArray::number(port) + " <- " + localOf(client.get()).toUtf8();
    // Closed by the client: its side changes to TIME_WAIT, the server's side goes away.
    client.reset();
    QVERIFY2(watch.waitForOutput("GONE  " + serverLine), watch.out().constData());
    QVERIFY2(watch.waitForOutput("TIME_WAIT  " + clientLine), watch.out().constData());
    watch.signal(SIGTERM);
    QVERIFY(watch.waitForExit());
    QCOMPARE(watch.exitCode(), 0);
}

void TestCliSockets::badValuesExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");
    QTest::newRow("watch too short") << QStringList{"sockets", "--watch", "10"} << "\"10\"";
    QTest::newRow("watch not a number") << QStringList{"sockets", "--watch", "soon"} << "\"soon\"";
    QTest::newRow("port") << QStringList{"sockets", "--port", "70000"} << "\"70000\"";
    QTest::newRow("proto") << QStringList{"sockets", "--proto", "sctp"} << "\"sctp\"";
    QTest::newRow("server option") << QStringList{"sockets", "--echo"} << "--echo";
    QTest::newRow("watch for a server") << QStringList{"server", "--watch", "100"} << "--watch";
}

void TestCliSockets::badValuesExitTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    Process cli;
    QVERIFY(cli.startCli(arguments));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 2);
    QVERIFY2(cli.err().contains(named.toUtf8()), cli.err().constData());
}

QTEST_GUILESS_MAIN(TestCliSockets)
#include "tst_cli_sockets.moc"
