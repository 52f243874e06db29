// Socket options and the ways to end a conversation, seen from the other side of the
// connection and read back from the kernel: TCP_NODELAY, SO_SNDBUF/SO_RCVBUF, half-close
// (shutdown(SHUT_WR)) and reset (SO_LINGER {1, 0}).

#include "core/client.h"
#include "core/server.h"
#include "tests/core/testsupport.h"

#include <QRegularExpression>
#include <QTest>

#include <netinet/tcp.h>

using namespace socketlab;
using namespace testsupport;

namespace {

ServerConfig echoServer(Protocol protocol, Concurrency concurrency = Concurrency::Thread)
{
    ServerConfig c;
    c.protocol = protocol;
    c.concurrency = concurrency;
    c.port = 0;
    c.echo = true;
    return c;
}

bool isCall(const SocketEvent &e, SysCall call, const QString &argsContain = QString())
{
    return e.kind == EventKind::Call && e.call == call && e.args.contains(argsContain);
}

// The descriptor a traced call names first ("fd 7, ..."), or -1.
int fdOf(const SocketEvent &e)
{
    const QRegularExpressionMatch m
        = QRegularExpression(QStringLiteral("^fd (\\d+)")).match(e.args);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

int intOption(int fd, int level, int name)
{
    int value = -1;
    socklen_t length = sizeof value;
    if (::getsockopt(fd, level, name, &value, &length) != 0)
        return -1;
    return value;
}

// A plain listener on 127.0.0.1, any port.
Fd listener(quint16 *port)
{
    socklen_t length = 0;
    const sockaddr_storage any = addressOf("127.0.0.1", 0, &length);
    Fd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (::bind(fd.get(), reinterpret_cast<const sockaddr *>(&any), length) != 0
        || ::listen(fd.get(), 1) != 0)
        return {};
    *port = Endpoint::localOf(fd.get()).port();
    return fd;
}

// A SocketLab echo server and a client connected to it, each with its events recorded.
struct EchoPair
{
    // False when the server does not start or the client does not connect.
    bool connect(Concurrency concurrency)
    {
        if (!server.start(echoServer(Protocol::Tcp, concurrency)))
            return false;
        client.connectToHost(Protocol::Tcp, QStringLiteral("127.0.0.1"), server.localPort());
        return QTest::qWaitFor([this] { return client.state() == Client::State::Connected; },
                               kWaitMs);
    }

    Server server;
    EventLog serverLog {&server};
    Client client;
    EventLog log {&client};
};

void addConcurrencyRows()
{
    QTest::addColumn<int>("concurrency");
    QTest::newRow("iterative") << int(Concurrency::Iterative);
    QTest::newRow("fork") << int(Concurrency::Fork);
    QTest::newRow("thread") << int(Concurrency::Thread);
    QTest::newRow("poll") << int(Concurrency::Poll);
}

} // namespace

class TestClientOptions : public QObject
{
    Q_OBJECT

private slots:
    void noDelay_data();
    void noDelay();
    void sendBufferReadBack_data();
    void sendBufferReadBack();
    void serverReceiveBufferReadBack_data();
    void serverReceiveBufferReadBack();
    void halfCloseReadsTheReplySentAfterTheFin();
    void halfClosedClientStillGetsTheEcho_data();
    void halfClosedClientStillGetsTheEcho();
    void resetGivesTheServerEconnreset_data();
    void resetGivesTheServerEconnreset();
    void resetSendsAnRst();
};

void TestClientOptions::noDelay_data()
{
    QTest::addColumn<bool>("noDelay");
    QTest::newRow("on") << true;
    QTest::newRow("off") << false;
}

// The option is traced as its own call and really set: read back from the client's socket.
void TestClientOptions::noDelay()
{
    QFETCH(bool, noDelay);
    Server server;
    QVERIFY(server.start(echoServer(Protocol::Tcp)));
    Client client;
    EventLog log(&client);
    ClientOptions options;
    options.noDelay = noDelay;
    client.setOptions(options);
    client.connectToHost(Protocol::Tcp, QStringLiteral("127.0.0.1"), server.localPort());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Connected, kWaitMs);
    QVERIFY(log.waitForCount(EventKind::Connected, 1));

