// Property: merged with causalTimeUs(), the events of a server and two clients never show an
// effect before its cause: no recv()/recvfrom() before the send()/sendto() whose bytes it
// returns, no accept() before its connect(), nothing received before the server's bind().
// Real sockets on 127.0.0.1; the clients' sends interleave at random (fixed seeds).

#include "core/causalorder.h"
#include "core/client.h"
#include "core/server.h"
#include "core/socketevent.h"
#include "testsupport.h"

#include <QRandomGenerator>
#include <QTest>

#include <map>
#include <memory>

using namespace socketlab;
using namespace testsupport;

namespace {

constexpr int kClients = 2;
constexpr int kMessages = 40;

bool isCall(const SocketEvent &e, SysCall call, Role role)
{
    return e.kind == EventKind::Call && e.call == call && e.role == role;
}

QString describe(const SocketEvent &e)
{
    return QStringLiteral("%1 %2(%3) -> %4 [client %5, begin %6, end %7]")
        .arg(e.role == Role::Server ? QStringLiteral("server") : QStringLiteral("client"),
             sysCallName(e.call), e.args)
        .arg(e.result)
        .arg(e.connectionId)
        .arg(e.beginUs)
        .arg(e.endUs);
}

// One direction of one TCP connection: the byte ranges its sends covered and its receives
// returned, each with the event's position in the merged order.
struct Stream
{
    struct Range
    {
        qint64 end; // offset after the last byte
        int position;
    };
    QList<Range> sent;
    QList<Range> received;
    qint64 sentBytes = 0;
    qint64 receivedBytes = 0;

    void addSend(qint64 bytes, int position)
    {
        sentBytes += bytes;
        sent << Range {sentBytes, position};
    }
    void addReceive(qint64 bytes, int position)
    {
        receivedBytes += bytes;
        received << Range {receivedBytes, position};
    }
    // A receive returns bytes up to its end: every send that began below that offset (the
    // one holding its last byte, and each before it) must come before it.
    QString violation(const SocketEvents &merged) const
    {
        for (const Range &r : received) {
            qint64 start = 0;
            for (const Range &s : sent) {
                if (start >= r.end)
                    break;
                if (s.position > r.position)
                    return QStringLiteral("%1\n  before\n%2")
                        .arg(describe(merged[r.position]), describe(merged[s.position]));
                start = s.end;
            }
        }
        return QString();
    }
};

} // namespace

class TestCausalOrder : public QObject
{
    Q_OBJECT

private slots:
    void tcpSendsBeforeTheirReceives_data();
    void tcpSendsBeforeTheirReceives();
    void udpSendtoBeforeRecvfrom_data();
    void udpSendtoBeforeRecvfrom();
    void ruleOfTheCalls();

private:
    // Starts the clients, sends kMessages from them at random, returns every event merged in
    // the order least kind to a plain time sort (server first, then each client).
    SocketEvents run(Protocol protocol, Concurrency concurrency, quint32 seed, Server &server);
};

