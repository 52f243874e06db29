// SocketStateSampler on real sockets: the lab's sockets only, their state changes as State
// events in the stream, and a stop that never waits for the next tick.
#include "core/endpoint.h"
#include "core/eventformatter.h"
#include "core/labsession.h"
#include "core/socketstatesampler.h"

#include "tests/core/testsupport.h"

#include <QElapsedTimer>
#include <QTest>

#include <fcntl.h>
#include <sys/wait.h>

using namespace socketlab;
using namespace testsupport;

namespace {
Fd listenOn(int type, const char *host, int backlog, quint16 port = 0)
{
    socklen_t length = 0;
    const sockaddr_storage address = addressOf(host, port, &length);
    Fd fd(::socket(address.ss_family, type | SOCK_CLOEXEC, 0));
    if (!fd.isValid() || ::bind(fd.get(), reinterpret_cast<const sockaddr *>(&address), length) != 0
        || (type == SOCK_STREAM && ::listen(fd.get(), backlog) != 0)) {
        return {};
    }
    return fd;
}

// Collects what a sampler posts and what it samples.
struct Recorder
{
    explicit Recorder(SocketStateSampler *sampler)
    {
        QObject::connect(sampler, &SocketStateSampler::sampled, sampler,
                         [this](const QList<SocketSnapshot> &s) { latest = s; });
    }
    QList<SocketSnapshot> latest;

    SocketSnapshot listener() const
    {
        for (const SocketSnapshot &s : latest) {
            if (s.isListener())
                return s;
        }
        return {};
    }
    int count(bool (*predicate)(const SocketSnapshot &)) const
    {
        return int(std::count_if(latest.begin(), latest.end(), predicate));
    }
};

SocketStateSampler::Target serverTarget(const QString &address, Protocol protocol = Protocol::Tcp)
{
    SocketStateSampler::Target target;
    target.protocol = protocol;
    target.serverAddress = address;
    return target;
}

bool hasState(const SocketEvents &events, const QString &local, SocketState state, Role role)
{
    for (const SocketEvent &e : events) {
        if (e.kind == EventKind::State && e.local == local && e.socketState == int(state)
            && e.role == role)
            return true;
    }
    return false;
}
} // namespace

class TestSocketStateSampler : public QObject
{
    Q_OBJECT

private slots:
    void acceptQueueAndTheUnaccepted();
    void serverThatDoesNotCloseShowsCloseWait();
    void clientThatClosesFirstIsInTimeWait();
    void udpAndIpv6SocketsAppear_data();
    void udpAndIpv6SocketsAppear();
    void anotherProcessSocketsAreNotTheLabs();
    void stopsWithoutWaitingForTheTick();
    void waitGrowsWithTheSampleCost();
    void switchedOffByTheEnvironment();
    void firstSightingAppearsWithoutAnEarlierState();
    void whatTheLabDoesIsSampledAtOnce();
    void backlogShowsWithoutWaitingForTheTick();
    void nothingFromTheRunBefore();
    void keptPortsOutliveTheServer();
    void keptPortOnAnotherAddressIsNotTheLabs();
};

void TestSocketStateSampler::acceptQueueAndTheUnaccepted()
{
    Fd listener = listenOn(SOCK_STREAM, "127.0.0.1", 2);
    QVERIFY(listener.isValid());
    const QString address = localOf(listener.get());
    EventQueue queue;
    SocketStateSampler sampler(&queue);
    Recorder recorder(&sampler);
    sampler.setTarget(serverTarget(address));
    std::vector<Fd> clients;
    for (int i = 0; i < 3; ++i)
        clients.push_back(tcpConnect(Endpoint::localOf(listener.get()).port()));
    // Linux queues one more than the backlog (sk_acceptq_is_full: length > backlog).
    QTRY_COMPARE_WITH_TIMEOUT(recorder.listener().recvQ, qint64(3), kWaitMs);
    QCOMPARE(recorder.listener().sendQ, qint64(2));
    auto unaccepted = [](const SocketSnapshot &s) { return !s.isListener() && !s.accepted(); };
    QTRY_COMPARE_WITH_TIMEOUT(recorder.count(unaccepted), 3, kWaitMs);
    // The window's clients are not ours here (no client ports): only the server's side shows.
    // (Counted by both ends: another test's TIME_WAIT may hold this port number too.)
    QStringList clientSides;
    for (const Fd &client : clients)
        clientSides << localOf(client.get());
    int serverSides = 0;
    for (const SocketSnapshot &s : std::as_const(recorder.latest)) {
        QVERIFY2(!clientSides.contains(s.local), qPrintable(s.key()));
        serverSides += s.local == address && clientSides.contains(s.peer);
    }
    QCOMPARE(serverSides, 3);
}

