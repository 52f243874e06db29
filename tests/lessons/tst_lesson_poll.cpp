#include "lessons/lessons.h"
#include "lessons/processtracker.h"
#include "tests/lessons/lessontestsupport.h"

#include <QSet>

using namespace socketlab;

class TestLessonPoll : public QObject
{
    Q_OBJECT

private slots:
    void oneThreadServesEveryClient()
    {
        LessonController controller;
        QVERIFY(lessontest::runToEnd(controller, 9));
        const PollFacts *facts = controller.current()->factsAs<PollFacts>();
        QVERIFY(facts);
        // Iterative: B and C sent, but nothing of theirs was logged while the slow A stayed.
        QVERIFY(facts->iterativeBlocked);
        QCOMPARE(facts->threadHandlers, 3);
        QCOMPARE(facts->pollHandlers, 1);
        QVERIFY(facts->pollOnServerThread);
        QVERIFY2(controller.outcome().passed, qPrintable(controller.outcome().text));

        // The poll server traced its poll() calls, and its connections were handled by the
        // main (server) thread, never a handler thread.
        const LessonRuntime &rt = *controller.runtime();
        QVERIFY(rt.count(LessonRuntime::serverCall(SysCall::Poll)) > 0);
        QCOMPARE(rt.count([](const SocketEvent &e) {
            return e.role == Role::Server && e.clientId >= 7 && e.handler != HandlerKind::Main;
        }),
                 0);
        // G, H and I all left.
        for (int n = 7; n <= 9; ++n) {
            const auto from = rt.fromClient(n);
            QVERIFY(rt.count([&from](const SocketEvent &e) {
                return e.kind == EventKind::Disconnected && from(e);
            }) > 0);
        }
    }

    // The process view names the poll server's one thread as such and shows no handler threads.
    void processViewShowsOneThread()
    {
        LessonController controller;
        controller.setLesson(lessontest::lessonIndex(9));
        for (int step = 0; step < 4; ++step) {
            QTRY_VERIFY_WITH_TIMEOUT(controller.isSettled(), lessontest::kStepWaitMs);
            QVERIFY(!controller.timedOut());
            if (step < 3)
                controller.next();
        }
        LessonRuntime &rt = *controller.runtime();
        ProcessTracker tracker;
        // Only the poll server's run: the thread server's handlers are gone by now anyway.
        SocketEvents pollRun;
        const int listening = rt.indexOf([](const SocketEvent &e) {
            return e.role == Role::Server && e.kind == EventKind::Listening
                && e.concurrency == Concurrency::Poll;
        });
        QVERIFY(listening >= 0);
        pollRun = rt.events().mid(listening);
        tracker.setEvents(pollRun);
        const QVector<ProcessRow> rows = tracker.snapshot(rt.server()->workerThreadId());
        int serverThreads = 0;
        int handlers = 0;
        for (const ProcessRow &row : rows) {
            if (row.kind == ProcessRow::Kind::ServerThread) {
                ++serverThreads;
                QCOMPARE(ProcessTracker::kindText(row), QStringLiteral("poll() loop thread"));
            }
            if (row.kind == ProcessRow::Kind::HandlerThread)
                ++handlers;
        }
        QCOMPARE(serverThreads, 1);
        QCOMPARE(handlers, 0);
    }
};

QTEST_MAIN(TestLessonPoll)
#include "tst_lesson_poll.moc"
