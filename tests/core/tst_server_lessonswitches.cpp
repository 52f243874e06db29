#include "core/server.h"
#include "core/socketstatereader.h"

#include "tests/core/testsupport.h"

#include <QTest>

using namespace socketlab;
using namespace testsupport;

namespace {
QList<SocketSnapshot> readPort(quint16 port)
{
    QList<SocketSnapshot> sockets;
    QString error;
    if (!SocketStateReader::read(port, SocketStateReader::TcpOnly, &sockets, &error, false))
        qWarning("%s", qPrintable(error));
    return sockets;
}

// The kernel's view of the socket with this local address (and peer, if given).
SocketSnapshot socketOf(quint16 port, const QString &local, const QString &peer = QString())
{
    for (const SocketSnapshot &s : readPort(port)) {
        if (s.local == local && (peer.isEmpty() || s.peer == peer))
            return s;
    }
    return {};
}

// The bytes waiting in the receive buffer of the UDP socket bound to port.
qint64 udpRecvQ(quint16 port)
{
    QList<SocketSnapshot> sockets;
    QString error;
    if (!SocketStateReader::read(port, SocketStateReader::UdpOnly, &sockets, &error, false))
        qWarning("%s", qPrintable(error));
    for (const SocketSnapshot &s : sockets) {
        if (s.localPort == port)
            return s.recvQ;
    }
    return -1;
}

ServerConfig config(Concurrency concurrency)
{
    ServerConfig c;
    c.port = 0;
    c.concurrency = concurrency;
    c.backlog = 4;
    return c;
}
} // namespace

// ServerConfig::pauseReading and forgetClose, the two mistakes the lessons stage on purpose.
class TestServerLessonSwitches : public QObject
{
    Q_OBJECT

private slots:
    void pausedReadingFillsRecvQ_data()
    {
        QTest::addColumn<Concurrency>("concurrency");
        QTest::newRow("iterative") << Concurrency::Iterative;
        QTest::newRow("thread") << Concurrency::Thread;
    }

    void pausedReadingFillsRecvQ()
    {
        QFETCH(Concurrency, concurrency);
        Server server;
        EventLog log(&server);
        ServerConfig c = config(concurrency);
        c.pauseReading = true;
        QVERIFY(server.start(c));
        const Fd client = tcpConnect(server.localPort());
        QVERIFY(client.isValid());
        const QByteArray message(3000, 'x');
        QVERIFY(sendAll(client.get(), message));
        const QString local = localOf(client.get());
        const QString serverLocal = server.localAddress();
        // Accepted (it has an inode), not read: the bytes stay in the server side's Recv-Q.
        QTRY_COMPARE_WITH_TIMEOUT(socketOf(server.localPort(), serverLocal, local).recvQ,
                                  qint64(message.size()), kWaitMs);
        // The bytes can land while the connection still waits in the backlog: wait for accept().
        QTRY_VERIFY_WITH_TIMEOUT(socketOf(server.localPort(), serverLocal, local).inode != 0,
                                 kWaitMs);
        QVERIFY(log.waitForCount(EventKind::Connected, 1));
        QCOMPARE(log.count(EventKind::Data), 0);

        server.resumeReading();
        QTRY_COMPARE_WITH_TIMEOUT(log.bytesFrom(local), qint64(message.size()), kWaitMs);
        QCOMPARE(socketOf(server.localPort(), serverLocal, local).recvQ, qint64(0));
        server.stop();
    }

    void pausedServerStopsPromptly()
    {
        Server server;
        ServerConfig c = config(Concurrency::Thread);
        c.pauseReading = true;
        QVERIFY(server.start(c));
        const Fd client = tcpConnect(server.localPort());
        QVERIFY(client.isValid());
        QVERIFY(sendAll(client.get(), QByteArrayLiteral("never read")));
        QTRY_VERIFY_WITH_TIMEOUT(
            socketOf(server.localPort(), server.localAddress(), localOf(client.get())).recvQ > 0,
            kWaitMs);
        QElapsedTimer timer;
        timer.start();
        server.stop();
        QVERIFY2(timer.elapsed() < 5000, "a paused handler must not hold Stop up");
        QVERIFY(peerClosed(client.get()));
    }

