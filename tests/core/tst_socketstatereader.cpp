#include "core/socketstatereader.h"

#include "tests/core/testsupport.h"

#include <QDeadlineTimer>
#include <QSet>
#include <QTest>

#include <fcntl.h>
#include <sys/wait.h>

using namespace socketlab;
using namespace testsupport;

namespace {
Fd listenOn(const char *host, int backlog, quint16 *port)
{
    socklen_t length = 0;
    const sockaddr_storage address = addressOf(host, 0, &length);
    Fd fd(::socket(address.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd.isValid() || ::bind(fd.get(), reinterpret_cast<const sockaddr *>(&address), length) != 0
        || ::listen(fd.get(), backlog) != 0) {
        return {};
    }
    *port = Endpoint::localOf(fd.get()).port();
    return fd;
}

QList<SocketSnapshot> readPort(quint16 port,
                               SocketStateReader::Protocols protocols = SocketStateReader::Both)
{
    QList<SocketSnapshot> sockets;
    QString error;
    if (!SocketStateReader::read(port, protocols, &sockets, &error))
        qWarning("%s", qPrintable(error));
    return sockets;
}

// Other tests and programs share this network namespace, and a port the kernel hands out
// (port 0) may have served someone else a moment ago: their TIME_WAIT sockets with that port
// at one end still show up in a read of it. So each lookup names the test's own socket by its
// local address and, for a connection, its peer too; nothing counts the port's sockets.

// An unconnected socket (a listener, an unconnected UDP socket) by its local address.
SocketSnapshot find(const QList<SocketSnapshot> &sockets, const QString &local,
                    Protocol protocol = Protocol::Tcp)
{
    for (const SocketSnapshot &s : sockets) {
        if (s.local == local && s.protocol == protocol)
            return s;
    }
    return {};
}

// A connected socket by both ends: an accepted socket shares its local address with the
// listener, and a client's ephemeral address may be in use towards another peer as well.
SocketSnapshot findPair(const QList<SocketSnapshot> &sockets, const QString &local,
                        const QString &peer, Protocol protocol = Protocol::Tcp)
{
    for (const SocketSnapshot &s : sockets) {
        if (s.local == local && s.peer == peer && s.protocol == protocol)
            return s;
    }
    return {};
}

// The listener whose address this is.
SocketSnapshot listenerOf(const QList<SocketSnapshot> &sockets, const QString &local)
{
    for (const SocketSnapshot &s : sockets) {
        if (s.isListener() && s.local == local)
            return s;
    }
    return {};
}
} // namespace

class TestSocketStateReader : public QObject
{
    Q_OBJECT

private slots:
    void acceptQueueAndUnacceptedConnections();
    void clientThatClosesFirstIsInTimeWait();
    void serverThatDoesNotCloseIsInCloseWait();
    void recvQueueGrowsWhenNobodyReads();
    void ipv6AndUdpSocketsAppear();
    void anotherProcessSocketHasItsPid();
    void kernelFiltersOtherPortsTimeWait();
    void connectedUdpFoundByPeerPort_data();
    void connectedUdpFoundByPeerPort();
    void stateNames();
};

void TestSocketStateReader::acceptQueueAndUnacceptedConnections()
{
    quint16 port = 0;
    const Fd listener = listenOn("127.0.0.1", 2, &port);
    QVERIFY(listener.isValid());
    // Linux accepts a connection into the queue while its length is not above the backlog
    // (sk_acceptq_is_full: queue > backlog), so backlog 2 holds three completed handshakes.
    std::vector<Fd> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(tcpConnect(port));
        QVERIFY(clients.back().isValid());
    }
    const QString serverLocal = localOf(listener.get());
    QTRY_COMPARE_WITH_TIMEOUT(listenerOf(readPort(port), serverLocal).recvQ, qint64(3), kWaitMs);
    const QList<SocketSnapshot> sockets = readPort(port);
    const SocketSnapshot listener2 = listenerOf(sockets, serverLocal);
    QCOMPARE(listener2.sendQ, qint64(2));
    QCOMPARE(listener2.pid, qint64(::getpid()));
    QVERIFY(listener2.inode != 0);
    for (const Fd &client : clients) {
        const QString clientLocal = localOf(client.get());
        // The server's side waits in the backlog: no descriptor, so no inode and no owner.
        const SocketSnapshot queued = findPair(sockets, serverLocal, clientLocal);
        QCOMPARE(queued.state, SocketState::Established);
        QCOMPARE(queued.inode, quint64(0));
        QVERIFY(!queued.accepted());
        QCOMPARE(queued.pid, qint64(0));
        const SocketSnapshot mine = findPair(sockets, clientLocal, serverLocal);
        QCOMPARE(mine.state, SocketState::Established);
        QCOMPARE(mine.peerPort, port);
        QVERIFY(mine.accepted());
        QCOMPARE(mine.pid, qint64(::getpid()));
    }
    // Accepting one gives it an inode: it leaves the backlog.
    Fd accepted(::accept4(listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
    QVERIFY(accepted.isValid());
    const SocketSnapshot now = findPair(readPort(port), localOf(accepted.get()),
                                        Endpoint::peerOf(accepted.get()).toString());
    QVERIFY(now.inode != 0);
    QVERIFY(now.accepted());
}

void TestSocketStateReader::clientThatClosesFirstIsInTimeWait()
{
    quint16 port = 0;
    const Fd listener = listenOn("127.0.0.1", 4, &port);
    QVERIFY(listener.isValid());
    Fd client = tcpConnect(port);
    QVERIFY(client.isValid());
    Fd server(::accept4(listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
    QVERIFY(server.isValid());
    const QString clientLocal = localOf(client.get());
    const QString serverLocal = localOf(listener.get());
    client.reset();
    QVERIFY(peerClosed(server.get()));
    server.reset();
    QTRY_COMPARE_WITH_TIMEOUT(findPair(readPort(port), clientLocal, serverLocal).state,
                              SocketState::TimeWait, kWaitMs);
    const SocketSnapshot timeWait = findPair(readPort(port), clientLocal, serverLocal);
    QVERIFY2(timeWait.timerMs > 0, qPrintable(QString::number(timeWait.timerMs)));
    QCOMPARE(timeWait.inode, quint64(0));
    QVERIFY(timeWait.accepted()); // never was waiting for accept()
}

void TestSocketStateReader::serverThatDoesNotCloseIsInCloseWait()
{
    quint16 port = 0;
    const Fd listener = listenOn("127.0.0.1", 4, &port);
    QVERIFY(listener.isValid());
    Fd client = tcpConnect(port);
    QVERIFY(client.isValid());
    const Fd server(::accept4(listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
    QVERIFY(server.isValid());
    const QString clientLocal = localOf(client.get());
    const QString serverLocal = localOf(server.get());
    client.reset();
    QTRY_COMPARE_WITH_TIMEOUT(findPair(readPort(port), serverLocal, clientLocal).state,
                              SocketState::CloseWait, kWaitMs);
    // The client's half: its FIN was acknowledged, it waits for the server's.
    QCOMPARE(findPair(readPort(port), clientLocal, serverLocal).state, SocketState::FinWait2);
}

void TestSocketStateReader::recvQueueGrowsWhenNobodyReads()
{
    quint16 port = 0;
    const Fd listener = listenOn("127.0.0.1", 4, &port);
    QVERIFY(listener.isValid());
    const Fd client = tcpConnect(port);
    QVERIFY(client.isValid());
    const Fd server(::accept4(listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
    QVERIFY(server.isValid());
    const QString serverLocal = localOf(server.get());
    const QString clientLocal = localOf(client.get());
    auto serverSide = [&] { return findPair(readPort(port), serverLocal, clientLocal); };
    QCOMPARE(serverSide().recvQ, qint64(0));
    QVERIFY(sendAll(client.get(), QByteArray(1000, 'x')));
    QTRY_COMPARE_WITH_TIMEOUT(serverSide().recvQ, qint64(1000), kWaitMs);
    QVERIFY(sendAll(client.get(), QByteArray(500, 'y')));
    QTRY_COMPARE_WITH_TIMEOUT(serverSide().recvQ, qint64(1500), kWaitMs);
    QCOMPARE(serverSide().pid, qint64(::getpid()));
}

void TestSocketStateReader::ipv6AndUdpSocketsAppear()
{
    quint16 port = 0;
    const Fd listener = listenOn("::1", 4, &port);
    if (!listener.isValid())
        QSKIP("no IPv6 loopback here");
    const Fd client = tcpConnect(port, "::1");
    QVERIFY(client.isValid());
    // A UDP socket on the same port number (TCP and UDP ports are separate spaces).
    socklen_t length = 0;
    const sockaddr_storage address = addressOf("127.0.0.1", port, &length);
    const Fd udp(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    QVERIFY(udp.isValid());
    if (::bind(udp.get(), reinterpret_cast<const sockaddr *>(&address), length) != 0)
        QSKIP("UDP port taken by someone else");

    const QList<SocketSnapshot> sockets = readPort(port);
    const QString listenerLocal = QStringLiteral("[::1]:%1").arg(port);
    QVERIFY(listenerOf(sockets, listenerLocal).isListener());
    QCOMPARE(findPair(sockets, localOf(client.get()), listenerLocal).state,
             SocketState::Established);
    const SocketSnapshot datagram
        = find(sockets, QStringLiteral("127.0.0.1:%1").arg(port), Protocol::Udp);
    QCOMPARE(datagram.protocol, Protocol::Udp);
    QCOMPARE(datagram.state, SocketState::Close); // unconnected UDP
    QCOMPARE(datagram.pid, qint64(::getpid()));

    for (const SocketSnapshot &s : readPort(port, SocketStateReader::UdpOnly))
        QCOMPARE(s.protocol, Protocol::Udp);
    QVERIFY(sendTo(udp.get(), QByteArray(100, 'u'), port));
    QTRY_VERIFY_WITH_TIMEOUT(find(readPort(port, SocketStateReader::UdpOnly),
                                  QStringLiteral("127.0.0.1:%1").arg(port), Protocol::Udp)
                                     .recvQ
                                 > 0,
                             kWaitMs);
}

void TestSocketStateReader::anotherProcessSocketHasItsPid()
{
    int toParent[2];
    int toChild[2];
    QVERIFY(::pipe2(toParent, O_CLOEXEC) == 0);
    QVERIFY(::pipe2(toChild, O_CLOEXEC) == 0);
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        // Only async-signal-safe calls here: listen, tell the port, wait for the parent.
        ::close(toChild[1]);
        sockaddr_in in {};
        in.sin_family = AF_INET;
        in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        socklen_t length = sizeof in;
        if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&in), sizeof in) != 0
            || ::listen(fd, 1) != 0
            || ::getsockname(fd, reinterpret_cast<sockaddr *>(&in), &length) != 0) {
            ::_exit(1);
        }
        const quint16 childPort = ntohs(in.sin_port);
        [[maybe_unused]] ssize_t w = ::write(toParent[1], &childPort, sizeof childPort);
        char c;
        [[maybe_unused]] ssize_t r = ::read(toChild[0], &c, 1);
        ::_exit(0);
    }
    ::close(toParent[1]);
    ::close(toChild[0]);
    const Fd fromChild(toParent[0]);
    Fd release(toChild[1]);
    quint16 port = 0;
    QCOMPARE(::read(fromChild.get(), &port, sizeof port), ssize_t(sizeof port));
    // Our own connection to the child's listener: our side is ours, the listener is the child's.
    const Fd client = tcpConnect(port);
    QVERIFY(client.isValid());
    const QList<SocketSnapshot> sockets = readPort(port);
    const QString listenerLocal = QStringLiteral("127.0.0.1:%1").arg(port);
    const SocketSnapshot listener = listenerOf(sockets, listenerLocal);
    QCOMPARE(listener.pid, qint64(child));
    QVERIFY(listener.pid != ::getpid());
    QCOMPARE(findPair(sockets, localOf(client.get()), listenerLocal).pid, qint64(::getpid()));
    release.reset();
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

// A machine after a benchmark holds tens of thousands of TIME_WAIT sockets on other ports: the
// kernel must filter them out (bytecode), not send them all for us to drop.
void TestSocketStateReader::kernelFiltersOtherPortsTimeWait()
{
    constexpr int kOthers = 2000;
    quint16 otherPort = 0;
    const Fd other = listenOn("127.0.0.1", 128, &otherPort);
    QVERIFY(other.isValid());
    const QString otherLocal = localOf(other.get());
    QDeadlineTimer deadline(30000);
    int created = 0;
    QSet<QString> clientSides; // our TIME_WAIT sockets' local addresses
    for (; created < kOthers && !deadline.hasExpired(); ++created) {
        Fd client = tcpConnect(otherPort);
        QVERIFY(client.isValid());
        Fd server(::accept4(other.get(), nullptr, nullptr, SOCK_CLOEXEC));
        QVERIFY(server.isValid());
        clientSides.insert(localOf(client.get()));
        client.reset(); // the client closes first: its side waits in TIME_WAIT
        QVERIFY(peerClosed(server.get()));
    }
    QVERIFY2(created > kOthers / 2, qPrintable(QString::number(created)));
    auto timeWaits = [&] {
        int count = 0;
        for (const SocketSnapshot &s : readPort(otherPort, SocketStateReader::TcpOnly)) {
            count += s.state == SocketState::TimeWait && s.peer == otherLocal
                && clientSides.contains(s.local);
        }
        return count;
    };
    QTRY_COMPARE_WITH_TIMEOUT(timeWaits(), created, kWaitMs);
    QVERIFY(SocketStateReader::lastParsedCount() >= created);

    quint16 port = 0;
    const Fd listener = listenOn("127.0.0.1", 4, &port);
    QVERIFY(listener.isValid());
    const Fd client = tcpConnect(port);
    QVERIFY(client.isValid());
    // The listener, the client and the server side waiting for accept(); nothing of otherPort.
    const QString serverLocal = localOf(listener.get());
    const QString clientLocal = localOf(client.get());
    QTRY_VERIFY_WITH_TIMEOUT(
        findPair(readPort(port, SocketStateReader::TcpOnly), serverLocal, clientLocal).state
            == SocketState::Established,
        kWaitMs);
    const QList<SocketSnapshot> sockets = readPort(port);
    for (const SocketSnapshot &s : sockets)
        QVERIFY2(s.localPort == port || s.peerPort == port, qPrintable(s.key()));
    QVERIFY(listenerOf(sockets, serverLocal).isListener());
    QCOMPARE(findPair(sockets, clientLocal, serverLocal).peerPort, port);
    // What the kernel sent: those three (and whatever else has this port at one end right
    // now: a few at most), not the thousands of TIME_WAIT sockets.
    QVERIFY2(SocketStateReader::lastParsedCount() < 100,
             qPrintable(QString::number(SocketStateReader::lastParsedCount())));
}

// A connected UDP socket is found by its peer's port (the kernel's "dport" test), both families.
void TestSocketStateReader::connectedUdpFoundByPeerPort_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("IPv4") << QStringLiteral("127.0.0.1");
    QTest::newRow("IPv6") << QStringLiteral("::1");
}

void TestSocketStateReader::connectedUdpFoundByPeerPort()
{
    QFETCH(QString, host);
    const QByteArray hostText = host.toLatin1();
    socklen_t length = 0;
    const sockaddr_storage any = addressOf(hostText.constData(), 0, &length);
    const Fd server(::socket(any.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    QVERIFY(server.isValid());
    if (::bind(server.get(), reinterpret_cast<const sockaddr *>(&any), length) != 0)
        QSKIP("no such loopback here");
    const quint16 port = Endpoint::localOf(server.get()).port();
    const sockaddr_storage address = addressOf(hostText.constData(), port, &length);
    const Fd client(::socket(any.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    QVERIFY(client.isValid());
    QCOMPARE(::connect(client.get(), reinterpret_cast<const sockaddr *>(&address), length), 0);

    const QList<SocketSnapshot> sockets = readPort(port, SocketStateReader::UdpOnly);
    const SocketSnapshot mine
        = findPair(sockets, localOf(client.get()), localOf(server.get()), Protocol::Udp);
    QCOMPARE(mine.state, SocketState::Established);
    QCOMPARE(mine.peerPort, port);
    QCOMPARE(find(sockets, localOf(server.get()), Protocol::Udp).state, SocketState::Close);
}

void TestSocketStateReader::stateNames()
{
    QCOMPARE(socketStateName(SocketState::Listen), QStringLiteral("LISTEN"));
    QCOMPARE(socketStateName(SocketState::TimeWait), QStringLiteral("TIME_WAIT"));
    QCOMPARE(socketStateName(SocketState::FinWait1), QStringLiteral("FIN_WAIT1"));
    QCOMPARE(socketStateName(SocketState::CloseWait), QStringLiteral("CLOSE_WAIT"));
}

QTEST_GUILESS_MAIN(TestSocketStateReader)
#include "tst_socketstatereader.moc"
