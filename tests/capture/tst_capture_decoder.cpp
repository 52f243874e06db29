// The capture's pure parts, without privileges: decoding frames (relative sequence numbers,
// flags, window scaling, retransmissions, zero windows and probes, UDP, ICMP port
// unreachable), the pcapng writer read back by the stream reader, and the call linker.

#include "core/packetdecoder.h"
#include "core/packetlinker.h"
#include "core/pcapngreader.h"
#include "core/pcapngwriter.h"

#include <QTemporaryDir>
#include <QTest>

using namespace socketlab;

namespace {

// An Ethernet (loopback) frame with an IPv4 TCP segment between 127.0.0.1 ports.
QByteArray tcpFrame(quint16 from, quint16 to, quint32 seq, quint32 ack, quint8 flags,
                    quint16 window, int payload, int scale = -1)
{
    QByteArray options;
    if (scale >= 0)
        options = QByteArray("\x01\x03\x03", 3) + char(scale);
    const int tcpLength = 20 + options.size();
    QByteArray f(14, '\0');
    f[12] = 0x08;
    QByteArray ip(20, '\0');
    ip[0] = 0x45;
    const int total = 20 + tcpLength + payload;
    ip[2] = char(total >> 8);
    ip[3] = char(total);
    ip[8] = 64;
    ip[9] = 6;
    ip[12] = 127, ip[15] = 1, ip[16] = 127, ip[19] = 1;
    QByteArray tcp(20, '\0');
    tcp[0] = char(from >> 8), tcp[1] = char(from);
    tcp[2] = char(to >> 8), tcp[3] = char(to);
    for (int i = 0; i < 4; ++i) {
        tcp[4 + i] = char(seq >> (24 - 8 * i));
        tcp[8 + i] = char(ack >> (24 - 8 * i));
    }
    tcp[12] = char((tcpLength / 4) << 4);
    tcp[13] = char(flags);
    tcp[14] = char(window >> 8), tcp[15] = char(window);
    return f + ip + tcp + options + QByteArray(payload, 'x');
}

PacketInfo decode(PacketDecoder &decoder, const QByteArray &frame)
{
    PacketInfo info;
    const bool ok = decoder.decode(PacketDecoder::kEthernet,
                                   reinterpret_cast<const uchar *>(frame.constData()),
                                   int(frame.size()), &info);
    return ok ? info : PacketInfo();
}

constexpr quint8 kSyn = PacketInfo::Syn, kAck = PacketInfo::Ack, kPsh = PacketInfo::Psh,
                 kFin = PacketInfo::Fin, kRst = PacketInfo::Rst;

} // namespace

class TestCaptureDecoder : public QObject
{
    Q_OBJECT

private slots:
    void handshakeDataAndClose()
    {
        PacketDecoder d;
        PacketInfo p = decode(d, tcpFrame(40000, 5000, 1000, 0, kSyn, 65495, 0, 7));
        QCOMPARE(p.from, QStringLiteral("127.0.0.1:40000"));
        QCOMPARE(p.to, QStringLiteral("127.0.0.1:5000"));
        QCOMPARE(p.flagsText(), QStringLiteral("SYN"));
        QCOMPARE(p.seq, 0);
        QCOMPARE(p.win, 65495); // a SYN's window is never scaled
        p = decode(d, tcpFrame(5000, 40000, 9000, 1001, kSyn | kAck, 65483, 0, 7));
        QCOMPARE(p.flagsText(), QStringLiteral("SYN ACK"));
        QCOMPARE(p.seq, 0);
        QCOMPARE(p.ack, 1);
        p = decode(d, tcpFrame(40000, 5000, 1001, 9001, kAck, 512, 0));
        QCOMPARE(p.flagsText(), QStringLiteral("ACK"));
        QCOMPARE(p.seq, 1);
        QCOMPARE(p.ack, 1);
        QCOMPARE(p.win, 512 << 7);
        p = decode(d, tcpFrame(40000, 5000, 1001, 9001, kPsh | kAck, 512, 5));
        QCOMPARE(p.flagsText(), QStringLiteral("PSH ACK"));
        QCOMPARE(p.len, 5);
        QVERIFY(!p.retransmission);
        p = decode(d, tcpFrame(40000, 5000, 1001, 9001, kPsh | kAck, 512, 5));
        QVERIFY(p.retransmission);
        p = decode(d, tcpFrame(40000, 5000, 1006, 9001, kFin | kAck, 512, 0));
        QCOMPARE(p.flagsText(), QStringLiteral("FIN ACK"));
        QCOMPARE(p.seq, 6);
        p = decode(d, tcpFrame(5000, 40000, 9001, 1007, kRst | kAck, 0, 0));
        QCOMPARE(p.flagsText(), QStringLiteral("RST ACK"));
        QCOMPARE(p.ack, 7);
        QVERIFY(!p.zeroWindow); // an RST's window means nothing
    }

