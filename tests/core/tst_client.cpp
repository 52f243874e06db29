// socketlab::Client against real servers on loopback, and against nothing at all.

#include "core/client.h"
#include "core/resolver.h"
#include "core/server.h"
#include "tests/core/testsupport.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <netdb.h>

using namespace socketlab;
using namespace testsupport;

namespace {

// A port nobody listens on: bound (so no one else takes it) but never passive.
class ClosedPort
{
public:
    ClosedPort()
        : m_fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0))
    {
        socklen_t length = 0;
        const sockaddr_storage any = addressOf("127.0.0.1", 0, &length);
        ::bind(m_fd.get(), reinterpret_cast<const sockaddr *>(&any), length);
    }
    quint16 port() const { return Endpoint::localOf(m_fd.get()).port(); }

private:
    Fd m_fd;
};

ServerConfig echoServer(Protocol protocol, const QString &bind = QStringLiteral("127.0.0.1"))
{
    ServerConfig c;
    c.protocol = protocol;
    c.port = 0;
    c.echo = true;
    c.bindAddress = bind;
    return c;
}

// A DNS server that never answers: each lookup blocks for 30 s (glibc's own retries take
// about as long) unless the test lets it go.
std::mutex g_silentMutex;
std::condition_variable g_silentReleased;
bool g_released = false;
std::atomic<int> g_silentLookups {0};

ResolvedAddresses silentDns(const QByteArray &, quint16, int, bool)
{
    ++g_silentLookups;
    std::unique_lock<std::mutex> lock(g_silentMutex);
    g_silentReleased.wait_for(lock, std::chrono::seconds(30), [] { return g_released; });
    ResolvedAddresses none;
    none.gaiError = EAI_AGAIN;
    return none;
}

Endpoint endpointOf(const char *host, quint16 port)
{
    socklen_t length = 0;
    const sockaddr_storage address = addressOf(host, port, &length);
    return Endpoint(reinterpret_cast<const sockaddr *>(&address), length);
}

// Every name resolves to ::1 first, then 127.0.0.1: what "localhost" gives on many machines.
ResolvedAddresses ipv6First(const QByteArray &, quint16 port, int, bool)
{
    ResolvedAddresses r;
    r.endpoints = {endpointOf("::1", port), endpointOf("127.0.0.1", port)};
    return r;
}

// Every name resolves first to an address this machine does not have (TEST-NET-1), then to
// 127.0.0.1: only the second can be bound.
ResolvedAddresses foreignFirst(const QByteArray &, quint16 port, int, bool)
{
    ResolvedAddresses r;
    r.endpoints = {endpointOf("192.0.2.1", port), endpointOf("127.0.0.1", port)};
    return r;
}

// Puts a lookup in for one test; lets blocked lookups go and takes it out again at the end.
class InjectedLookup
{
public:
    explicit InjectedLookup(Resolver::LookupFunction lookup)
    {
        {
            std::lock_guard<std::mutex> lock(g_silentMutex);
            g_released = false;
        }
        Resolver::setLookupFunction(lookup);
    }
    ~InjectedLookup()
    {
        Resolver::setLookupFunction(nullptr);
        {
            std::lock_guard<std::mutex> lock(g_silentMutex);
            g_released = true;
        }
        g_silentReleased.notify_all();
    }
};

// Bytes the client reported received.
// Replies one by one, plus those merged into coalesced events while the reader lagged.
qint64 receivedBytes(const EventLog &log)
{
    qint64 bytes = 0;
    for (const SocketEvent &e : log.all()) {
        if (e.kind == EventKind::Received
            || (e.kind == EventKind::Coalesced && e.mergedKind == EventKind::Received))
            bytes += e.bytes;
    }
    return bytes;
}

} // namespace

class TestClient : public QObject
{
    Q_OBJECT

private slots:
    void connectionRefused();
    void unknownHost();
    void conversation_data();
    void conversation();
    void serverClosesTheConnection();
    void localhostFindsAnIpv4Server();
    void callTraceFollowsTheRecipe();
    void bigMessageToAnEchoServer();
    void stopDuringASilentLookup_data();
    void stopDuringASilentLookup();
    void serverBindLookupGivesUp();
    void udpTriesEachAddress();
    void serverBindsTheFirstAddressThatWorks();
};