    // The UDP lesson's last step: a paused UDP server does not recvfrom(), its small receive
    // buffer fills, and the kernel drops the rest; once it reads, every datagram sent is either
    // received or counted as dropped.
    void pausedUdpServerLetsTheKernelDrop()
    {
        Server server;
        EventLog log(&server);
        ServerConfig c = config(Concurrency::Thread);
        c.protocol = Protocol::Udp;
        c.receiveBuffer = 4096;
        c.pauseReading = true;
        QVERIFY(server.start(c));
        const quint16 port = server.localPort();
        const Fd sender = udpSocket();
        QVERIFY(sender.isValid());
        constexpr qint64 kSent = 100;
        const QByteArray datagram(1024, 'u');
        for (qint64 i = 0; i < kSent; ++i)
            QVERIFY(sendTo(sender.get(), datagram, port));
        // Nothing read while paused: what fit waits in the socket's Recv-Q, and stays there
        // (a server that reads would have emptied it well within the pause).
        QTRY_VERIFY_WITH_TIMEOUT(udpRecvQ(port) > 0, kWaitMs);
        const qint64 full = udpRecvQ(port);
        QTest::qWait(300);
        QCOMPARE(udpRecvQ(port), full);
        QCOMPARE(server.totals().messages, qint64(0));
        QCOMPARE(log.count(EventKind::Data), 0);

        server.resumeReading();
        QTRY_COMPARE_WITH_TIMEOUT(server.totals().messages + server.totals().dropped, kSent,
                                  kWaitMs);
        QVERIFY2(server.totals().dropped > 0,
                 qPrintable(QString::number(server.totals().messages)));
        QCOMPARE(udpRecvQ(port), qint64(0));
        server.stop();
    }

    void pausedUdpServerStopsPromptly()
    {
        Server server;
        ServerConfig c = config(Concurrency::Thread);
        c.protocol = Protocol::Udp;
        c.pauseReading = true;
        QVERIFY(server.start(c));
        const Fd sender = udpSocket();
        QVERIFY(sendTo(sender.get(), QByteArrayLiteral("never read"), server.localPort()));
        QTRY_VERIFY_WITH_TIMEOUT(udpRecvQ(server.localPort()) > 0, kWaitMs);
        QElapsedTimer timer;
        timer.start();
        server.stop();
        QVERIFY2(timer.elapsed() < 5000, "a paused UDP server must not hold Stop up");
        QVERIFY(!server.isRunning());
    }

    void forgottenCloseLeavesCloseWait_data()
    {
        QTest::addColumn<Concurrency>("concurrency");
        QTest::addColumn<bool>("forget");
        for (const auto &[name, mode] :
             {std::pair {"iterative", Concurrency::Iterative},
              std::pair {"thread", Concurrency::Thread}, std::pair {"fork", Concurrency::Fork}}) {
            QTest::addRow("%s, forgets", name) << mode << true;
            QTest::addRow("%s, closes", name) << mode << false;
        }
    }

    void forgottenCloseLeavesCloseWait()
    {
        QFETCH(Concurrency, concurrency);
        QFETCH(bool, forget);
        Server server;
        EventLog log(&server);
        ServerConfig c = config(concurrency);
        c.forgetClose = forget;
        QVERIFY(server.start(c));
        const quint16 port = server.localPort();
        Fd client = tcpConnect(port);
        QVERIFY(client.isValid());
        const QString local = localOf(client.get());
        QVERIFY(sendAll(client.get(), QByteArrayLiteral("bye")));
        QVERIFY(log.waitForData(local, QByteArrayLiteral("bye")));
        // The client closes first; its socket lives on in the kernel (FIN_WAIT2 or TIME_WAIT).
        client.reset();
        QVERIFY(log.waitForCount(EventKind::Disconnected, 1));
        const QString serverLocal = server.localAddress();
        if (forget) {
            QTRY_COMPARE_WITH_TIMEOUT(socketOf(port, serverLocal, local).state,
                                      SocketState::CloseWait, kWaitMs);
            QTRY_COMPARE_WITH_TIMEOUT(socketOf(port, local).state, SocketState::FinWait2, kWaitMs);
        } else {
            QTRY_COMPARE_WITH_TIMEOUT(socketOf(port, local).state, SocketState::TimeWait, kWaitMs);
            QCOMPARE(socketOf(port, serverLocal, local).state, SocketState::Unknown);
        }
        // Stop closes what was forgotten: the server's side goes, the client's finishes.
        server.stop();
        QTRY_COMPARE_WITH_TIMEOUT(socketOf(port, serverLocal, local).state, SocketState::Unknown,
                                  kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(socketOf(port, local).state, SocketState::TimeWait, kWaitMs);
    }
};

QTEST_MAIN(TestServerLessonSwitches)
#include "tst_server_lessonswitches.moc"
