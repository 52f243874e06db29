// A LabSession merges its server's and clients' events into one stream, numbers them, and
// tells which client a server event belongs to; any other peer is a student.

#include "core/labsession.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace socketlab;
using namespace testsupport;

class TestLabSession : public QObject
{
    Q_OBJECT

private slots:
    void oneOrderWithClientIds_data();
    void oneOrderWithClientIds();
    void foreignPeerIsStudent_data();
    void foreignPeerIsStudent();
    void sameEndpoint_data();
    void sameEndpoint();
    void clientsMadeOnDemandAndRemoved();
    void standaloneServerStillDelivers();
};

namespace {
ServerConfig configFor(Protocol protocol)
{
    ServerConfig config;
    config.protocol = protocol;
    config.bindAddress = QStringLiteral("127.0.0.1");
    config.port = 0;
    config.echo = true;
    return config;
}

void addProtocols()
{
    QTest::addColumn<Protocol>("protocol");
    QTest::newRow("tcp") << Protocol::Tcp;
    QTest::newRow("udp") << Protocol::Udp;
}

QList<SocketEvent> serverData(const EventLog &log)
{
    QList<SocketEvent> found;
    for (const SocketEvent &e : log.all()) {
        if (e.role == Role::Server && e.kind == EventKind::Data)
            found << e;
    }
    return found;
}
} // namespace

void TestLabSession::oneOrderWithClientIds_data()
{
    addProtocols();
}

void TestLabSession::oneOrderWithClientIds()
{
    QFETCH(Protocol, protocol);
    LabSession session;
    EventLog log(&session);
    // The session's parts deliver nothing on their own: everything passes through it.
    QSignalSpy serverOwn(session.server(), &Server::eventsArrived);
    QVERIFY(session.server()->start(configFor(protocol)));
    const quint16 port = session.server()->localPort();
    for (int id : {1, 2}) {
        Client *client = session.client(id);
        QSignalSpy clientOwn(client, &Client::eventsArrived);
        client->connectToHost(protocol, QStringLiteral("127.0.0.1"), port);
        client->send(QByteArrayLiteral("hello from ") + QByteArray::number(id));
        QTRY_COMPARE_WITH_TIMEOUT(serverData(log).size(), id, kWaitMs);
        QCOMPARE(clientOwn.count(), 0);
    }
    QCOMPARE(serverOwn.count(), 0);

    // Server and client events interleave in one stream, numbered 1, 2, 3, ...
    bool sawServer = false;
    bool sawClient = false;
    for (int i = 0; i < log.all().size(); ++i) {
        const SocketEvent &e = log.all().at(i);
        QCOMPARE(e.sequence, quint64(i + 1));
        sawServer = sawServer || e.role == Role::Server;
        sawClient = sawClient || e.role == Role::Client;
        if (e.role == Role::Client)
            QCOMPARE(e.clientId, int(e.connectionId));
    }
    QVERIFY(sawServer && sawClient);
    QCOMPARE(session.lastSequence(), quint64(log.all().size()));

    // The server's side of each client's traffic carries that client's number.
    const QList<SocketEvent> data = serverData(log);
    QCOMPARE(data.size(), 2);
    for (const SocketEvent &e : data) {
        const int id = e.payload.endsWith('1') ? 1 : 2;
        QCOMPARE(e.clientId, id);
        QVERIFY(!e.isStudent());
    }
    if (protocol == Protocol::Tcp) {
        const int connected = log.indexOf([](const SocketEvent &e) {
            return e.role == Role::Server && e.kind == EventKind::Connected;
        });
        QVERIFY(connected >= 0);
        QCOMPARE(log.all().at(connected).clientId, 1);
    }
}

void TestLabSession::foreignPeerIsStudent_data()
{
    addProtocols();
}