void TestClient::connectionRefused()
{
    ClosedPort closed;
    Client client;
    EventLog log(&client);
    QSignalSpy states(&client, &Client::stateChanged);
    client.connectToHost(Protocol::Tcp, QStringLiteral("127.0.0.1"), closed.port());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Unconnected, kWaitMs);
    QVERIFY(log.waitForCount(EventKind::Error, 1));
    const SocketEvent error = log.of(EventKind::Error).first();
    QCOMPARE(error.call, SysCall::Connect);
    QCOMPARE(error.errnum, ECONNREFUSED);
    QCOMPARE(error.role, Role::Client);
    QVERIFY(error.args.contains(QString::number(closed.port())));
    QCOMPARE(log.count(EventKind::Connected), 0);
    QCOMPARE(states.first().first().value<Client::State>(), Client::State::Connecting);
    QCOMPARE(states.last().first().value<Client::State>(), Client::State::Unconnected);
}

void TestClient::unknownHost()
{
    Client client;
    EventLog log(&client);
    client.connectToHost(Protocol::Tcp, QStringLiteral("no-such-host.invalid"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Unconnected, kWaitMs);
    QVERIFY(log.waitForCount(EventKind::Error, 1));
    const SocketEvent error = log.of(EventKind::Error).first();
    QCOMPARE(error.call, SysCall::Getaddrinfo);
    QCOMPARE(error.args, QStringLiteral("no-such-host.invalid"));
    QVERIFY(error.result != 0);
    QCOMPARE(log.count(EventKind::Call), 1); // only getaddrinfo: no socket was made
}

void TestClient::conversation_data()
{
    QTest::addColumn<int>("protocol");
    QTest::addColumn<QString>("bind");
    QTest::addColumn<QString>("host");
    QTest::newRow("tcp ipv4") << int(Protocol::Tcp) << "127.0.0.1"
                              << "127.0.0.1";
    QTest::newRow("udp ipv4") << int(Protocol::Udp) << "127.0.0.1"
                              << "127.0.0.1";
    QTest::newRow("tcp ipv6") << int(Protocol::Tcp) << "::1"
                              << "[::1]";
    QTest::newRow("udp ipv6") << int(Protocol::Udp) << "::1"
                              << "::1";
}

// Sends a few messages to an echoing SocketLab server and gets each one back.
void TestClient::conversation()
{
    QFETCH(int, protocol);
    QFETCH(QString, bind);
    QFETCH(QString, host);
    Server server;
    EventLog serverLog(&server);
    if (!server.start(echoServer(Protocol(protocol), bind)))
        QSKIP(qPrintable(server.errorString()));
    Client client;
    EventLog log(&client);
    client.connectToHost(Protocol(protocol), host, server.localPort());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Connected, kWaitMs);
    QCOMPARE(client.peerAddress(), server.localAddress());

    const QList<QByteArray> messages = {"first", QByteArray("\x00\xff", 2), "ol\xc3\xa1"};
    for (const QByteArray &m : messages) {
        client.send(m);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !log.of(EventKind::Received).isEmpty()
                    && log.of(EventKind::Received).last().payload == m;
            },
            kWaitMs));
    }
    QCOMPARE(log.count(EventKind::Sent), 3);
    QCOMPARE(log.count(EventKind::Received), 3);
    const QString local = client.localAddress();
    QVERIFY(!local.isEmpty());
    for (const SocketEvent &e : log.of(EventKind::Received))
        QCOMPARE(e.peer, server.localAddress());
    // An unconnected UDP socket is bound to the wildcard address: the server sees the
    // loopback address with the same port.
    const QString port = local.mid(local.lastIndexOf(QLatin1Char(':')));
    const QString seen = serverLog.of(EventKind::Data).value(0).peer;
    QVERIFY2(seen.endsWith(port), qPrintable(seen + QLatin1String(" vs ") + local));
    QVERIFY(serverLog.waitForData(seen,
                                  QByteArray("first") + QByteArray("\x00\xff", 2) + "ol\xc3\xa1"));

    client.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Unconnected, kWaitMs);
    QVERIFY(log.waitForCount(EventKind::Disconnected, 1));
    if (Protocol(protocol) == Protocol::Tcp)
        QVERIFY(serverLog.waitForCount(EventKind::Disconnected, 1));
}