void TestSocketStateSampler::serverThatDoesNotCloseShowsCloseWait()
{
    Fd listener = listenOn(SOCK_STREAM, "127.0.0.1", 4);
    const QString address = localOf(listener.get());
    EventQueue queue;
    SocketEvents events;
    connect(&queue, &EventQueue::eventsArrived, this,
            [&events](const SocketEvents &e) { events += e; });
    SocketStateSampler sampler(&queue);
    sampler.setTarget(serverTarget(address));
    Fd client = tcpConnect(Endpoint::localOf(listener.get()).port());
    Fd accepted(::accept4(listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
    QVERIFY(accepted.isValid());
    QTRY_VERIFY_WITH_TIMEOUT(hasState(events, address, SocketState::Established, Role::Server),
                             kWaitMs);
    client.reset(); // the client closes; the server never does
    QTRY_VERIFY_WITH_TIMEOUT(hasState(events, address, SocketState::CloseWait, Role::Server),
                             kWaitMs);
    const QString clientLocal = Endpoint::peerOf(accepted.get()).toString();
    const auto closeWait = std::find_if(events.begin(), events.end(), [&](const SocketEvent &e) {
        return e.socketState == int(SocketState::CloseWait) && e.local == address
            && e.peer == clientLocal;
    });
    QVERIFY(closeWait != events.end());
    QCOMPARE(closeWait->previousState, int(SocketState::Established));
    QVERIFY(closeWait->result != 0); // accepted: it has an inode
}

void TestSocketStateSampler::clientThatClosesFirstIsInTimeWait()
{
    LabSession session;
    SocketEvents events;
    connect(&session, &LabSession::eventsArrived, this,
            [&events](const SocketEvents &e) { events += e; });
    ServerConfig config;
    config.port = 0;
    QVERIFY(session.server()->start(config));
    Client *client = session.client(1);
    client->connectToHost(Protocol::Tcp, QStringLiteral("127.0.0.1"),
                          session.server()->localPort());
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::State::Connected, kWaitMs);
    const QString clientLocal = client->localAddress();
    QTRY_VERIFY_WITH_TIMEOUT(hasState(events, clientLocal, SocketState::Established, Role::Client),
                             kWaitMs);
    client->disconnectFromHost();
    QTRY_VERIFY_WITH_TIMEOUT(hasState(events, clientLocal, SocketState::TimeWait, Role::Client),
                             kWaitMs);
    for (const SocketEvent &e : std::as_const(events)) {
        if (e.kind == EventKind::State && e.role == Role::Client)
            QCOMPARE(e.clientId, 1); // the session knows whose socket it is
    }
    // Sequence numbers keep the session's one order, State events included.
    for (int i = 1; i < events.size(); ++i)
        QVERIFY(events.at(i).sequence > events.at(i - 1).sequence);
    session.stopAll();
    QCOMPARE(events.last().kind, EventKind::Summary);
}

void TestSocketStateSampler::udpAndIpv6SocketsAppear_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QByteArray>("host");
    QTest::newRow("tcp ::1") << int(SOCK_STREAM) << QByteArray("::1");
    QTest::newRow("udp 127.0.0.1") << int(SOCK_DGRAM) << QByteArray("127.0.0.1");
    QTest::newRow("udp ::1") << int(SOCK_DGRAM) << QByteArray("::1");
}

void TestSocketStateSampler::udpAndIpv6SocketsAppear()
{
    QFETCH(int, type);
    QFETCH(QByteArray, host);
    Fd socket = listenOn(type, host.constData(), 4);
    if (!socket.isValid() && host == "::1")
        QSKIP("no IPv6 loopback here");
    QVERIFY(socket.isValid());
    const QString address = localOf(socket.get());
    EventQueue queue;
    SocketStateSampler sampler(&queue);
    Recorder recorder(&sampler);
    const Protocol protocol = type == SOCK_STREAM ? Protocol::Tcp : Protocol::Udp;
    sampler.setTarget(serverTarget(address, protocol));
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.latest.isEmpty(), kWaitMs);
    QCOMPARE(recorder.latest.first().local, address);
    QCOMPARE(recorder.latest.first().protocol, protocol);
}

