#include "lessons/lessoncatalog.h"
#include "tests/lessons/lessontestsupport.h"

#include <QSignalSpy>

using namespace socketlab;

class TestLessonController : public QObject
{
    Q_OBJECT

private slots:
    void catalogue()
    {
        LessonController controller;
        QCOMPARE(controller.lessonCount(), LessonCatalog::count());
        QVERIFY(controller.lessonCount() >= 9);
        for (int i = 0; i < controller.lessonCount(); ++i) {
            const LessonScript *lesson = controller.lesson(i);
            QVERIFY(!lesson->title.isEmpty());
            QVERIFY(lesson->outcome);
            const CodeListing &code = lesson->listing;
            for (const LessonStep &step : lesson->steps) {
                QVERIFY(!step.title.isEmpty() && !step.explanation.isEmpty()
                        && !step.observe.isEmpty());
                QVERIFY(code.cLine(step.anchor) < code.c.size());
                QVERIFY(code.pythonLine(step.anchor) < code.python.size());
            }
        }
        QVERIFY(!controller.lesson(controller.lessonCount()));
    }

    void nextWaitsForTheStepToSettle()
    {
        LessonController controller;
        controller.setLesson(lessontest::lessonIndex(3));
        QTRY_VERIFY(controller.isSettled());
        controller.next();
        controller.next(); // step 1 has not settled yet: ignored
        QCOMPARE(controller.currentStep(), 1);
        QTRY_VERIFY(controller.isSettled());
        QCOMPARE(controller.currentStep(), 1);
    }

    void backReplaysFromTheStart()
    {
        LessonController controller;
        controller.setLesson(lessontest::lessonIndex(1));
        for (int i = 0; i < 3; ++i) {
            QTRY_VERIFY(controller.isSettled());
            controller.next();
        }
        QTRY_VERIFY(controller.isSettled());
        QCOMPARE(controller.currentStep(), 3);
        QSignalSpy settled(&controller, &LessonController::stepSettled);
        controller.back();
        QTRY_COMPARE(settled.size(), 1);
        QCOMPARE(settled.at(0).at(0).toInt(), 2);
        QCOMPARE(controller.currentStep(), 2);
        // A fresh run: A sent once (step 3 of the old run is gone), B not at all.
        const LessonRuntime &rt = *controller.runtime();
        QCOMPARE(rt.dataFrom(1), 1);
        QCOMPARE(rt.dataFrom(2), 0);
        QCOMPARE(rt.count(LessonRuntime::serverEvent(EventKind::Listening)), 1);
    }

    void switchingLessonsDuringAReplay()
    {
        LessonController controller;
        controller.setLesson(lessontest::lessonIndex(1));
        for (int i = 0; i < 3; ++i) {
            QTRY_VERIFY(controller.isSettled());
            controller.next();
        }
        QTRY_VERIFY(controller.isSettled());
        controller.back(); // replays steps 1 and 2...
        controller.setLesson(lessontest::lessonIndex(8)); // ...but the class moved on
        QTRY_VERIFY(controller.isSettled());
        QTest::qWait(100);
        QCOMPARE(controller.currentLesson(), 7);
        QCOMPARE(controller.currentStep(), 0);
        QCOMPARE(controller.runtime()->count(LessonRuntime::clientEvent(2, EventKind::Sent)), 0);
    }

    void restartAndSwitchLessons()
    {
        LessonController controller;
        controller.setLesson(lessontest::lessonIndex(2));
        QTRY_VERIFY(controller.isSettled());
        controller.next();
        QTRY_VERIFY(controller.isSettled());
        controller.restart();
        QCOMPARE(controller.currentStep(), 0);
        QTRY_VERIFY(controller.isSettled());
        controller.setLesson(lessontest::lessonIndex(7));
        QCOMPARE(controller.currentLesson(), 6);
        QCOMPARE(controller.currentStep(), 0);
        QVERIFY(!controller.runtime()->server()->isRunning());
    }
};

QTEST_MAIN(TestLessonController)
#include "tst_lesson_controller.moc"
