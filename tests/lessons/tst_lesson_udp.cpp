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
        QCOMPARE(peers.size(), 2);
        QCOMPARE(rt.dataFrom(1), 2);
        QCOMPARE(rt.dataFrom(2), 1);
        QCOMPARE(rt.count(LessonRuntime::serverEvent(EventKind::Connected)), 0);
        QVERIFY2(controller.outcome().passed, qPrintable(controller.outcome().text));
    }
};

QTEST_MAIN(TestLessonUdp)
#include "tst_lesson_udp.moc"
