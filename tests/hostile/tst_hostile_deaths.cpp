// Students (and their tools) that end processes: a forked child killed from outside, a whole
// process group told to stop (`timeout`, `kill -- -PGID`, systemd), the terminal closing
// (SIGHUP). The server must still count every byte it was told about, say how many children
// were killed, print its summary and leave no zombie.

#include "tests/hostile/hostilesupport.h"

#include <QTest>

#include <csignal>
#include <unistd.h>

using namespace hostile;

namespace {

constexpr int kClients = 4;
constexpr qsizetype kBytesEach = 1000 * 1000;
constexpr int kStopMs = 3000;
// A quiet child tells the parent its counts at least every 0.1 s while it has news: three
// periods later, everything it read has been reported.
constexpr int kReportedMs = 300;
// SIGTERM with this many children (the issue: 1.6 s, to bring under 1 s).
#if defined(__SANITIZE_ADDRESS__)
// Forking a sanitized process, and its exit, cost far more (ASan's shadow memory): 2,000 of
// them take minutes on two cores. Fewer, and a bound that only says "it stops".
constexpr int kManyChildren = 300;
constexpr int kManyStopMs = 10000;
#else
constexpr int kManyChildren = 2000;
constexpr int kManyStopMs = 1000;
#endif

QStringList quietForkServer()
{
    return {"server",        "--json", "--quiet",   "--port", "0",
            "--concurrency", "fork",   "--backlog", "8"};
}

// The server leads a process group of its own, as under a shell's job control or `timeout`,
// so the test can signal the whole group without signalling itself.
bool startGroupLeader(Process &process, const QStringList &arguments)
{
    process.process().setChildProcessModifier([] { ::setpgid(0, 0); });
    return process.startCli(arguments);
}

// The server's children, as /proc says (forked by any of its threads).
QList<qint64> childrenOf(qint64 pid)
{
    QList<qint64> children;
    const QStringList tasks = QDir(QStringLiteral("/proc/%1/task").arg(pid))
                                  .entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile file(QStringLiteral("/proc/%1/task/%2/children").arg(pid).arg(task));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &word : file.readAll().simplified().split(' ')) {
            if (!word.isEmpty())
                children << word.toLongLong();
        }
    }
    return children;
}

// Bytes waiting unread in every IPv4 TCP socket on 127.0.0.1:port (the server's side of
// each connection), as /proc/net/tcp says; -1 when it cannot be read.
qint64 unreadOnPort(quint16 port)
{
    QFile file(QStringLiteral("/proc/net/tcp"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray local
        = QStringLiteral("0100007F:%1").arg(port, 4, 16, QLatin1Char('0')).toUpper().toLatin1();
    qint64 unread = 0;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() > 4 && fields.at(1).toUpper() == local)
            unread += fields.at(4).mid(fields.at(4).indexOf(':') + 1).toLongLong(nullptr, 16);
    }
    return unread;
}

// kClients connections, each sending kBytesEach, until the server's side of every one has
// read them all (its receive queue is empty). The connections stay open.
std::vector<Fd> sendAndWaitRead(quint16 port)
{
    std::vector<Fd> clients;
    const QByteArray data(kBytesEach, 'k');
    for (int i = 0; i < kClients; ++i) {
        Fd fd = startConnect(port);
        if (!fd.isValid() || !QTest::qWaitFor([&] { return connectDone(fd.get()); }, kWaitMs))
            return {};
        if (!sendAllTurning(fd.get(), data))
            return {};
        clients.push_back(std::move(fd));
    }
    if (!QTest::qWaitFor([&] { return unreadOnPort(port) == 0; }, kWaitMs))
        return {};
    return clients;
}

bool waitForChildren(qint64 pid, int count)
{
    return QTest::qWaitFor([&] { return childrenOf(pid).size() >= count; }, kWaitMs);
}

} // namespace

class TestHostileDeaths : public QObject
{
    Q_OBJECT

private slots:
    void quietChildKilledFromOutside();
    void groupSigtermWithQuiet_data();
    void groupSigtermWithQuiet();
    void sighupEndsServer_data();
    void sighupEndsServer();
    void sighupEndsClient();
    void manyChildrenStopPromptly();
};

