// Each server mode with several real clients on loopback: what arrives, from whom, handled by
// which process or thread, and what is left behind.

#include "server.h"
#include "testsupport.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <unistd.h>
#include <vector>

using namespace socketlab;
using namespace testsupport;

namespace {

bool haveIpv6Loopback()
{
    Fd fd(::socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0));
    socklen_t length = 0;
    const sockaddr_storage address = addressOf("::1", 0, &length);
    return fd.isValid() && ::bind(fd.get(), reinterpret_cast<const sockaddr *>(&address), length) == 0;
}

ServerConfig config(Protocol protocol, Concurrency concurrency,
                    const QString &bind = QStringLiteral("127.0.0.1"))
{
    ServerConfig c;
    c.protocol = protocol;
    c.concurrency = concurrency;
    c.bindAddress = bind;
    c.port = 0;
    // The recipe's backlog of 1 drops the SYN of a third client connecting in a burst (it
    // retries a second later); these tests are about the modes, not the backlog.
    c.backlog = 8;
    return c;
}

SocketEvent summaryOf(const EventLog &log)
{
    const QList<SocketEvent> summaries = log.of(EventKind::Summary);
    return summaries.isEmpty() ? SocketEvent() : summaries.last();
}

} // namespace

class TestServerModes : public QObject
{
    Q_OBJECT

private slots:
    void severalClients_data();
    void severalClients();
    void threadModeUsesOneThreadPerClient();
    void forkModeUsesOneChildPerClient();
    void iterativeServesOneClientAtATime();
    void udpLogsEachSender();
    void udpOnIpv6();
    void ipv6Loopback_data();
    void ipv6Loopback();
    void dualStackShowsIpv4ClientsAsIpv4();
    void echo_data();
    void echo();
    void listeningEventAndLocalAddress();
};

void TestServerModes::severalClients_data()
{
    QTest::addColumn<int>("concurrency");
    QTest::newRow("iterative") << int(Concurrency::Iterative);
    QTest::newRow("fork") << int(Concurrency::Fork);
    QTest::newRow("thread") << int(Concurrency::Thread);
}

// Three clients, one after the other: every message and every client address arrives, and the
// summary's counts are exact.
void TestServerModes::severalClients()
{
    QFETCH(int, concurrency);
    Server server;
    EventLog log(&server);
    QVERIFY2(server.start(config(Protocol::Tcp, Concurrency(concurrency))),
             qPrintable(server.errorString()));
    const quint16 port = server.localPort();
    QVERIFY(port != 0);

    QStringList peers;
    qint64 totalBytes = 0;
    for (int i = 0; i < 3; ++i) {
        Fd client = tcpConnect(port);
        QVERIFY(client.isValid());
        const QString peer = localOf(client.get());
        peers << peer;
        const QByteArray message = QByteArray("message ") + QByteArray::number(i);
        QVERIFY(sendAll(client.get(), message));
        totalBytes += message.size();
        QVERIFY2(log.waitForData(peer, message), qPrintable(peer));
        client.reset();
        QVERIFY(QTest::qWaitFor([&] {
            return log.indexOf([&](const SocketEvent &e) {
                       return e.kind == EventKind::Disconnected && e.peer == peer;
                   }) >= 0;
        }, kWaitMs));
    }
    QStringList connected;
    for (const SocketEvent &e : log.of(EventKind::Connected)) {
        connected << e.peer;
        QCOMPARE(e.local, QStringLiteral("127.0.0.1:%1").arg(port));
    }
    QCOMPARE(connected, peers);
    for (const SocketEvent &e : log.of(EventKind::Data)) {
        QCOMPARE(e.role, Role::Server);
        QCOMPARE(e.concurrency, Concurrency(concurrency));
        QCOMPARE(e.local, QStringLiteral("127.0.0.1:%1").arg(port));
    }

    server.stop();
    const SocketEvent summary = summaryOf(log);
    QCOMPARE(summary.kind, EventKind::Summary);
    QCOMPARE(summary.connections, 3);
    QCOMPARE(summary.messages, 3);
    QCOMPARE(summary.bytes, totalBytes);
    QCOMPARE(server.totals().bytes, totalBytes);
}

