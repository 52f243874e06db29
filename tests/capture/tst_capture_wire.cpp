// The window's Wire tab: its model (checked by QAbstractItemModelTester, batched inserts, the
// row cap, coalesced packets counted) and the dock capturing a real connection to the
// session's server, then "Export packets…" to a pcapng file while the capture goes on.

#include "core/capturepermission.h"
#include "core/labsession.h"
#include "core/pcapngreader.h"
#include "tests/core/testsupport.h"
#include "ui/packetlistmodel.h"
#include "ui/wiredock.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QMainWindow>
#include <QTemporaryDir>
#include <QTest>

using namespace socketlab;

namespace {
SocketEvent packetEvent(qint64 us, const QString &from, const QString &to, quint8 flags)
{
    SocketEvent event;
    event.kind = EventKind::Packet;
    event.setEndUs(us);
    event.packet.from = from;
    event.packet.to = to;
    event.packet.flags = flags;
    return event;
}
} // namespace

class TestCaptureWire : public QObject
{
    Q_OBJECT

private slots:
    void modelRowsCapAndCoalesced()
    {
        PacketListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        SocketEvent syn = packetEvent(1000, QStringLiteral("127.0.0.1:40000"),
                                      QStringLiteral("127.0.0.1:5000"), PacketInfo::Syn);
        syn.packet.cause = SysCall::Connect;
        syn.packet.causePid = 4242;
        SocketEvent merged;
        merged.kind = EventKind::Coalesced;
        merged.mergedKind = EventKind::Packet;
        merged.messages = 70;
        merged.bytes = 7000;
        SocketEvent data
            = packetEvent(2000, QStringLiteral("127.0.0.1:40000"), QStringLiteral("<b>x</b>:1"),
                          PacketInfo::Psh | PacketInfo::Ack);
        model.appendEvents({syn, merged, data, SocketEvent()});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.packets(), 72);
        QCOMPARE(model.index(0, PacketListModel::Flags).data().toString(), QStringLiteral("SYN"));
        QCOMPARE(model.index(0, PacketListModel::Cause).data().toString(),
                 QStringLiteral("connect() (pid 4242)"));
        QVERIFY(
            model.index(1, PacketListModel::Route).data().toString().contains(QLatin1String("70")));
        QCOMPARE(model.index(2, PacketListModel::Flags).data().toString(),
                 QStringLiteral("PSH ACK"));
        SocketEvents many;
        for (int i = 0; i < PacketListModel::kRowCap + 10; ++i)
            many << data;
        model.appendEvents(many);
        QCOMPARE(model.rowCount(), PacketListModel::kRowCap);
        QCOMPARE(model.packets(), 72 + PacketListModel::kRowCap + 10);
    }

    void dockCapturesAndExports()
    {
        if (CapturePermission::way() == CapturePermission::Way::None)
            QSKIP("Capturing is not allowed here (no CAP_NET_RAW, no permitted dumpcap).");
        QMainWindow window;
        LabSession session;
        auto *dock = new WireDock(&session, &window);
        QVERIFY(dock->captureBox()->isChecked());
        ServerConfig config;
        config.port = 0;
        QVERIFY(session.server()->start(config));
        QTRY_VERIFY(dock->isCapturing());
        {
            socklen_t length = 0;
            const sockaddr_storage address
                = testsupport::addressOf("127.0.0.1", session.server()->localPort(), &length);
            Fd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
            QCOMPARE(::connect(fd.get(), reinterpret_cast<const sockaddr *>(&address), length), 0);
            QCOMPARE(::send(fd.get(), "hello", 5, MSG_NOSIGNAL), 5);
        }
        QTRY_VERIFY_WITH_TIMEOUT(dock->model()->rowCount() >= 5, testsupport::kWaitMs);
        QCOMPARE(dock->model()->index(0, PacketListModel::Flags).data().toString(),
                 QStringLiteral("SYN"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("wire.pcapng"));
        QString error;
        QVERIFY2(dock->exportTo(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        int packets = 0;
        PcapngReader reader([&](int, int, qint64, const uchar *, int, int) { ++packets; });
        reader.feed(bytes.constData(), int(bytes.size()));
        QVERIFY(!reader.failed());
        QVERIFY(packets >= 5);
        session.stopAll();
    }
};

QTEST_MAIN(TestCaptureWire)
#include "tst_capture_wire.moc"
