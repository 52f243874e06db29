#include "lessons/lessons.h"
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
        const auto *facts = controller.current()->factsAs<AddressInUseFacts>();
        QVERIFY(facts);
        QCOMPARE(facts->plainRestartOk, false);
        QCOMPARE(facts->reuseRestartOk, true);
        QVERIFY(facts->timeWaitAtRestart > 0);
        // The kernel's sample listed the TIME_WAIT socket that held the port: the server's
        // side (it closed first), local port the plain server's.
        QVERIFY(!facts->timeWaitSockets.isEmpty());
        const QString expected = QStringLiteral("127.0.0.1:%1 - ").arg(facts->plainPort);
        QVERIFY2(facts->timeWaitSockets.first().startsWith(expected),
                 qPrintable(facts->timeWaitSockets.join(QLatin1Char(','))));
        QVERIFY(rt.server()->isRunning());
        QCOMPARE(rt.serverPort(), facts->reusePort);
        QVERIFY2(controller.outcome().passed, qPrintable(controller.outcome().text));
    }
};

QTEST_MAIN(TestLessonAddressInUse)
#include "tst_lesson_addressinuse.moc"