SocketEvents TestCausalOrder::run(Protocol protocol, Concurrency concurrency, quint32 seed,
                                  Server &server)
{
    ServerConfig config;
    config.protocol = protocol;
    config.concurrency = concurrency;
    config.port = 0;
    config.backlog = 8;
    config.echo = protocol == Protocol::Tcp;
    EventLog serverLog(&server);
    if (!server.start(config))
        return {};
    Client clients[kClients];
    std::unique_ptr<EventLog> logs[kClients];
    for (int i = 0; i < kClients; ++i) {
        clients[i].setId(quint64(i + 1));
        logs[i] = std::make_unique<EventLog>(&clients[i]);
        clients[i].connectToHost(protocol, QStringLiteral("127.0.0.1"), server.localPort());
    }
    for (Client &client : clients) {
        if (!QTest::qWaitFor([&client] { return client.state() == Client::State::Connected; },
                             kWaitMs))
            return {};
    }
    QRandomGenerator random(seed);
    qint64 total = 0;
    qint64 sentBy[kClients] = {};
    for (int m = 0; m < kMessages; ++m) {
        const QByteArray message(1 + random.bounded(200), char('a' + m % 26));
        const int sender = int(random.bounded(kClients));
        clients[sender].send(message);
        sentBy[sender] += message.size();
        total += message.size();
        // The interleaving itself: sometimes send at once, sometimes let the threads run.
        if (random.bounded(3) == 0)
            QTest::qWait(random.bounded(3));
    }
    const auto serverBytes = [&serverLog] { return serverLog.dataBytes(); };
    if (!QTest::qWaitFor([&] { return serverBytes() == total; }, kWaitMs))
        return {};
    if (config.echo) {
        // The server reports a recv() before it echoes: its data events complete tell nothing
        // of the echo. A client that disconnected now would miss an echo still on its way (a
        // slow forked child, under a sanitizer, often is), and the property compares the
        // server's send()s with the client's recv()s.
        for (int i = 0; i < kClients; ++i) {
            const auto echoed = [&, i] {
                qint64 bytes = 0;
                for (const SocketEvent &e : logs[i]->all()) {
                    if (e.kind == EventKind::Received
                        || (e.kind == EventKind::Coalesced && e.mergedKind == EventKind::Received))
                        bytes += e.bytes;
                }
                return bytes == sentBy[i];
            };
            if (!QTest::qWaitFor(echoed, kWaitMs))
                return {};
        }
    }
    for (Client &client : clients)
        client.disconnectFromHost();
    for (Client &client : clients) {
        if (!QTest::qWaitFor([&client] { return client.state() == Client::State::Unconnected; },
                             kWaitMs))
            return {};
    }
    if (protocol == Protocol::Tcp) {
        // Both connections seen to their end (recv() = 0) by the server.
        const auto ended = [&serverLog] {
            int zero = 0;
            for (const SocketEvent &e : serverLog.all())
                zero += isCall(e, SysCall::Recv, Role::Server) && e.result == 0 ? 1 : 0;
            return zero == kClients;
        };
        if (!QTest::qWaitFor(ended, kWaitMs))
            return {};
    }
    server.stop();
    QCoreApplication::processEvents();
    SocketEvents merged = serverLog.all();
    for (const auto &log : logs)
        merged += log->all();
    for (const SocketEvent &e : merged) {
        if (e.kind == EventKind::Coalesced)
            return {}; // the property is about single calls
    }
    return merged;
}

void TestCausalOrder::tcpSendsBeforeTheirReceives_data()
{
    QTest::addColumn<int>("concurrency");
    QTest::addColumn<quint32>("seed");
    for (quint32 seed : {1u, 2u, 3u, 4u}) {
        QTest::addRow("thread, seed %u", seed) << int(Concurrency::Thread) << seed;
        QTest::addRow("fork, seed %u", seed) << int(Concurrency::Fork) << seed;
    }
}

