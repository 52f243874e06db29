// The command line's one signal watcher: each of SIGINT, SIGTERM and SIGHUP arrives in the
// event loop with the pid that sent it, in order, and the dispositions are given back after.

#include "app/signalwatcher.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <unistd.h>

using namespace socketlab;

class TestCliSignalWatcher : public QObject
{
    Q_OBJECT

private slots:
    void reportsTheSignalAndItsSender_data();
    void reportsTheSignalAndItsSender();
    void signalsTogetherAskToStopOnce();
    void dispositionsComeBackAfterwards();
};

void TestCliSignalWatcher::reportsTheSignalAndItsSender_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGHUP") << int(SIGHUP);
}

void TestCliSignalWatcher::reportsTheSignalAndItsSender()
{
    QFETCH(int, signalNumber);
    SignalWatcher watcher;
    QSignalSpy caught(&watcher, &SignalWatcher::caught);
    QSignalSpy stop(&watcher, &SignalWatcher::terminationRequested);
    QCOMPARE(::kill(::getpid(), signalNumber), 0);
    QTRY_COMPARE_WITH_TIMEOUT(caught.size(), 1, 5000);
    QCOMPARE(caught.at(0).at(0).toInt(), signalNumber);
    // kill() by a process: its pid (a terminal's Ctrl+C would say 0, the kernel).
    QCOMPARE(caught.at(0).at(1).toLongLong(), qint64(::getpid()));
    QCOMPARE(stop.size(), 1);
}

void TestCliSignalWatcher::signalsTogetherAskToStopOnce()
{
    SignalWatcher watcher;
    QSignalSpy caught(&watcher, &SignalWatcher::caught);
    QSignalSpy stop(&watcher, &SignalWatcher::terminationRequested);
    // Both before the event loop runs: both reported, in order; one request to stop.
    QCOMPARE(::kill(::getpid(), SIGINT), 0);
    QCOMPARE(::kill(::getpid(), SIGTERM), 0);
    QTRY_COMPARE_WITH_TIMEOUT(caught.size(), 2, 5000);
    QCOMPARE(caught.at(0).at(0).toInt(), int(SIGINT));
    QCOMPARE(caught.at(1).at(0).toInt(), int(SIGTERM));
    QCOMPARE(stop.size(), 1);
}

void TestCliSignalWatcher::dispositionsComeBackAfterwards()
{
    {
        SignalWatcher watcher;
        struct sigaction current = {};
        QCOMPARE(::sigaction(SIGINT, nullptr, &current), 0);
        QVERIFY(current.sa_flags & SA_SIGINFO);
    }
    for (const int signalNumber : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction current = {};
        QCOMPARE(::sigaction(signalNumber, nullptr, &current), 0);
        QVERIFY(current.sa_handler == SIG_DFL);
    }
}

QTEST_GUILESS_MAIN(TestCliSignalWatcher)
#include "tst_cli_signalwatcher.moc"
