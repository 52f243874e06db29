#include "ui/calllanesmodel.h"
#include "ui/calltracemodel.h"
#include "ui/connectionsmodel.h"
#include "ui/serverstatus.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QEvent>
#include <QSignalSpy>
#include <QTest>

using namespace socketlab;

namespace {
SocketEvent serverEvent(EventKind kind, quint64 id, Protocol protocol = Protocol::Tcp,
                        Concurrency concurrency = Concurrency::Thread)
{
    SocketEvent event(kind, Role::Server);
    event.connectionId = id;
    event.protocol = protocol;
    event.concurrency = concurrency;
    event.peer = id ? QStringLiteral("127.0.0.1:%1").arg(50000 + id) : QString();
    event.local = QStringLiteral("127.0.0.1:5000");
    if (kind == EventKind::Data) {
        event.payload = "hello";
        event.bytes = 5;
    }
    return event;
}

// The kernel's view of the server's side of connection id (as serverEvent names its peer).
SocketSnapshot serverSide(quint64 id, SocketState state, quint64 inode, qint64 timerMs = 0)
{
    SocketSnapshot s;
    s.state = state;
    s.local = QStringLiteral("127.0.0.1:5000");
    s.localPort = 5000;
    s.peer = QStringLiteral("127.0.0.1:%1").arg(50000 + id);
    s.peerPort = quint16(50000 + id);
    s.inode = inode;
    s.timerMs = timerMs;
    return s;
}

SocketSnapshot listenerWith(qint64 queued, qint64 backlog)
{
    SocketSnapshot s;
    s.state = SocketState::Listen;
    s.local = QStringLiteral("127.0.0.1:5000");
    s.localPort = 5000;
    s.peer = QStringLiteral("0.0.0.0:0");
    s.recvQ = queued;
    s.sendQ = backlog;
    s.inode = 99;
    return s;
}
} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private slots:
    void connectionsFollowTcpEvents();
    void connectionsCountUdpSenders();
    void connectionsShowTheKernelsView();
    void callTraceKeepsCallsCapped();
    void callTraceShowsCausesFirst();
    void callLanesFollowTheTrace();
    void modelsRetranslateOnLanguageChange();
    void status_data();
    void status();
};

void TestModels::connectionsFollowTcpEvents()
{
    ConnectionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendEvents({serverEvent(EventKind::Connected, 1), serverEvent(EventKind::Connected, 2),
                        serverEvent(EventKind::Data, 1), serverEvent(EventKind::Data, 1),
                        serverEvent(EventKind::Data, 2)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowAt(0).messages, qint64(2));
    QCOMPARE(model.rowAt(0).bytes, qint64(10));
    QCOMPARE(model.index(1, ConnectionsModel::MessagesColumn).data().toString(),
             QStringLiteral("1"));
    model.appendEvents({serverEvent(EventKind::Disconnected, 1)});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowAt(0).id, quint64(2));
    model.appendEvents({serverEvent(EventKind::Summary, 0)});
    QCOMPARE(model.rowCount(), 0);
}

// Backlog rows, their turn into served rows, a row kept in TIME_WAIT until the kernel drops
// it, and the listener's accept queue, checked by QAbstractItemModelTester all along.
void TestModels::connectionsShowTheKernelsView()
{
    ConnectionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClientIdLookup(
        [](const QString &peer) { return peer.endsWith(QLatin1String(":50002")) ? 2 : 0; });
    model.appendEvents({serverEvent(EventKind::Connected, 1)});
    // Client 2 (a pane) and a student (3) wait in the backlog: inode 0, no accept() yet.
    model.applySockets({listenerWith(2, 4), serverSide(1, SocketState::Established, 11),
                        serverSide(2, SocketState::Established, 0),
                        serverSide(3, SocketState::Established, 0)},
                       5000);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.listener().recvQ, qint64(2));
    QCOMPARE(model.index(0, ConnectionsModel::StateColumn).data().toString(),
             QStringLiteral("ESTABLISHED"));
    QVERIFY(!model.rowAt(0).waiting);
    for (int row : {1, 2}) {
        QVERIFY(model.rowAt(row).waiting);
        QCOMPARE(model.index(row, ConnectionsModel::HandlerColumn).data().toString(),
                 QStringLiteral("waiting in the backlog (not accepted yet)"));
    }
    // In the kernel's order.
    QCOMPARE(model.index(1, ConnectionsModel::ClientColumn).data().toString(),
             QStringLiteral("127.0.0.1:50002"));
    QCOMPARE(model.index(2, ConnectionsModel::ClientColumn).data().toString(),
             QStringLiteral("Student 1 (127.0.0.1:50003)"));
    // Accepted: the same row is served now.
    model.appendEvents({serverEvent(EventKind::Connected, 2)});
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(!model.rowAt(1).waiting);
    QCOMPARE(model.rowAt(1).id, quint64(2));
    // Connection 1 leaves and the server closed first: TIME_WAIT with its countdown.
    model.appendEvents({serverEvent(EventKind::Disconnected, 1)});
    QCOMPARE(model.rowCount(), 3);
    model.applySockets({listenerWith(1, 4), serverSide(1, SocketState::TimeWait, 0, 41500),
                        serverSide(2, SocketState::Established, 12),
                        serverSide(3, SocketState::Established, 0)},
                       5000);
    QCOMPARE(model.index(0, ConnectionsModel::StateColumn).data().toString(),
             QStringLiteral("TIME_WAIT 42 s"));
    QCOMPARE(model.index(0, ConnectionsModel::HandlerColumn).data().toString(),
             QStringLiteral("left: the server closed first"));
    // The kernel dropped it, and the student gave up waiting: both rows go.
    model.applySockets({listenerWith(0, 4), serverSide(2, SocketState::Established, 12)}, 5000);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowAt(0).id, quint64(2));
    model.appendEvents({serverEvent(EventKind::Summary, 0)});
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.listener().isListener());
}