void TestCausalOrder::tcpSendsBeforeTheirReceives()
{
    QFETCH(int, concurrency);
    QFETCH(quint32, seed);
    Server server;
    SocketEvents merged = run(Protocol::Tcp, Concurrency(concurrency), seed, server);
    QVERIFY2(!merged.isEmpty(), qPrintable(server.errorString()));
    sortCausally(merged);

    // Which client each server connection is: the client's local address is the peer.
    std::map<quint64, QString> clientAddress; // client id -> its address
    for (const SocketEvent &e : merged) {
        if (e.role == Role::Client && e.kind == EventKind::Connected)
            clientAddress[e.connectionId] = e.local;
    }
    QCOMPARE(int(clientAddress.size()), kClients);
    std::map<quint64, quint64> clientOfConnection; // server connection id -> client id
    for (const SocketEvent &e : merged) {
        if (e.role != Role::Server || e.peer.isEmpty())
            continue;
        for (const auto &[client, address] : clientAddress) {
            if (address == e.peer)
                clientOfConnection[e.connectionId] = client;
        }
    }

    std::map<quint64, Stream> up; // by client id: client send -> server recv
    std::map<quint64, Stream> down; // server send -> client recv
    std::map<quint64, int> connectAt;
    int accepts = 0;
    for (int i = 0; i < merged.size(); ++i) {
        const SocketEvent &e = merged[i];
        if (e.kind != EventKind::Call || (e.result <= 0 && e.call != SysCall::Connect))
            continue;
        if (e.role == Role::Client) {
            if (e.call == SysCall::Connect && e.result == 0)
                connectAt[e.connectionId] = i;
            else if (e.call == SysCall::Send)
                up[e.connectionId].addSend(e.result, i);
            else if (e.call == SysCall::Recv)
                down[e.connectionId].addReceive(e.result, i);
            continue;
        }
        if (e.call == SysCall::Accept) {
            ++accepts;
            quint64 client = 0;
            for (const auto &[id, address] : clientAddress)
                client = address == e.peer ? id : client;
            QVERIFY2(connectAt.count(client),
                     qPrintable(QStringLiteral("accept() before connect(): ") + describe(e)));
            continue;
        }
        const auto owner = clientOfConnection.find(e.connectionId);
        QVERIFY2(owner != clientOfConnection.end(), qPrintable(describe(e)));
        if (e.call == SysCall::Recv)
            up[owner->second].addReceive(e.result, i);
        else if (e.call == SysCall::Send)
            down[owner->second].addSend(e.result, i);
    }
    QCOMPARE(accepts, kClients);
    // The events that come from those calls keep their order: the client's connected (from
    // its connect()) before the server's (from accept()).
    std::map<quint64, int> clientConnected;
    for (int i = 0; i < merged.size(); ++i) {
        const SocketEvent &e = merged[i];
        if (e.kind != EventKind::Connected)
            continue;
        if (e.role == Role::Client) {
            clientConnected[e.connectionId] = i;
        } else {
            const auto owner = clientOfConnection.find(e.connectionId);
            QVERIFY(owner != clientOfConnection.end());
            QVERIFY2(clientConnected.count(owner->second),
                     qPrintable(QStringLiteral("server connected before client %1's connected")
                                    .arg(owner->second)));
        }
    }
    for (auto &[client, stream] : up) {
        QCOMPARE(stream.receivedBytes, stream.sentBytes);
        const QString wrong = stream.violation(merged);
        QVERIFY2(wrong.isEmpty(),
                 qPrintable(QStringLiteral("server recv() sorted before the "
                                           "client's send():\n")
                            + wrong));
    }
    for (auto &[client, stream] : down) {
        QCOMPARE(stream.receivedBytes, stream.sentBytes);
        const QString wrong = stream.violation(merged);
        QVERIFY2(wrong.isEmpty(),
                 qPrintable(QStringLiteral("client recv() sorted before the "
                                           "server's send():\n")
                            + wrong));
    }
}

void TestCausalOrder::udpSendtoBeforeRecvfrom_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed : {1u, 2u, 3u, 4u})
        QTest::addRow("seed %u", seed) << seed;
}

