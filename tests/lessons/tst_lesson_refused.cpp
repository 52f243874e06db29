#include "tests/lessons/lessontestsupport.h"

#include <cerrno>

using namespace socketlab;

class TestLessonRefused : public QObject
{
    Q_OBJECT

private slots:
    void refusedVersusSilent()
    {
        LessonController controller;
        QVERIFY(lessontest::runToEnd(controller, 7));
        const LessonRuntime &rt = *controller.runtime();
        const int refused = rt.indexOf([](const SocketEvent &e) {
            return e.role == Role::Client && e.kind == EventKind::Error
                && e.call == SysCall::Connect;
        });
        QVERIFY(refused >= 0);
        QCOMPARE(rt.events().at(refused).errnum, ECONNREFUSED);
        const int sent = rt.indexOf([](const SocketEvent &e) {
            return e.role == Role::Client && e.kind == EventKind::Call && e.call == SysCall::Sendto;
        });
        QVERIFY(sent >= 0);
        QCOMPARE(rt.events().at(sent).result, 7);
        QCOMPARE(rt.events().at(sent).errnum, 0);
        QVERIFY(rt.server()->isRunning());
        QCOMPARE(rt.count(LessonRuntime::serverEvent(EventKind::Data)), 0);
        QCOMPARE(rt.count(LessonRuntime::serverEvent(EventKind::Error)), 0);
        QVERIFY2(controller.outcome().passed, qPrintable(controller.outcome().text));
    }
};

QTEST_MAIN(TestLessonRefused)
#include "tst_lesson_refused.moc"