void TestModels::connectionsCountUdpSenders()
{
    ConnectionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SocketEvents events;
    for (int i = 0; i < 1000; ++i)
        events << serverEvent(EventKind::Data, quint64(1 + i % 2), Protocol::Udp);
    model.appendEvents(events);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowAt(0).messages + model.rowAt(1).messages, qint64(1000));
}

void TestModels::callTraceKeepsCallsCapped()
{
    CallTraceModel model;
    model.setRowCap(100);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SocketEvents events;
    for (int i = 0; i < 250; ++i) {
        SocketEvent call(EventKind::Call, i % 2 ? Role::Client : Role::Server);
        call.call = SysCall::Send;
        call.args = QString::number(i);
        call.result = 1;
        call.step = 5;
        events << call << serverEvent(EventKind::Data, 1);
    }
    model.appendEvents(events.mid(0, 60));
    QCOMPARE(model.rowCount(), 30);
    model.appendEvents(events.mid(60));
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.eventAt(99).args, QStringLiteral("249"));
    QVERIFY(model.index(99, CallTraceModel::CallColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("[5] send(249)")));
    QCOMPARE(model.index(99, CallTraceModel::WhoColumn).data().toString(),
             QStringLiteral("Client 0"));
}

// The server's batch arrives before the client's: rows still go connect before accept and
// each send before the recv that returns its bytes (sends from their entry, receives from
// their return).
void TestModels::callTraceShowsCausesFirst()
{
    const auto call = [](Role role, SysCall c, qint64 beginUs, qint64 endUs) {
        SocketEvent e(EventKind::Call, role);
        e.call = c;
        e.beginUs = beginUs;
        e.setEndUs(endUs);
        e.result = c == SysCall::Connect ? 0 : 5;
        return e;
    };
    CallTraceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendEvents({call(Role::Server, SysCall::Accept, 1200, 2000),
                        call(Role::Server, SysCall::Recv, 2100, 3500)});
    model.appendEvents({call(Role::Client, SysCall::Connect, 1000, 1500),
                        call(Role::Client, SysCall::Send, 3000, 3600)});
    model.appendEvents({call(Role::Server, SysCall::Send, 4000, 4100)});
    model.appendEvents({call(Role::Client, SysCall::Recv, 3700, 4500)});
    const QList<SysCall> expected = {SysCall::Connect, SysCall::Accept, SysCall::Send,
                                     SysCall::Recv,    SysCall::Send,   SysCall::Recv};
    QList<SysCall> got;
    for (int row = 0; row < model.rowCount(); ++row)
        got << model.eventAt(row).call;
    QCOMPARE(got, expected);
    QCOMPARE(model.eventAt(2).role, Role::Client);
    QCOMPARE(model.eventAt(3).role, Role::Server);
}