    void zeroWindowAndProbe()
    {
        PacketDecoder d;
        decode(d, tcpFrame(40000, 5000, 100, 0, kSyn, 65495, 0));
        decode(d, tcpFrame(5000, 40000, 700, 101, kSyn | kAck, 65483, 0));
        decode(d, tcpFrame(40000, 5000, 101, 701, kPsh | kAck, 100, 50));
        PacketInfo p = decode(d, tcpFrame(5000, 40000, 701, 151, kAck, 0, 0));
        QVERIFY(p.zeroWindow);
        p = decode(d, tcpFrame(40000, 5000, 150, 701, kAck, 100, 0)); // Linux: snd_una - 1
        QVERIFY(p.windowProbe);
        QVERIFY(!p.retransmission);
    }

    void udpAndPortUnreachable()
    {
        // IPv4 UDP 127.0.0.1:40000 -> :5000 with 3 bytes, then the ICMP answer.
        QByteArray frame(14, '\0');
        frame[12] = 0x08;
        QByteArray ip(20, '\0');
        ip[0] = 0x45, ip[3] = 31, ip[9] = 17, ip[12] = 127, ip[15] = 1, ip[16] = 127, ip[19] = 1;
        const QByteArray udp("\x9c\x40\x13\x88\x00\x0b\x00\x00xyz", 11);
        PacketDecoder d;
        PacketInfo p = decode(d, frame + ip + udp);
        QCOMPARE(p.proto, PacketInfo::Proto::Udp);
        QCOMPARE(p.protoName(), QStringLiteral("udp"));
        QCOMPARE(p.len, 3);
        QCOMPARE(p.flagsText(), QString());
        QByteArray icmpIp = ip;
        icmpIp[9] = 1;
        icmpIp[3] = char(20 + 8 + 20 + 11);
        const QByteArray icmp = QByteArray("\x03\x03\x00\x00\x00\x00\x00\x00", 8) + ip + udp;
        p = decode(d, frame + icmpIp + icmp);
        QCOMPARE(p.proto, PacketInfo::Proto::Icmp);
        QVERIFY(p.portUnreachable);
        QCOMPARE(p.from, QStringLiteral("127.0.0.1"));
    }

    void rejectsOtherFrames()
    {
        PacketDecoder d;
        PacketInfo info;
        const QByteArray arp
            = QByteArray(12, '\0') + QByteArray("\x08\x06", 2) + QByteArray(28, '\0');
        QVERIFY(!d.decode(PacketDecoder::kEthernet,
                          reinterpret_cast<const uchar *>(arp.constData()), int(arp.size()),
                          &info));
        const QByteArray cut = tcpFrame(1, 2, 3, 4, kAck, 5, 0).left(40);
        QVERIFY(!d.decode(PacketDecoder::kEthernet,
                          reinterpret_cast<const uchar *>(cut.constData()), int(cut.size()),
                          &info));
    }

