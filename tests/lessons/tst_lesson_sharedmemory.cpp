#include "lessons/kernelsockets.h"
#include "lessons/lessons.h"
#include "tests/lessons/lessontestsupport.h"

using namespace socketlab;

class TestLessonSharedMemory : public QObject
{
    Q_OBJECT

private slots:
    void threadsShareForkCopies()
    {
        LessonController controller;
        QVERIFY(lessontest::runToEnd(controller, 5));
        const LessonRuntime &rt = *controller.runtime();
        QList<qint64> threadValues;
        QList<qint64> childValues;
        QSet<qint64> threadIds;
        for (const SocketEvent &e : rt.events()) {
            if (e.kind != EventKind::CounterIncremented)
                continue;
            if (e.handler == HandlerKind::Thread) {
                threadValues << e.result;
                threadIds << e.tid;
            } else {
                childValues << e.result;
            }
        }
        std::sort(threadValues.begin(), threadValues.end());
        QCOMPARE(threadValues, (QList<qint64> {1, 2, 3}));
        QCOMPARE(threadIds.size(), 3);
        const auto *facts = controller.current()->factsAs<SharedMemoryFacts>();
        QVERIFY(facts);
        QCOMPARE(facts->threadCounter, qint64(3));
        QCOMPARE(childValues, (QList<qint64> {1, 1, 1}));
        QCOMPARE(facts->parentCounter, qint64(0));
        QCOMPARE(rt.server()->sharedCounter(), 0);
        // The last step's handler thread forgot close(): the kernel showed G's connection
        // half closed, FIN_WAIT2 at G and CLOSE_WAIT at the server.
        QVERIFY(facts->closeWait);
        QVERIFY(KernelSockets::halfClosed(rt, 7));
        QVERIFY2(controller.outcome().passed, qPrintable(controller.outcome().text));
    }
};

QTEST_MAIN(TestLessonSharedMemory)
#include "tst_lesson_sharedmemory.moc"