void TestClient::serverClosesTheConnection()
{
    Server server;
    ServerConfig c = echoServer(Protocol::Tcp);
    QVERIFY(server.start(c));
    Client client;
    EventLog log(&client);
    client.connectToHost(Protocol::Tcp, QStringLiteral("127.0.0.1"), server.localPort());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Connected, kWaitMs);
    server.stop();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Unconnected, kWaitMs);
    QVERIFY(log.waitForCount(EventKind::Disconnected, 1));
    QCOMPARE(log.of(EventKind::Disconnected).first().result, 1); // "the server closed"
}

// "localhost" may resolve to ::1 first; the client tries each address in turn.
void TestClient::localhostFindsAnIpv4Server()
{
    Server server;
    QVERIFY(server.start(echoServer(Protocol::Tcp)));
    Client client;
    EventLog log(&client);
    client.connectToHost(Protocol::Tcp, QStringLiteral("localhost"), server.localPort());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Connected, kWaitMs);
    QCOMPARE(client.peerAddress(), server.localAddress());
}

void TestClient::callTraceFollowsTheRecipe()
{
    Server server;
    QVERIFY(server.start(echoServer(Protocol::Tcp)));
    Client client;
    EventLog log(&client);
    client.connectToHost(Protocol::Tcp, QStringLiteral("127.0.0.1"), server.localPort());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Connected, kWaitMs);
    client.send("x");
    client.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Unconnected, kWaitMs);
    QStringList calls;
    for (const SocketEvent &e : log.of(EventKind::Call)) {
        if (!calls.contains(sysCallName(e.call)))
            calls << sysCallName(e.call);
    }
    // resolve, protocol, socket, connect, send, close: the recipe's client sequence.
    QCOMPARE(calls.mid(0, 5),
             (QStringList {"getaddrinfo", "getprotobyname", "socket", "connect", "send"}));
    QCOMPARE(log.of(EventKind::Call).last().call, SysCall::Close);
    const SocketEvent protocolCall = log.of(EventKind::Call).at(1);
    QCOMPARE(protocolCall.result, 6);
}

// 16 MiB in one send() to an echo server: the server blocks sending it back until we read,
// so the client must read while it waits to send, or both wait for ever.
void TestClient::bigMessageToAnEchoServer()
{
    Server server;
    ServerConfig c = echoServer(Protocol::Tcp);
    c.reportTraffic = false;
    c.reportCalls = false;
    QVERIFY(server.start(c));
    Client client;
    EventLog log(&client);
    client.connectToHost(Protocol::Tcp, QStringLiteral("127.0.0.1"), server.localPort());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Connected, kWaitMs);
    constexpr qint64 kSize = 16 * 1024 * 1024;
    QByteArray message(kSize, Qt::Uninitialized);
    for (qint64 i = 0; i < kSize; ++i)
        message[i] = char('a' + i % 26);
    client.send(message);
    // The sent event may be merged into a coalesced one while the echo floods the reader.
    const auto sentBytes = [&log] {
        qint64 bytes = 0;
        for (const SocketEvent &e : log.all()) {
            if (e.kind == EventKind::Sent
                || (e.kind == EventKind::Coalesced && e.mergedKind == EventKind::Sent))
                bytes += e.bytes;
        }
        return bytes;
    };
    QVERIFY2(QTest::qWaitFor([&] { return sentBytes() >= kSize; }, 60000),
             "the send never finished: deadlock");
    QCOMPARE(sentBytes(), kSize);
    QVERIFY(QTest::qWaitFor([&] { return receivedBytes(log) >= kSize; }, 60000));
    QCOMPARE(receivedBytes(log), kSize);
    QByteArray head;
    for (const SocketEvent &e : log.of(EventKind::Received)) {
        head += e.payload;
        if (head.size() >= 4096)
            break;
    }
    QVERIFY(message.startsWith(head.left(4096)));
    QCOMPARE(server.totals().bytes, kSize);
    client.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Unconnected, kWaitMs);
}