// Another process with sockets on the same port numbers (its own listener on 127.0.0.2, a
// connection to it, and a client of our listener whose port we even name as a client port):
// none of its sockets is reported; only our listener and our side of its connection are.
void TestSocketStateSampler::anotherProcessSocketsAreNotTheLabs()
{
    Fd listener = listenOn(SOCK_STREAM, "127.0.0.1", 4);
    const quint16 port = Endpoint::localOf(listener.get()).port();
    int ready[2];
    int finish[2];
    QVERIFY(::pipe2(ready, O_CLOEXEC) == 0);
    QVERIFY(::pipe2(finish, O_CLOEXEC) == 0);
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        // Raw calls only until _exit.
        ::close(ready[0]);
        ::close(finish[1]);
        sockaddr_in other {};
        other.sin_family = AF_INET;
        other.sin_port = htons(port);
        other.sin_addr.s_addr = htonl(0x7F000002);
        const int theirs = ::socket(AF_INET, SOCK_STREAM, 0);
        int ok = ::bind(theirs, reinterpret_cast<sockaddr *>(&other), sizeof other) == 0
            && ::listen(theirs, 4) == 0;
        const int toTheirs = ::socket(AF_INET, SOCK_STREAM, 0);
        ok = ok && ::connect(toTheirs, reinterpret_cast<sockaddr *>(&other), sizeof other) == 0;
        sockaddr_in ours = other;
        ours.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const int toOurs = ::socket(AF_INET, SOCK_STREAM, 0);
        ok = ok && ::connect(toOurs, reinterpret_cast<sockaddr *>(&ours), sizeof ours) == 0;
        sockaddr_in local {};
        socklen_t length = sizeof local;
        ::getsockname(toOurs, reinterpret_cast<sockaddr *>(&local), &length);
        const quint16 answer = ok ? ntohs(local.sin_port) : 0;
        [[maybe_unused]] ssize_t n = ::write(ready[1], &answer, sizeof answer);
        char c;
        n = ::read(finish[0], &c, 1); // until the parent closes its end
        ::_exit(0);
    }
    ::close(ready[1]);
    ::close(finish[0]);
    quint16 childClientPort = 0;
    QCOMPARE(::read(ready[0], &childClientPort, sizeof childClientPort),
             ssize_t(sizeof childClientPort));
    ::close(ready[0]);
    const bool childReady = childClientPort != 0;

    EventQueue queue;
    SocketStateSampler sampler(&queue);
    Recorder recorder(&sampler);
    SocketStateSampler::Target target = serverTarget(localOf(listener.get()));
    target.clientPorts = {childClientPort};
    sampler.setTarget(target);
    // Our listener and the server's side of the child's connection to it (found by both ends:
    // another test's TIME_WAIT may hold this port number too).
    const QString childClient = QStringLiteral("127.0.0.1:%1").arg(childClientPort);
    const auto both = [&recorder, &childClient] {
        return recorder.listener().isListener()
            && std::any_of(
                   recorder.latest.cbegin(), recorder.latest.cend(),
                   [&childClient](const SocketSnapshot &s) { return s.peer == childClient; });
    };
    QTRY_VERIFY_WITH_TIMEOUT(both(), kWaitMs);
    sampler.stop();
    ::close(finish[1]);
    QCOMPARE(::waitpid(child, nullptr, 0), child);
    QVERIFY(childReady);
    for (const SocketSnapshot &s : std::as_const(recorder.latest)) {
        QVERIFY2(s.local.startsWith(QLatin1String("127.0.0.1:")), qPrintable(s.local));
        QCOMPARE(s.localPort, port);
        QVERIFY(s.pid == 0 || s.pid == ::getpid());
    }
}