    const int connectAt
        = log.indexOf([](const SocketEvent &e) { return isCall(e, SysCall::Connect); });
    QVERIFY(connectAt >= 0);
    const int fd = fdOf(log.all().at(connectAt));
    QVERIFY(fd >= 0);
    const int optionAt
        = log.indexOf([](const SocketEvent &e) { return isCall(e, SysCall::Setsockopt); });
    if (noDelay) {
        QVERIFY(optionAt >= 0);
        const SocketEvent set = log.all().at(optionAt);
        QCOMPARE(set.args, QStringLiteral("fd %1, TCP_NODELAY, 1").arg(fd));
        QCOMPARE(set.result, 0);
        QCOMPARE(set.step, 3);
        QVERIFY(optionAt < connectAt); // before connect(): the socket's from its first byte
    } else {
        QCOMPARE(optionAt, -1);
    }
    QCOMPARE(intOption(fd, IPPROTO_TCP, TCP_NODELAY), noDelay ? 1 : 0);
    // The socket still works.
    client.send("ping");
    QVERIFY(QTest::qWaitFor([&] { return log.count(EventKind::Received) == 1; }, kWaitMs));
}

void TestClientOptions::sendBufferReadBack_data()
{
    QTest::addColumn<int>("protocol");
    QTest::addColumn<int>("size");
    QTest::newRow("tcp 4096") << int(Protocol::Tcp) << 4096;
    QTest::newRow("tcp 65536") << int(Protocol::Tcp) << 65536;
    QTest::newRow("udp 4096") << int(Protocol::Udp) << 4096;
}

// Linux doubles the size asked for (the other half is its bookkeeping); the trace reads back
// what the kernel made of it, and so does the test, from the socket itself.
void TestClientOptions::sendBufferReadBack()
{
    QFETCH(int, protocol);
    QFETCH(int, size);
    Server server;
    QVERIFY(server.start(echoServer(Protocol(protocol))));
    Client client;
    EventLog log(&client);
    ClientOptions options;
    options.sendBuffer = size;
    options.noDelay = true; // ignored for UDP
    client.setOptions(options);
    client.connectToHost(Protocol(protocol), QStringLiteral("127.0.0.1"), server.localPort());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Connected, kWaitMs);
    client.send("ping");
    QVERIFY(QTest::qWaitFor([&] { return log.count(EventKind::Received) == 1; }, kWaitMs));

    const int setAt = log.indexOf([](const SocketEvent &e) {
        return isCall(e, SysCall::Setsockopt, QStringLiteral("SO_SNDBUF"));
    });
    QVERIFY(setAt >= 0);
    const SocketEvent set = log.all().at(setAt);
    const int fd = fdOf(set);
    QCOMPARE(set.args, QStringLiteral("fd %1, SO_SNDBUF, %2").arg(fd).arg(size));
    QCOMPARE(set.result, 0);
    const int readAt
        = log.indexOf([](const SocketEvent &e) { return isCall(e, SysCall::Getsockopt); });
    QVERIFY(readAt > setAt);
    QCOMPARE(log.all().at(readAt).args, QStringLiteral("fd %1, SO_SNDBUF").arg(fd));
    QCOMPARE(log.all().at(readAt).result, 2 * size);
    QCOMPARE(intOption(fd, SOL_SOCKET, SO_SNDBUF), 2 * size);
    const bool noDelayTraced = log.indexOf([](const SocketEvent &e) {
        return isCall(e, SysCall::Setsockopt, QStringLiteral("TCP_NODELAY"));
    }) >= 0;
    QCOMPARE(noDelayTraced, Protocol(protocol) == Protocol::Tcp);
}

void TestClientOptions::serverReceiveBufferReadBack_data()
{
    QTest::addColumn<int>("protocol");
    QTest::addColumn<int>("concurrency");
    QTest::newRow("tcp thread") << int(Protocol::Tcp) << int(Concurrency::Thread);
    QTest::newRow("tcp iterative") << int(Protocol::Tcp) << int(Concurrency::Iterative);
    QTest::newRow("tcp poll") << int(Protocol::Tcp) << int(Concurrency::Poll);
    QTest::newRow("udp") << int(Protocol::Udp) << int(Concurrency::Thread);
}

