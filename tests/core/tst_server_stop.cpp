// Stop with clients still connected: idle, sending without pause, or blocking the server's echo
// by never reading. Every handler thread and child must end promptly and be accounted for.

#include "core/eventformatter.h"
#include "core/server.h"
#include "tests/core/testsupport.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>

#include <atomic>
#include <csignal>
#include <memory>
#include <thread>
#include <vector>

using namespace socketlab;
using namespace testsupport;

namespace {

// A stop that took this long hung; a prompt one takes milliseconds.
constexpr int kStopBoundMs = 5000;

enum class Traffic { Idle, Sending, BlockedEcho };

// Sends without pause from its own thread until the connection fails or it is told to end.
// With a small receive buffer and no reads, an echoing server soon blocks in send().
class Sender
{
public:
    explicit Sender(int fd)
        : m_fd(fd)
    {
        const timeval timeout {0, 200 * 1000};
        ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
        m_thread = std::thread([this] { run(); });
    }
    ~Sender()
    {
        m_quit = true;
        m_thread.join();
    }
    // A send() made no progress for 200 ms: the server is not reading.
    bool stalled() const { return m_stalled; }
    bool failed() const { return m_failed; }

private:
    void run()
    {
        const QByteArray chunk(16 * 1024, 's');
        while (!m_quit) {
            const ssize_t n = ::send(m_fd, chunk.constData(), size_t(chunk.size()), MSG_NOSIGNAL);
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                m_stalled = true;
            } else if (n < 0 && errno != EINTR) {
                m_failed = true;
                return;
            }
        }
    }

    int m_fd;
    std::atomic<bool> m_quit {false};
    std::atomic<bool> m_stalled {false};
    std::atomic<bool> m_failed {false};
    std::thread m_thread;
};

Fd connectWithSmallReceiveBuffer(quint16 port)
{
    socklen_t length = 0;
    const sockaddr_storage address = addressOf("127.0.0.1", port, &length);
    Fd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    const int small = 4096;
    ::setsockopt(fd.get(), SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    if (::connect(fd.get(), reinterpret_cast<const sockaddr *>(&address), length) != 0)
        return {};
    return fd;
}

} // namespace

class TestServerStop : public QObject
{
    Q_OBJECT

private slots:
    void stopWithClients_data();
    void stopWithClients();
    void stopWithClientsWaitingInBacklog();
    void stopKillsOnlyTheFrozenChild();
    void udpStopDuringFlood();
    void destroyWhileRunning();
    void restartOnTheSamePort();
};

void TestServerStop::stopWithClients_data()
{
    QTest::addColumn<int>("concurrency");
    QTest::addColumn<int>("traffic");
    const QList<QPair<const char *, Concurrency>> modes = {{"iterative", Concurrency::Iterative},
                                                           {"fork", Concurrency::Fork},
                                                           {"thread", Concurrency::Thread},
                                                           {"poll", Concurrency::Poll}};
    for (const auto &mode : modes) {
        QTest::addRow("%s, idle", mode.first) << int(mode.second) << int(Traffic::Idle);
        QTest::addRow("%s, sending", mode.first) << int(mode.second) << int(Traffic::Sending);
        QTest::addRow("%s, echo blocked", mode.first)
            << int(mode.second) << int(Traffic::BlockedEcho);
    }
}

