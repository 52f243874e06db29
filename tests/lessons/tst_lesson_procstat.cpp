#include "core/procstat.h"
#include "core/socketevent.h"
#include "core/tcpstatetable.h"

#include <QTest>
#include <QThread>

#include <sys/wait.h>
#include <unistd.h>

using namespace socketlab;

class TestLessonProcStat : public QObject
{
    Q_OBJECT

private slots:
    void parseLine_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("state");
        QTest::addColumn<qint64>("ppid");
        QTest::newRow("sleeping") << QByteArray("42 (socketlab) S 1 42 42 0 -1") << "socketlab"
                                  << int(ProcState::Sleeping) << qint64(1);
        QTest::newRow("zombie") << QByteArray("4250 (tst) Z 4242 1 1") << "tst"
                                << int(ProcState::Zombie) << qint64(4242);
        QTest::newRow("name with ') '")
            << QByteArray("7 (a) b) R 3 0") << "a) b" << int(ProcState::Running) << qint64(3);
        QTest::newRow("garbage") << QByteArray("nonsense") << QString() << int(ProcState::Unknown)
                                 << qint64(0);
    }

    void parseLine()
    {
        QFETCH(QByteArray, line);
        const ProcInfo info = ProcStat::parse(line);
        QTEST(info.name, "name");
        QTEST(int(info.state), "state");
        QTEST(info.ppid, "ppid");
    }

    void ownProcessAndThreads()
    {
        // A thread that reads its own stat is on a CPU doing so: running. The tests run on the
        // main thread, whose state is the process's.
        QCOMPARE(ProcStat::thread(::getpid(), currentThreadId()).state, ProcState::Running);
        QCOMPARE(ProcStat::process(::getpid()).state, ProcState::Running);
        QThread thread;
        thread.setObjectName(QStringLiteral("tcp server"));
        thread.start();
        const auto namedTid = [] {
            for (qint64 tid : ProcStat::threadIds(::getpid())) {
                if (ProcStat::thread(::getpid(), tid).name == QLatin1String("tcp server"))
                    return tid;
            }
            return qint64(0);
        };
        QTRY_VERIFY(namedTid() != 0);
        // An idle event loop waits in the kernel: sleeping (it may be caught running while it
        // starts, hence the wait).
        const qint64 tid = namedTid();
        QTRY_COMPARE(ProcStat::thread(::getpid(), tid).state, ProcState::Sleeping);
        thread.quit();
        thread.wait();
    }

    void zombieThenGone()
    {
        const pid_t pid = ::fork();
        if (pid == 0)
            ::_exit(0);
        QTRY_COMPARE(ProcStat::process(pid).state, ProcState::Zombie);
        QVERIFY(ProcStat::stateText(ProcStat::process(pid)).contains(QLatin1String("zombie")));
        ::waitpid(pid, nullptr, 0);
        QCOMPARE(ProcStat::process(pid).state, ProcState::Gone);
    }

    void tcpTable()
    {
        const QByteArray table = "  sl  local_address rem_address   st tx_queue rx_queue\n"
                                 "   0: 0100007F:1388 00000000:0000 0A 00000000:00000000\n"
                                 "   1: 0100007F:1388 0100007F:D2F0 06 00000000:00000000\n"
                                 "   2: 0100007F:1389 0100007F:D2F1 06 00000000:00000000\n";
        QCOMPARE(TcpStateTable::countIn(table, 5000, TcpStateTable::kTimeWait), 1);
        QCOMPARE(TcpStateTable::countIn(table, 5000, TcpStateTable::kListen), 1);
        QCOMPARE(TcpStateTable::countIn(table, 5001, TcpStateTable::kTimeWait), 1);
        QCOMPARE(TcpStateTable::countIn(table, 5002, TcpStateTable::kTimeWait), 0);
    }
};

QTEST_MAIN(TestLessonProcStat)
#include "tst_lesson_procstat.moc"
