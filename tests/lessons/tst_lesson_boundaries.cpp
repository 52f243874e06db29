#include "tests/lessons/lessontestsupport.h"

using namespace socketlab;

class TestLessonBoundaries : public QObject
{
    Q_OBJECT

private slots:
    void streamVersusDatagrams()
    {
        LessonController controller;
        QVERIFY(lessontest::runToEnd(controller, 6));
        const LessonRuntime &rt = *controller.runtime();
        QByteArray stream;
        QList<QByteArray> datagrams;
        for (const SocketEvent &e : rt.events()) {
            if (e.role != Role::Server || e.kind != EventKind::Data)
                continue;
            if (e.protocol == Protocol::Tcp)
                stream += e.payload;
            else
                datagrams << e.payload;
        }
        QCOMPARE(stream, QByteArrayLiteral("onetwothree"));
        QCOMPARE(rt.bytesFrom(1), 11);
        QVERIFY(rt.dataFrom(1) >= 1 && rt.dataFrom(1) <= 3);
        QCOMPARE(datagrams, (QList<QByteArray> {"one", "two", "three"}));
        QVERIFY2(controller.outcome().passed, qPrintable(controller.outcome().text));
    }
};

QTEST_MAIN(TestLessonBoundaries)
#include "tst_lesson_boundaries.moc"
