#include "tests/lessons/lessontestsupport.h"

#include "core/procstat.h"
#include "lessons/kernelsockets.h"
#include "lessons/lessons.h"

#include <QSet>

using namespace socketlab;

class TestLessonFork : public QObject
{
    Q_OBJECT

private slots:
    void childrenReapedAndZombieShown()
    {
        LessonController controller;
        QVERIFY(lessontest::runToEnd(controller, 4));
        const LessonRuntime &rt = *controller.runtime();
        QList<qint64> pids;
        for (const SocketEvent &e : rt.events()) {
            if (e.role == Role::Server && e.kind == EventKind::Call && e.call == SysCall::Fork)
                pids << e.result;
        }
        QCOMPARE(pids.size(), 4);
        QCOMPARE(QSet<qint64>(pids.cbegin(), pids.cend()).size(), 4);
        // With reaping off the third child was seen as a zombie...
        const auto *facts = controller.current()->factsAs<ForkFacts>();
        QVERIFY(facts);
        QCOMPARE(facts->zombie, pids.at(2));
        // ...and at the end no child is left, zombie or not.
        for (qint64 pid : pids)
            QTRY_COMPARE_WITH_TIMEOUT(ProcStat::process(pid).state, ProcState::Gone,
                                      lessontest::kStepWaitMs);
        QCOMPARE(rt.count(LessonRuntime::serverEvent(EventKind::HandlerExited)), 4);
        // The last server's parent forgot close(c): E's child exited, yet the kernel showed
        // the connection half closed, FIN_WAIT2 at E and CLOSE_WAIT at the server.
        QVERIFY(facts->closeWait);
        QVERIFY(KernelSockets::halfClosed(rt, 5));
        QVERIFY2(controller.outcome().passed, qPrintable(controller.outcome().text));
    }

    void switchIsOnForEachNewLesson()
    {
        LessonController controller;
        controller.setLesson(lessontest::lessonIndex(4));
        QVERIFY(!controller.current()->switchText.isEmpty());
        QVERIFY(controller.switchOn());
        controller.setSwitchOn(false);
        QCOMPARE(controller.currentStep(), 0);
        QVERIFY(!controller.switchOn());
        controller.setLesson(lessontest::lessonIndex(3));
        QVERIFY(controller.current()->switchText.isEmpty());
        QVERIFY(controller.switchOn());
    }

    void reapingOffLeavesAZombieUntilStop()
    {
        LessonController controller;
        controller.setLesson(lessontest::lessonIndex(4));
        controller.setSwitchOn(false);
        for (int step = 0; step < 3; ++step) {
            QTRY_VERIFY_WITH_TIMEOUT(controller.isSettled(), lessontest::kStepWaitMs);
            QVERIFY(!controller.timedOut());
            if (step < 2)
                controller.next();
        }
        LessonRuntime &rt = *controller.runtime();
        const auto *facts = controller.current()->factsAs<ForkFacts>();
        QVERIFY(facts);
        const qint64 zombie = facts->firstZombie;
        QVERIFY(zombie > 0);
        QCOMPARE(ProcStat::process(zombie).state, ProcState::Zombie);
        QCOMPARE(rt.count(LessonRuntime::serverEvent(EventKind::HandlerExited)), 0);
        while (controller.canGoNext() || !controller.isSettled()) {
            QTRY_VERIFY_WITH_TIMEOUT(controller.isSettled(), lessontest::kStepWaitMs);
            if (!controller.canGoNext())
                break;
            controller.next();
        }
        QCOMPARE(ProcStat::process(zombie).state, ProcState::Gone);
        QVERIFY2(controller.outcome().passed, qPrintable(controller.outcome().text));
    }
};

QTEST_MAIN(TestLessonFork)
#include "tst_lesson_fork.moc"
