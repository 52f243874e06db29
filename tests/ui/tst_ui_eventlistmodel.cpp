#include "ui/logexporter.h"
#include "ui/models/colorpalette.h"
#include "ui/models/eventlistmodel.h"

#include <QAbstractItemModelTester>
#include <QHash>

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

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

class TestEventListModel : public QObject
{
    Q_OBJECT

private slots:
    void appendsBatchesOldestFirst();
    void skipsCalls();
    void capDropsOldestRows_data();
    void capDropsOldestRows();
    void shrinkingTheCap();
    void payloadIsPlainEscapedText();
    void truncatedDatagramSaysSo();
    void peerColorFollowsClientPane();
    void clearResetsDroppedCount();
    void filtersByClientRoleAndKind();
    void lineColumnForListViews();
    void languageChangeRetitlesHeaders();
    void exportWritesWhatTheTableHolds_data();
    void exportWritesWhatTheTableHolds();
    void csvQuotesFields();
    void csvGuardsFormulas_data();
    void csvGuardsFormulas();
    void csvForAPortugueseSpreadsheet();
    void binaryPayloadShownAsBinary();
    void capIsFairToQuietConnections();
    void studentFloodIsOneRowPerBurst();
};

void TestEventListModel::appendsBatchesOldestFirst()
{
    EventListModel model;
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
    QCOMPARE(model.index(0, EventListModel::MessageColumn).data().toString(), QStringLiteral("0"));
    QCOMPARE(model.index(14, EventListModel::MessageColumn).data().toString(),
             QStringLiteral("14"));
    QCOMPARE(model.index(0, EventListModel::ClientColumn).data().toString(),
             QStringLiteral("127.0.0.1:40001"));
}

void TestEventListModel::skipsCalls()
{
    EventListModel model;
    SocketEvents events = batch(2);
    SocketEvent call(EventKind::Call, Role::Server);
    call.call = SysCall::Recv;
    events.insert(1, call);
    model.appendEvents(events);
    QCOMPARE(model.rowCount(), 2);
    model.appendEvents({call});
    QCOMPARE(model.rowCount(), 2);
}

void TestEventListModel::capDropsOldestRows_data()
{
    QTest::addColumn<int>("cap");
    QTest::addColumn<QList<int>>("batches");
    QTest::newRow("small batches") << 50 << QList<int> {20, 20, 20, 20};
    QTest::newRow("one batch over the cap") << 50 << QList<int> {10, 120};
    QTest::newRow("exactly the cap") << 50 << QList<int> {50, 1};
    QTest::newRow("a flood") << 5000 << QList<int> {3000, 30000, 7};
}

void TestEventListModel::capDropsOldestRows()
{
    QFETCH(int, cap);
    QFETCH(QList<int>, batches);
    EventListModel model;
    model.setRowCap(cap);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy dropped(&model, &EventListModel::droppedRowsChanged);
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
    // The newest row is kept, and the rows are in order.
    QCOMPARE(model.index(kept - 1, EventListModel::MessageColumn).data().toString(),
             QString::number(total - 1));
    for (int row = 1; row < kept; ++row)
        QVERIFY(model.index(row - 1, EventListModel::MessageColumn).data().toString().toInt()
                < model.index(row, EventListModel::MessageColumn).data().toString().toInt());
    // The cap is fair: the three connections keep shares within one row of each other.
    QHash<quint64, int> share;
    for (int row = 0; row < kept; ++row)
        ++share[model.eventAt(row).connectionId];
    const auto [fewest, most] = std::minmax_element(share.cbegin(), share.cend());
    if (total > cap)
        QVERIFY(*most - *fewest <= 1);
    // The row numbers in the vertical header count the dropped rows too.
    QCOMPARE(model.headerData(0, Qt::Vertical, Qt::DisplayRole).toLongLong(),
             qint64(total - kept + 1));
}

void TestEventListModel::shrinkingTheCap()
{
    EventListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendEvents(batch(30));
    model.setRowCap(10);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.droppedRows(), qint64(20));
    QCOMPARE(model.index(9, EventListModel::MessageColumn).data().toString(), QStringLiteral("29"));
}

