#include "lessons/lessons.h"
#include "tests/lessons/lessontestsupport.h"

using namespace socketlab;

class TestLessonIterative : public QObject
{
    Q_OBJECT

private slots:
    void secondClientWaitsInBacklog()
    {
        LessonController controller;
        controller.setLesson(lessontest::lessonIndex(3));
        // Up to the step where B has sent: nothing from B is logged yet.
        for (int step = 0; step < 3; ++step) {
            QTRY_VERIFY_WITH_TIMEOUT(controller.isSettled(), lessontest::kStepWaitMs);
            QVERIFY(!controller.timedOut());
            if (step < 2)
                controller.next();
        }
        LessonRuntime &rt = *controller.runtime();
        QCOMPARE(rt.count(LessonRuntime::clientEvent(2, EventKind::Connected)), 1);
        QCOMPARE(rt.dataFrom(2), 0);

        // C waits too; D's SYN finds the queue full. Linux queues backlog + 1 connections
        // (sk_acceptq_is_full: more than the backlog), so with backlog 1: B and C.
        controller.next();
        QTRY_VERIFY_WITH_TIMEOUT(controller.isSettled(), lessontest::kStepWaitMs);
        QVERIFY(!controller.timedOut());
        const auto *facts = controller.current()->factsAs<IterativeFacts>();
        QVERIFY(facts);
        QCOMPARE(facts->backlog, qint64(1));
        QCOMPARE(facts->acceptQueue, qint64(2));
        QVERIFY(facts->waitingInBacklog[0]);
        QVERIFY(facts->waitingInBacklog[1]);
        QVERIFY2(facts->synSent, "D's SYN was not answered: D stays in SYN_SENT");
        QCOMPARE(rt.dataFrom(3), 0);

        while (controller.canGoNext()) {
            controller.next();
            QTRY_VERIFY_WITH_TIMEOUT(controller.isSettled(), lessontest::kStepWaitMs);
            QVERIFY(!controller.timedOut());
        }

        const auto fromA = rt.fromClient(1);
        const auto fromB = rt.fromClient(2);
        const int aLeft = rt.indexOf(
            [&](const SocketEvent &e) { return e.kind == EventKind::Disconnected && fromA(e); });
        const int bFirst = rt.indexOf(
            [&](const SocketEvent &e) { return e.kind == EventKind::Data && fromB(e); });
        QVERIFY(aLeft >= 0);
        QVERIFY2(bFirst > aLeft, "B's first message is logged only after A's disconnect");
        QCOMPARE(rt.dataFrom(3), 1);
        QVERIFY2(controller.outcome().passed, qPrintable(controller.outcome().text));
    }
};

QTEST_MAIN(TestLessonIterative)
#include "tst_lesson_iterative.moc"
