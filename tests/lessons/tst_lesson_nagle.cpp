#include "lessons/lessons.h"
#include "tests/lessons/lessontestsupport.h"

using namespace socketlab;

// Never asserts a figure: what the delays are depends on the machine; only that both were
// measured, shown, and that the second client really set TCP_NODELAY.
class TestLessonNagle : public QObject
{
    Q_OBJECT

private slots:
    void measuresBothDelays()
    {
        LessonController controller;
        QVERIFY(lessontest::runToEnd(controller, 11));
        const NagleFacts *facts = controller.current()->factsAs<NagleFacts>();
        QVERIFY(facts);
        QVERIFY(facts->nagleUs >= 0);
        QVERIFY(facts->noDelayUs >= 0);
        qInfo("measured: %lld us with Nagle, %lld us with TCP_NODELAY", facts->nagleUs,
              facts->noDelayUs);

        const LessonRuntime &rt = *controller.runtime();
        // The nodelay run traced setsockopt(TCP_NODELAY), and only that client did.
        QVERIFY(facts->noDelayTraced);
        const auto nodelay = [](int n) {
            return [n](const SocketEvent &e) {
                return e.role == Role::Client && e.connectionId == quint64(n)
                    && e.kind == EventKind::Call && e.call == SysCall::Setsockopt
                    && e.args.contains(QLatin1String("TCP_NODELAY"));
            };
        };
        QCOMPARE(rt.count(nodelay(1)), 0);
        QCOMPARE(rt.count(nodelay(2)), 1);
        // Each request came back whole, in one reply per line.
        for (int n = 1; n <= 2; ++n) {
            QStringList replies;
            for (const SocketEvent &e : rt.events()) {
                if (e.role == Role::Client && e.connectionId == quint64(n)
                    && e.kind == EventKind::Received)
                    replies << QString::fromUtf8(e.payload);
            }
            QCOMPARE(replies.join(QString()), QStringLiteral("hello\nGET /index.html\n"));
        }
        // The outcome says both figures.
        const LessonOutcome outcome = controller.outcome();
        QVERIFY2(outcome.passed, qPrintable(outcome.text));
        QVERIFY2(!outcome.text.contains(QLatin1String("not measured")), qPrintable(outcome.text));
        QCOMPARE(outcome.text.count(QLatin1String(" ms")), 2);
    }
};

QTEST_MAIN(TestLessonNagle)
#include "tst_lesson_nagle.moc"
