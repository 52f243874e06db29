// Bad input for the server: addresses it cannot use, a port already taken, payloads that are
// not text, a large message, and clients that vanish with an RST.

#include "core/payloadtext.h"
#include "core/server.h"
#include "tests/core/testsupport.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace socketlab;
using namespace testsupport;

namespace {

ServerConfig config(Protocol protocol, Concurrency concurrency, quint16 port = 0)
{
    ServerConfig c;
    c.protocol = protocol;
    c.concurrency = concurrency;
    c.port = port;
    return c;
}

void addModes()
{
    QTest::addColumn<int>("protocol");
    QTest::addColumn<int>("concurrency");
    QTest::newRow("tcp iterative") << int(Protocol::Tcp) << int(Concurrency::Iterative);
    QTest::newRow("tcp fork") << int(Protocol::Tcp) << int(Concurrency::Fork);
    QTest::newRow("tcp thread") << int(Protocol::Tcp) << int(Concurrency::Thread);
    QTest::newRow("tcp poll") << int(Protocol::Tcp) << int(Concurrency::Poll);
}

} // namespace

class TestServerInput : public QObject
{
    Q_OBJECT

private slots:
    void portInUse_data();
    void portInUse();
    void badBindAddress_data();
    void badBindAddress();
    void binaryPayload_data();
    void binaryPayload();
    void udpBinaryPayload();
    void largeMessage_data();
    void largeMessage();
    void largeDatagram();
    void abruptDisconnect_data();
    void abruptDisconnect();
};

void TestServerInput::portInUse_data()
{
    QTest::addColumn<int>("protocol");
    QTest::newRow("tcp") << int(Protocol::Tcp);
    QTest::newRow("udp") << int(Protocol::Udp);
}

void TestServerInput::portInUse()
{
    QFETCH(int, protocol);
    Server first;
    QVERIFY(first.start(config(Protocol(protocol), Concurrency::Thread)));
    Server second;
    EventLog log(&second);
    QSignalSpy started(&second, &Server::started);
    QVERIFY(!second.start(config(Protocol(protocol), Concurrency::Thread, first.localPort())));
    QVERIFY(!second.isRunning());
    QCOMPARE(started.count(), 0);
    const QString error = second.errorString();
    QVERIFY2(error.contains(QLatin1String("bind")), qPrintable(error));
    QVERIFY2(error.contains(QString::number(first.localPort())), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("Address already in use")), qPrintable(error));
    // The failure is an error event too, delivered before start() returned.
    const QList<SocketEvent> errors = log.of(EventKind::Error);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().call, SysCall::Bind);
    QCOMPARE(errors.first().errnum, EADDRINUSE);
    QCOMPARE(log.count(EventKind::Listening), 0);
    second.stop(); // nothing to stop
    QCOMPARE(log.count(EventKind::Summary), 0);

    // A plain socket holding the port counts too.
    Fd holder(
        ::socket(AF_INET, (Protocol(protocol) == Protocol::Tcp ? SOCK_STREAM : SOCK_DGRAM), 0));
    socklen_t length = 0;
    const sockaddr_storage any = addressOf("127.0.0.1", 0, &length);
    QCOMPARE(::bind(holder.get(), reinterpret_cast<const sockaddr *>(&any), length), 0);
    if (Protocol(protocol) == Protocol::Tcp)
        QCOMPARE(::listen(holder.get(), 1), 0);
    const quint16 taken = socketlab::Endpoint::localOf(holder.get()).port();
    QVERIFY(!second.start(config(Protocol(protocol), Concurrency::Fork, taken)));
    QVERIFY(second.errorString().contains(QLatin1String("Address already in use")));
}

void TestServerInput::badBindAddress_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("call");
    QTest::newRow("unknown host") << "no-such-host.invalid"
                                  << "getaddrinfo";
    QTest::newRow("not an address") << "300.1.2.3"
                                    << "getaddrinfo";
    // TEST-NET-1 (RFC 5737): never an address of this machine.
    QTest::newRow("not this machine's") << "192.0.2.1"
                                        << "bind";
}

