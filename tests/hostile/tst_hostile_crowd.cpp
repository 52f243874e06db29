// A whole classroom at once against socketlab-cli server: 500 connections in the same moment
// (thread and fork mode), and a full --max-clients cap with one more student waiting.

#include "tests/hostile/hostilesupport.h"

#include <QSet>
#include <QTest>

using namespace hostile;

namespace {

constexpr int kCrowd = 500;
constexpr int kCap = 200;
// "Does it stop at all" bounds, generous for a loaded 2-core CI machine under ASan.
constexpr int kStopMs = 5000;
// How long a client that must NOT be served is watched.
constexpr int kNotServedMs = 1000;

QString peerOf(int fd)
{
    return testsupport::localOf(fd);
}

} // namespace

class TestHostileCrowd : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fiveHundredAtOnce_data();
    void fiveHundredAtOnce();
    void capFullClientWaits();
};

void TestHostileCrowd::initTestCase()
{
    // This process holds the clients' sockets, the server (which inherits the limit) one
    // socket, and in fork mode one pipe, per client; a few dozen more for everything else.
    const rlim_t needed = rlim_t(kCrowd) + 64;
    const rlim_t limit = raiseDescriptorLimit();
    if (limit < needed)
        QSKIP(qPrintable(QStringLiteral("needs %1 descriptors, the hard limit is %2")
                             .arg(qulonglong(needed))
                             .arg(qulonglong(limit))));
}

void TestHostileCrowd::fiveHundredAtOnce_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("thread") << QStringLiteral("thread");
    QTest::newRow("fork") << QStringLiteral("fork");
    QTest::newRow("poll") << QStringLiteral("poll");
}

void TestHostileCrowd::fiveHundredAtOnce()
{
    QFETCH(QString, mode);
    Process server;
    QVERIFY(server.startCli({"server", "--json", "--port", "0", "--concurrency", mode, "--backlog",
                             "512", "--max-clients", "600"}));
    QVERIFY2(server.waitForListening(), server.err().constData());
    const quint16 port = server.listeningPort();

    // Every connect started before any completes: the crowd arrives in one burst.
    std::vector<Fd> clients;
    clients.reserve(kCrowd);
    for (int i = 0; i < kCrowd; ++i) {
        Fd fd = startConnect(port);
        QVERIFY2(fd.isValid(),
                 qPrintable(QStringLiteral("connect %1: %2").arg(i).arg(qt_error_string(errno))));
        clients.push_back(std::move(fd));
    }
    std::vector<bool> sent(kCrowd, false);
    QSet<QString> peers;
    qint64 bytes = 0;
    int sentCount = 0;
    // Each sends one small message as soon as its connect completed.
    const bool allSent = QTest::qWaitFor(
        [&] {
            for (int i = 0; i < kCrowd; ++i) {
                if (sent[size_t(i)] || !connectDone(clients[size_t(i)].get()))
                    continue;
                const QByteArray message = QByteArray("student ") + QByteArray::number(i) + '\n';
                if (sendSome(clients[size_t(i)].get(), message) != message.size())
                    continue; // a small message on a fresh socket goes whole, or not at all
                sent[size_t(i)] = true;
                peers << peerOf(clients[size_t(i)].get());
                bytes += message.size();
                ++sentCount;
            }
            return sentCount == kCrowd;
        },
        kWaitMs * 2);
    QVERIFY2(
        allSent,
        qPrintable(QStringLiteral("only %1 of %2 connected and sent").arg(sentCount).arg(kCrowd)));

    // Every one accepted and served: a connected event per client.
    QVERIFY2(
        waitForEventCount(server, "connected", kCrowd, kWaitMs * 3),
        qPrintable(
            QStringLiteral("%1 connected events").arg(countEvents(server.out(), "connected"))));
    QSet<QString> served;
    for (const QJsonObject &e : server.events(QStringLiteral("connected")))
        served << e.value(QLatin1String("peer")).toString();
    QCOMPARE(served, peers);

    // They all leave; the server sees each one go, and a forking server reaps every child.
    clients.clear();
    QVERIFY2(waitForEventCount(server, "disconnected", kCrowd, kWaitMs * 3),
             qPrintable(QStringLiteral("%1 disconnected events")
                            .arg(countEvents(server.out(), "disconnected"))));
    QList<qint64> zombies;
    const bool noZombies = QTest::qWaitFor(
        [&] {
            zombies = zombieChildren(server.pid());
            return zombies.isEmpty();
        },
        kWaitMs);
    QVERIFY2(noZombies, qPrintable(QStringLiteral("%1 zombie children").arg(zombies.size())));

    const qint64 stopMs = terminate(server, kStopMs);
    QVERIFY2(stopMs >= 0, "the server did not exit after SIGTERM");
    QCOMPARE(server.exitCode(), 0);
    const QJsonObject summary = summaryOf(server);
    QVERIFY2(!summary.isEmpty(), server.out().right(500).constData());
    QCOMPARE(number(summary, "connections"), qint64(kCrowd));
    QCOMPARE(number(summary, "messages"), qint64(kCrowd));
    QCOMPARE(number(summary, "bytes"), bytes);
}