void TestEventListModel::payloadIsPlainEscapedText()
{
    EventListModel model;
    model.appendEvents({dataEvent(1, QByteArray("<b>hi</b>\n\xff", 11))});
    const QString text = model.index(0, EventListModel::MessageColumn).data().toString();
    QCOMPARE(text, QStringLiteral("<b>hi</b>\\n\\xff"));
    QCOMPARE(model.index(0, EventListModel::HexColumn).data().toString().isEmpty(), false);
}

// A UDP datagram longer than the buffer: the log's message says its real size and that the
// rest was lost, not just the 1,024 bytes read.
void TestEventListModel::truncatedDatagramSaysSo()
{
    SocketEvent event = dataEvent(1, QByteArray(1024, 'a'));
    event.protocol = Protocol::Udp;
    event.bytes = 2000;
    event.truncated = true;
    event.keptBytes = 1024;
    EventListModel model;
    model.appendEvents({event});
    const QString text = model.index(0, EventListModel::MessageColumn).data().toString();
    QVERIFY2(text.startsWith(QString(1024, 'a')), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("2,000 bytes"))
                 && text.contains(QLatin1String("1,024 bytes"))
                 && text.contains(QLatin1String("truncated")),
             qPrintable(text));
}

void TestEventListModel::peerColorFollowsClientPane()
{
    // Which pane a peer is was decided by the session (tst_labsession); rows follow clientId.
    EventListModel model;
    SocketEvent student = dataEvent(1, "a");
    SocketEvent paneTwo = dataEvent(1, "b");
    paneTwo.clientId = 2;
    SocketEvent alsoPaneTwo = dataEvent(3, "c");
    alsoPaneTwo.clientId = 2;
    model.appendEvents({student, paneTwo, alsoPaneTwo});
    QCOMPARE(model.colorIdFor(model.eventAt(0)), quint64(0));
    QCOMPARE(model.colorIdFor(model.eventAt(1)), quint64(2));
    QCOMPARE(model.index(1, 0).data(Qt::BackgroundRole),
             model.index(2, 0).data(Qt::BackgroundRole));
    // A student has a colour of its own, never a pane's.
    const QVariant studentColor = model.index(0, 0).data(Qt::BackgroundRole);
    QVERIFY(studentColor.isValid());
    QVERIFY(studentColor != model.index(1, 0).data(Qt::BackgroundRole));
    for (quint64 pane = 1; pane <= 7; ++pane)
        QVERIFY(studentColor.value<QColor>() != ColorPalette::tint(pane));
}

void TestEventListModel::clearResetsDroppedCount()
{
    EventListModel model;
    model.setRowCap(5);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendEvents(batch(8));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.droppedRows(), qint64(0));
}

void TestEventListModel::exportWritesWhatTheTableHolds_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("separator");
    QTest::newRow("csv") << QStringLiteral("log.csv") << QStringLiteral(",");
    QTest::newRow("text") << QStringLiteral("log.txt") << QStringLiteral("\t");
}

void TestEventListModel::exportWritesWhatTheTableHolds()
{
    QFETCH(QString, fileName);
    QFETCH(QString, separator);
    EventListModel model;
    model.setRowCap(4);
    model.appendEvents(batch(6));
    QTemporaryDir dir;
    const QString path = dir.filePath(fileName);
    const QList<int> columns = {EventListModel::ClientColumn, EventListModel::EventColumn,
                                EventListModel::MessageColumn};
    QString error;
    QVERIFY2(LogExporter::write(&model, path, LogExporter::formatForPath(path), columns, &error),
             qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines
        = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), model.rowCount() + 1);
    QCOMPARE(lines.first(),
             QStringList({QStringLiteral("Client address"), QStringLiteral("Event"),
                          QStringLiteral("Message")})
                 .join(separator));
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column : columns)
            cells << model.index(row, column).data().toString();
        QCOMPARE(lines.at(row + 1), cells.join(separator));
    }
}