    void pcapngRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.pcapng"));
        PcapngWriter writer;
        QString error;
        QVERIFY(writer.open(path, &error));
        const QByteArray a = tcpFrame(40000, 5000, 1, 0, kSyn, 100, 0);
        const QByteArray b = tcpFrame(40000, 5000, 2, 0, kAck, 100, 3);
        writer.write(1, PacketDecoder::kEthernet, QStringLiteral("lo"), 1700000000123456,
                     reinterpret_cast<const uchar *>(a.constData()), int(a.size()), int(a.size()),
                     QStringLiteral("connect() by pid 4242"));
        writer.write(1, PacketDecoder::kEthernet, QStringLiteral("lo"), 1700000000123999,
                     reinterpret_cast<const uchar *>(b.constData()), int(b.size()), int(b.size()),
                     QString());
        QVERIFY(!QFile::exists(path)); // whole or nothing
        QVERIFY(writer.commit(&error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains("connect() by pid 4242"));
        QList<qint64> times;
        QList<QByteArray> frames;
        PcapngReader reader([&](int, int linkType, qint64 us, const uchar *frame, int size, int) {
            QCOMPARE(linkType, PacketDecoder::kEthernet);
            times << us;
            frames << QByteArray(reinterpret_cast<const char *>(frame), size);
        });
        // In odd slices, as a pipe hands it over.
        for (int i = 0; i < bytes.size(); i += 7)
            reader.feed(bytes.constData() + i, int(qMin<qsizetype>(7, bytes.size() - i)));
        QVERIFY(!reader.failed());
        QCOMPARE(times, (QList<qint64> {1700000000123456, 1700000000123999}));
        QCOMPARE(frames, (QList<QByteArray> {a, b}));
    }

    void linksByKindTimeAndSide()
    {
        PacketLinker linker;
        linker.setServerPorts({5000});
        SocketEvent connectCall;
        connectCall.kind = EventKind::Call;
        connectCall.role = Role::Client;
        connectCall.call = SysCall::Connect;
        connectCall.args = QStringLiteral("fd 3, 127.0.0.1:5000");
        connectCall.beginUs = 1000;
        connectCall.endUs = 1100;
        connectCall.pid = 42;
        SocketEvent serverSend = connectCall;
        serverSend.role = Role::Server;
        serverSend.call = SysCall::Send;
        serverSend.args = QStringLiteral("fd 5, 5");
        serverSend.beginUs = 2000;
        serverSend.endUs = 2100;
        serverSend.pid = 7;
        linker.noteCalls({connectCall, serverSend});

        PacketInfo syn;
        syn.from = QStringLiteral("127.0.0.1:40000");
        syn.to = QStringLiteral("127.0.0.1:5000");
        syn.flags = PacketInfo::Syn;
        QVERIFY(linker.link(&syn, 1050));
        QCOMPARE(syn.causeText(), QStringLiteral("connect() by pid 42"));
        PacketInfo synAck = syn;
        synAck.cause = SysCall::None;
        std::swap(synAck.from, synAck.to);
        synAck.flags = PacketInfo::Syn | PacketInfo::Ack;
        QVERIFY(!linker.link(&synAck, 1060)); // the kernel answers: accept() sends nothing
        PacketInfo late = syn;
        late.cause = SysCall::None;
        QVERIFY(!linker.link(&late, 5000)); // after connect() returned

        PacketInfo clientData;
        clientData.from = QStringLiteral("127.0.0.1:40000");
        clientData.to = QStringLiteral("127.0.0.1:5000");
        clientData.flags = PacketInfo::Psh | PacketInfo::Ack;
        clientData.len = 5;
        QVERIFY(!linker.link(&clientData, 2050)); // the server's send() sends the other way
        PacketInfo echo = clientData;
        std::swap(echo.from, echo.to);
        QVERIFY(linker.link(&echo, 2050));
        QCOMPARE(echo.causeText(), QStringLiteral("send() by pid 7"));
    }
};

QTEST_GUILESS_MAIN(TestCaptureDecoder)
#include "tst_capture_decoder.moc"
