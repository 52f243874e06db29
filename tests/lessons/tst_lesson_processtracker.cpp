#include "ui/lessons/lessonruntime.h"
#include "ui/lessons/processtracker.h"

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
}

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
        QVERIFY(handler->info.state == ProcState::Sleeping || handler->info.state == ProcState::Running);
        QCOMPARE(tracker.ports(), QList<quint16>{rt.serverPort()});

        rt.client(1)->disconnectFromHost();
        QTRY_VERIFY(rt.count(LessonRuntime::serverEvent(EventKind::HandlerExited)) > 0);
        tracker.setEvents(rt.events());
        rows = tracker.snapshot(rt.server()->workerThreadId());
        QCOMPARE(find(rows, ProcessRow::Kind::HandlerThread)->info.state, ProcState::Gone);
        rt.stopServer();
        QCOMPARE(rt.server()->workerThreadId(), 0);
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
        const QVector<ProcessRow> rows = tracker.snapshot(0);  // kept: child points into it
        const ProcessRow *child = find(rows, ProcessRow::Kind::ChildProcess);
        QVERIFY(child);
        const qint64 pid = child->pid;
        QVERIFY(pid != ::getpid());
        QCOMPARE(child->client, rt.clientAddress(1));
        rt.client(1)->disconnectFromHost();
        QTRY_COMPARE(ProcStat::process(pid).state, ProcState::Zombie);
        rt.stopServer();  // reaps it
        QCOMPARE(ProcStat::process(pid).state, ProcState::Gone);
    }
};

QTEST_MAIN(TestLessonProcessTracker)
#include "tst_lesson_processtracker.moc"