// A child SIGKILLed from outside after its bytes were read: what it reported counts, the
// summary says one child was killed and that its last moments may be missing.
void TestHostileDeaths::quietChildKilledFromOutside()
{
    Process server;
    QVERIFY(server.startCli(quietForkServer()));
    QVERIFY2(server.waitForListening(), server.err().constData());
    const std::vector<Fd> clients = sendAndWaitRead(server.listeningPort());
    QCOMPARE(int(clients.size()), kClients);
    QVERIFY(waitForChildren(server.pid(), kClients));
    QTest::qWait(kReportedMs); // the bound the reports keep to (see kReportedMs)

    const qint64 victim = childrenOf(server.pid()).first();
    QCOMPARE(::kill(pid_t(victim), SIGKILL), 0);
    QVERIFY(
        QTest::qWaitFor([&] { return childrenOf(server.pid()).size() == kClients - 1; }, kWaitMs));

    QVERIFY(terminate(server, kStopMs) >= 0);
    QCOMPARE(server.exitCode(), 0);
    const QJsonObject summary = summaryOf(server);
    QCOMPARE(number(summary, "connections"), kClients);
    QCOMPARE(number(summary, "bytes"), kClients * kBytesEach);
    QCOMPARE(number(summary, "killed"), 1);
    QCOMPARE(number(summary, "incomplete"), 1);
    QVERIFY(zombieChildren(server.pid()).isEmpty());
}

// SIGTERM (or SIGINT) to the whole process group, as `timeout`, `kill -- -PGID` or Ctrl+C
// send it: the children leave the stop to the parent, and every byte counts.
void TestHostileDeaths::groupSigtermWithQuiet_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestHostileDeaths::groupSigtermWithQuiet()
{
    QFETCH(int, signal);
    Process server;
    QVERIFY(startGroupLeader(server, quietForkServer()));
    QVERIFY2(server.waitForListening(), server.err().constData());
    const std::vector<Fd> clients = sendAndWaitRead(server.listeningPort());
    QCOMPARE(int(clients.size()), kClients);
    QVERIFY(waitForChildren(server.pid(), kClients));

    QElapsedTimer clock;
    clock.start();
    QCOMPARE(::kill(-pid_t(server.pid()), signal), 0);
    QVERIFY(server.waitForExit(kStopMs));
    qInfo("stopped %lld ms after the group's signal", clock.elapsed());
    QCOMPARE(server.exitCode(), 0);
    const QJsonObject summary = summaryOf(server);
    QCOMPARE(number(summary, "bytes"), kClients * kBytesEach);
    QCOMPARE(number(summary, "killed"), 0);
    QVERIFY(!summary.contains(QLatin1String("incomplete")));
}

// The terminal or SSH session closes: the whole group gets SIGHUP, and the server stops as
// on SIGTERM, summary included.
void TestHostileDeaths::sighupEndsServer_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("fork") << QStringLiteral("fork");
    QTest::newRow("thread") << QStringLiteral("thread");
    QTest::newRow("poll") << QStringLiteral("poll");
}

void TestHostileDeaths::sighupEndsServer()
{
    QFETCH(QString, mode);
    Process server;
    QVERIFY(startGroupLeader(server, {"server", "--json", "--port", "0", "--concurrency", mode}));
    QVERIFY2(server.waitForListening(), server.err().constData());
    Fd client = startConnect(server.listeningPort());
    QVERIFY(client.isValid());
    QVERIFY(QTest::qWaitFor([&] { return connectDone(client.get()); }, kWaitMs));
    QVERIFY(sendAllTurning(client.get(), "hello"));
    QVERIFY(waitForEventCount(server, "data", 1));

    QCOMPARE(::kill(-pid_t(server.pid()), SIGHUP), 0);
    QVERIFY(server.waitForExit(kStopMs));
    QCOMPARE(server.exitCode(), 0);
    const QJsonObject summary = summaryOf(server);
    QVERIFY2(!summary.isEmpty(), server.out().right(400).constData());
    QCOMPARE(number(summary, "bytes"), 5);
    QCOMPARE(number(summary, "killed"), 0);
}