void TestEventListModel::csvQuotesFields()
{
    QCOMPARE(LogExporter::csvField(QStringLiteral("plain")), QStringLiteral("plain"));
    QCOMPARE(LogExporter::csvField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
    QCOMPARE(LogExporter::csvField(QStringLiteral("say \"hi\"")),
             QStringLiteral("\"say \"\"hi\"\"\""));
}

void TestEventListModel::csvGuardsFormulas_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("field");
    QTest::newRow("equals") << QStringLiteral("=HYPERLINK(\"http://x\",\"y\")")
                            << QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    QTest::newRow("plus") << QStringLiteral("+1+1") << QStringLiteral("'+1+1");
    QTest::newRow("minus") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
    QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
    QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
    QTest::newRow("carriage return") << QStringLiteral("\r=1") << QStringLiteral("\"'\r=1\"");
    QTest::newRow("inside is fine") << QStringLiteral("a=b") << QStringLiteral("a=b");
    QTest::newRow("empty") << QString() << QString();
}

// A student's payload must never become a spreadsheet formula.
void TestEventListModel::csvGuardsFormulas()
{
    QFETCH(QString, text);
    QFETCH(QString, field);
    QCOMPARE(LogExporter::csvField(text), field);
}

// pt_BR: UTF-8 with a byte order mark and ";" between fields, as a spreadsheet with a
// decimal comma expects; English keeps ",".
void TestEventListModel::csvForAPortugueseSpreadsheet()
{
    EventListModel model;
    model.appendEvents({dataEvent(1, "ação; 1,5"), dataEvent(2, "=1+1")});
    const QList<int> columns = {EventListModel::ClientColumn, EventListModel::MessageColumn};
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("log.csv"));
    const QLocale before;
    QLocale::setDefault(QLocale(QStringLiteral("pt_BR")));
    QVERIFY(LogExporter::write(&model, path, LogExporter::Format::Csv, columns));
    QLocale::setDefault(before);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QList<QByteArray> lines = bytes.mid(3).split('\n');
    QCOMPARE(lines.at(1), QByteArray("127.0.0.1:40001;\"ação; 1,5\""));
    QCOMPARE(lines.at(2), QByteArray("127.0.0.1:40002;'=1+1"));
    QCOMPARE(LogExporter::csvSeparator(), QLatin1Char(','));
}

// Not mostly text: "binary, N bytes" in the message, the hex in its column and tooltip; text
// stays text.
void TestEventListModel::binaryPayloadShownAsBinary()
{
    QByteArray blob;
    for (int i = 0; i < 300; ++i)
        blob += char((i * 37 + 11) % 256);
    EventListModel model;
    model.appendEvents({dataEvent(1, blob), dataEvent(2, "The quick brown fox")});
    QCOMPARE(model.index(0, EventListModel::MessageColumn).data().toString(),
             QStringLiteral("binary, 300 bytes"));
    const QString hex = model.index(0, EventListModel::HexColumn).data().toString();
    QVERIFY(hex.startsWith(QStringLiteral("0b 30 55")));
    const QString tip
        = model.index(0, EventListModel::MessageColumn).data(Qt::ToolTipRole).toString();
    QVERIFY(tip.contains(QStringLiteral("binary, 300 bytes")));
    QVERIFY(tip.contains(QStringLiteral("0b 30 55")));
    QVERIFY2(tip.contains(QStringLiteral("pre-wrap")), qPrintable(tip)); // wraps, not one line
    QCOMPARE(model.index(1, EventListModel::MessageColumn).data().toString(),
             QStringLiteral("The quick brown fox"));
}

QTEST_GUILESS_MAIN(TestEventListModel)
void TestEventListModel::filtersByClientRoleAndKind()
{
    EventListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    EventListModel::Filter filter;
    filter.clientId = 2;
    filter.role = int(Role::Client);
    filter.kinds = {EventKind::Sent, EventKind::Coalesced};
    model.setFilter(filter);
    model.setRowCap(3);
    SocketEvents events;
    for (int i = 0; i < 6; ++i) {
        SocketEvent sent(EventKind::Sent, Role::Client);
        sent.clientId = 1 + i % 2; // 1, 2, 1, 2, ...
        sent.payload = QByteArray::number(i);
        events << sent;
    }
    SocketEvent serverSide = dataEvent(1, "x");
    serverSide.clientId = 2;
    SocketEvent call(EventKind::Call, Role::Client);
    call.clientId = 2;
    SocketEvent merged(EventKind::Coalesced, Role::Client);
    merged.clientId = 2;
    merged.mergedKind = EventKind::Sent;
    merged.messages = 7;
    events << serverSide << call << merged;
    model.appendEvents(events);
    // Client 2's sends (1, 3, 5) and the merged ones; the cap keeps the newest three.
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.droppedRows(), qint64(1));
    QCOMPARE(model.eventAt(0).payload, QByteArray("3"));
    QCOMPARE(model.eventAt(1).payload, QByteArray("5"));
    QCOMPARE(model.eventAt(2).kind, EventKind::Coalesced);
    QVERIFY(!model.index(2, EventListModel::MessageColumn).data().toString().isEmpty());

    // The default: every client and student, every kind but calls.
    EventListModel all;
    all.appendEvents(events);
    QCOMPARE(all.rowCount(), 8);
}

