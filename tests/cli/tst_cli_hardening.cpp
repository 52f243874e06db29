// socketlab-cli server against a hostile classroom's standard output and descriptor limit:
// a reader that never reads, a reader that goes away, and a process at `ulimit -n 64`.

#include "tests/cli/clitestsupport.h"

#include <QElapsedTimer>

#include <atomic>
#include <cerrno>
#include <thread>

using namespace clitest;
using namespace testsupport;

namespace {

// SIGTERM must end the server within a second (docs/cli.md); tests allow more for a busy machine.
constexpr int kExitBoundMs = 3000;

// Clients that send 1 KiB chunks as fast as the server reads, until stopped (or 20 s).
class Flood
{
public:
    Flood(quint16 port, int clients)
    {
        for (int i = 0; i < clients; ++i) {
            m_threads.emplace_back([this, port] {
                Fd fd = tcpConnect(port);
                const QByteArray chunk(1024, 'f');
                QElapsedTimer clock;
                clock.start();
                while (fd.isValid() && !m_stop && clock.elapsed() < 20000) {
                    pollfd p {fd.get(), POLLOUT, 0};
                    if (::poll(&p, 1, 50) <= 0)
                        continue;
                    if (::send(fd.get(), chunk.constData(), size_t(chunk.size()),
                               MSG_NOSIGNAL | MSG_DONTWAIT)
                            < 0
                        && errno != EAGAIN)
                        break;
                    m_sent += 1;
                }
            });
        }
    }
    ~Flood()
    {
        m_stop = true;
        for (std::thread &t : m_threads)
            t.join();
    }
    qint64 sent() const { return m_sent; }

private:
    std::atomic<bool> m_stop {false};
    std::atomic<qint64> m_sent {0};
    std::vector<std::thread> m_threads;
};

bool waitForPort(quint16 port)
{
    return QTest::qWaitFor([port] { return portIsOpen(port, true); }, kWaitMs);
}

} // namespace

class TestCliHardening : public QObject
{
    Q_OBJECT

private slots:
    void floodIsCountedExactly();
    void stdoutNobodyReads();
    void stdoutReaderGoesAway();
    void descriptorLimit_data();
    void descriptorLimit();
};

// A flood faster than the JSON lines can be written: what is not printed one by one is
// printed as "coalesced" counts, so data and coalesced lines add up to the summary exactly.
void TestCliHardening::floodIsCountedExactly()
{
    Process cli;
    QVERIFY(cli.startCli({"server", "--json", "--port", "0", "--backlog", "8"}));
    QVERIFY2(cli.waitForListening(), cli.err().constData());
    {
        Flood flood(cli.listeningPort(), 4);
        QVERIFY(QTest::qWaitFor([&] { return !cli.events("coalesced").isEmpty(); }, kWaitMs));
    }
    QVERIFY(cli.waitForEvents("disconnected", 4));
    cli.signal(SIGTERM);
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    qint64 messages = 0;
    qint64 bytes = 0;
    for (const QJsonObject &e : cli.events("data")) {
        messages += 1;
        bytes += e.value("bytes").toInteger();
    }
    for (const QJsonObject &e : cli.events("coalesced")) {
        QCOMPARE(e.value("merged").toString(), QStringLiteral("data"));
        QVERIFY(e.value("messages").toInteger() > 0);
        messages += e.value("messages").toInteger();
        bytes += e.value("bytes").toInteger();
    }
    const QList<QJsonObject> summary = cli.events("summary");
    QCOMPARE(summary.size(), 1);
    QCOMPARE(summary.first().value("messages").toInteger(), messages);
    QCOMPARE(summary.first().value("bytes").toInteger(), bytes);
    QCOMPARE(cli.events().last().value("event").toString(), QStringLiteral("summary"));
}

