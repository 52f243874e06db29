// The hostile classroom, client side: a socketlab-cli client whose standard output nobody
// reads or whose reader goes away, the end of its input while the server still answers, and
// datagrams longer than the server's buffer. Real processes on 127.0.0.1, every wait bounded.

#include "tests/hostile/hostilesupport.h"

#include <QTest>

#include <atomic>
#include <thread>

using namespace hostile;
using clitest::cliPath;
using testsupport::tcpConnect;

namespace {
// The issue asks for 1 s; the bound leaves room for a busy machine.
constexpr int kStopBoundMs = 3000;
constexpr qint64 kSixteenMiB = 16 * 1024 * 1024;

// Lines for a client to send to an echo server: enough to keep it printing for a long time.
QByteArray manyLines(int lines, int length)
{
    QByteArray line(length, 'y');
    line += '\n';
    return line.repeated(lines);
}

// Accepts one connection and floods it from a thread of its own, so the client's receive
// queue never runs dry, until the client resets the connection.
class FloodingServer
{
public:
    FloodingServer()
    {
        socklen_t length = 0;
        const sockaddr_storage address = testsupport::addressOf("127.0.0.1", 0, &length);
        m_listener = Fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
        if (::bind(m_listener.get(), reinterpret_cast<const sockaddr *>(&address), length) != 0
            || ::listen(m_listener.get(), 4) != 0) {
            m_listener.reset();
            return;
        }
        m_thread = std::thread([this] { run(); });
    }
    ~FloodingServer()
    {
        m_listener.reset(); // ::shutdown first, so a waiting accept() returns
        if (m_thread.joinable())
            m_thread.join();
    }
    quint16 port() const { return m_port; }
    qint64 sent() const { return m_sent.load(); }

private:
    void run()
    {
        m_port = socketlab::Endpoint::localOf(m_listener.get()).port();
        pollfd p {m_listener.get(), POLLIN, 0};
        if (::poll(&p, 1, kWaitMs) <= 0)
            return;
        Fd connection(::accept4(m_listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
        const timeval limit {1, 0}; // a blocked send() gives up now and then, to check the time
        ::setsockopt(connection.get(), SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
        const QByteArray chunk(65536, 'z');
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 20000) {
            const ssize_t n
                = ::send(connection.get(), chunk.constData(), size_t(chunk.size()), MSG_NOSIGNAL);
            if (n < 0 && errno != EAGAIN && errno != EINTR)
                return; // reset by the client
            if (n > 0)
                m_sent += n;
        }
    }

    Fd m_listener;
    std::atomic<quint16> m_port {0};
    std::atomic<qint64> m_sent {0};
    std::thread m_thread;
};
} // namespace

class TestHostileClient : public QObject
{
    Q_OBJECT

private slots:
    void stopsWithStdoutNobodyReads_data();
    void stopsWithStdoutNobodyReads();
    void endsWhenStdoutReaderLeaves();
    void endOfInputReadsTheWholeEcho();
    void closeWithUnreadBytesSaysSo();
    void longDatagramsSayTheyWereTruncated();
};

void TestHostileClient::stopsWithStdoutNobodyReads_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

// `socketlab-cli client | sleep 60` while an echo server floods it: the client prints far
// more than the pipe holds, and a signal still ends it at once.
void TestHostileClient::stopsWithStdoutNobodyReads()
{
    QFETCH(int, signal);
    Process server;
    QVERIFY(server.startCli({"server", "--echo", "--quiet", "--json", "--port", "0"}));
    QVERIFY(server.waitForListening());
    QProcess sleeper;
    Process client;
    client.process().setStandardOutputProcess(&sleeper);
    QVERIFY(client.startCli({"client", "--port", QString::number(server.listeningPort())}));
    sleeper.start(QStringLiteral("sleep"), {QStringLiteral("60")});
    QVERIFY(sleeper.waitForStarted(kWaitMs));
    // 8 MiB of lines: their echo, printed, is a hundred times what a pipe holds.
    const QByteArray input = manyLines(8192, 1023);
    client.process().write(input);
    // A good part of it sent and echoed: far more output than the pipe holds.
    QVERIFY(QTest::qWaitFor(
        [&] { return client.process().bytesToWrite() < input.size() - 256 * 1024; }, kWaitMs));
    QElapsedTimer clock;
    clock.start();
    client.signal(signal);
    QVERIFY2(client.waitForExit(kStopBoundMs),
             "a signal did not end a client whose stdout is stuck");
    QVERIFY2(clock.elapsed() < kStopBoundMs, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(client.exitCode(), 0);
    sleeper.kill();
    sleeper.waitForFinished(kWaitMs);
    QVERIFY(terminate(server, kWaitMs) >= 0);
}

// `socketlab-cli client | head -2` with input still coming: once head has its two lines, the
// next line finds no reader and ends the client (the shell then ends).
void TestHostileClient::endsWhenStdoutReaderLeaves()
{
    Process server;
    QVERIFY(server.startCli({"server", "--echo", "--quiet", "--json", "--port", "0"}));
    QVERIFY(server.waitForListening());
    Process pipeline;
    QVERIFY(pipeline.start(
        QStringLiteral("sh"),
        {"-c",
         QStringLiteral("\"$0\" client --port %1 | head -2 >/dev/null").arg(server.listeningPort()),
         cliPath()}));
    // Input that keeps coming (standard input stays open): only EPIPE can end the client.
    pipeline.process().write(manyLines(2048, 1023));
    QVERIFY2(pipeline.waitForExit(kWaitMs),
             "the client ran on after its standard output's reader left");
    QCOMPARE(pipeline.exitCode(), 0);
    QVERIFY(terminate(server, kWaitMs) >= 0);
}

// A 16 MiB line to `server --echo`, then the input ends: the client reads the echo still on
// its way before close(), so no RST cuts the server's reading short: it counts every byte.
void TestHostileClient::endOfInputReadsTheWholeEcho()
{
    Process server;
    QVERIFY(server.startCli({"server", "--echo", "--json", "--port", "0"}));
    QVERIFY(server.waitForListening());
    Process client;
    client.process().setStandardOutputFile(QProcess::nullDevice());
    QVERIFY(client.startCli({"client", "--port", QString::number(server.listeningPort())}));
    QVERIFY(client.write(QByteArray(kSixteenMiB, 'e')));
    client.closeInput();
    QVERIFY(client.waitForExit(30000));
    QCOMPARE(client.exitCode(), 0);
    QVERIFY2(!client.err().contains("RST"), client.err().constData());
    QVERIFY(waitForEventCount(server, "disconnected", 1));
    QVERIFY(terminate(server, kWaitMs) >= 0);
    QCOMPARE(number(summaryOf(server), "bytes"), kSixteenMiB);
}

// A server that never stops sending: after its bounded grace the client closes anyway, and
// says that its close() sent an RST and how much it left unread.
void TestHostileClient::closeWithUnreadBytesSaysSo()
{
    // The client takes 0.2 s without data for "the server is done": on an overloaded machine
    // the flood's thread itself may stall that long, so up to three attempts.
    QJsonObject unread;
    for (int attempt = 0; attempt < 3 && unread.isEmpty(); ++attempt) {
        FloodingServer flood;
        QVERIFY(QTest::qWaitFor([&] { return flood.port() != 0; }, kWaitMs));
        Process client;
        QVERIFY(client.startCli({"client", "--json", "--port", QString::number(flood.port())}));
        QVERIFY(QTest::qWaitFor([&] { return flood.sent() > 1024 * 1024; }, kWaitMs));
        client.closeInput();
        QElapsedTimer clock;
        clock.start();
        QVERIFY(client.waitForExit());
        QCOMPARE(client.exitCode(), 0);
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        for (const QJsonObject &e : client.events(QStringLiteral("error"))) {
            if (e.value("call").toString() == QLatin1String("close"))
                unread = e;
        }
    }
    QVERIFY2(!unread.isEmpty(), "the client never said its close() met unread data");
    QCOMPARE(number(unread, "errno"), 0);
    QVERIFY(number(unread, "result") >= 0); // 0: the queue was empty at that very moment
    QVERIFY2(unread.value("message").toString().contains(QLatin1String("RST")),
             qPrintable(unread.value("message").toString()));
}

// 2,000 and 65,507 bytes against the default 1,024-byte buffer: each data event and the
// summary give the real size and say the datagram was truncated, in JSON and in words.
void TestHostileClient::longDatagramsSayTheyWereTruncated()
{
    Process server;
    QVERIFY(server.startCli({"server", "--proto", "udp", "--json", "--port", "0"}));
    QVERIFY(server.waitForListening());
    const quint16 port = server.listeningPort();
    Fd sender = testsupport::udpSocket();
    QVERIFY(testsupport::sendTo(sender.get(), QByteArray(2000, 'a'), port));
    QVERIFY(testsupport::sendTo(sender.get(), QByteArray(65507, 'b'), port));
    QVERIFY(testsupport::sendTo(sender.get(), QByteArray(10, 'c'), port));
    QVERIFY(waitForEventCount(server, "data", 3));
    const QList<QJsonObject> data = server.events(QStringLiteral("data"));
    QCOMPARE(number(data.at(0), "bytes"), 2000);
    QCOMPARE(data.at(0).value("truncated").toBool(), true);
    QCOMPARE(data.at(0).value("text").toString(), QString(1024, 'a'));
    QCOMPARE(number(data.at(1), "bytes"), 65507);
    QCOMPARE(data.at(1).value("truncated").toBool(), true);
    QCOMPARE(data.at(1).value("text").toString(), QString(1024, 'b'));
    QVERIFY(!data.at(2).contains("truncated"));
    QVERIFY(terminate(server, kWaitMs) >= 0);
    const QJsonObject summary = summaryOf(server);
    QCOMPARE(number(summary, "bytes"), 2000 + 65507 + 10);
    QCOMPARE(number(summary, "truncated"), 2);

    // In words, as a human line says it.
    Process human;
    QVERIFY(human.startCli({"server", "--proto", "udp", "--port", QString::number(port)}));
    QVERIFY(human.waitForOutput("Waiting for datagrams"));
    QVERIFY(testsupport::sendTo(sender.get(), QByteArray(2000, 'a'), port));
    QVERIFY2(human.waitForOutput("truncated: the datagram had 2,000 bytes, the buffer held only "
                                 "the first 1,024 bytes"),
             human.out().constData());
    human.signal(SIGTERM);
    QVERIFY(human.waitForExit());
    QVERIFY2(human.out().contains("truncated: 1"), human.out().constData());
}

QTEST_GUILESS_MAIN(TestHostileClient)
#include "tst_hostile_client.moc"