void TestServerInput::badBindAddress()
{
    QFETCH(QString, address);
    QFETCH(QString, call);
    ServerConfig c = config(Protocol::Tcp, Concurrency::Thread);
    c.bindAddress = address;
    Server server;
    EventLog log(&server);
    QVERIFY(!server.start(c));
    QVERIFY(!server.isRunning());
    const QString error = server.errorString();
    QVERIFY2(error.startsWith(call + QLatin1Char('(')), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String(" failed: ")), qPrintable(error));
    QCOMPARE(sysCallName(log.of(EventKind::Error).value(0).call), call);
    if (call == QLatin1String("bind"))
        QVERIFY2(error.contains(QLatin1String("Cannot assign requested address")),
                 qPrintable(error));
}

void TestServerInput::binaryPayload_data()
{
    addModes();
}

// Every byte value, invalid UTF-8 and NULs arrive exactly (through the child's pipe in fork
// mode); the text shown escapes what is not UTF-8.
void TestServerInput::binaryPayload()
{
    QFETCH(int, protocol);
    QFETCH(int, concurrency);
    Server server;
    EventLog log(&server);
    QVERIFY(server.start(config(Protocol(protocol), Concurrency(concurrency))));
    Fd client = tcpConnect(server.localPort());
    const QString peer = localOf(client.get());
    QByteArray every;
    for (int b = 0; b < 256; ++b)
        every += char(b);
    QVERIFY(sendAll(client.get(), every));
    QVERIFY(log.waitForData(peer, every));
    QCOMPARE(log.bytesFrom(peer), 256);
    client.reset();
    QVERIFY(log.waitForCount(EventKind::Disconnected, 1));

    Fd second = tcpConnect(server.localPort());
    const QString secondPeer = localOf(second.get());
    const QByteArray invalid("ok \xc0\xaf \xed\xa0\x80 \xff\x00 \xc3\xa9", 15);
    QVERIFY(sendAll(second.get(), invalid));
    QVERIFY(log.waitForData(secondPeer, invalid));
    const QString text = PayloadText::toText(log.dataFrom(secondPeer));
    QCOMPARE(text,
             QString::fromUtf8("ok \\xc0\\xaf \\xed\\xa0\\x80 \\xff") + QChar(0)
                 + QString::fromUtf8(" é"));
    server.stop();
    QCOMPARE(log.of(EventKind::Summary).first().bytes, 256 + invalid.size());
}

void TestServerInput::udpBinaryPayload()
{
    Server server;
    EventLog log(&server);
    QVERIFY(server.start(config(Protocol::Udp, Concurrency::Thread)));
    Fd client = udpSocket();
    const QByteArray bytes("\x00\xff\xfe\x80\x18\n", 6);
    QVERIFY(sendTo(client.get(), bytes, server.localPort()));
    QVERIFY(log.waitForData(localOf(client.get()), bytes));
    QCOMPARE(log.of(EventKind::Data).first().bytes, 6);
}

void TestServerInput::largeMessage_data()
{
    addModes();
}

// 64 KiB sent at once arrives whole, in order, in buffer-sized recv()s: the byte count is
// exact and so is every byte.
void TestServerInput::largeMessage()
{
    QFETCH(int, protocol);
    QFETCH(int, concurrency);
    Server server;
    EventLog log(&server);
    QVERIFY(server.start(config(Protocol(protocol), Concurrency(concurrency))));
    Fd client = tcpConnect(server.localPort());
    const QString peer = localOf(client.get());
    QByteArray message(64 * 1024, Qt::Uninitialized);
    QRandomGenerator random(42);
    for (char &c : message)
        c = char(random.bounded(256));
    QVERIFY(sendAll(client.get(), message));
    QVERIFY(log.waitForData(peer, message));
    QCOMPARE(log.bytesFrom(peer), 65536);
    for (const SocketEvent &e : log.of(EventKind::Data)) {
        QVERIFY(e.bytes <= 1024); // the recipe's recv(1024)
        QCOMPARE(e.payload.size(), e.bytes);
    }
    client.reset();
    QVERIFY(log.waitForCount(EventKind::Disconnected, 1));
    server.stop();
    const SocketEvent summary = log.of(EventKind::Summary).first();
    QCOMPARE(summary.bytes, 65536);
    QCOMPARE(summary.messages, log.dataMessages());
    QVERIFY(summary.messages >= 64);
}

