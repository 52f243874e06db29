// socketlab-cli sockets driven as a process: the --json keys of the contract against a
// socketlab-cli server with two clients, --watch printing a new connection and ending with
// exit code 0 on SIGTERM, and exit code 2 for bad values.

#include "tests/cli/clitestsupport.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>

#include <sys/resource.h>
#include <unistd.h>

#include <vector>

using namespace clitest;
using namespace testsupport;
using socketlab::Fd;

namespace {
const QSet<QString> kKeys = {"proto",    "state",    "local", "peer", "recv_q",       "send_q",
                             "accepted", "timer_ms", "inode", "pid",  "accept_queue", "backlog"};
const QStringList kAlways
    = {"proto", "state", "local", "peer", "recv_q", "send_q", "accepted", "timer_ms", "inode"};
} // namespace

class TestCliSockets : public QObject
{
    Q_OBJECT

private slots:
    void jsonListsListenerAndConnections();
    void watchPrintsNewConnectionAndStopsOnSigterm();
    void watchBacksOffWhenSamplingIsCostly();
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
            QVERIFY(s.value("accepted").toBool()); // the server's thread accepted it
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
    const QByteArray clientLine
        = (localOf(client.get()) + QStringLiteral(" -> 127.0.0.1:%1").arg(port)).toUtf8();
    QVERIFY2(watch.waitForOutput(clientLine), watch.out().constData());
    QVERIFY(watch.out().contains("ESTABLISHED"));
    const QByteArray serverLine
        = "127.0.0.1:" + QByteArray::number(port) + " <- " + localOf(client.get()).toUtf8();
    // Closed by the client: its side changes to TIME_WAIT, the server's side goes away.
    client.reset();
    QVERIFY2(watch.waitForOutput("GONE  " + serverLine), watch.out().constData());
    QVERIFY2(watch.waitForOutput("TIME_WAIT  " + clientLine), watch.out().constData());
    watch.signal(SIGTERM);
    QVERIFY(watch.waitForExit());
    QCOMPARE(watch.exitCode(), 0);
}

namespace {
// CPU seconds (user + system) the process used so far, as /proc/PID/stat says; -1 if gone.
double cpuSeconds(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = file.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong())
        / double(::sysconf(_SC_CLK_TCK));
}
} // namespace

// A sample walks the kernel's whole socket table, whatever port it filters on: with thousands
// of sockets on the machine, --watch waits longer between samples, as the server's sampler
// does, instead of keeping a core busy while nothing changes.
void TestCliSockets::watchBacksOffWhenSamplingIsCostly()
{
    rlimit limit {};
    ::getrlimit(RLIMIT_NOFILE, &limit);
    constexpr rlim_t kSockets = 4000;
    if (limit.rlim_max < kSockets + 100)
        QSKIP("the descriptor limit is too low for thousands of sockets");
    const rlimit raised {limit.rlim_max, limit.rlim_max};
    ::setrlimit(RLIMIT_NOFILE, &raised);
    std::vector<Fd> listeners;
    for (rlim_t i = 0; i < kSockets; ++i) {
        Fd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
        socklen_t length = 0;
        const sockaddr_storage any = addressOf("127.0.0.1", 0, &length);
        if (!fd.isValid() || ::bind(fd.get(), reinterpret_cast<const sockaddr *>(&any), length) != 0
            || ::listen(fd.get(), 1) != 0) {
            break;
        }
        listeners.push_back(std::move(fd));
    }
    QCOMPARE(listeners.size(), size_t(kSockets));

    Process watch;
    QVERIFY(watch.startCli({"sockets", "--port", QString::number(freePort()), "--watch", "50"}));
    QTest::qWait(300); // past the start-up
    const double before = cpuSeconds(watch.pid());
    QElapsedTimer clock;
    clock.start();
    QTest::qWait(2000); // the span measured, not a synchronization
    const double used = cpuSeconds(watch.pid()) - before;
    const double share = used * 1000.0 / double(clock.elapsed());
    watch.signal(SIGTERM);
    QVERIFY(watch.waitForExit());
    QCOMPARE(watch.exitCode(), 0);
    listeners.clear();
    ::setrlimit(RLIMIT_NOFILE, &limit);
    // Sampling every 50 ms took ~20% of a core here; backed off, well under 1%.
    QVERIFY2(before >= 0 && share < 0.08,
             qPrintable(QStringLiteral("%1% of a core").arg(share * 100)));
}

void TestCliSockets::badValuesExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");
    QTest::newRow("watch too short") << QStringList {"sockets", "--watch", "10"} << "\"10\"";
    QTest::newRow("watch not a number") << QStringList {"sockets", "--watch", "soon"} << "\"soon\"";
    QTest::newRow("port") << QStringList {"sockets", "--port", "70000"} << "\"70000\"";
    QTest::newRow("proto") << QStringList {"sockets", "--proto", "sctp"} << "\"sctp\"";
    QTest::newRow("server option") << QStringList {"sockets", "--echo"} << "--echo";
    QTest::newRow("watch for a server") << QStringList {"server", "--watch", "100"} << "--watch";
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