void TestClient::stopDuringASilentLookup_data()
{
    QTest::addColumn<bool>("destroy");
    QTest::newRow("abort") << false;
    QTest::newRow("destroy") << true;
}

// A DNS server that never answers must not hold Stop (or the window closing) hostage.
void TestClient::stopDuringASilentLookup()
{
    QFETCH(bool, destroy);
    InjectedLookup silent(&silentDns);
    const int before = g_silentLookups.load();
    auto client = std::make_unique<Client>();
    EventLog log(client.get());
    client->connectToHost(Protocol::Tcp, QStringLiteral("silent.example"), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(g_silentLookups.load() > before, kWaitMs);
    QElapsedTimer timer;
    timer.start();
    if (destroy) {
        client.reset();
    } else {
        client->abort();
        QCOMPARE(client->state(), Client::State::Unconnected);
    }
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
}

// start() answers at once for numeric addresses; for a name it waits a bounded time.
void TestClient::serverBindLookupGivesUp()
{
    InjectedLookup silent(&silentDns);
    Server server;
    ServerConfig c = echoServer(Protocol::Tcp, QStringLiteral("silent.example"));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!server.start(c));
    QVERIFY2(timer.elapsed() < 15000,
             qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
    QVERIFY2(server.errorString().contains(QLatin1String("getaddrinfo")),
             qPrintable(server.errorString()));
    // A numeric address never asks the (silent) name service.
    timer.restart();
    QVERIFY(server.start(echoServer(Protocol::Tcp)));
    QVERIFY(timer.elapsed() < 2000);
}

// "localhost" as ::1 then 127.0.0.1, the server on 127.0.0.1 only: the datagram to ::1 is
// refused, and the client goes on to the next address with it.
void TestClient::udpTriesEachAddress()
{
    Server server;
    EventLog serverLog(&server);
    QVERIFY(server.start(echoServer(Protocol::Udp)));
    InjectedLookup order(&ipv6First);
    Client client;
    EventLog log(&client);
    client.connectToHost(Protocol::Udp, QStringLiteral("localhost"), server.localPort());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Connected, kWaitMs);
    client.send("hello");
    QVERIFY(serverLog.waitForCount(EventKind::Data, 1));
    QCOMPARE(serverLog.of(EventKind::Data).first().payload, QByteArray("hello"));
    QVERIFY(QTest::qWaitFor([&] { return !log.of(EventKind::Received).isEmpty(); }, kWaitMs));
    QCOMPARE(log.of(EventKind::Received).first().payload, QByteArray("hello"));
    QCOMPARE(client.peerAddress(), server.localAddress());
    // Once the server answered, later datagrams go straight there.
    client.send("again");
    QVERIFY(QTest::qWaitFor([&] { return log.count(EventKind::Received) >= 2; }, kWaitMs));
    QCOMPARE(log.of(EventKind::Received).at(1).payload, QByteArray("again"));
    // The server's events come through its own queue: the echo may be seen first.
    QVERIFY(serverLog.waitForCount(EventKind::Data, 2));
    QCOMPARE(serverLog.count(EventKind::Data), 2);
}

void TestClient::serverBindsTheFirstAddressThatWorks()
{
    InjectedLookup order(&foreignFirst);
    Server server;
    EventLog log(&server);
    QVERIFY2(server.start(echoServer(Protocol::Tcp, QStringLiteral("lab.example"))),
             qPrintable(server.errorString()));
    QVERIFY2(server.localAddress().startsWith(QLatin1String("127.0.0.1:")),
             qPrintable(server.localAddress()));
    Fd client = tcpConnect(server.localPort());
    QVERIFY(client.isValid());
    QVERIFY(sendAll(client.get(), "ping"));
    QCOMPARE(receive(client.get(), 4), QByteArray("ping"));
}

QTEST_GUILESS_MAIN(TestClient)
#include "tst_client.moc"