// With a tick of a minute, a stop that waited for the next tick would take that minute.
void TestSocketStateSampler::stopsWithoutWaitingForTheTick()
{
    Fd listener = listenOn(SOCK_STREAM, "127.0.0.1", 4);
    EventQueue queue;
    SocketStateSampler sampler(&queue);
    sampler.setIntervalMs(60 * 1000);
    int sampled = 0;
    connect(&sampler, &SocketStateSampler::sampled, this, [&sampled] { ++sampled; });
    sampler.setTarget(serverTarget(localOf(listener.get())));
    QVERIFY(sampler.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(sampled > 0, kWaitMs); // the first sample is taken at once
    QElapsedTimer timer;
    timer.start();
    sampler.stop();
    // A hang, not speed: far below the minute, far above what a stop takes.
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!sampler.isRunning());
}

void TestSocketStateSampler::switchedOffByTheEnvironment()
{
    qputenv("SOCKETLAB_STATE_SAMPLING", "0");
    Fd listener = listenOn(SOCK_STREAM, "127.0.0.1", 4);
    EventQueue queue;
    SocketStateSampler sampler(&queue);
    sampler.setTarget(serverTarget(localOf(listener.get())));
    const bool running = sampler.isRunning();
    qunsetenv("SOCKETLAB_STATE_SAMPLING");
    QVERIFY(!running);
}

// The back-off the sampler and `sockets --watch` share: the interval while sampling is
// cheap, kCostFactor times a costly sample's duration (minus that sample), never past a cap.
void TestSocketStateSampler::waitGrowsWithTheSampleCost()
{
    QCOMPARE(SocketStateSampler::nextWaitMs(100, 200), 100); // 0.2 ms: the interval
    QCOMPARE(SocketStateSampler::nextWaitMs(100, 2000), 398); // 2 ms: 400 ms apart
    QCOMPARE(SocketStateSampler::nextWaitMs(50, 45000), 9000 - 45); // 45 ms: 9 s apart
    QCOMPARE(SocketStateSampler::nextWaitMs(50, 45000, 2000), 2000 - 45);
    QCOMPARE(SocketStateSampler::nextWaitMs(5000, 45000, 2000),
             5000 - 45); // never below the interval
    QCOMPARE(SocketStateSampler::nextWaitMs(100, 150000, 100), 1); // at least 1 ms
}

// A socket seen for the first time had no state before: "appeared in ESTABLISHED", never
// "CLOSE -> ESTABLISHED" (the JSON's `from` still reads CLOSE, as documented).
void TestSocketStateSampler::firstSightingAppearsWithoutAnEarlierState()
{
    LabSession session;
    SocketEvents events;
    connect(&session, &LabSession::eventsArrived, this,
            [&events](const SocketEvents &e) { events += e; });
    ServerConfig config;
    config.port = 0;
    QVERIFY(session.server()->start(config));
    Client *client = session.client(1);
    client->connectToHost(Protocol::Tcp, QStringLiteral("127.0.0.1"),
                          session.server()->localPort());
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::State::Connected, kWaitMs);
    const QString clientLocal = client->localAddress();
    QTRY_VERIFY_WITH_TIMEOUT(hasState(events, clientLocal, SocketState::Established, Role::Client),
                             kWaitMs);
    client->disconnectFromHost();
    QTRY_VERIFY_WITH_TIMEOUT(hasState(events, clientLocal, SocketState::TimeWait, Role::Client),
                             kWaitMs);
    int appeared = 0;
    for (const SocketEvent &e : std::as_const(events)) {
        if (e.kind != EventKind::State)
            continue;
        const QString text = EventFormatter::describe(e);
        QVERIFY2(!text.contains(QLatin1String("CLOSE \u2192")), qPrintable(text));
        if (e.local == clientLocal && e.socketState == int(SocketState::Established)) {
            QVERIFY2(text.contains(QLatin1String("appeared in ESTABLISHED")), qPrintable(text));
            QCOMPARE(e.previousState, int(SocketState::Close)); // the JSON's `from`
            ++appeared;
        }
    }
    QCOMPARE(appeared, 1);
}