// SO_RCVBUF goes on the listener (traced, then read back doubled), and every accepted socket
// inherits it.
void TestClientOptions::serverReceiveBufferReadBack()
{
    QFETCH(int, protocol);
    QFETCH(int, concurrency);
    const int size = 8192;
    Server server;
    EventLog log(&server);
    ServerConfig config = echoServer(Protocol(protocol), Concurrency(concurrency));
    config.receiveBuffer = size;
    QVERIFY(server.start(config));
    QVERIFY(log.waitForCount(EventKind::Listening, 1));
    const int setAt = log.indexOf([](const SocketEvent &e) {
        return isCall(e, SysCall::Setsockopt, QStringLiteral("SO_RCVBUF"));
    });
    QVERIFY(setAt >= 0);
    const int socketFd = fdOf(log.all().at(setAt));
    QCOMPARE(log.all().at(setAt).args,
             QStringLiteral("fd %1, SO_RCVBUF, %2").arg(socketFd).arg(size));
    QCOMPARE(log.all().at(setAt).result, 0);
    QCOMPARE(log.all().at(setAt).step, 2);
    const int bindAt = log.indexOf([](const SocketEvent &e) { return isCall(e, SysCall::Bind); });
    QVERIFY(setAt < bindAt);
    const int readAt = log.indexOf([](const SocketEvent &e) {
        return isCall(e, SysCall::Getsockopt, QStringLiteral("SO_RCVBUF"));
    });
    QVERIFY(readAt > setAt);
    QCOMPARE(log.all().at(readAt).result, 2 * size);
    QCOMPARE(intOption(socketFd, SOL_SOCKET, SO_RCVBUF), 2 * size);
    if (Protocol(protocol) == Protocol::Udp)
        return;

    Fd peer = tcpConnect(server.localPort());
    QVERIFY(peer.isValid());
    QVERIFY(sendAll(peer.get(), "ping"));
    QCOMPARE(receive(peer.get(), 4), QByteArray("ping"));
    const auto acceptCall = [](const SocketEvent &e) { return isCall(e, SysCall::Accept); };
    QVERIFY(QTest::qWaitFor([&] { return log.indexOf(acceptCall) >= 0; }, kWaitMs));
    const int acceptAt = log.indexOf(acceptCall);
    const int accepted = int(log.all().at(acceptAt).result);
    QCOMPARE(intOption(accepted, SOL_SOCKET, SO_RCVBUF), 2 * size);
}

// The classic use of a half-close: the peer reads the whole request (until our FIN), and
// only then answers. The client must still be reading.
void TestClientOptions::halfCloseReadsTheReplySentAfterTheFin()
{
    quint16 port = 0;
    Fd listening = listener(&port);
    QVERIFY(listening.isValid());
    Client client;
    EventLog log(&client);
    client.connectToHost(Protocol::Tcp, QStringLiteral("127.0.0.1"), port);
    Fd peer(::accept4(listening.get(), nullptr, nullptr, SOCK_CLOEXEC));
    QVERIFY(peer.isValid());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Connected, kWaitMs);
    client.send("request");
    client.halfClose();

    // Everything up to the FIN: the request, then recv() returns 0.
    QByteArray request;
    QDeadlineTimer deadline(kWaitMs);
    for (;;) {
        pollfd p {peer.get(), POLLIN, 0};
        QVERIFY(::poll(&p, 1, int(deadline.remainingTime())) > 0);
        char buffer[256];
        const ssize_t n = ::recv(peer.get(), buffer, sizeof buffer, 0);
        QVERIFY(n >= 0);
        if (n == 0)
            break;
        request.append(buffer, n);
    }
    QCOMPARE(request, QByteArray("request"));
    QCOMPARE(client.state(), Client::State::Connected); // still reading
    QVERIFY(sendAll(peer.get(), "reply"));
    QVERIFY(log.waitForCount(EventKind::Received, 1));
    QCOMPARE(log.of(EventKind::Received).first().payload, QByteArray("reply"));
    peer.reset();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Unconnected, kWaitMs);
    QVERIFY(log.waitForCount(EventKind::Disconnected, 1));

    const int shutdownAt
        = log.indexOf([](const SocketEvent &e) { return isCall(e, SysCall::Shutdown); });
    QVERIFY(shutdownAt >= 0);
    const SocketEvent shutdown = log.all().at(shutdownAt);
    QCOMPARE(shutdown.args, QStringLiteral("fd %1, SHUT_WR").arg(fdOf(shutdown)));
    QCOMPARE(shutdown.result, 0);
    QCOMPARE(shutdown.step, 6);
    const int receivedAt
        = log.indexOf([](const SocketEvent &e) { return e.kind == EventKind::Received; });
    const int endAt = log.indexOf(
        [](const SocketEvent &e) { return isCall(e, SysCall::Recv) && e.result == 0; });
    const int closeAt = log.indexOf([](const SocketEvent &e) { return isCall(e, SysCall::Close); });
    QVERIFY(shutdownAt < receivedAt);
    QVERIFY(receivedAt < endAt);
    QVERIFY(endAt < closeAt);
    QCOMPARE(log.of(EventKind::Disconnected).first().result, 1); // the server closed
}

void TestClientOptions::halfClosedClientStillGetsTheEcho_data()
{
    addConcurrencyRows();
}

