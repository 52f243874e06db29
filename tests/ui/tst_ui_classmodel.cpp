#include "ui/classmodel.h"
#include "ui/models/colorpalette.h"
#include "ui/models/studentroster.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace socketlab;

namespace {
SocketEvent studentEvent(EventKind kind, quint64 connection, const QString &peer,
                         const QByteArray &payload = QByteArray())
{
    SocketEvent event(kind, Role::Server);
    event.connectionId = connection;
    event.peer = peer;
    event.payload = payload;
    event.bytes = payload.size();
    event.sequence = connection; // from a session; clientId 0: a student
    return event;
}
} // namespace

// The class view's model: one student per address, for the whole session.
class TestClassModel : public QObject
{
    Q_OBJECT

private slots:
    void init() { StudentRoster::instance().clear(); }

    void reconnectIsTheSameStudent()
    {
        ClassModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendEvents(
            {studentEvent(EventKind::Connected, 1, QStringLiteral("127.0.0.2:40001")),
             studentEvent(EventKind::Connected, 2, QStringLiteral("127.0.0.3:40002")),
             studentEvent(EventKind::Data, 1, QStringLiteral("127.0.0.2:40001"), "hi\n")});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.connectedCount(), 2);
        const QColor first = model.index(0).data(ClassModel::ColorRole).value<QColor>();
        model.appendEvents(
            {studentEvent(EventKind::Disconnected, 1, QStringLiteral("127.0.0.2:40001"))});
        QCOMPARE(model.connectedCount(), 1);
        QCOMPARE(model.index(0).data(ClassModel::StateTextRole).toString(), QStringLiteral("left"));
        // Back from the same address on another port: the same number, colour and counts.
        model.appendEvents(
            {studentEvent(EventKind::Connected, 3, QStringLiteral("127.0.0.2:40099")),
             studentEvent(EventKind::Data, 3, QStringLiteral("127.0.0.2:40099"), "<b>x</b>")});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data(ClassModel::NumberRole).toInt(), 1);
        QCOMPARE(model.index(0).data(ClassModel::ColorRole).value<QColor>(), first);
        QCOMPARE(model.index(0).data(ClassModel::MessagesRole).toLongLong(), 2);
        QCOMPARE(model.index(0).data(ClassModel::BytesRole).toLongLong(), 11);
        QCOMPARE(model.index(0).data(ClassModel::LastMessageRole).toString(),
                 QStringLiteral("<b>x</b>"));
        QCOMPARE(model.index(0).data(ClassModel::PeerRole).toString(),
                 QStringLiteral("127.0.0.2:40099"));
        QCOMPARE(model.connectedCount(), 2);
    }

    // Neighbours never share a hue: n and n+1 always differ, and so do n and n+10 (ten
    // columns at 1024x768).
    void neighboursDiffer()
    {
        for (int n = 1; n <= 40; ++n) {
            QVERIFY(ColorPalette::studentStrong(n) != ColorPalette::studentStrong(n + 1));
            QVERIFY(ColorPalette::studentStrong(n) != ColorPalette::studentStrong(n + 10));
        }
    }
};

QTEST_MAIN(TestClassModel)
#include "tst_ui_classmodel.moc"
