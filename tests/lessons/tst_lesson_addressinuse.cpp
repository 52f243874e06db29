#include "tests/lessons/lessontestsupport.h"

#include <cerrno>

using namespace socketlab;

class TestLessonAddressInUse : public QObject
{
    Q_OBJECT

private slots:
    void reuseAddressAfterTimeWait()
    {
        LessonController controller;
        QVERIFY(lessontest::runToEnd(controller, 8));
        LessonRuntime &rt = *controller.runtime();
        const int failure = rt.indexOf([](const SocketEvent &e) {
            return e.role == Role::Server && e.kind == EventKind::Error && e.call == SysCall::Bind;
        });
        QVERIFY(failure >= 0);
        QCOMPARE(rt.events().at(failure).errnum, EADDRINUSE);
        QCOMPARE(rt.fact(QStringLiteral("plainRestartOk")).toBool(), false);
        QCOMPARE(rt.fact(QStringLiteral("reuseRestartOk")).toBool(), true);
        QVERIFY(rt.fact(QStringLiteral("timeWaitAtRestart")).toInt() > 0);
        QVERIFY(rt.server()->isRunning());
        QCOMPARE(rt.serverPort(), quint16(rt.fact(QStringLiteral("reusePort")).toUInt()));
        QVERIFY2(controller.outcome().passed, qPrintable(controller.outcome().text));
    }
};

QTEST_MAIN(TestLessonAddressInUse)
#include "tst_lesson_addressinuse.moc"