void TestEventListModel::lineColumnForListViews()
{
    EventListModel model;
    model.setLineFormatter([](const SocketEvent &e) {
        return QStringLiteral("line ") + QString::fromUtf8(e.payload);
    });
    model.appendEvents({dataEvent(1, "<b>a</b>")});
    const QModelIndex line = model.index(0, EventListModel::LineColumn);
    QCOMPARE(line.data().toString(), QStringLiteral("line <b>a</b>"));
    // Never markup: the tooltip shows the tags as text.
    QVERIFY(line.data(Qt::ToolTipRole).toString().contains(QStringLiteral("&lt;b&gt;")));
    QVERIFY(!line.data(Qt::BackgroundRole).isValid());
    EventListModel plain;
    plain.appendEvents({dataEvent(1, "m")});
    QCOMPARE(plain.index(0, EventListModel::LineColumn).data().toString(),
             plain.index(0, EventListModel::MessageColumn).data().toString());
}

void TestEventListModel::languageChangeRetitlesHeaders()
{
    EventListModel model;
    model.appendEvents(batch(2));
    QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
    QSignalSpy cells(&model, &QAbstractItemModel::dataChanged);
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    QCOMPARE(headers.count(), 1);
    QCOMPARE(headers.first().at(0).value<Qt::Orientation>(), Qt::Horizontal);
    QCOMPARE(cells.count(), 1);
}

#include "tst_ui_eventlistmodel.moc"

// One connection's flood gives up its own rows first: the quiet ones keep theirs.
void TestEventListModel::capIsFairToQuietConnections()
{
    EventListModel model;
    model.setRowCap(50);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SocketEvents quiet;
    for (quint64 id = 2; id <= 11; ++id)
        quiet << dataEvent(id, "quiet " + QByteArray::number(id));
    model.appendEvents(quiet);
    for (int round = 0; round < 10; ++round) {
        SocketEvents flood;
        for (int i = 0; i < 40; ++i)
            flood << dataEvent(1, "flood");
        model.appendEvents(flood);
    }
    QCOMPARE(model.rowCount(), 50);
    QCOMPARE(model.droppedRows(), qint64(360));
    int quietRows = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        quietRows += model.eventAt(row).connectionId != 1 ? 1 : 0;
    QCOMPARE(quietRows, 10);
}

// A student's back-to-back messages are one row that counts them (a pane's are not).
void TestEventListModel::studentFloodIsOneRowPerBurst()
{
    EventListModel model;
    model.setMergeBursts(true);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SocketEvents flood;
    for (int i = 0; i < 100; ++i) {
        SocketEvent e = dataEvent(1, QByteArray(1024, 'x'));
        e.sequence = quint64(i + 1); // a session's student
        e.setEndUs(1000000 + i * 1000);
        flood << e;
    }
    SocketEvent line = dataEvent(2, "hello");
    line.sequence = 200;
    line.setEndUs(1050000);
    flood.insert(50, line);
    model.appendEvents(flood);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.burstMessages(0), qint64(100));
    QCOMPARE(model.eventAt(0).bytes, qint64(100 * 1024));
    QVERIFY(model.cellText(0, EventListModel::MessageColumn)
                .startsWith(QStringLiteral("100 messages")));
    QCOMPARE(model.cellText(1, EventListModel::MessageColumn), QStringLiteral("hello"));
    // Past the gap, a new burst.
    SocketEvent later = dataEvent(1, "again");
    later.sequence = 300;
    later.setEndUs(5000000);
    model.appendEvents({later});
    QCOMPARE(model.rowCount(), 3);
}