void TestLabSession::foreignPeerIsStudent()
{
    QFETCH(Protocol, protocol);
    LabSession session;
    EventLog log(&session);
    QVERIFY(session.server()->start(configFor(protocol)));
    const quint16 port = session.server()->localPort();
    // A pane's client exists (and is connected), so there is something to confuse it with.
    session.client(1)->connectToHost(protocol, QStringLiteral("127.0.0.1"), port);
    session.client(1)->send(QByteArrayLiteral("pane"));
    QTRY_COMPARE_WITH_TIMEOUT(serverData(log).size(), 1, kWaitMs);

    // Like nc: a socket that is none of the session's clients.
    Fd student = protocol == Protocol::Tcp ? tcpConnect(port) : udpSocket();
    QVERIFY(student.isValid());
    if (protocol == Protocol::Tcp)
        QVERIFY(sendAll(student.get(), QByteArrayLiteral("student")));
    else
        QVERIFY(sendTo(student.get(), QByteArrayLiteral("student"), port));
    QTRY_COMPARE_WITH_TIMEOUT(serverData(log).size(), 2, kWaitMs);
    const QString studentAddress = localOf(student.get());
    int seen = 0;
    for (const SocketEvent &e : log.all()) {
        if (e.role != Role::Server || e.peer.isEmpty())
            continue;
        if (e.peer == studentAddress) {
            QCOMPARE(e.clientId, 0);
            QVERIFY(e.isStudent());
            ++seen;
        } else {
            QCOMPARE(e.clientId, 1);
        }
    }
    QVERIFY(seen >= 1);
    QCOMPARE(session.clientIdForPeer(studentAddress), 0);
}

void TestLabSession::sameEndpoint_data()
{
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QString>("local");
    QTest::addColumn<bool>("same");
    QTest::newRow("equal") << "127.0.0.1:40001"
                           << "127.0.0.1:40001" << true;
    QTest::newRow("other port") << "127.0.0.1:40001"
                                << "127.0.0.1:40002" << false;
    QTest::newRow("udp wildcard") << "127.0.0.1:40001"
                                  << "0.0.0.0:40001" << true;
    QTest::newRow("v6 wildcard") << "[::1]:40001"
                                 << "[::]:40001" << true;
    QTest::newRow("wildcard other port") << "127.0.0.1:4000"
                                         << "0.0.0.0:40001" << false;
    QTest::newRow("suffix only") << "127.0.0.1:140001"
                                 << "0.0.0.0:40001" << false;
    QTest::newRow("not wildcard") << "127.0.0.1:40001"
                                  << "127.0.0.2:40001" << false;
}

void TestLabSession::sameEndpoint()
{
    QFETCH(QString, peer);
    QFETCH(QString, local);
    QFETCH(bool, same);
    QCOMPARE(LabSession::sameEndpoint(peer, local), same);
}

void TestLabSession::clientsMadeOnDemandAndRemoved()
{
    LabSession session;
    QVERIFY(session.clientIds().isEmpty());
    QVERIFY(!session.findClient(3));
    Client *three = session.client(3);
    QCOMPARE(session.client(3), three);
    QCOMPARE(three->id(), quint64(3));
    QCOMPARE(three->eventQueue(), session.eventQueue());
    QCOMPARE(session.server()->eventQueue(), session.eventQueue());
    session.client(1);
    QCOMPARE(session.clientIds(), (QList<int> {1, 3}));
    session.removeClient(3);
    QVERIFY(!session.findClient(3));
    QCOMPARE(session.clientIds(), QList<int> {1});
}

void TestLabSession::standaloneServerStillDelivers()
{
    // Outside a session (the CLI) a server keeps its own queue and signal; nothing is stamped.
    Server server;
    EventLog log(&server);
    QVERIFY(server.start(configFor(Protocol::Tcp)));
    QTRY_VERIFY_WITH_TIMEOUT(log.count(EventKind::Listening) == 1, kWaitMs);
    QCOMPARE(log.all().first().sequence, quint64(0));
    QVERIFY(server.eventQueue() != nullptr);
}

QTEST_GUILESS_MAIN(TestLabSession)
#include "tst_labsession.moc"