// Against SocketLab's echo server in every mode: the server echoes what came before the FIN,
// sees recv() == 0 only after that, and closes; the client reads the echo after its shutdown.
void TestClientOptions::halfClosedClientStillGetsTheEcho()
{
    QFETCH(int, concurrency);
    EchoPair pair;
    QVERIFY(pair.connect(Concurrency(concurrency)));
    Client &client = pair.client;
    EventLog &log = pair.log;
    EventLog &serverLog = pair.serverLog;
    client.send("hello");
    client.halfClose();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Unconnected, kWaitMs);
    QVERIFY(log.waitForCount(EventKind::Disconnected, 1));
    QVERIFY(serverLog.waitForCount(EventKind::Disconnected, 1));

    QCOMPARE(log.count(EventKind::Received), 1);
    QCOMPARE(log.of(EventKind::Received).first().payload, QByteArray("hello"));
    QCOMPARE(log.of(EventKind::Disconnected).first().result, 1); // the server closed
    const int shutdownAt
        = log.indexOf([](const SocketEvent &e) { return isCall(e, SysCall::Shutdown); });
    const int closeAt = log.indexOf([](const SocketEvent &e) { return isCall(e, SysCall::Close); });
    QVERIFY(shutdownAt >= 0);
    QVERIFY(shutdownAt < closeAt);

    const int echoedAt
        = serverLog.indexOf([](const SocketEvent &e) { return e.kind == EventKind::Sent; });
    const int endAt = serverLog.indexOf(
        [](const SocketEvent &e) { return isCall(e, SysCall::Recv) && e.result == 0; });
    const int goneAt
        = serverLog.indexOf([](const SocketEvent &e) { return e.kind == EventKind::Disconnected; });
    QVERIFY(echoedAt >= 0);
    QVERIFY2(echoedAt < goneAt, "the server saw the client leave before it echoed");
    QVERIFY(endAt >= 0);
    QVERIFY2(echoedAt < endAt, "recv() returned 0 before the echo went");
    QCOMPARE(serverLog.count(EventKind::Error), 0);
}

void TestClientOptions::resetGivesTheServerEconnreset_data()
{
    addConcurrencyRows();
}

void TestClientOptions::resetGivesTheServerEconnreset()
{
    QFETCH(int, concurrency);
    EchoPair pair;
    QVERIFY(pair.connect(Concurrency(concurrency)));
    Client &client = pair.client;
    EventLog &log = pair.log;
    EventLog &serverLog = pair.serverLog;
    client.send("hello");
    QVERIFY(log.waitForCount(EventKind::Received, 1));
    const QString local = client.localAddress();
    client.resetConnection();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Unconnected, kWaitMs);

    QVERIFY(serverLog.waitForCount(EventKind::Error, 1));
    const SocketEvent error = serverLog.of(EventKind::Error).first();
    QCOMPARE(error.call, SysCall::Recv);
    QCOMPARE(error.errnum, ECONNRESET);
    QCOMPARE(error.peer, local); // whose connection it was
    QVERIFY(serverLog.waitForCount(EventKind::Disconnected, 1));

    const int lingerAt = log.indexOf([](const SocketEvent &e) {
        return isCall(e, SysCall::Setsockopt, QStringLiteral("SO_LINGER"));
    });
    const int closeAt = log.indexOf([](const SocketEvent &e) { return isCall(e, SysCall::Close); });
    QVERIFY(lingerAt >= 0);
    const SocketEvent linger = log.all().at(lingerAt);
    QCOMPARE(linger.args, QStringLiteral("fd %1, SO_LINGER, {1, 0}").arg(fdOf(linger)));
    QCOMPARE(linger.result, 0);
    QCOMPARE(linger.step, 6); // part of closing, not of making the socket
    QVERIFY(lingerAt < closeAt);
    QCOMPARE(log.count(EventKind::Error), 0);
}

// Seen from a plain socket: the reset reaches the peer as ECONNRESET, with whatever the
// client sent before it delivered first.
void TestClientOptions::resetSendsAnRst()
{
    quint16 port = 0;
    Fd listening = listener(&port);
    QVERIFY(listening.isValid());
    Client client;
    client.connectToHost(Protocol::Tcp, QStringLiteral("127.0.0.1"), port);
    Fd peer(::accept4(listening.get(), nullptr, nullptr, SOCK_CLOEXEC));
    QVERIFY(peer.isValid());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Connected, kWaitMs);
    client.send("bye");
    client.resetConnection();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Unconnected, kWaitMs);
    QCOMPARE(receive(peer.get(), 3), QByteArray("bye"));
    pollfd p {peer.get(), POLLIN, 0};
    QVERIFY(::poll(&p, 1, kWaitMs) > 0);
    char buffer[16];
    errno = 0;
    QCOMPARE(::recv(peer.get(), buffer, sizeof buffer, 0), ssize_t(-1));
    QCOMPARE(errno, ECONNRESET);
}

QTEST_GUILESS_MAIN(TestClientOptions)
#include "tst_client_options.moc"