// With a tick of a minute, only a sample the lab's own calls trigger can show the client's
// connection and its TIME_WAIT in time.
void TestSocketStateSampler::whatTheLabDoesIsSampledAtOnce()
{
    LabSession session;
    session.sampler()->setIntervalMs(60 * 1000);
    SocketEvents events;
    connect(&session, &LabSession::eventsArrived, this,
            [&events](const SocketEvents &e) { events += e; });
    ServerConfig config;
    config.port = 0;
    QVERIFY(session.server()->start(config));
    Client *client = session.client(1);
    client->connectToHost(Protocol::Tcp, QStringLiteral("127.0.0.1"),
                          session.server()->localPort());
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::State::Connected, kWaitMs);
    const QString clientLocal = client->localAddress();
    QTRY_VERIFY_WITH_TIMEOUT(hasState(events, clientLocal, SocketState::Established, Role::Client),
                             kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        hasState(events, session.server()->localAddress(), SocketState::Established, Role::Server),
        kWaitMs);
    client->disconnectFromHost();
    QTRY_VERIFY_WITH_TIMEOUT(hasState(events, clientLocal, SocketState::TimeWait, Role::Client),
                             kWaitMs);
    // Causal order: the row follows the call that made it.
    qint64 connectReturned = 0;
    for (const SocketEvent &e : std::as_const(events)) {
        if (e.kind == EventKind::Connected && e.role == Role::Client)
            connectReturned = e.endUs;
        if (e.kind == EventKind::State && e.local == clientLocal
            && e.socketState == int(SocketState::Established))
            QVERIFY(e.endUs >= connectReturned && connectReturned != 0);
    }
}

// A connection that waits in the backlog of an iterative server makes no event: the listener's
// accept queue is watched between ticks, so its grey row does not wait for the next one.
void TestSocketStateSampler::backlogShowsWithoutWaitingForTheTick()
{
    LabSession session;
    session.sampler()->setIntervalMs(60 * 1000);
    QList<SocketSnapshot> latest;
    connect(&session, &LabSession::socketsSampled, this,
            [&latest](const QList<SocketSnapshot> &s) { latest = s; });
    ServerConfig config;
    config.port = 0;
    config.concurrency = Concurrency::Iterative;
    config.backlog = 4;
    QVERIFY(session.server()->start(config));
    const quint16 port = session.server()->localPort();
    auto unaccepted = [&latest] {
        return int(std::count_if(latest.begin(), latest.end(), [](const SocketSnapshot &s) {
            return !s.isListener() && !s.accepted();
        }));
    };
    auto accepted = [&latest] {
        return int(std::count_if(latest.begin(), latest.end(), [](const SocketSnapshot &s) {
            return !s.isListener() && s.accepted();
        }));
    };
    Fd first = tcpConnect(port); // a student: accepted and served
    QVERIFY(first.isValid());
    QTRY_COMPARE_WITH_TIMEOUT(accepted(), 1, kWaitMs);
    Fd second = tcpConnect(port); // waits in the backlog: nothing of the lab's happens
    QVERIFY(second.isValid());
    QTRY_COMPARE_WITH_TIMEOUT(unaccepted(), 1, kWaitMs);
}

// A new run on the same address starts clean: what the last run left (its connections in
// TIME_WAIT or FIN_WAIT2) is never reported as this run's, in any client's name.
void TestSocketStateSampler::nothingFromTheRunBefore()
{
    LabSession session;
    SocketEvents events;
    connect(&session, &LabSession::eventsArrived, this,
            [&events](const SocketEvents &e) { events += e; });
    ServerConfig config;
    config.port = 0;
    QVERIFY(session.server()->start(config));
    const quint16 port = session.server()->localPort();
    const QString serverAddress = session.server()->localAddress();
    Client *client = session.client(1);
    client->connectToHost(Protocol::Tcp, QStringLiteral("127.0.0.1"), port);
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::State::Connected, kWaitMs);
    const QString oldClient = client->localAddress();
    QTRY_VERIFY_WITH_TIMEOUT(
        hasState(events, serverAddress, SocketState::Established, Role::Server), kWaitMs);
    session.server()->stop(); // the server closes first: its side lingers
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::State::Unconnected, kWaitMs);
    session.removeClient(1);
    config.port = port;
    if (!session.server()->start(config))
        QSKIP("the port was taken between the runs");
    const int runStart = int(events.size());
    Client *next = session.client(2);
    next->connectToHost(Protocol::Tcp, QStringLiteral("127.0.0.1"), port);
    QTRY_COMPARE_WITH_TIMEOUT(next->state(), Client::State::Connected, kWaitMs);
    const QString newClient = next->localAddress();
    // Samples of the new run have been taken (the new connection's rows are in).
    QTRY_VERIFY_WITH_TIMEOUT(
        hasState(events.mid(runStart), newClient, SocketState::Established, Role::Client), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        hasState(events.mid(runStart), serverAddress, SocketState::Established, Role::Server),
        kWaitMs);
    next->disconnectFromHost();
    QTRY_VERIFY_WITH_TIMEOUT(
        hasState(events.mid(runStart), newClient, SocketState::TimeWait, Role::Client), kWaitMs);
    for (const SocketEvent &e : events.mid(runStart)) {
        if (e.kind == EventKind::State)
            QVERIFY2(e.peer != oldClient && e.local != oldClient,
                     qPrintable(EventFormatter::describe(e)));
    }
}

