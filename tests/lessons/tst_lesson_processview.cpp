#include "ui/lessons/processview.h"

#include <QPersistentModelIndex>
#include <QTest>
#include <QTreeWidget>

using namespace socketlab;

namespace {
SocketEvent listening()
{
    SocketEvent e(EventKind::Listening, Role::Server);
    e.local = QStringLiteral("127.0.0.1:5000");
    e.concurrency = Concurrency::Thread;
    return e;
}

// A handler thread took a client; tid is a real thread of this process, so /proc knows it.
SocketEvent connected(qint64 tid, const QString &peer)
{
    SocketEvent e(EventKind::Connected, Role::Server);
    e.handler = HandlerKind::Thread;
    e.tid = tid;
    e.peer = peer;
    return e;
}

SocketEvent exited(qint64 tid)
{
    SocketEvent e(EventKind::HandlerExited, Role::Server);
    e.handler = HandlerKind::Thread;
    e.tid = tid;
    return e;
}

QString cell(const QPersistentModelIndex &row, int column)
{
    return QModelIndex(row).siblingAtColumn(column).data().toString();
}

constexpr int kTidColumn = 2;
constexpr int kStateColumn = 3;
constexpr int kClientColumn = 4;
} // namespace

class TestLessonProcessView : public QObject
{
    Q_OBJECT

private slots:
    // A batch (or the view's own refresh) updates the rows that changed and keeps the others:
    // a selected row stays selected and a persistent index stays on its row (the old view
    // cleared the tree on every batch and every 300 ms).
    void rowsKeepTheirIdentityAcrossBatches()
    {
        ProcessView view;
        view.resize(600, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *tree = view.findChild<QTreeWidget *>();
        QVERIFY(tree);
        const qint64 self = currentThreadId();
        SocketEvents events {listening(), connected(self, QStringLiteral("127.0.0.1:40001"))};
        view.setEvents(events);
        QCOMPARE(tree->topLevelItemCount(), 1);
        const QModelIndex top = tree->model()->index(0, 0);
        QCOMPARE(tree->model()->rowCount(top), 1);
        const QPersistentModelIndex first(tree->model()->index(0, 0, top));
        QCOMPARE(cell(first, kTidColumn), QString::number(self));
        QVERIFY(cell(first, kStateColumn) != ProcessView::tr("finished"));
        tree->setCurrentIndex(first);

        // A second client: one row more, the first where it was.
        events << connected(self + 1000000, QStringLiteral("127.0.0.1:40002"));
        view.setEvents(events);
        QVERIFY(first.isValid());
        QCOMPARE(tree->model()->rowCount(top), 2);
        QCOMPARE(cell(first, kClientColumn), QStringLiteral("127.0.0.1:40001"));
        QCOMPARE(tree->currentIndex(), QModelIndex(first));
        const QPersistentModelIndex second(tree->model()->index(1, 0, top));
        QCOMPARE(cell(second, kClientColumn), QStringLiteral("127.0.0.1:40002"));

        // The refresh from /proc changes nothing that did not change.
        view.refresh();
        QVERIFY(first.isValid() && second.isValid());
        QCOMPARE(tree->currentIndex(), QModelIndex(first));

        // The first handler ends: its row says so, in place.
        events << exited(self);
        view.setEvents(events);
        QVERIFY(first.isValid());
        QCOMPARE(cell(first, kStateColumn), ProcessView::tr("finished"));
        QCOMPARE(tree->currentIndex(), QModelIndex(first));

        // A new server run: the handlers of the earlier one go, the process row stays.
        const QPersistentModelIndex process(top);
        events << listening();
        view.setEvents(events);
        QVERIFY(process.isValid());
        QCOMPARE(tree->model()->rowCount(process), 0);
        QVERIFY(!first.isValid());
    }
};

QTEST_MAIN(TestLessonProcessView)
#include "tst_lesson_processview.moc"