// A lane per participant: the lab's client, a traced server's process, its child and a
// thread, each titled with its id and role; each call in its own lane, in the trace's order,
// through out-of-order batches and the row cap.
void TestModels::callLanesFollowTheTrace()
{
    const auto traced = [](qint64 pid, qint64 tid, HandlerKind handler, SysCall c, qint64 us) {
        SocketEvent e;
        e.kind = EventKind::Call;
        e.traced = true;
        e.role = Role::Server;
        e.pid = pid;
        e.tid = tid;
        e.handler = handler;
        e.call = c;
        e.beginUs = us;
        e.setEndUs(us + 10);
        return e;
    };
    CallTraceModel trace;
    trace.setRowCap(6);
    CallLanesModel lanes(&trace);
    QAbstractItemModelTester tester(&lanes, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SocketEvent client(EventKind::Call, Role::Client);
    client.call = SysCall::Connect;
    client.connectionId = 1;
    client.beginUs = 1000;
    client.setEndUs(1100);
    trace.appendEvents({traced(40, 40, HandlerKind::Main, SysCall::Listen, 500),
                        traced(40, 40, HandlerKind::Main, SysCall::Accept, 1050)});
    trace.appendEvents({client}); // comes later, goes between
    trace.appendEvents({traced(41, 41, HandlerKind::Process, SysCall::Recv, 2000),
                        traced(40, 42, HandlerKind::Thread, SysCall::Recv, 2100)});
    QCOMPARE(lanes.rowCount(), trace.rowCount());
    QCOMPARE(lanes.columnCount(), 5);
    QStringList titles;
    for (int lane = 0; lane < lanes.laneCount(); ++lane)
        titles << lanes.laneTitle(lane);
    QCOMPARE(titles,
             QStringList({QStringLiteral("Program pid 40, server"), QStringLiteral("Client 1"),
                          QStringLiteral("Program child 41, server"),
                          QStringLiteral("Program thread 42, server")}));
    // The header in two lines, so a lane can be narrow.
    QCOMPARE(lanes.headerData(CallLanesModel::columnOfLane(2), Qt::Horizontal, Qt::DisplayRole)
                 .toString(),
             QStringLiteral("Program child 41\nserver"));
    QCOMPARE(lanes.headerData(CallLanesModel::columnOfLane(1), Qt::Horizontal, Qt::DisplayRole)
                 .toString(),
             QStringLiteral("Client 1"));
    for (int row = 0; row < trace.rowCount(); ++row) {
        const int lane = lanes.laneOfRow(row);
        for (int other = 0; other < lanes.laneCount(); ++other) {
            const QString text
                = lanes.index(row, CallLanesModel::columnOfLane(other)).data().toString();
            QCOMPARE(text.isEmpty(), other != lane);
        }
    }
    QCOMPARE(lanes.laneTitle(lanes.laneOfRow(1)),
             QStringLiteral("Client 1")); // connect before accept
    for (int i = 0; i < 6; ++i)
        trace.appendEvents({traced(41, 41, HandlerKind::Process, SysCall::Send, 3000 + i)});
    QCOMPARE(lanes.rowCount(), 6);
    QCOMPARE(lanes.laneTitle(lanes.laneOfRow(5)), QStringLiteral("Program child 41, server"));
    trace.clear();
    QCOMPARE(lanes.rowCount(), 0);
    QCOMPARE(lanes.laneCount(), 0);
}

void TestModels::status_data()
{
    QTest::addColumn<int>("protocol");
    QTest::addColumn<int>("concurrency");
    QTest::addColumn<int>("clients");
    QTest::addColumn<QString>("blockedIn");
    QTest::newRow("tcp thread idle")
        << int(Protocol::Tcp) << int(Concurrency::Thread) << 0 << "accept()";
    QTest::newRow("tcp thread busy")
        << int(Protocol::Tcp) << int(Concurrency::Thread) << 2 << "accept()";
    QTest::newRow("iterative idle")
        << int(Protocol::Tcp) << int(Concurrency::Iterative) << 0 << "accept()";
    QTest::newRow("iterative busy")
        << int(Protocol::Tcp) << int(Concurrency::Iterative) << 1 << "recv()";
    QTest::newRow("udp") << int(Protocol::Udp) << int(Concurrency::Thread) << 0 << "recvfrom()";
}

void TestModels::status()
{
    QFETCH(int, protocol);
    QFETCH(int, concurrency);
    QFETCH(int, clients);
    QFETCH(QString, blockedIn);
    ServerStatus status;
    QCOMPARE(status.state(), ServerStatus::State::Stopped);
    SocketEvents events {
        serverEvent(EventKind::Listening, 0, Protocol(protocol), Concurrency(concurrency))};
    for (int i = 1; i <= clients; ++i)
        events << serverEvent(EventKind::Connected, quint64(i), Protocol(protocol),
                              Concurrency(concurrency));
    status.apply(events);
    QVERIFY2(status.text().contains(blockedIn), qPrintable(status.text()));
    status.apply({serverEvent(EventKind::Summary, 0)});
    QCOMPARE(status.state(), ServerStatus::State::Stopped);
}

// A language switch re-asks headers and rows (their texts are made in data()).
void TestModels::modelsRetranslateOnLanguageChange()
{
    CallTraceModel model;
    SocketEvent call = serverEvent(EventKind::Call, 1);
    call.call = SysCall::Accept;
    model.appendEvents({call});
    QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
    QSignalSpy cells(&model, &QAbstractItemModel::dataChanged);
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    QCOMPARE(headers.count(), 1);
    QCOMPARE(headers.first().at(0).value<Qt::Orientation>(), Qt::Horizontal);
    QCOMPARE(cells.count(), 1);

    ConnectionsModel connections;
    connections.appendEvents({serverEvent(EventKind::Connected, 1)});
    QCOMPARE(connections.rowCount(), 1);
    QSignalSpy connectionCells(&connections, &QAbstractItemModel::dataChanged);
    QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    QCOMPARE(connectionCells.count(), 1);
}

QTEST_GUILESS_MAIN(TestModels)
#include "tst_ui_models.moc"