// `socketlab-cli server --json | sleep 60` under a flood: SIGTERM still ends it at once, with
// exit 0 and the summary on standard error, and its memory stays bounded meanwhile.
void TestCliHardening::stdoutNobodyReads()
{
    QProcess sleeper;
    Process cli;
    cli.process().setStandardOutputProcess(&sleeper);
    const quint16 port = freePort();
    QVERIFY(cli.startCli({"server", "--json", "--port", QString::number(port)}));
    sleeper.start(QStringLiteral("sleep"), {QStringLiteral("60")});
    QVERIFY(sleeper.waitForStarted(kWaitMs));
    QVERIFY(waitForPort(port));
    {
        Flood flood(port, 2);
        // Until the pipe is long full and the server has read a good deal more than it holds.
        QVERIFY(QTest::qWaitFor([&] { return flood.sent() > 20000; }, kWaitMs));
        QElapsedTimer clock;
        clock.start();
        cli.signal(SIGTERM);
        QVERIFY2(cli.waitForExit(kExitBoundMs),
                 "SIGTERM did not end a server whose stdout is stuck");
        QVERIFY2(clock.elapsed() < kExitBoundMs, qPrintable(QString::number(clock.elapsed())));
    }
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY2(cli.err().contains("\"event\":\"summary\""), cli.err().constData());
    sleeper.kill();
    sleeper.waitForFinished(kWaitMs);
}

// `socketlab-cli server --json | head -c 1`: once the reader is gone, the next line ends the
// server as SIGTERM would (exit 0), instead of running on and printing into nothing.
void TestCliHardening::stdoutReaderGoesAway()
{
    const quint16 port = freePort();
    Process pipeline; // the shell waits for both ends of the pipe
    QVERIFY(pipeline.start(
        QStringLiteral("sh"),
        {"-c", QStringLiteral("\"$0\" server --json --port %1 | head -c 1 >/dev/null").arg(port),
         cliPath()}));
    QVERIFY(waitForPort(port));
    // head has read its byte of the listening line and left; the next line finds no reader.
    QTest::qWait(300);
    Fd client = tcpConnect(port);
    QVERIFY(sendAll(client.get(), "hello"));
    QVERIFY2(pipeline.waitForExit(), "the server ran on after its standard output's reader left");
    QCOMPARE(pipeline.exitCode(), 0);
    QVERIFY2(pipeline.err().contains("Summary") || pipeline.err().contains("summary"),
             pipeline.err().constData());
}

void TestCliHardening::descriptorLimit_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("thread") << "thread";
    QTest::newRow("fork") << "fork";
}

// At `ulimit -n 64`, 80 clients at once: the server does not abort, says once that accept()
// ran out of descriptors, serves what it can, and serves new clients once others left.
void TestCliHardening::descriptorLimit()
{
    QFETCH(QString, mode);
    Process cli;
    QVERIFY(cli.start(QStringLiteral("prlimit"),
                      {"--nofile=64:64", cliPath(), "server", "--json", "--port", "0", "--backlog",
                       "128", "--concurrency", mode}));
    QVERIFY2(cli.waitForListening(), cli.err().constData());
    const quint16 port = cli.listeningPort();

    std::vector<Fd> clients;
    for (int i = 0; i < 80; ++i) {
        clients.push_back(tcpConnect(port));
        QVERIFY(clients.back().isValid());
        QVERIFY(sendAll(clients.back().get(), "x"));
    }
    // It serves up to its limit, then runs out of descriptors.
    QVERIFY(QTest::qWaitFor([&] { return !cli.events("error").isEmpty(); }, kWaitMs));
    QTest::qWait(500); // a repeated failure would show up here, several times
    QCOMPARE(cli.process().state(), QProcess::Running);
    int emfile = 0;
    for (const QJsonObject &e : cli.events("error"))
        emfile += e.value("errno").toInt() == EMFILE;
    QVERIFY2(emfile == 1, qPrintable(QString::number(emfile))); // accept() or, forking, pipe2()

    clients.clear(); // descriptors free up: the clients still in the backlog are served
    QVERIFY(QTest::qWaitFor([&] { return cli.events("data").size() >= 80; }, kWaitMs));
    Fd late = tcpConnect(port);
    QVERIFY(sendAll(late.get(), "late"));
    QVERIFY(QTest::qWaitFor([&] { return cli.dataText().contains("late"); }, kWaitMs));
    late.reset();

    cli.signal(SIGTERM);
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    const QList<QJsonObject> summary = cli.events("summary");
    QCOMPARE(summary.size(), 1);
    QCOMPARE(summary.first().value("connections").toInt(), 81);
    QCOMPARE(summary.first().value("messages").toInt(), cli.events("data").size());
}

QTEST_GUILESS_MAIN(TestCliHardening)
#include "tst_cli_hardening.moc"
