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
        QTRY_VERIFY_WITH_TIMEOUT(socketOf(server.localPort(), serverLocal, local).inode != 0, kWaitMs);
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
        QTRY_VERIFY_WITH_TIMEOUT(socketOf(server.localPort(), server.localAddress(),
                                          localOf(client.get())).recvQ > 0, kWaitMs);
        QElapsedTimer timer;
        timer.start();
        server.stop();
        QVERIFY2(timer.elapsed() < 5000, "a paused handler must not hold Stop up");
        QVERIFY(peerClosed(client.get()));
    }

    void forgottenCloseLeavesCloseWait_data()
    {
        QTest::addColumn<Concurrency>("concurrency");
        QTest::addColumn<bool>("forget");
        for (const auto &[name, mode] : {std::pair{"iterative", Concurrency::Iterative},
                                         std::pair{"thread", Concurrency::Thread},
                                         std::pair{"fork", Concurrency::Fork}}) {
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