void TestServerModes::threadModeUsesOneThreadPerClient()
{
    Server server;
    EventLog log(&server);
    QVERIFY(server.start(config(Protocol::Tcp, Concurrency::Thread)));
    std::vector<Fd> clients;
    QStringList peers;
    for (int i = 0; i < 4; ++i) {
        clients.push_back(tcpConnect(server.localPort()));
        QVERIFY(clients.back().isValid());
        peers << localOf(clients.back().get());
    }
    // All four are connected at once; each says something.
    for (int i = 0; i < 4; ++i)
        QVERIFY(sendAll(clients[size_t(i)].get(), "from " + QByteArray::number(i)));
    for (int i = 0; i < 4; ++i)
        QVERIFY(log.waitForData(peers[i], "from " + QByteArray::number(i)));

    QSet<qint64> tids;
    for (const SocketEvent &e : log.of(EventKind::Data)) {
        QCOMPARE(e.handler, HandlerKind::Thread);
        QCOMPARE(e.pid, qint64(::getpid()));
        QVERIFY(e.tid != e.pid);  // not the main thread
        tids.insert(e.tid);
    }
    QCOMPARE(tids.size(), 4);
    // The server thread only accepts: connected events come from the handler threads too.
    for (const SocketEvent &e : log.of(EventKind::Connected))
        QVERIFY(tids.contains(e.tid));

    clients.clear();
    QVERIFY(log.waitForCount(EventKind::HandlerExited, 4));
    QSet<qint64> exited;
    for (const SocketEvent &e : log.of(EventKind::HandlerExited))
        exited.insert(e.tid);
    QCOMPARE(exited, tids);
    server.stop();
    QCOMPARE(summaryOf(log).connections, 4);
    QCOMPARE(summaryOf(log).messages, 4);
}

void TestServerModes::forkModeUsesOneChildPerClient()
{
    Server server;
    EventLog log(&server);
    QVERIFY(server.start(config(Protocol::Tcp, Concurrency::Fork)));
    // One client first, so whatever Qt opens lazily on first use is open already; then count:
    // nothing the next clients cause may stay open here.
    {
        Fd warmUp = tcpConnect(server.localPort());
        QVERIFY(sendAll(warmUp.get(), "warm-up"));
        QVERIFY(log.waitForData(localOf(warmUp.get()), "warm-up"));
    }
    QVERIFY(log.waitForCount(EventKind::HandlerExited, 1));
    log.clear();
    const QStringList descriptorsBefore = openDescriptors();

    std::vector<Fd> clients;
    QStringList peers;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(tcpConnect(server.localPort()));
        QVERIFY(clients.back().isValid());
        peers << localOf(clients.back().get());
    }
    for (int i = 0; i < 3; ++i)
        QVERIFY(sendAll(clients[size_t(i)].get(), "child " + QByteArray::number(i)));
    for (int i = 0; i < 3; ++i)
        QVERIFY(log.waitForData(peers[i], "child " + QByteArray::number(i)));

    QSet<qint64> pids;
    for (const SocketEvent &e : log.of(EventKind::Data)) {
        QCOMPARE(e.handler, HandlerKind::Process);
        QVERIFY(e.pid != qint64(::getpid()));
        // A live child of this very process (the server is a thread of it).
        QCOMPARE(parentOf(e.pid), qint64(::getpid()));
        pids.insert(e.pid);
    }
    QCOMPARE(pids.size(), 3);
    for (const SocketEvent &e : log.of(EventKind::Connected))
        QVERIFY(pids.contains(e.pid));

    clients.clear();
    QVERIFY(log.waitForCount(EventKind::HandlerExited, 3));
    QSet<qint64> exited;
    for (const SocketEvent &e : log.of(EventKind::HandlerExited)) {
        exited.insert(e.pid);
        QCOMPARE(e.result, 0);  // exited by itself, status 0, not killed
    }
    QCOMPARE(exited, pids);
    for (qint64 pid : pids) {
        QVERIFY2(reaped(pid), qPrintable(QString::number(pid)));  // no zombie left
        QVERIFY(parentOf(pid) != qint64(::getpid()));
    }
    // The parent closed its copy of each connection and each child's pipe.
    QCOMPARE(openDescriptors(), descriptorsBefore);

    server.stop();
    QCOMPARE(summaryOf(log).connections, 4);
    QCOMPARE(summaryOf(log).messages, 4);
    QCOMPARE(summaryOf(log).bytes, 7 + 3 * 7);
}

