// The session's one stream with the wire in it (LabSession::startCapture): the handshake's
// packets between the connect()'s entry and the accept()'s return in causal order, no data
// packet before the send() that carried it, every packet numbered and stamped with its
// client; the call lanes' packet rows (under QAbstractItemModelTester); a flood with capture
// on stays bounded with exact counts; stopping dumpcap does not block the caller; an
// unrelated ICMP unreachable is left out.

#include "core/capturepermission.h"
#include "core/causalorder.h"
#include "core/labsession.h"
#include "core/packetcapture.h"
#include "core/packetdecoder.h"
#include "core/packetlabel.h"
#include "tests/core/testsupport.h"
#include "ui/calllanesmodel.h"
#include "ui/calltracemodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

using namespace socketlab;

namespace {
bool isPacket(const SocketEvent &e, quint8 flags, qint64 len = -1)
{
    return e.kind == EventKind::Packet && e.packet.proto == PacketInfo::Proto::Tcp
        && e.packet.flags == flags && (len < 0 || e.packet.len == len);
}

int find(const SocketEvents &events, const std::function<bool(const SocketEvent &)> &what,
         int from = 0)
{
    for (int i = qMax(0, from); i < events.size(); ++i) {
        if (what(events.at(i)))
            return i;
    }
    return -1;
}

// A TCP port nothing listens on now (bound, then closed).
quint16 closedPort()
{
    socklen_t length = 0;
    sockaddr_storage address = testsupport::addressOf("127.0.0.1", 0, &length);
    Fd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (::bind(fd.get(), reinterpret_cast<sockaddr *>(&address), length) != 0
        || ::getsockname(fd.get(), reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return 9;
    return ntohs(reinterpret_cast<sockaddr_in *>(&address)->sin_port);
}

// A session and every event it delivered.
struct Recording
{
    Recording()
    {
        QObject::connect(&session, &LabSession::eventsArrived, &session,
                         [this](const SocketEvents &batch) { events += batch; });
    }
    LabSession session;
    SocketEvents events;
};

bool skipUnlessCapture()
{
    return CapturePermission::way() == CapturePermission::Way::None;
}

// An IPv4 ICMP port unreachable quoting a UDP datagram from port `from` to port `to`.
QByteArray unreachableFrame(quint16 from, quint16 to)
{
    QByteArray frame(14, '\0');
    frame[12] = 0x08;
    QByteArray ip(20, '\0');
    ip[0] = 0x45, ip[3] = 31, ip[9] = 17, ip[12] = 127, ip[15] = 1, ip[16] = 127, ip[19] = 1;
    QByteArray udp("\0\0\0\0\x00\x0b\x00\x00xyz", 11);
    udp[0] = char(from >> 8), udp[1] = char(from & 0xff);
    udp[2] = char(to >> 8), udp[3] = char(to & 0xff);
    QByteArray icmpIp = ip;
    icmpIp[9] = 1;
    icmpIp[3] = char(20 + 8 + 20 + 11);
    return frame + icmpIp + QByteArray("\x03\x03\x00\x00\x00\x00\x00\x00", 8) + ip + udp;
}
} // namespace

class TestCaptureSession : public QObject
{
    Q_OBJECT

private slots:
    void handshakeAndDataInCausalOrder()
    {
        if (skipUnlessCapture())
            QSKIP("Capturing is not allowed here (no CAP_NET_RAW, no permitted dumpcap).");
        Recording recording;
        LabSession &session = recording.session;
        const SocketEvents &events = recording.events;
        QString error;
        QVERIFY2(session.startCapture(&error), qPrintable(error));
        ServerConfig config;
        config.port = 0;
        config.concurrency = Concurrency::Iterative;
        QVERIFY(session.server()->start(config));
        Client *client = session.client(1);
        client->connectToHost(Protocol::Tcp, QStringLiteral("127.0.0.1"),
                              session.server()->localPort());
        QTRY_VERIFY_WITH_TIMEOUT(client->state() == Client::State::Connected, testsupport::kWaitMs);
        client->send(QByteArrayLiteral("hello"));
        const auto dataPacket = [](const SocketEvent &e) {
            return isPacket(e, PacketInfo::Psh | PacketInfo::Ack, 5);
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            find(events, dataPacket) >= 0
                && find(events, [](const SocketEvent &e) { return e.kind == EventKind::Data; })
                    >= 0,
            testsupport::kWaitMs);
        session.stopAll();

        // Numbered and stamped like every other event.
        for (const SocketEvent &e : std::as_const(events)) {
            if (e.kind != EventKind::Packet)
                continue;
            QVERIFY(e.sequence > 0);
            QCOMPARE(e.clientId, 1);
        }
        SocketEvents ordered = events;
        sortCausally(ordered);
        const int connectCall = find(ordered, [](const SocketEvent &e) {
            return e.role == Role::Client && e.kind == EventKind::Call
                && e.call == SysCall::Connect;
        });
        const int syn
            = find(ordered, [](const SocketEvent &e) { return isPacket(e, PacketInfo::Syn); });
        const int synAck = find(ordered, [](const SocketEvent &e) {
            return isPacket(e, PacketInfo::Syn | PacketInfo::Ack);
        });
        const int ack = find(
            ordered, [](const SocketEvent &e) { return isPacket(e, PacketInfo::Ack, 0); }, synAck);
        const int accept = find(ordered, [](const SocketEvent &e) {
            return e.role == Role::Server && e.kind == EventKind::Call && e.call == SysCall::Accept
                && e.result >= 0;
        });
        QVERIFY(connectCall >= 0);
        QVERIFY(accept >= 0);
        QVERIFY2(connectCall < syn && syn < synAck && synAck < ack && ack < accept,
                 qPrintable(QStringLiteral("connect %1, SYN %2, SYN ACK %3, ACK %4, accept %5")
                                .arg(connectCall)
                                .arg(syn)
                                .arg(synAck)
                                .arg(ack)
                                .arg(accept)));
        // The handshake's packets: the client's to the server, the server's back; the SYN
        // linked to connect(), none to accept().
        QCOMPARE(ordered.at(syn).role, Role::Client);
        QCOMPARE(ordered.at(synAck).role, Role::Server);
        QCOMPARE(ordered.at(syn).packet.cause, SysCall::Connect);
        for (const SocketEvent &e : std::as_const(ordered))
            QVERIFY(e.kind != EventKind::Packet || e.packet.cause != SysCall::Accept);
        // No data before the send() that carried it; the server's recv() after it.
        const int send = find(ordered, [](const SocketEvent &e) {
            return e.role == Role::Client && e.kind == EventKind::Call && e.call == SysCall::Send;
        });
        const int data = find(ordered, dataPacket);
        const int received = find(ordered, [](const SocketEvent &e) {
            return e.role == Role::Server && e.kind == EventKind::Data;
        });
        QVERIFY(send >= 0);
        QVERIFY2(
            send < data && data < received,
            qPrintable(
                QStringLiteral("send %1, data %2, recv %3").arg(send).arg(data).arg(received)));
        QCOMPARE(PacketLabel::of(ordered.at(data)), QStringLiteral("PSH ACK len=5"));
    }

    void capturesTheClientsTargetBeforeItsSyn()
    {
        if (skipUnlessCapture())
            QSKIP("Capturing is not allowed here (no CAP_NET_RAW, no permitted dumpcap).");
        // No server: the port the client connects to is captured from connectToHost() on,
        // so the refused SYN and its RST are in the stream.
        Recording recording;
        LabSession &session = recording.session;
        const SocketEvents &events = recording.events;
        QString error;
        QVERIFY2(session.startCapture(&error), qPrintable(error));
        QVERIFY(!session.capture()->isCapturing()); // no port yet: nothing captured
        const quint16 port = closedPort();
        session.client(1)->connectToHost(Protocol::Tcp, QStringLiteral("127.0.0.1"), port);
        QTRY_VERIFY_WITH_TIMEOUT(find(events,
                                      [](const SocketEvent &e) {
                                          return e.kind == EventKind::Packet
                                              && (e.packet.flags & PacketInfo::Rst);
                                      })
                                     >= 0,
                                 testsupport::kWaitMs);
        const int syn
            = find(events, [](const SocketEvent &e) { return isPacket(e, PacketInfo::Syn); });
        QVERIFY(syn >= 0);
        QCOMPARE(events.at(syn).clientId, 1);
        QCOMPARE(events.at(syn).role, Role::Client);
    }

    void lanesHoldPacketRows()
    {
        CallTraceModel trace;
        CallLanesModel lanes(&trace);
        QAbstractItemModelTester tester(&lanes,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString client = QStringLiteral("127.0.0.1:40000");
        const QString server = QStringLiteral("127.0.0.1:5000");
        SocketEvent listen;
        listen.kind = EventKind::Call;
        listen.call = SysCall::Listen;
        listen.role = Role::Server;
        listen.setEndUs(1000);
        listen.beginUs = 1000;
        SocketEvent connectCall;
        connectCall.kind = EventKind::Call;
        connectCall.call = SysCall::Connect;
        connectCall.role = Role::Client;
        connectCall.connectionId = 1;
        connectCall.clientId = 1;
        connectCall.beginUs = 2000;
        connectCall.setEndUs(2300);
        const auto packet = [&](qint64 us, bool fromClient, quint8 flags) {
            SocketEvent e;
            e.kind = EventKind::Packet;
            e.setEndUs(us);
            e.role = fromClient ? Role::Client : Role::Server;
            e.clientId = 1;
            e.connectionId = quint64(1) << 59;
            e.local = server;
            e.packet.from = fromClient ? client : server;
            e.packet.to = fromClient ? server : client;
            e.packet.flags = flags;
            return e;
        };
        SocketEvent accept = listen;
        accept.call = SysCall::Accept;
        accept.beginUs = 1100;
        accept.setEndUs(2500);
        // The packets come last, as the capture hands them on: the rows sort them in.
        trace.appendEvents({listen, connectCall, accept});
        trace.appendEvents({packet(2100, true, PacketInfo::Syn),
                            packet(2150, false, PacketInfo::Syn | PacketInfo::Ack),
                            packet(2200, true, PacketInfo::Ack)});
        QCOMPARE(lanes.rowCount(), 6);
        QCOMPARE(lanes.laneCount(), 2); // the server and client 1: packets bring no lane
        const int serverLane = lanes.laneOfRow(0);
        const int clientLane = lanes.laneOfRow(1);
        QVERIFY(serverLane != clientLane);
        const QStringList labels {QStringLiteral("SYN"), QStringLiteral("SYN ACK"),
                                  QStringLiteral("ACK")};
        for (int i = 0; i < 3; ++i) {
            const int row = 2 + i;
            QVERIFY(lanes.isPacketRow(row));
            const bool fromClient = i != 1;
            QCOMPARE(lanes.laneOfRow(row), fromClient ? clientLane : serverLane);
            QCOMPARE(lanes.targetLaneOfRow(row), fromClient ? serverLane : clientLane);
            QCOMPARE(lanes.index(row, CallLanesModel::columnOfLane(lanes.laneOfRow(row)))
                         .data()
                         .toString(),
                     labels.at(i));
        }
        QVERIFY(!lanes.isPacketRow(5)); // accept() returns after the handshake
        QCOMPARE(trace.eventAt(5).call, SysCall::Accept);
        // A packet to a port nobody listens on: its end is a lane titled with its address.
        SocketEvent refused = packet(3000, true, PacketInfo::Syn);
        refused.local.clear();
        refused.packet.to = QStringLiteral("127.0.0.1:9");
        trace.appendEvents({refused});
        QCOMPARE(lanes.laneCount(), 3);
        QCOMPARE(lanes.laneTitle(lanes.targetLaneOfRow(6)), QStringLiteral("127.0.0.1:9"));
        trace.clear();
        QCOMPARE(lanes.rowCount(), 0);
    }

    void floodStaysBoundedWithExactCounts()
    {
        if (skipUnlessCapture())
            QSKIP("Capturing is not allowed here (no CAP_NET_RAW, no permitted dumpcap).");
        LabSession session;
        qint64 delivered = 0; // events that stand for packets
        qint64 packets = 0; // the packets they stand for
        qint64 largestBatch = 0;
        connect(&session, &LabSession::eventsArrived, this, [&](const SocketEvents &batch) {
            largestBatch = qMax(largestBatch, qint64(batch.size()));
            for (const SocketEvent &e : batch) {
                if (e.kind == EventKind::Packet) {
                    ++delivered;
                    ++packets;
                } else if (e.kind == EventKind::Coalesced && e.mergedKind == EventKind::Packet) {
                    ++delivered;
                    packets += e.messages;
                }
            }
        });
        QString error;
        QVERIFY2(session.startCapture(&error), qPrintable(error));
        ServerConfig config;
        config.port = 0;
        config.protocol = Protocol::Udp;
        QVERIFY(session.server()->start(config));
        const quint16 port = session.server()->localPort();
        QTRY_VERIFY(session.capture()->isCapturing());
        // The reader lags (a slow window): everything queued must merge, packets included.
        session.eventQueue()->setPaused(true);
        constexpr int kDatagrams = 20000;
        {
            socklen_t length = 0;
            const sockaddr_storage address = testsupport::addressOf("127.0.0.1", port, &length);
            Fd fd(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
            for (int i = 0; i < kDatagrams; ++i) {
                ::sendto(fd.get(), "x", 1, 0, reinterpret_cast<const sockaddr *>(&address), length);
                if (i % 2000 == 1999)
                    QTest::qWait(5); // the capture keeps up with its socket buffer
            }
        }
        // Every datagram captured (or dropped by the kernel, counted) and handed on.
        QTRY_VERIFY_WITH_TIMEOUT(session.capture()->packets() + session.capture()->kernelDrops()
                                     >= kDatagrams,
                                 testsupport::kWaitMs);
        session.stopCapture();
        QTRY_VERIFY_WITH_TIMEOUT(!session.capture()->isStopping(), testsupport::kWaitMs);
        session.eventQueue()->setPaused(false);
        session.flush();
        QTRY_COMPARE_WITH_TIMEOUT(packets, session.capture()->packets(), testsupport::kWaitMs);
        QVERIFY(session.capture()->packets() > 0);
        // Merged, not one event each: the queue kept at most its bound while the reader lagged.
        QVERIFY2(
            delivered < kDatagrams / 2,
            qPrintable(
                QStringLiteral("%1 packet events for %2 packets").arg(delivered).arg(packets)));
        QVERIFY(largestBatch <= EventQueue::kHardMaxPendingEvents + EventQueue::kMaxDelivery);
        session.stopAll();
    }

    // dumpcap gets 0.4 s to pass on its last packets when told to stop: in the capture's
    // thread, not in the caller's (the window's) one.
    void stoppingDumpcapDoesNotBlock()
    {
        if (CapturePermission::permittedDumpcap().isEmpty())
            QSKIP("dumpcap is not installed or may not capture here.");
        qputenv("SOCKETLAB_CAPTURE_WAY", "dumpcap");
        auto unset = qScopeGuard([] { qunsetenv("SOCKETLAB_CAPTURE_WAY"); });
        LabSession session;
        QString error;
        QVERIFY2(session.startCapture(&error), qPrintable(error));
        ServerConfig config;
        config.port = 0;
        QVERIFY(session.server()->start(config));
        QTRY_VERIFY_WITH_TIMEOUT(session.capture()->isCapturing(), testsupport::kWaitMs);
        QElapsedTimer clock;
        clock.start();
        session.stopCapture();
        // Generous: the grace alone is 400 ms.
        QVERIFY2(clock.elapsed() < 200, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(session.capture()->isStopping());
        QTRY_VERIFY_WITH_TIMEOUT(!session.capture()->isStopping(), testsupport::kWaitMs);
        session.stopAll();
    }

    void unrelatedUnreachableIsLeftOut()
    {
        PacketDecoder decoder;
        PacketInfo info;
        const QByteArray other = unreachableFrame(41000, 41001);
        QVERIFY(decoder.decode(PacketDecoder::kEthernet,
                               reinterpret_cast<const uchar *>(other.constData()),
                               int(other.size()), &info));
        QVERIFY(info.portUnreachable);
        QCOMPARE(info.quotedSourcePort, quint16(41000));
        QCOMPARE(info.quotedDestinationPort, quint16(41001));
        const QList<quint16> lab {5000, 40000};
        QVERIFY(!PacketCapture::answersPorts(info, lab));
        const QByteArray ours = unreachableFrame(40000, 41001);
        QVERIFY(decoder.decode(PacketDecoder::kEthernet,
                               reinterpret_cast<const uchar *>(ours.constData()), int(ours.size()),
                               &info));
        QVERIFY(PacketCapture::answersPorts(info, lab));
        QVERIFY(PacketCapture::answersPorts(info, {})); // every port: a traced program's
        // Drawn from the datagram's sender's socket to the port it went to.
        QCOMPARE(PacketLabel::receiverEnd(info), QStringLiteral("127.0.0.1:40000"));
        QCOMPARE(PacketLabel::senderEnd(info), QStringLiteral("127.0.0.1:41001"));
        QCOMPARE(PacketLabel::of(info), QStringLiteral("ICMP port unreachable"));
    }
};

QTEST_MAIN(TestCaptureSession)
#include "tst_capture_session.moc"
