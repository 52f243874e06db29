#include "core/eventformatter.h"
#include "lessons/lessons.h"
#include "lessons/sequencemodel.h"
#include "tests/lessons/lessontestsupport.h"

#include <QSet>

using namespace socketlab;

class TestLessonUdp : public QObject
{
    Q_OBJECT

private slots:
    void eachSenderLoggedByAddress()
    {
        LessonController controller;
        QVERIFY(lessontest::runToEnd(controller, 1));
        const LessonRuntime &rt = *controller.runtime();
        QSet<QString> peers;
        for (const SocketEvent &e : rt.events()) {
            if (e.role == Role::Server && e.kind == EventKind::Data)
                peers.insert(e.peer);
        }
        QCOMPARE(peers.size(), 3); // A, B and the last step's C
        QCOMPARE(rt.dataFrom(1), 2);
        QCOMPARE(rt.dataFrom(2), 1);
        QCOMPARE(rt.count(LessonRuntime::serverEvent(EventKind::Connected)), 0);
        QVERIFY2(controller.outcome().passed, qPrintable(controller.outcome().text));
    }

    // Step 5: A's 2,000-byte datagram against the recipe's 1,024-byte buffer is shown at
    // its real size and said to be truncated, not passed off as 1,024 bytes.
    void longDatagramSaysItWasTruncated()
    {
        LessonController controller;
        QVERIFY(lessontest::runToEnd(controller, 1));
        int truncated = 0;
        for (const SocketEvent &e : controller.runtime()->events()) {
            if (e.role != Role::Server || e.kind != EventKind::Data || !e.truncated)
                continue;
            ++truncated;
            QCOMPARE(e.bytes, qint64(2000));
            QCOMPARE(e.keptBytes, qint64(1024));
            QCOMPARE(e.payload.size(), 1024);
            QVERIFY(EventFormatter::describe(e).contains(QLatin1String("1,024")));
        }
        QCOMPARE(truncated, 1);
    }

    // The last step: C's flood at a paused server with a small buffer. Every datagram sent is
    // either received or counted as dropped by the kernel, and some were dropped.
    void floodDropsWhatDoesNotFit()
    {
        LessonController controller;
        QVERIFY(lessontest::runToEnd(controller, 1));
        const UdpFacts *facts = controller.current()->factsAs<UdpFacts>();
        QVERIFY(facts);
        QCOMPARE(facts->sent, 100);
        QCOMPARE(facts->received + facts->dropped, qint64(facts->sent));
        QVERIFY2(facts->dropped > 0, qPrintable(controller.outcome().text));
        const ServerTotals totals = controller.runtime()->server()->totals();
        QCOMPARE(totals.messages, facts->received);
        QCOMPARE(totals.dropped, facts->dropped);
        // The live totals lead the events a little.
        QTRY_COMPARE_WITH_TIMEOUT(controller.runtime()->dataFrom(3), int(facts->received),
                                  lessontest::kStepWaitMs);
        QVERIFY2(controller.outcome().text.contains(QString::number(facts->dropped)),
                 qPrintable(controller.outcome().text));
    }

    // The diagram names the calls UDP makes: the events say which call moved the bytes.
    void diagramSaysRecvfromAndSendto()
    {
        LessonController controller;
        QVERIFY(lessontest::runToEnd(controller, 1));
        // The flood's datagrams: each sent is an arrow, each received a recvfrom().
        const UdpFacts *facts = controller.current()->factsAs<UdpFacts>();
        QTRY_COMPARE_WITH_TIMEOUT(controller.runtime()->dataFrom(3), int(facts->received),
                                  lessontest::kStepWaitMs);
        for (const SocketEvent &e : controller.runtime()->events()) {
            if (e.kind == EventKind::Data || e.kind == EventKind::Received)
                QCOMPARE(e.call, SysCall::Recvfrom);
            else if (e.kind == EventKind::Sent)
                QCOMPARE(e.call, SysCall::Sendto);
        }
        SequenceModel model;
        model.setEvents(controller.runtime()->events());
        int recvfrom = 0;
        int sendto = 0;
        for (const SequenceItem &item : model.items()) {
            QVERIFY2(!item.label.contains(QLatin1String("recv()"))
                         && !item.label.contains(QLatin1String("send()")),
                     qPrintable(item.label));
            recvfrom += item.label.startsWith(QLatin1String("recvfrom(): ")) ? 1 : 0;
            sendto += item.isArrow() && item.label.startsWith(QLatin1String("sendto(): ")) ? 1 : 0;
        }
        QCOMPARE(recvfrom, 3 + int(facts->received));
        QCOMPARE(sendto, 3 + facts->sent);
    }
};

QTEST_MAIN(TestLessonUdp)
#include "tst_lesson_udp.moc"