void TestHostileCrowd::capFullClientWaits()
{
    Process server;
    QVERIFY(server.startCli({"server", "--json", "--port", "0", "--concurrency", "thread",
                             "--backlog", "512", "--max-clients", QString::number(kCap)}));
    QVERIFY2(server.waitForListening(), server.err().constData());
    const quint16 port = server.listeningPort();

    // kCap idle students fill every handler.
    std::vector<Fd> idle;
    idle.reserve(kCap);
    for (int i = 0; i < kCap; ++i) {
        Fd fd = startConnect(port);
        QVERIFY(fd.isValid());
        idle.push_back(std::move(fd));
    }
    QVERIFY2(
        waitForEventCount(server, "connected", kCap, kWaitMs * 2),
        qPrintable(
            QStringLiteral("%1 connected events").arg(countEvents(server.out(), "connected"))));
    const int eventsBefore = int(server.lines().size());

    // One more: the kernel completes its handshake (the backlog has room) and keeps its
    // message, but the server must not serve it while the cap is full.
    Fd late = startConnect(port);
    QVERIFY(late.isValid());
    QTRY_VERIFY_WITH_TIMEOUT(connectDone(late.get()), kWaitMs);
    const QByteArray message("the late student\n");
    QCOMPARE(sendSome(late.get(), message), message.size());
    const QString latePeer = peerOf(late.get());
    // Served: any event for it but the kernel's view of its socket ("state": it waits in the
    // backlog, which the stream may well say).
    auto servedEvents = [&server, &latePeer] {
        int count = 0;
        for (const QJsonObject &e : server.events()) {
            if (e.value(QLatin1String("peer")).toString() == latePeer
                && e.value(QLatin1String("event")).toString() != QLatin1String("state"))
                ++count;
        }
        return count;
    };
    QTest::qWait(kNotServedMs); // a negative check: nothing may happen during this time
    QVERIFY2(servedEvents() == 0, "the client over the cap was served");

    // The class is told it waits: one error event (errno 0, not a failure of accept()),
    // once per wait, saying the cap is full and naming it.
    int waitEvents = 0;
    for (const QJsonObject &e : server.events().mid(eventsBefore)) {
        if (e.value(QLatin1String("event")).toString() == QLatin1String("error")
            && e.value(QLatin1String("call")).toString() == QLatin1String("accept")
            && e.value(QLatin1String("errno")).toInt() == 0) {
            ++waitEvents;
            QCOMPARE(e.value(QLatin1String("result")).toInt(), kCap);
            QVERIFY(e.value(QLatin1String("message")).toString().contains(QString::number(kCap)));
        }
    }
    QCOMPARE(waitEvents, 1);

    // One student leaves: the late one is served and its message counted.
    idle.front().reset();
    QVERIFY2(QTest::qWaitFor([&] { return servedEvents() > 0; }, kWaitMs),
             "the waiting client was never served");
    QTRY_VERIFY_WITH_TIMEOUT(
        server.dataText(QStringLiteral("data"), latePeer) == QString::fromUtf8(message), kWaitMs);

    const qint64 stopMs = terminate(server, kStopMs);
    QVERIFY2(stopMs >= 0, "the server did not exit after SIGTERM");
    QCOMPARE(server.exitCode(), 0);
    const QJsonObject summary = summaryOf(server);
    QCOMPARE(number(summary, "connections"), qint64(kCap + 1));
    QCOMPARE(number(summary, "messages"), qint64(1));
    QCOMPARE(number(summary, "bytes"), qint64(message.size()));
}

QTEST_GUILESS_MAIN(TestHostileCrowd)
#include "tst_hostile_crowd.moc"
