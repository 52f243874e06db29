// The workers' thread: run() once on a thread of its own, named as ps shows it, finished()
// queued to the object's thread, and waiting is safe whether or not it started.

#include "core/workerthread.h"

#include <QTest>
#include <QThread>

#include <pthread.h>

using namespace socketlab;

namespace {

class Probe : public WorkerThread
{
public:
    ~Probe() override { wait(); }

    std::atomic<int> runs{0};
    std::thread::id ranOn;
    QByteArray name;

protected:
    void run() override
    {
        ++runs;
        ranOn = std::this_thread::get_id();
        char buffer[32] = {};
        pthread_getname_np(pthread_self(), buffer, sizeof buffer);
        name = buffer;
    }
};

} // namespace

class TestWorkerThread : public QObject
{
    Q_OBJECT

private slots:
    void runsOnceOnItsOwnNamedThread();
    void waitWithoutStartReturns();
};

void TestWorkerThread::runsOnceOnItsOwnNamedThread()
{
    Probe probe;
    probe.setObjectName(QStringLiteral("a rather long worker name"));
    int finished = 0;
    bool finishedHere = false;
    connect(&probe, &WorkerThread::finished, this, [&] {
        ++finished;
        finishedHere = QThread::currentThread() == qApp->thread();
    });
    QVERIFY(!probe.isFinished());
    probe.start();
    probe.start();  // once per object
    QTRY_COMPARE_WITH_TIMEOUT(finished, 1, 5000);
    QVERIFY(probe.isFinished());
    QVERIFY(finishedHere);  // queued to the receiver's thread
    probe.wait();
    QCOMPARE(probe.runs.load(), 1);
    QVERIFY(probe.ranOn != std::this_thread::get_id());
    // The kernel keeps 15 characters of a thread's name.
    QCOMPARE(probe.name, QByteArray("a rather long w"));
    probe.start();  // not again once finished
    probe.wait();
    QCOMPARE(probe.runs.load(), 1);
}

void TestWorkerThread::waitWithoutStartReturns()
{
    Probe probe;
    probe.wait();
    QVERIFY(!probe.isFinished());
}

QTEST_GUILESS_MAIN(TestWorkerThread)
#include "tst_workerthread.moc"