void TestServerInput::largeDatagram()
{
    ServerConfig c = config(Protocol::Udp, Concurrency::Thread);
    c.bufferSize = 65536;
    Server server;
    EventLog log(&server);
    QVERIFY(server.start(c));
    Fd client = udpSocket();
    const QByteArray datagram(65507, 'd'); // the largest IPv4 UDP payload
    QVERIFY(sendTo(client.get(), datagram, server.localPort()));
    QVERIFY(log.waitForCount(EventKind::Data, 1));
    QCOMPARE(log.of(EventKind::Data).first().bytes, 65507);
    // The event keeps the part a view can show; bytes is the true size.
    QCOMPARE(log.of(EventKind::Data).first().payload, datagram.left(kMaxEventPayload));

    QVERIFY(!log.of(EventKind::Data).first().truncated);

    // With the recipe's 1024-byte buffer a long datagram is cut, and said to be: MSG_TRUNC
    // gives its real size, the buffer keeps 1024 bytes, the summary counts it as truncated.
    Server small;
    EventLog smallLog(&small);
    QVERIFY(small.start(config(Protocol::Udp, Concurrency::Thread)));
    QVERIFY(sendTo(client.get(), QByteArray(3000, 'e'), small.localPort()));
    QVERIFY(smallLog.waitForCount(EventKind::Data, 1));
    const SocketEvent cut = smallLog.of(EventKind::Data).first();
    QCOMPARE(cut.bytes, 3000);
    QVERIFY(cut.truncated);
    QCOMPARE(cut.keptBytes, 1024);
    QCOMPARE(cut.payload, QByteArray(1024, 'e'));
    small.stop();
    QCOMPARE(small.totals().truncated, 1);
    QCOMPARE(small.totals().bytes, 3000);
}

void TestServerInput::abruptDisconnect_data()
{
    addModes();
}

// A client that resets its connection: the server logs recv()'s ECONNRESET, ends that
// connection, and goes on serving; the summary counts every byte that did arrive.
void TestServerInput::abruptDisconnect()
{
    QFETCH(int, protocol);
    QFETCH(int, concurrency);
    Server server;
    EventLog log(&server);
    QVERIFY(server.start(config(Protocol(protocol), Concurrency(concurrency))));
    Fd rude = tcpConnect(server.localPort());
    const QString rudePeer = localOf(rude.get());
    QVERIFY(sendAll(rude.get(), "bye"));
    QVERIFY(log.waitForData(rudePeer, "bye"));
    abortiveClose(rude);

    QVERIFY(QTest::qWaitFor(
        [&] {
            return log.indexOf([&](const SocketEvent &e) {
                return e.kind == EventKind::Disconnected && e.peer == rudePeer;
            }) >= 0;
        },
        kWaitMs));
    const QList<SocketEvent> errors = log.of(EventKind::Error);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().call, SysCall::Recv);
    QCOMPARE(errors.first().errnum, ECONNRESET);
    QVERIFY(server.isRunning());

    // Still up: the next client is served as usual.
    Fd polite = tcpConnect(server.localPort());
    QVERIFY(polite.isValid());
    const QString politePeer = localOf(polite.get());
    QVERIFY(sendAll(polite.get(), "hello"));
    QVERIFY(log.waitForData(politePeer, "hello"));
    polite.reset();
    QVERIFY(log.waitForCount(EventKind::Disconnected, 2));
    // Iterative and poll serve in the server's own thread: no handler exits.
    if (Concurrency(concurrency) != Concurrency::Iterative
        && Concurrency(concurrency) != Concurrency::Poll)
        QVERIFY(log.waitForCount(EventKind::HandlerExited, 2));

    server.stop();
    const SocketEvent summary = log.of(EventKind::Summary).first();
    QCOMPARE(summary.connections, 2);
    QCOMPARE(summary.messages, 2);
    QCOMPARE(summary.bytes, 8);
    QCOMPARE(log.count(EventKind::Error), 1);
}

QTEST_GUILESS_MAIN(TestServerInput)
#include "tst_server_input.moc"