void TestCausalOrder::udpSendtoBeforeRecvfrom()
{
    QFETCH(quint32, seed);
    Server server;
    SocketEvents merged = run(Protocol::Udp, Concurrency::Thread, seed, server);
    QVERIFY2(!merged.isEmpty(), qPrintable(server.errorString()));
    sortCausally(merged);

    // Loopback keeps each sender's datagrams in order: the k-th recvfrom() from a port returns
    // the k-th sendto() of the client on that port (an unconnected client's local address
    // reads 0.0.0.0, so the port is what tells them apart).
    const auto portOf = [](const QString &address) {
        return address.mid(address.lastIndexOf(QLatin1Char(':')) + 1);
    };
    std::map<QString, QList<int>> sendtos; // by the client's port
    std::map<QString, QList<int>> recvfroms;
    int bindAt = -1;
    for (int i = 0; i < merged.size(); ++i) {
        const SocketEvent &e = merged[i];
        if (isCall(e, SysCall::Bind, Role::Server) && e.result == 0)
            bindAt = i;
        if (e.role == Role::Client && e.kind == EventKind::Sent)
            sendtos[portOf(e.local)];
    }
    QCOMPARE(int(sendtos.size()), kClients);
    for (int i = 0; i < merged.size(); ++i) {
        const SocketEvent &e = merged[i];
        if (isCall(e, SysCall::Recvfrom, Role::Server) && e.result > 0) {
            QVERIFY2(bindAt >= 0 && bindAt < i,
                     qPrintable(QStringLiteral("recvfrom() before bind(): ") + describe(e)));
            recvfroms[portOf(e.peer)] << i;
        }
    }
    // The client's sendto() events carry no local address; its Sent events do, in the same order.
    for (int i = 0; i < merged.size(); ++i) {
        const SocketEvent &e = merged[i];
        if (!isCall(e, SysCall::Sendto, Role::Client) || e.result < 0)
            continue;
        for (int j = i + 1; j < merged.size(); ++j) {
            const SocketEvent &sent = merged[j];
            if (sent.role == Role::Client && sent.kind == EventKind::Sent
                && sent.connectionId == e.connectionId) {
                sendtos[portOf(sent.local)] << i;
                break;
            }
        }
    }
    int datagrams = 0;
    for (const auto &[address, received] : recvfroms) {
        const QList<int> &sent = sendtos[address];
        QCOMPARE(received.size(), sent.size());
        for (int k = 0; k < received.size(); ++k) {
            QVERIFY2(sent[k] < received[k],
                     qPrintable(
                         QStringLiteral("recvfrom() sorted before its sendto():\n%1\n  before\n%2")
                             .arg(describe(merged[received[k]]), describe(merged[sent[k]]))));
        }
        datagrams += int(received.size());
    }
    QCOMPARE(datagrams, kMessages);
}

void TestCausalOrder::ruleOfTheCalls()
{
    // Calls that send or initiate count from their entry, those that receive or complete from
    // their return; other events from the call they come from, else from when they were made.
    SocketEvent call(EventKind::Call, Role::Client);
    call.beginUs = 100;
    call.setEndUs(200);
    for (SysCall c : {SysCall::Send, SysCall::Sendto, SysCall::Connect, SysCall::Close,
                      SysCall::Shutdown, SysCall::Fork}) {
        call.call = c;
        QCOMPARE(causalTimeUs(call), 100);
    }
    for (SysCall c : {SysCall::Recv, SysCall::Recvfrom, SysCall::Accept, SysCall::Waitpid}) {
        call.call = c;
        QCOMPARE(causalTimeUs(call), 200);
    }
    SocketEvent data(EventKind::Data, Role::Server);
    data.setEndUs(300);
    QCOMPARE(causalTimeUs(data), 300);
    data.causeUs = 250;
    QCOMPARE(causalTimeUs(data), 250);
    // Stable: equal moments keep their order.
    SocketEvents events;
    for (int i = 0; i < 3; ++i) {
        SocketEvent e(EventKind::Data, Role::Server);
        e.setEndUs(i == 2 ? 10 : 20);
        e.bytes = i;
        events << e;
    }
    sortCausally(events);
    QCOMPARE(events[0].bytes, 2);
    QCOMPARE(events[1].bytes, 0);
    QCOMPARE(events[2].bytes, 1);
    // Recipe steps per role.
    QCOMPARE(recipeStep(SysCall::Accept, Role::Server), 5);
    QCOMPARE(recipeStep(SysCall::Recv, Role::Server), 6);
    QCOMPARE(recipeStep(SysCall::Close, Role::Server), 7);
    QCOMPARE(recipeStep(SysCall::Getaddrinfo, Role::Client), 1);
    QCOMPARE(recipeStep(SysCall::Close, Role::Client), 6);
    QCOMPARE(recipeStep(SysCall::Waitpid, Role::Server), 0);
}

QTEST_GUILESS_MAIN(TestCausalOrder)
#include "tst_causalorder.moc"
