#include "lessontestsupport.h"

#include "procstat.h"

#include <QSet>

using namespace socketlab;

class TestLessonFork : public QObject
{
    Q_OBJECT

private slots:
    void childrenReapedAndZombieShown()
    {
        LessonController controller;
        QVERIFY(lessontest::runToEnd(controller, 4));
        const LessonRuntime &rt = *controller.runtime();
        QList<qint64> pids;
        for (const SocketEvent &e : rt.events()) {
            if (e.role == Role::Server && e.kind == EventKind::Call && e.call == QLatin1String("fork"))
                pids << e.result;
        }
        QCOMPARE(pids.size(), 3);
        QCOMPARE(QSet<qint64>(pids.cbegin(), pids.cend()).size(), 3);
        // With reaping off the third child was seen as a zombie...
        QCOMPARE(rt.fact(QStringLiteral("zombie")).toLongLong(), pids.last());
        // ...and at the end no child is left, zombie or not.
        for (qint64 pid : pids)
            QCOMPARE(ProcStat::process(pid).state, ProcState::Gone);
        QCOMPARE(rt.count(LessonRuntime::serverEvent(EventKind::HandlerExited)), 3);
        QVERIFY2(controller.outcome().passed, qPrintable(controller.outcome().text));
    }
};

QTEST_MAIN(TestLessonFork)
#include "tst_lesson_fork.moc"
