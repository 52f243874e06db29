#include "lessons/lessonruntime.h"
#include "lessons/processtracker.h"

#include <QTest>

#include <unistd.h>

using namespace socketlab;

namespace {
const ProcessRow *find(const QVector<ProcessRow> &rows, ProcessRow::Kind kind)
{
    for (const ProcessRow &row : rows) {
        if (row.kind == kind)
            return &row;
    }
    return nullptr;
}

int countOf(const QVector<ProcessRow> &rows, ProcessRow::Kind kind)
{
    return int(std::count_if(rows.cbegin(), rows.cend(),
                             [kind](const ProcessRow &row) { return row.kind == kind; }));
}
} // namespace

class TestLessonProcessTracker : public QObject
{
    Q_OBJECT

private slots:
    void threadServerAndItsHandler()
    {
        // Another server in the same process (the main window's) stays out of the view.
        Server other;
        ServerConfig config;
        config.port = 0;
        QVERIFY(other.start(config));

        LessonRuntime rt;
        QVERIFY(rt.startServer(config));
        rt.connectClient(1, Protocol::Tcp, rt.serverPort());
        rt.client(1)->send("hi");
        QTRY_VERIFY(rt.dataFrom(1) > 0);
        QTRY_VERIFY(rt.server()->workerThreadId() > 0);

        ProcessTracker tracker;
        tracker.setEvents(rt.events());
        QVector<ProcessRow> rows = tracker.snapshot(rt.server()->workerThreadId());
        QCOMPARE(rows.first().kind, ProcessRow::Kind::ServerProcess);
        QCOMPARE(rows.first().pid, qint64(::getpid()));
        QCOMPARE(countOf(rows, ProcessRow::Kind::ServerThread), 1);
        QCOMPARE(find(rows, ProcessRow::Kind::ServerThread)->tid, rt.server()->workerThreadId());
        QVERIFY(find(rows, ProcessRow::Kind::ServerThread)->tid != other.workerThreadId());
        const ProcessRow *handler = find(rows, ProcessRow::Kind::HandlerThread);
        QVERIFY(handler);
        QCOMPARE(handler->client, rt.clientAddress(1));
        QVERIFY(handler->info.state == ProcState::Sleeping
                || handler->info.state == ProcState::Running);
        QCOMPARE(tracker.ports(), QList<quint16> {rt.serverPort()});

        rt.client(1)->disconnectFromHost();
        QTRY_VERIFY(rt.count(LessonRuntime::serverEvent(EventKind::HandlerExited)) > 0);
        tracker.setEvents(rt.events());
        rows = tracker.snapshot(rt.server()->workerThreadId());
        QCOMPARE(find(rows, ProcessRow::Kind::HandlerThread)->info.state, ProcState::Gone);
        rt.stopServer();
        QCOMPARE(rt.server()->workerThreadId(), 0);
    }

    // The view names the call each worker waits for, as the recipe and the listing do,
    // not the poll() every worker really sleeps in.
    void namesTheBlockingCall_data()
    {
        QTest::addColumn<int>("protocol");
        QTest::addColumn<int>("concurrency");
        QTest::addColumn<QString>("server");
        QTest::addColumn<int>("handlerKind");
        QTest::addColumn<QString>("handler");
        QTest::newRow("thread") << int(Protocol::Tcp) << int(Concurrency::Thread)
                                << "waiting in accept()" << int(ProcessRow::Kind::HandlerThread)
                                << "blocked in recv()";
        QTest::newRow("fork") << int(Protocol::Tcp) << int(Concurrency::Fork)
                              << "waiting in accept()" << int(ProcessRow::Kind::ChildProcess)
                              << "blocked in recv()";
        QTest::newRow("iterative") << int(Protocol::Tcp) << int(Concurrency::Iterative)
                                   << "blocked in recv()" << -1 << QString();
        QTest::newRow("poll") << int(Protocol::Tcp) << int(Concurrency::Poll) << "waiting in poll()"
                              << -1 << QString();
        QTest::newRow("udp") << int(Protocol::Udp) << int(Concurrency::Thread)
                             << "waiting in recvfrom()" << -1 << QString();
    }

    void namesTheBlockingCall()
    {
        QFETCH(int, protocol);
        QFETCH(int, concurrency);
        QFETCH(QString, server);
        QFETCH(int, handlerKind);
        QFETCH(QString, handler);
        LessonRuntime rt;
        ServerConfig config;
        config.port = 0;
        config.protocol = Protocol(protocol);
        config.concurrency = Concurrency(concurrency);
        QVERIFY(rt.startServer(config));
        rt.connectClient(1, Protocol(protocol), rt.serverPort());
        rt.client(1)->send("hi");
        QTRY_VERIFY(rt.dataFrom(1) > 0);
        QTRY_VERIFY(rt.server()->workerThreadId() > 0);
        ProcessTracker tracker;
        tracker.setEvents(rt.events());
        const auto stateOf = [&](ProcessRow::Kind kind) {
            const QVector<ProcessRow> rows = tracker.snapshot(rt.server()->workerThreadId());
            const ProcessRow *row = find(rows, kind);
            return row ? ProcStat::stateText(row->info) : QString();
        };
        QTRY_COMPARE(stateOf(ProcessRow::Kind::ServerThread), server);
        if (handlerKind >= 0)
            QTRY_COMPARE(stateOf(ProcessRow::Kind(handlerKind)), handler);
        rt.stopServer();
    }

    void forkedChildren()
    {
        LessonRuntime rt;
        ServerConfig config;
        config.port = 0;
        config.concurrency = Concurrency::Fork;
        config.reapChildren = false;
        QVERIFY(rt.startServer(config));
        rt.connectClient(1, Protocol::Tcp, rt.serverPort());
        rt.client(1)->send("hi");
        QTRY_VERIFY(rt.dataFrom(1) > 0);
        ProcessTracker tracker;
        tracker.setEvents(rt.events());
        const QVector<ProcessRow> rows = tracker.snapshot(0); // kept: child points into it
        const ProcessRow *child = find(rows, ProcessRow::Kind::ChildProcess);
        QVERIFY(child);
        const qint64 pid = child->pid;
        QVERIFY(pid != ::getpid());
        QCOMPARE(child->client, rt.clientAddress(1));
        rt.client(1)->disconnectFromHost();
        QTRY_COMPARE(ProcStat::process(pid).state, ProcState::Zombie);
        rt.stopServer(); // reaps it
        QCOMPARE(ProcStat::process(pid).state, ProcState::Gone);
    }
};

QTEST_MAIN(TestLessonProcessTracker)
#include "tst_lesson_processtracker.moc"
