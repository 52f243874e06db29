#include "lessons/lessons.h"
#include "tests/lessons/lessontestsupport.h"

#include <cerrno>

using namespace socketlab;

class TestLessonClosing : public QObject
{
    Q_OBJECT

private slots:
    void finHalfCloseAndReset()
    {
        LessonController controller;
        QVERIFY(lessontest::runToEnd(controller, 10));
        const ClosingFacts *facts = controller.current()->factsAs<ClosingFacts>();
        QVERIFY(facts);
        const LessonRuntime &rt = *controller.runtime();

        // A's normal close: the server's recv() returned 0, not an error.
        QVERIFY(facts->recvZero);
        // B's half-close: traced as shutdown(), and the reply arrived after it.
        QVERIFY(rt.count([](const SocketEvent &e) {
            return e.role == Role::Client && e.connectionId == 2 && e.kind == EventKind::Call
                && e.call == SysCall::Shutdown && e.result == 0;
        }) == 1);
        QVERIFY(facts->replyAfterHalfClose);
        QCOMPARE(rt.count(LessonRuntime::clientEvent(2, EventKind::Received)), 1);
        // C's reset: traced SO_LINGER, and the server's call failed with ECONNRESET.
        QVERIFY(rt.count([](const SocketEvent &e) {
            return e.role == Role::Client && e.connectionId == 3 && e.kind == EventKind::Call
                && e.call == SysCall::Setsockopt && e.args.contains(QLatin1String("SO_LINGER"));
        }) == 1);
        QCOMPARE(facts->resetErrno, ECONNRESET);
        // The kernel's table: the clients that closed first (A, B) wait in TIME_WAIT, the
        // reset C does not, nor does any socket of the server.
        QVERIFY(facts->kernelRead);
        QCOMPARE(facts->timeWait, (QSet<int> {1, 2}));
        QCOMPARE(facts->serverTimeWait, 0);
        QVERIFY2(controller.outcome().passed, qPrintable(controller.outcome().text));
    }
};

QTEST_MAIN(TestLessonClosing)
#include "tst_lesson_closing.moc"