// The client too ends on SIGHUP as on SIGTERM (exit 0), instead of dying by the signal.
void TestHostileDeaths::sighupEndsClient()
{
    Process server;
    QVERIFY(server.startCli({"server", "--json", "--port", "0"}));
    QVERIFY2(server.waitForListening(), server.err().constData());
    Process client;
    QVERIFY(
        client.startCli({"client", "--json", "--port", QString::number(server.listeningPort())}));
    QVERIFY(client.waitForEvents(QStringLiteral("connected"), 1));
    QVERIFY(client.write("hi\n"));
    QVERIFY(waitForEventCount(server, "data", 1));

    client.signal(SIGHUP);
    QVERIFY(client.waitForExit(kStopMs));
    QCOMPARE(client.exitCode(), 0);
}

// 2,000 children, each holding one quiet connection: SIGTERM ends them all, counted and reaped,
// within a second (kManyChildren, kManyStopMs: fewer and longer under ASan).
void TestHostileDeaths::manyChildrenStopPromptly()
{
    // This process holds a socket per client; the server a pipe per child and its socket.
    const rlim_t needed = rlim_t(kManyChildren) * 2 + 64;
    const rlim_t limit = raiseDescriptorLimit();
    if (limit < needed)
        QSKIP(qPrintable(QStringLiteral("needs %1 descriptors, the hard limit is %2")
                             .arg(qulonglong(needed))
                             .arg(qulonglong(limit))));
    Process server;
    QVERIFY(
        server.startCli({"server", "--json", "--quiet", "--port", "0", "--concurrency", "fork",
                         "--backlog", "4096", "--max-clients", QString::number(kManyChildren)}));
    QVERIFY2(server.waitForListening(), server.err().constData());
    std::vector<Fd> clients;
    clients.reserve(kManyChildren);
    QElapsedTimer startClock;
    startClock.start();
    for (int i = 0; i < kManyChildren; ++i) {
        clients.push_back(startConnect(server.listeningPort()));
        QVERIFY(clients.back().isValid());
    }
    QVERIFY(QTest::qWaitFor([&] { return childrenOf(server.pid()).size() == kManyChildren; },
                            kWaitMs * 6));
    const qint64 startMs = startClock.elapsed();
    int sent = 0;
    for (const Fd &fd : clients)
        sent += connectDone(fd.get()) && sendSome(fd.get(), "x") == 1 ? 1 : 0;
    QCOMPARE(sent, kManyChildren);
    // Every byte read before the stop (what a child had not read yet would not count).
    QVERIFY(QTest::qWaitFor([&] { return unreadOnPort(server.listeningPort()) == 0; }, kWaitMs));

    const qint64 stopMs = terminate(server, kWaitMs * 3);
    qInfo("%d children: started in %lld ms, stopped %lld ms after SIGTERM", kManyChildren, startMs,
          stopMs);
    // On a machine busy with other work, 2,000 exits take as long as 2,000 forks did (7 s at
    // a load of 11 on two cores): the bound is the promise or the time the forks took, so a
    // stop that waits on each child in turn still fails, and the machine's load does not.
    const qint64 boundMs = qMax<qint64>(kManyStopMs, startMs);
    QVERIFY2(stopMs >= 0 && stopMs < boundMs,
             qPrintable(QStringLiteral("%1 ms (bound %2 ms)").arg(stopMs).arg(boundMs)));
    QCOMPARE(server.exitCode(), 0);
    const QJsonObject summary = summaryOf(server);
    QCOMPARE(number(summary, "connections"), qint64(kManyChildren));
    QCOMPARE(number(summary, "bytes"), qint64(kManyChildren));
    QCOMPARE(number(summary, "killed"), 0);
    QVERIFY(zombieChildren(server.pid()).isEmpty());
}

QTEST_GUILESS_MAIN(TestHostileDeaths)
#include "tst_hostile_deaths.moc"
