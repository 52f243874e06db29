#include "lessons/kernelsockets.h"
#include "lessons/lessoncatalog.h"
#include "lessons/lessons.h"
#include "tests/lessons/lessontestsupport.h"

using namespace socketlab;

class TestLessonFlowControl : public QObject
{
    Q_OBJECT

private slots:
    // Recv-Q first, then Send-Q, then a send() that does not return, then both drain: in
    // that order of the kernel's samples, whatever the timing.
    void queuesFillThenDrain()
    {
        LessonController controller;
        // The lesson is the catalogue's last.
        QVERIFY(lessontest::runToEnd(controller, LessonCatalog::count()));
        const auto *facts = controller.current()->factsAs<FlowControlFacts>();
        QVERIFY(facts);
        QVERIFY(facts->recvQAt > 0);
        QVERIFY(facts->recvQAlone >= 1000);
        QVERIFY2(facts->sendQAt > facts->recvQAt, "the Send-Q grows after the Recv-Q");
        QVERIFY(facts->recvQFull > facts->recvQAlone);
        QVERIFY(facts->sendQ > 0);
        QVERIFY2(facts->blockedAt > facts->sendQAt, "send() blocks after the Send-Q filled");
        QVERIFY(!facts->returnedEarly);
        QVERIFY(facts->blockedSendQ >= facts->sendQ);
        QVERIFY(facts->blockedRecvQ >= facts->recvQFull);
        QVERIFY2(facts->drainedAt > facts->blockedAt, "everything drains after the server reads");
        QCOMPARE(facts->received, qint64(1000 + 6000 + 64 * 1024));

        // The plot's history saw it too: the first Send-Q above 0 came with a filled Recv-Q.
        const QVector<QueuePoint> points = KernelSockets::queueHistory(*controller.runtime(), 1);
        const auto firstSendQ = std::find_if(points.cbegin(), points.cend(),
                                             [](const QueuePoint &p) { return p.sendQ > 0; });
        QVERIFY(firstSendQ != points.cend());
        QVERIFY(firstSendQ->recvQ >= facts->recvQAlone);
        QCOMPARE(points.last().recvQ, qint64(0));
        QCOMPARE(points.last().sendQ, qint64(0));
        QVERIFY2(controller.outcome().passed, qPrintable(controller.outcome().text));
    }
};

QTEST_MAIN(TestLessonFlowControl)
#include "tst_lesson_flowcontrol.moc"