// The second client gets through the kernel's backlog at once, but the server does not
// accept() it, so its data is logged only after the first client leaves.
void TestServerModes::iterativeServesOneClientAtATime()
{
    Server server;
    EventLog log(&server);
    QVERIFY(server.start(config(Protocol::Tcp, Concurrency::Iterative)));
    Fd first = tcpConnect(server.localPort());
    QVERIFY(first.isValid());
    const QString firstPeer = localOf(first.get());
    QVERIFY(sendAll(first.get(), "one"));
    QVERIFY(log.waitForData(firstPeer, "one"));

    Fd second = tcpConnect(server.localPort());  // completes in the backlog
    QVERIFY(second.isValid());
    const QString secondPeer = localOf(second.get());
    QVERIFY(sendAll(second.get(), "waiting"));
    // The first client speaks again after the second did: that arrives, the second does not.
    QVERIFY(sendAll(first.get(), "two"));
    QVERIFY(log.waitForData(firstPeer, "onetwo"));
    QCOMPARE(log.dataFrom(secondPeer), QByteArray());
    QVERIFY(log.indexOf([&](const SocketEvent &e) { return e.peer == secondPeer; }) < 0);

    first.reset();
    QVERIFY(log.waitForData(secondPeer, "waiting"));
    const int firstLeft = log.indexOf([&](const SocketEvent &e) {
        return e.kind == EventKind::Disconnected && e.peer == firstPeer;
    });
    const int secondIn = log.indexOf([&](const SocketEvent &e) {
        return e.kind == EventKind::Connected && e.peer == secondPeer;
    });
    QVERIFY(firstLeft >= 0);
    QVERIFY(secondIn > firstLeft);
    for (const SocketEvent &e : log.of(EventKind::Data)) {
        QCOMPARE(e.handler, HandlerKind::Main);
        QCOMPARE(e.pid, qint64(::getpid()));
    }
    server.stop();
    QCOMPARE(summaryOf(log).connections, 2);
    QCOMPARE(summaryOf(log).messages, 3);
}

void TestServerModes::udpLogsEachSender()
{
    Server server;
    EventLog log(&server);
    QVERIFY(server.start(config(Protocol::Udp, Concurrency::Thread)));
    const quint16 port = server.localPort();
    Fd a = udpSocket();
    Fd b = udpSocket();
    const QString peerA = localOf(a.get());
    const QString peerB = localOf(b.get());
    QVERIFY(peerA != peerB);
    // Interleaved, so a server that remembered only "the last sender" would be caught.
    QVERIFY(sendTo(a.get(), "a1", port));
    QVERIFY(log.waitForData(peerA, "a1"));
    QVERIFY(sendTo(b.get(), "b1", port));
    QVERIFY(log.waitForData(peerB, "b1"));
    QVERIFY(sendTo(a.get(), "a2", port));
    QVERIFY(sendTo(b.get(), "b2", port));
    QVERIFY(sendTo(a.get(), QByteArray(), port));  // an empty datagram is a message too
    QVERIFY(log.waitForCount(EventKind::Data, 5));
    QCOMPARE(log.dataFrom(peerA), QByteArray("a1a2"));
    QCOMPARE(log.dataFrom(peerB), QByteArray("b1b2"));
    QStringList order;
    for (const SocketEvent &e : log.of(EventKind::Data))
        order << e.peer;
    QCOMPARE(order, (QStringList{peerA, peerB, peerA, peerB, peerA}));
    for (const SocketEvent &e : log.of(EventKind::Data))
        QCOMPARE(e.local, QStringLiteral("127.0.0.1:%1").arg(port));
    QCOMPARE(log.count(EventKind::Connected), 0);  // no connections in UDP
    server.stop();
    QCOMPARE(summaryOf(log).messages, 5);
    QCOMPARE(summaryOf(log).bytes, 8);
    QCOMPARE(summaryOf(log).connections, 2);  // distinct senders
}

void TestServerModes::udpOnIpv6()
{
    if (!haveIpv6Loopback())
        QSKIP("no IPv6 loopback on this machine");
    Server server;
    EventLog log(&server);
    QVERIFY(server.start(config(Protocol::Udp, Concurrency::Thread, QStringLiteral("::1"))));
    QCOMPARE(server.localAddress(), QStringLiteral("[::1]:%1").arg(server.localPort()));
    Fd a = udpSocket("::1");
    const QString peer = localOf(a.get());
    QVERIFY(peer.startsWith(QLatin1String("[::1]:")));
    QVERIFY(sendTo(a.get(), "v6", server.localPort(), "::1"));
    QVERIFY(log.waitForData(peer, "v6"));
}

void TestServerModes::ipv6Loopback_data()
{
    QTest::addColumn<int>("concurrency");
    QTest::newRow("iterative") << int(Concurrency::Iterative);
    QTest::newRow("fork") << int(Concurrency::Fork);
    QTest::newRow("thread") << int(Concurrency::Thread);
}

void TestServerModes::ipv6Loopback()
{
    if (!haveIpv6Loopback())
        QSKIP("no IPv6 loopback on this machine");
    QFETCH(int, concurrency);
    Server server;
    EventLog log(&server);
    QVERIFY(server.start(config(Protocol::Tcp, Concurrency(concurrency), QStringLiteral("[::1]"))));
    QCOMPARE(server.localAddress(), QStringLiteral("[::1]:%1").arg(server.localPort()));
    Fd client = tcpConnect(server.localPort(), "::1");
    QVERIFY(client.isValid());
    const QString peer = localOf(client.get());
    QVERIFY(peer.startsWith(QLatin1String("[::1]:")));
    QVERIFY(sendAll(client.get(), "over six"));
    QVERIFY(log.waitForData(peer, "over six"));
    QCOMPARE(log.of(EventKind::Connected).value(0).peer, peer);
    QCOMPARE(log.of(EventKind::Connected).value(0).local, server.localAddress());
}

