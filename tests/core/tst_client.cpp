// socketlab::Client against real servers on loopback, and against nothing at all.

#include "client.h"
#include "server.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace socketlab;
using namespace testsupport;

namespace {

// A port nobody listens on: bound (so no one else takes it) but never passive.
class ClosedPort
{
public:
    ClosedPort() : m_fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0))
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
    QCOMPARE(error.call, QStringLiteral("connect"));
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
    QCOMPARE(error.call, QStringLiteral("getaddrinfo"));
    QCOMPARE(error.args, QStringLiteral("no-such-host.invalid"));
    QVERIFY(error.result != 0);
    QCOMPARE(log.count(EventKind::Call), 1);  // only getaddrinfo: no socket was made
}

void TestClient::conversation_data()
{
    QTest::addColumn<int>("protocol");
    QTest::addColumn<QString>("bind");
    QTest::addColumn<QString>("host");
    QTest::newRow("tcp ipv4") << int(Protocol::Tcp) << "127.0.0.1" << "127.0.0.1";
    QTest::newRow("udp ipv4") << int(Protocol::Udp) << "127.0.0.1" << "127.0.0.1";
    QTest::newRow("tcp ipv6") << int(Protocol::Tcp) << "::1" << "[::1]";
    QTest::newRow("udp ipv6") << int(Protocol::Udp) << "::1" << "::1";
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
        QVERIFY(QTest::qWaitFor([&] {
            return !log.of(EventKind::Received).isEmpty()
                && log.of(EventKind::Received).last().payload == m;
        }, kWaitMs));
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
    QVERIFY(serverLog.waitForData(seen, QByteArray("first") + QByteArray("\x00\xff", 2) + "ol\xc3\xa1"));

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
    QCOMPARE(log.of(EventKind::Disconnected).first().result, 1);  // "the server closed"
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
        if (!calls.contains(e.call))
            calls << e.call;
    }
    // resolve, protocol, socket, connect, send, close: the recipe's client sequence.
    QCOMPARE(calls.mid(0, 5), (QStringList{"getaddrinfo", "getprotobyname", "socket", "connect",
                                           "send"}));
    QCOMPARE(log.of(EventKind::Call).last().call, QStringLiteral("close"));
    const SocketEvent protocolCall = log.of(EventKind::Call).at(1);
    QCOMPARE(protocolCall.result, 6);
}

QTEST_GUILESS_MAIN(TestClient)
#include "tst_client.moc"