// A port to keep watching is sampled every tick, after its server stopped and with no client.
void TestSocketStateSampler::keptPortsOutliveTheServer()
{
    LabSession session;
    int samples = 0;
    QList<SocketSnapshot> latest;
    connect(&session, &LabSession::socketsSampled, this, [&](const QList<SocketSnapshot> &s) {
        latest = s;
        ++samples;
    });
    ServerConfig config;
    config.port = 0;
    QVERIFY(session.server()->start(config));
    const quint16 port = session.server()->localPort();
    session.setPortsToKeepWatching({port});
    Fd student = tcpConnect(port);
    QVERIFY(student.isValid());
    auto onPort = [&latest, port](SocketState state) {
        return std::any_of(latest.begin(), latest.end(), [&](const SocketSnapshot &s) {
            return s.localPort == port && s.state == state;
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(onPort(SocketState::Established), kWaitMs);
    session.server()->stop(); // the server closes first: its side waits for the student
    QVERIFY(session.sampler()->isRunning());
    QVERIFY(peerClosed(student.get()));
    student.reset();
    QTRY_VERIFY_WITH_TIMEOUT(onPort(SocketState::TimeWait), kWaitMs);
    const int before = samples;
    QTRY_VERIFY_WITH_TIMEOUT(samples >= before + 3, kWaitMs); // every tick, nothing changing
    session.setPortsToKeepWatching({});
    QVERIFY(!session.sampler()->isRunning());
}

// A class's client binds 127.0.0.x before connect(): the kernel may give it the lab's port
// number on that other address. Its connection is not the lab's, though the port is kept.
void TestSocketStateSampler::keptPortOnAnotherAddressIsNotTheLabs()
{
    LabSession session;
    QList<SocketSnapshot> latest;
    connect(&session, &LabSession::socketsSampled, this,
            [&](const QList<SocketSnapshot> &s) { latest = s; });
    ServerConfig config;
    config.port = 0;
    QVERIFY(session.server()->start(config));
    const quint16 port = session.server()->localPort();
    session.setPortsToKeepWatching({port});

    // Another program: a listener on 127.0.0.3 and a client on 127.0.0.2 with the lab's port.
    const Fd otherServer = listenOn(SOCK_STREAM, "127.0.0.3", 4);
    QVERIFY(otherServer.isValid());
    const quint16 otherPort = Endpoint::localOf(otherServer.get()).port();
    Fd client(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    socklen_t length = 0;
    const sockaddr_storage from = addressOf("127.0.0.2", port, &length);
    if (::bind(client.get(), reinterpret_cast<const sockaddr *>(&from), length) != 0)
        QSKIP("127.0.0.2 cannot bind the lab's port here");
    const sockaddr_storage to = addressOf("127.0.0.3", otherPort, &length);
    QVERIFY(::connect(client.get(), reinterpret_cast<const sockaddr *>(&to), length) == 0);

    // The lab's own connection comes after it: once that shows, the other one had its chance.
    Fd student = tcpConnect(port);
    QVERIFY(student.isValid());
    const quint16 studentPort = Endpoint::localOf(student.get()).port();
    auto shows = [&latest](quint16 localPort, const char *host) {
        return std::any_of(latest.begin(), latest.end(), [&](const SocketSnapshot &s) {
            return s.localPort == localPort && Endpoint::hostOf(s.local) == QLatin1String(host);
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(shows(port, "127.0.0.1") && shows(studentPort, "127.0.0.1"), kWaitMs);
    QVERIFY(!shows(port, "127.0.0.2"));
    session.setPortsToKeepWatching({});
}

QTEST_GUILESS_MAIN(TestSocketStateSampler)
#include "tst_socketstatesampler.moc"
