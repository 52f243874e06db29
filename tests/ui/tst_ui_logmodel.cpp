#include "ui/logexporter.h"
#include "ui/logmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace socketlab;

namespace {
SocketEvent dataEvent(quint64 id, const QByteArray &payload)
{
    SocketEvent event(EventKind::Data, Role::Server);
    event.connectionId = id;
    event.peer = QStringLiteral("127.0.0.1:%1").arg(40000 + id);
    event.payload = payload;
    event.bytes = payload.size();
    return event;
}

SocketEvents batch(int count, int firstNumber = 0)
{
    SocketEvents events;
    for (int i = 0; i < count; ++i)
        events << dataEvent(quint64(1 + i % 3), QByteArray::number(firstNumber + i));
    return events;
}
} // namespace

class TestLogModel : public QObject
{
    Q_OBJECT

private slots:
    void appendsBatchesOldestFirst();
    void skipsCalls();
    void capDropsOldestRows_data();
    void capDropsOldestRows();
    void shrinkingTheCap();
    void payloadIsPlainEscapedText();
    void peerColorFollowsClientPane();
    void clearResetsDroppedCount();
    void exportWritesWhatTheTableHolds_data();
    void exportWritesWhatTheTableHolds();
    void csvQuotesFields();
};

void TestLogModel::appendsBatchesOldestFirst()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.appendEvents(batch(10));
    model.appendEvents(batch(5, 10));
    QCOMPARE(model.rowCount(), 15);
    // One insertion per batch, with an inclusive last row.
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 9);
    QCOMPARE(inserted.at(1).at(1).toInt(), 10);
    QCOMPARE(inserted.at(1).at(2).toInt(), 14);
    QCOMPARE(model.index(0, LogModel::MessageColumn).data().toString(), QStringLiteral("0"));
    QCOMPARE(model.index(14, LogModel::MessageColumn).data().toString(), QStringLiteral("14"));
    QCOMPARE(model.index(0, LogModel::ClientColumn).data().toString(), QStringLiteral("127.0.0.1:40001"));
}

void TestLogModel::skipsCalls()
{
    LogModel model;
    SocketEvents events = batch(2);
    SocketEvent call(EventKind::Call, Role::Server);
    call.call = SysCall::Recv;
    events.insert(1, call);
    model.appendEvents(events);
    QCOMPARE(model.rowCount(), 2);
    model.appendEvents({call});
    QCOMPARE(model.rowCount(), 2);
}

void TestLogModel::capDropsOldestRows_data()
{
    QTest::addColumn<int>("cap");
    QTest::addColumn<QList<int>>("batches");
    QTest::newRow("small batches") << 50 << QList<int>{20, 20, 20, 20};
    QTest::newRow("one batch over the cap") << 50 << QList<int>{10, 120};
    QTest::newRow("exactly the cap") << 50 << QList<int>{50, 1};
    QTest::newRow("a flood") << 5000 << QList<int>{3000, 30000, 7};
}

void TestLogModel::capDropsOldestRows()
{
    QFETCH(int, cap);
    QFETCH(QList<int>, batches);
    LogModel model;
    model.setRowCap(cap);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy dropped(&model, &LogModel::droppedRowsChanged);
    int total = 0;
    for (int size : batches) {
        model.appendEvents(batch(size, total));
        total += size;
        QVERIFY(model.rowCount() <= cap);
    }
    const int kept = qMin(total, cap);
    QCOMPARE(model.rowCount(), kept);
    QCOMPARE(model.droppedRows(), qint64(total - kept));
    if (total > cap)
        QCOMPARE(dropped.last().at(0).toLongLong(), qint64(total - kept));
    // The newest rows are the ones kept, in order.
    QCOMPARE(model.index(kept - 1, LogModel::MessageColumn).data().toString(),
             QString::number(total - 1));
    QCOMPARE(model.index(0, LogModel::MessageColumn).data().toString(),
             QString::number(total - kept));
    // The row numbers in the vertical header count the dropped rows too.
    QCOMPARE(model.headerData(0, Qt::Vertical, Qt::DisplayRole).toLongLong(), qint64(total - kept + 1));
}

void TestLogModel::shrinkingTheCap()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendEvents(batch(30));
    model.setRowCap(10);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.droppedRows(), qint64(20));
    QCOMPARE(model.index(0, LogModel::MessageColumn).data().toString(), QStringLiteral("20"));
}

void TestLogModel::payloadIsPlainEscapedText()
{
    LogModel model;
    model.appendEvents({dataEvent(1, QByteArray("<b>hi</b>\n\xff", 11))});
    const QString text = model.index(0, LogModel::MessageColumn).data().toString();
    QCOMPARE(text, QStringLiteral("<b>hi</b>\\n\\xff"));
    QCOMPARE(model.index(0, LogModel::HexColumn).data().toString().isEmpty(), false);
}

void TestLogModel::peerColorFollowsClientPane()
{
    LogModel model;
    model.appendEvents({dataEvent(1, "a"), dataEvent(2, "b")});
    const QVariant before = model.index(0, 0).data(Qt::BackgroundRole);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setPeerColor(QStringLiteral("127.0.0.1:40001"), 2);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.colorIdFor(model.eventAt(0)), quint64(2));
    QCOMPARE(model.index(0, 0).data(Qt::BackgroundRole), model.index(1, 0).data(Qt::BackgroundRole));
    QVERIFY(before != model.index(0, 0).data(Qt::BackgroundRole));
}

void TestLogModel::clearResetsDroppedCount()
{
    LogModel model;
    model.setRowCap(5);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendEvents(batch(8));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.droppedRows(), qint64(0));
}

void TestLogModel::exportWritesWhatTheTableHolds_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("separator");
    QTest::newRow("csv") << QStringLiteral("log.csv") << QStringLiteral(",");
    QTest::newRow("text") << QStringLiteral("log.txt") << QStringLiteral("\t");
}

void TestLogModel::exportWritesWhatTheTableHolds()
{
    QFETCH(QString, fileName);
    QFETCH(QString, separator);
    LogModel model;
    model.setRowCap(4);
    model.appendEvents(batch(6));
    QTemporaryDir dir;
    const QString path = dir.filePath(fileName);
    const QList<int> columns = {LogModel::ClientColumn, LogModel::EventColumn, LogModel::MessageColumn};
    QString error;
    QVERIFY2(LogExporter::write(&model, path, LogExporter::formatForPath(path), columns, &error),
             qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), model.rowCount() + 1);
    QCOMPARE(lines.first(), QStringList({QStringLiteral("Client address"), QStringLiteral("Event"),
                                         QStringLiteral("Message")}).join(separator));
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column : columns)
            cells << model.index(row, column).data().toString();
        QCOMPARE(lines.at(row + 1), cells.join(separator));
    }
}

void TestLogModel::csvQuotesFields()
{
    QCOMPARE(LogExporter::csvField(QStringLiteral("plain")), QStringLiteral("plain"));
    QCOMPARE(LogExporter::csvField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
    QCOMPARE(LogExporter::csvField(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
}

QTEST_GUILESS_MAIN(TestLogModel)
#include "tst_ui_logmodel.moc"