// A server bound to "::" also serves IPv4 clients; they are shown as plain IPv4 addresses.
void TestServerModes::dualStackShowsIpv4ClientsAsIpv4()
{
    if (!haveIpv6Loopback())
        QSKIP("no IPv6 on this machine");
    for (Protocol protocol : {Protocol::Tcp, Protocol::Udp}) {
        Server server;
        EventLog log(&server);
        QVERIFY(server.start(config(protocol, Concurrency::Thread, QStringLiteral("::"))));
        QCOMPARE(server.localAddress(), QStringLiteral("[::]:%1").arg(server.localPort()));
        Fd v4 = protocol == Protocol::Tcp ? tcpConnect(server.localPort()) : udpSocket();
        QVERIFY(v4.isValid());
        if (protocol == Protocol::Udp)
            QVERIFY(sendTo(v4.get(), "plain v4", server.localPort()));
        else
            QVERIFY(sendAll(v4.get(), "plain v4"));
        const QString peer = localOf(v4.get());
        QVERIFY(peer.startsWith(QLatin1String("127.0.0.1:")));
        QVERIFY2(log.waitForData(peer, "plain v4"), qPrintable(protocolName(protocol)));
        for (const SocketEvent &e : log.all())
            QVERIFY2(!e.peer.contains(QLatin1String("ffff")), qPrintable(e.peer));
        // And an IPv6 client on the same socket.
        Fd v6 = protocol == Protocol::Tcp ? tcpConnect(server.localPort(), "::1") : udpSocket("::1");
        QVERIFY(v6.isValid());
        if (protocol == Protocol::Udp)
            QVERIFY(sendTo(v6.get(), "v6", server.localPort(), "::1"));
        else
            QVERIFY(sendAll(v6.get(), "v6"));
        QVERIFY(log.waitForData(localOf(v6.get()), "v6"));
    }
}

void TestServerModes::echo_data()
{
    QTest::addColumn<int>("protocol");
    QTest::addColumn<int>("concurrency");
    QTest::newRow("tcp iterative") << int(Protocol::Tcp) << int(Concurrency::Iterative);
    QTest::newRow("tcp fork") << int(Protocol::Tcp) << int(Concurrency::Fork);
    QTest::newRow("tcp thread") << int(Protocol::Tcp) << int(Concurrency::Thread);
    QTest::newRow("udp") << int(Protocol::Udp) << int(Concurrency::Thread);
}

void TestServerModes::echo()
{
    QFETCH(int, protocol);
    QFETCH(int, concurrency);
    ServerConfig c = config(Protocol(protocol), Concurrency(concurrency));
    c.echo = true;
    Server server;
    EventLog log(&server);
    QVERIFY(server.start(c));
    const bool tcp = Protocol(protocol) == Protocol::Tcp;
    Fd client = tcp ? tcpConnect(server.localPort()) : udpSocket();
    QVERIFY(client.isValid());
    const QByteArray message("echo \xc3\xa9\x00\xff", 9);
    QVERIFY(tcp ? sendAll(client.get(), message) : sendTo(client.get(), message, server.localPort()));
    QCOMPARE(receive(client.get(), message.size()), message);
    QVERIFY(log.waitForCount(EventKind::Sent, 1));
    const SocketEvent sent = log.of(EventKind::Sent).first();
    QCOMPARE(sent.bytes, message.size());
    QCOMPARE(sent.payload, message);
    QCOMPARE(sent.peer, localOf(client.get()));
}

void TestServerModes::listeningEventAndLocalAddress()
{
    Server server;
    EventLog log(&server);
    QSignalSpy started(&server, &Server::started);
    QSignalSpy stopped(&server, &Server::stopped);
    QVERIFY(server.start(config(Protocol::Tcp, Concurrency::Thread)));
    QVERIFY(server.isRunning());
    QCOMPARE(started.count(), 1);
    QVERIFY(log.waitForCount(EventKind::Listening, 1));
    QCOMPARE(log.of(EventKind::Listening).first().local, server.localAddress());
    QCOMPARE(server.localAddress(), QStringLiteral("127.0.0.1:%1").arg(server.localPort()));
    server.stop();
    QVERIFY(!server.isRunning());
    QCOMPARE(stopped.count(), 1);
    QCOMPARE(log.count(EventKind::Summary), 1);
    server.stop();  // a second stop does nothing
    QCOMPARE(stopped.count(), 1);
    QCOMPARE(log.count(EventKind::Summary), 1);
}

QTEST_GUILESS_MAIN(TestServerModes)
#include "tst_server_modes.moc"