void TestServerStop::stopWithClients()
{
    QFETCH(int, concurrency);
    QFETCH(int, traffic);
    const Concurrency mode = Concurrency(concurrency);
    ServerConfig config;
    config.concurrency = mode;
    config.port = 0;
    config.echo = Traffic(traffic) == Traffic::BlockedEcho;
    config.backlog = 4;
    Server server;
    EventLog log(&server);
    QVERIFY(server.start(config));

    // Iterative: the first client is served, the others wait in the backlog.
    const int clientCount = 3;
    const int served = mode == Concurrency::Iterative ? 1 : clientCount;
    std::vector<Fd> clients;
    QStringList peers;
    for (int i = 0; i < clientCount; ++i) {
        clients.push_back(connectWithSmallReceiveBuffer(server.localPort()));
        QVERIFY(clients.back().isValid());
        peers << localOf(clients.back().get());
        // One at a time, so "the first client" is the one the iterative server serves.
        if (i < served)
            QVERIFY(log.waitForCount(EventKind::Connected, i + 1));
    }

    std::vector<std::unique_ptr<Sender>> senders;
    if (Traffic(traffic) == Traffic::Idle) {
        for (int i = 0; i < served; ++i) {
            QVERIFY(sendAll(clients[size_t(i)].get(), "idle now"));
            QVERIFY(log.waitForData(peers[i], "idle now"));
        }
    } else {
        for (int i = 0; i < served; ++i)
            senders.push_back(std::make_unique<Sender>(clients[size_t(i)].get()));
        for (int i = 0; i < served; ++i) {
            if (Traffic(traffic) == Traffic::Sending) {
                QVERIFY(QTest::qWaitFor([&] { return log.bytesFrom(peers[i]) >= 256 * 1024; },
                                        kWaitMs));
            } else {
                QVERIFY(QTest::qWaitFor([&] { return senders[size_t(i)]->stalled(); }, kWaitMs));
            }
        }
    }

    QElapsedTimer clock;
    clock.start();
    server.stop();
    const qint64 stopMs = clock.elapsed();
    QVERIFY2(stopMs < kStopBoundMs, qPrintable(QStringLiteral("stop took %1 ms").arg(stopMs)));
    QVERIFY(!server.isRunning());
    senders.clear(); // each ends as its connection fails, or when told to

    // Every client sees its connection end, served or still in the backlog.
    for (int i = 0; i < clientCount; ++i)
        QVERIFY2(peerClosed(clients[size_t(i)].get()), qPrintable(peers[i]));

    // Every handler ended by itself on the stop flag and was accounted for.
    const QList<SocketEvent> connected = log.of(EventKind::Connected);
    QCOMPARE(connected.size(), served);
    QCOMPARE(log.count(EventKind::Disconnected), served);
    if (mode == Concurrency::Thread) {
        QCOMPARE(log.count(EventKind::HandlerExited), served);
    } else if (mode == Concurrency::Fork) {
        QCOMPARE(log.count(EventKind::HandlerExited), served);
        for (const SocketEvent &e : log.of(EventKind::HandlerExited)) {
            QVERIFY2(reaped(e.pid), qPrintable(QString::number(e.pid)));
            QVERIFY2(e.result == 0, "a child had to be killed: it did not see the stop flag");
        }
        for (const SocketEvent &e : connected)
            QVERIFY(reaped(e.pid));
    } else if (mode == Concurrency::Poll) {
        // The one server thread closed every connection itself, each close() traced.
        int closes = 0;
        for (const SocketEvent &e : log.of(EventKind::Call)) {
            if (e.call == SysCall::Close && e.connectionId != 0) {
                QCOMPARE(e.handler, HandlerKind::Main);
                ++closes;
            }
        }
        // (A flood may have had calls merged into coalesced events by the lagging reader.)
        if (log.count(EventKind::Coalesced) == 0)
            QCOMPARE(closes, served);
    }

    // The summary's counts are exact: they add up to what the events showed.
    const QList<SocketEvent> summaries = log.of(EventKind::Summary);
    QCOMPARE(summaries.size(), 1);
    QCOMPARE(summaries.first().connections, served);
    QCOMPARE(summaries.first().messages, log.dataMessages());
    QCOMPARE(summaries.first().bytes, log.dataBytes());
    QCOMPARE(log.all().last().kind, EventKind::Summary);
}

// Fork mode with a cap of one live child: the second client waits, unaccepted, until Stop.
void TestServerStop::stopWithClientsWaitingInBacklog()
{
    ServerConfig config;
    config.concurrency = Concurrency::Fork;
    config.port = 0;
    config.maxClients = 1;
    config.backlog = 4;
    Server server;
    EventLog log(&server);
    QVERIFY(server.start(config));
    Fd first = tcpConnect(server.localPort());
    QVERIFY(sendAll(first.get(), "first"));
    QVERIFY(log.waitForData(localOf(first.get()), "first"));
    Fd second = tcpConnect(server.localPort());
    QVERIFY(second.isValid());
    QVERIFY(sendAll(second.get(), "second"));
    QVERIFY(sendAll(first.get(), "again"));
    QVERIFY(log.waitForData(localOf(first.get()), "firstagain"));
    QCOMPARE(log.count(EventKind::Connected), 1); // the cap holds

    QElapsedTimer clock;
    clock.start();
    server.stop();
    QVERIFY(clock.elapsed() < kStopBoundMs);
    QVERIFY(peerClosed(first.get()));
    QVERIFY(peerClosed(second.get()));
    const qint64 child = log.of(EventKind::Connected).first().pid;
    QVERIFY(reaped(child));
    QCOMPARE(log.of(EventKind::Summary).first().connections, 1);
    QCOMPARE(log.of(EventKind::Summary).first().bytes, 10);
}

// A frozen child cannot see the stop flag: it is killed (by the parent, traced as the
// parent's call) and counted, while a live child's bytes all count.
void TestServerStop::stopKillsOnlyTheFrozenChild()
{
    ServerConfig config;
    config.concurrency = Concurrency::Fork;
    config.port = 0;
    Server server;
    EventLog log(&server);
    QVERIFY(server.start(config));
    Fd frozenClient = tcpConnect(server.localPort());
    QVERIFY(sendAll(frozenClient.get(), "cold"));
    QVERIFY(log.waitForData(localOf(frozenClient.get()), "cold"));
    const qint64 frozen = log.of(EventKind::Connected).first().pid;
    QCOMPARE(::kill(pid_t(frozen), SIGSTOP), 0);
    Fd client = tcpConnect(server.localPort());
    QVERIFY(sendAll(client.get(), "warm"));
    QVERIFY(log.waitForData(localOf(client.get()), "warm"));

    QElapsedTimer clock;
    clock.start();
    server.stop();
    QVERIFY(clock.elapsed() < kStopBoundMs);
    QVERIFY(reaped(frozen));
    QVERIFY(peerClosed(frozenClient.get()));
    QVERIFY(peerClosed(client.get()));
    const SocketEvent summary = log.of(EventKind::Summary).first();
    QCOMPARE(summary.bytes, 8);
    QCOMPARE(summary.killed, 1);
    QCOMPARE(summary.incomplete, 1); // killed before its last report: it may have lost some
    QVERIFY2(EventFormatter::describe(summary).contains(
                 QLatin1String("children killed 1; 1 of the children")),
             qPrintable(EventFormatter::describe(summary)));
    for (const SocketEvent &e : log.of(EventKind::HandlerExited)) {
        if (e.pid == frozen) {
            QCOMPARE(e.result, -1);
            QCOMPARE(e.errnum, SIGKILL);
        } else {
            QCOMPARE(e.result, 0);
        }
    }
    QCOMPARE(log.count(EventKind::HandlerExited), 2);
    const int kill = log.indexOf(
        [](const SocketEvent &e) { return e.kind == EventKind::Call && e.call == SysCall::Kill; });
    QVERIFY(kill >= 0);
    QCOMPARE(log.all().at(kill).args, QStringLiteral("%1, SIGKILL").arg(frozen));
    QCOMPARE(log.all().at(kill).pid, qint64(::getpid()));
    QCOMPARE(log.all().at(kill).handler, HandlerKind::Main);
}

// A UDP server stops promptly while datagrams keep coming; its counts match its events.
void TestServerStop::udpStopDuringFlood()
{
    ServerConfig config;
    config.protocol = Protocol::Udp;
    config.port = 0;
    Server server;
    EventLog log(&server);
    QVERIFY(server.start(config));
    Fd client = udpSocket();
    const quint16 port = server.localPort();
    std::atomic<bool> quit {false};
    std::thread flood([&] {
        const QByteArray datagram(512, 'u');
        while (!quit)
            sendTo(client.get(), datagram, port);
    });
    QVERIFY(log.waitForCount(EventKind::Data, 1000));
    QElapsedTimer clock;
    clock.start();
    server.stop();
    const qint64 stopMs = clock.elapsed();
    quit = true;
    flood.join();
    QVERIFY2(stopMs < kStopBoundMs, qPrintable(QString::number(stopMs)));
    const SocketEvent summary = log.of(EventKind::Summary).first();
    QCOMPARE(summary.messages, log.dataMessages());
    QCOMPARE(summary.bytes, 512 * summary.messages);
    QCOMPARE(summary.connections, 1);
}

void TestServerStop::destroyWhileRunning()
{
    QList<qint64> children;
    std::vector<Fd> clients;
    {
        ServerConfig config;
        config.concurrency = Concurrency::Fork;
        config.port = 0;
        Server server;
        EventLog log(&server);
        QVERIFY(server.start(config));
        for (int i = 0; i < 2; ++i) {
            clients.push_back(tcpConnect(server.localPort()));
            QVERIFY(sendAll(clients.back().get(), "x"));
            QVERIFY(log.waitForData(localOf(clients.back().get()), "x"));
        }
        for (const SocketEvent &e : log.of(EventKind::Connected))
            children << e.pid;
        QCOMPARE(children.size(), 2);
    }
    for (qint64 pid : children)
        QVERIFY(reaped(pid));
    for (const Fd &client : clients)
        QVERIFY(peerClosed(client.get()));
}

// Stop frees the port at once: the same port can be served again (SO_REUSEADDR).
void TestServerStop::restartOnTheSamePort()
{
    ServerConfig config;
    config.port = 0;
    Server server;
    EventLog log(&server);
    QVERIFY(server.start(config));
    Fd client = tcpConnect(server.localPort());
    QVERIFY(sendAll(client.get(), "before"));
    QVERIFY(log.waitForData(localOf(client.get()), "before"));
    server.stop();
    QVERIFY(peerClosed(client.get()));

    config.port = server.localPort();
    QVERIFY2(server.start(config), qPrintable(server.errorString()));
    QCOMPARE(server.localPort(), config.port);
    Fd again = tcpConnect(config.port);
    QVERIFY(sendAll(again.get(), "after"));
    QVERIFY(log.waitForData(localOf(again.get()), "after"));
    server.stop();
    // Counters start over with each run.
    QCOMPARE(log.of(EventKind::Summary).last().connections, 1);
    QCOMPARE(log.of(EventKind::Summary).last().bytes, 5);
}

QTEST_GUILESS_MAIN(TestServerStop)
#include "tst_server_stop.moc"
