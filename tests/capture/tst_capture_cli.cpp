// socketlab-cli --capture as scripts and the lessons rely on it: the packets of a real
// conversation on 127.0.0.1 and ::1, as `packet` events (exactly docs/cli.md's keys) and as a
// pcapng file tshark opens, each packet that a call sent commented with that call; the causal
// order (no accept() return before its SYN, no data before the send() that carried it); a
// user who may not capture is told how to allow it (exit 1); a flood stays bounded and its
// counts exact.

#include "core/capturepermission.h"
#include "core/packetdecoder.h"
#include "core/pcapngreader.h"
#include "tests/cli/clitestsupport.h"

#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>

#include <netinet/tcp.h>
#include <unistd.h>

using namespace socketlab;
using clitest::Process;
using testsupport::kWaitMs;

namespace {

QString tsharkPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("tshark"));
}

bool mayCapture()
{
    return CapturePermission::way() != CapturePermission::Way::None;
}

// Rows of `tshark -r file -T fields -e ...`, each split at tabs.
QList<QStringList> tsharkFields(const QString &file, const QStringList &fields)
{
    QStringList arguments {QStringLiteral("-r"), file, QStringLiteral("-T"),
                           QStringLiteral("fields")};
    for (const QString &field : fields)
        arguments << QStringLiteral("-e") << field;
    QProcess tshark;
    tshark.start(tsharkPath(), arguments);
    if (!tshark.waitForFinished(60000) || tshark.exitCode() != 0)
        return {};
    QList<QStringList> rows;
    for (const QString &line :
         QString::fromUtf8(tshark.readAllStandardOutput()).split(QLatin1Char('\n'))) {
        if (!line.isEmpty())
            rows << line.split(QLatin1Char('\t'));
    }
    return rows;
}

QList<QJsonObject> sortedPackets(const Process &process)
{
    QList<QJsonObject> packets = process.events(QStringLiteral("packet"));
    std::stable_sort(packets.begin(), packets.end(),
                     [](const QJsonObject &a, const QJsonObject &b) {
                         return a.value(QLatin1String("end_us")).toInteger()
                             < b.value(QLatin1String("end_us")).toInteger();
                     });
    return packets;
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

qint64 num(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toInteger();
}

} // namespace

class TestCaptureCli : public QObject
{
    Q_OBJECT

private slots:
    void conversation_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QByteArray>("way");
        QTest::newRow("ipv4, packet socket") << QStringLiteral("127.0.0.1") << QByteArray();
        QTest::newRow("ipv6, packet socket") << QStringLiteral("::1") << QByteArray();
        QTest::newRow("ipv4, dumpcap") << QStringLiteral("127.0.0.1") << QByteArray("dumpcap");
    }

    void conversation()
    {
        QFETCH(QString, host);
        QFETCH(QByteArray, way);
        if (!mayCapture())
            QSKIP("Capturing is not allowed here (no CAP_NET_RAW, no permitted dumpcap).");
        if (host.contains(QLatin1Char(':')) && !clitest::haveIpv6())
            QSKIP("No IPv6 loopback here.");
        if (!way.isEmpty()) {
            if (CapturePermission::permittedDumpcap().isEmpty())
                QSKIP("dumpcap is not installed or may not capture here.");
            qputenv("SOCKETLAB_CAPTURE_WAY", way);
        }
        auto unset = qScopeGuard([] { qunsetenv("SOCKETLAB_CAPTURE_WAY"); });
        QTemporaryDir dir;
        const QString serverFile = dir.filePath(QStringLiteral("server.pcapng"));
        const QString clientFile = dir.filePath(QStringLiteral("client.pcapng"));
        Process server;
        QVERIFY(server.startCli(
            {QStringLiteral("server"), QStringLiteral("--port"), QStringLiteral("0"),
             QStringLiteral("--bind"), host, QStringLiteral("--echo"), QStringLiteral("--json"),
             QStringLiteral("--trace"), QStringLiteral("--capture"), serverFile}));
        QVERIFY2(server.waitForListening(), server.err().constData());
        const QString port = QString::number(server.listeningPort());
        Process client;
        QVERIFY(
            client.startCli({QStringLiteral("client"), QStringLiteral("--host"), host,
                             QStringLiteral("--port"), port, QStringLiteral("--json"),
                             QStringLiteral("--trace"), QStringLiteral("--capture"), clientFile}));
        QVERIFY(client.write("hello\n"));
        QVERIFY(client.waitForEvents(QStringLiteral("received"), 1));
        client.closeInput();
        QVERIFY(client.waitForExit());
        QCOMPARE(client.exitCode(), 0);
        // The client's FIN and the server's answer reach the server's stream (held back briefly).
        QVERIFY(QTest::qWaitFor(
            [&] {
                int fins = 0;
                for (const QJsonObject &p : server.events(QStringLiteral("packet")))
                    fins += str(p, "flags").contains(QLatin1String("FIN")) ? 1 : 0;
                return fins >= 2;
            },
            kWaitMs));
        server.signal(SIGINT);
        QVERIFY(server.waitForExit());
        QCOMPARE(server.exitCode(), 0);

        const QList<QJsonObject> packets = sortedPackets(server);
        QVERIFY(packets.size() >= 7);
        const QSet<QString> keys {"time",  "end_us", "event", "from", "to", "proto",
                                  "flags", "seq",    "ack",   "len",  "win"};
        for (const QJsonObject &p : packets) {
            const QStringList names = p.keys();
            QCOMPARE(QSet<QString>(names.cbegin(), names.cend()), keys);
        }
        QCOMPARE(str(packets.at(0), "flags"), QStringLiteral("SYN"));
        QCOMPARE(str(packets.at(1), "flags"), QStringLiteral("SYN ACK"));
        QCOMPARE(str(packets.at(2), "flags"), QStringLiteral("ACK"));
        QCOMPARE(num(packets.at(1), "ack"), 1);
        QCOMPARE(str(packets.at(0), "proto"), QStringLiteral("tcp"));
        const QString clientEnd = str(packets.at(0), "from");
        const QString serverEnd = str(packets.at(0), "to");
        QVERIFY(serverEnd.endsWith(QLatin1Char(':') + port));
        QVERIFY(host.contains(QLatin1Char(':')) ? serverEnd.startsWith(QLatin1String("[::1]"))
                                                : serverEnd.startsWith(QLatin1String("127.0.0.1")));
        qint64 synUs = num(packets.at(0), "end_us");
        qint64 dataUs = 0;
        for (const QJsonObject &p : packets) {
            if (str(p, "from") == clientEnd && num(p, "len") == 5) {
                dataUs = num(p, "end_us");
                QCOMPARE(str(p, "flags"), QStringLiteral("PSH ACK"));
                QCOMPARE(num(p, "seq"), 1);
                break;
            }
        }
        QVERIFY(dataUs > 0);

        // The causal order: accept() returns after the SYN; the server's recv() data after
        // the segment; the client's send() was entered before it.
        for (const QJsonObject &call : server.events(QStringLiteral("call"))) {
            if (str(call, "call") == QLatin1String("accept") && num(call, "result") >= 0)
                QVERIFY(num(call, "end_us") >= synUs);
        }
        const QList<QJsonObject> data = server.events(QStringLiteral("data"));
        QCOMPARE(data.size(), 1);
        QVERIFY(num(data.first(), "end_us") >= dataUs);
        bool sawSend = false;
        for (const QJsonObject &call : client.events(QStringLiteral("call"))) {
            if (str(call, "call") == QLatin1String("send")) {
                QVERIFY(num(call, "begin_us") <= dataUs);
                sawSend = true;
            }
        }
        QVERIFY(sawSend);
        // The client's own stream shows the same handshake.
        const QList<QJsonObject> clientPackets = sortedPackets(client);
        QVERIFY(clientPackets.size() >= 3);
        QCOMPARE(str(clientPackets.at(0), "flags"), QStringLiteral("SYN"));

        if (tsharkPath().isEmpty())
            QSKIP("tshark is not installed: the pcapng files were not opened.");
        const QList<QStringList> rows = tsharkFields(
            clientFile, {QStringLiteral("tcp.flags.str"), QStringLiteral("frame.comment")});
        QVERIFY2(rows.size() >= 7, "tshark could not read the client's capture");
        const QString pid = QString::number(client.pid());
        QVERIFY(rows.at(0).at(0).contains(QLatin1Char('S')));
        QCOMPARE(rows.at(0).value(1), QStringLiteral("connect() by pid %1").arg(pid));
        QStringList comments;
        for (const QStringList &row : rows)
            comments << row.value(1);
        QVERIFY(comments.contains(QStringLiteral("send() by pid %1").arg(pid)));
        QVERIFY(comments.contains(QStringLiteral("close() by pid %1").arg(pid)));
        // The server's file: the echo is the server's send().
        const QList<QStringList> serverRows = tsharkFields(
            serverFile, {QStringLiteral("tcp.srcport"), QStringLiteral("frame.comment")});
        bool echoCommented = false;
        for (const QStringList &row : serverRows) {
            if (row.value(0) == port
                && row.value(1) == QStringLiteral("send() by pid %1").arg(server.pid()))
                echoCommented = true;
        }
        QVERIFY(echoCommented);
    }

    // trace --capture: a traced program's packets (every port) join its calls' stream before
    // the summary, and the file comments its connect().
    void traceCapturesTheProgramsPackets()
    {
        if (!mayCapture())
            QSKIP("Capturing is not allowed here (no CAP_NET_RAW, no permitted dumpcap).");
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty())
            QSKIP("python3 is not installed.");
        Process server;
        QVERIFY(server.startCli({QStringLiteral("server"), QStringLiteral("--port"),
                                 QStringLiteral("0"), QStringLiteral("--json")}));
        QVERIFY(server.waitForListening());
        QTemporaryDir dir;
        const QString events = dir.filePath(QStringLiteral("events.json"));
        const QString file = dir.filePath(QStringLiteral("trace.pcapng"));
        const QString script
            = QStringLiteral("import socket\nc = socket.create_connection(('127.0.0.1', "
                             "%1))\nc.sendall(b'hi')\nc.close()\n")
                  .arg(server.listeningPort());
        Process trace;
        QVERIFY(trace.startCli({QStringLiteral("trace"), QStringLiteral("--json"),
                                QStringLiteral("--output"), events, QStringLiteral("--capture"),
                                file, QStringLiteral("--"), python, QStringLiteral("-c"), script}));
        QVERIFY(trace.waitForExit(60000));
        QCOMPARE(trace.exitCode(), 0);
        QFile output(events);
        QVERIFY(output.open(QIODevice::ReadOnly));
        QStringList kinds;
        QStringList flags;
        for (const QByteArray &line : output.readAll().split('\n')) {
            const QJsonObject e = QJsonDocument::fromJson(line).object();
            if (e.isEmpty())
                continue;
            kinds << str(e, "event");
            if (str(e, "event") == QLatin1String("packet"))
                flags << str(e, "flags");
        }
        QCOMPARE(kinds.last(), QStringLiteral("summary"));
        QVERIFY2(flags.contains(QStringLiteral("SYN")), qPrintable(flags.join(QLatin1Char(','))));
        QVERIFY(flags.contains(QStringLiteral("PSH ACK")));
        if (tsharkPath().isEmpty())
            QSKIP("tshark is not installed: the pcapng file was not opened.");
        // Every port is captured: other programs' packets on the loopback may be there too.
        const QList<QStringList> rows
            = tsharkFields(file,
                           {QStringLiteral("tcp.dstport"), QStringLiteral("tcp.flags.syn"),
                            QStringLiteral("tcp.flags.ack"), QStringLiteral("frame.comment")});
        QString synComment;
        for (const QStringList &row : rows) {
            if (row.value(0) == QString::number(server.listeningPort())
                && row.value(1) == QLatin1String("1") && row.value(2) == QLatin1String("0")) {
                synComment = row.value(3);
            }
        }
        QVERIFY2(synComment.startsWith(QLatin1String("connect() by pid ")), qPrintable(synComment));
        server.signal(SIGINT);
        QVERIFY(server.waitForExit());
    }

    // A user without CAP_NET_RAW and without a dumpcap that may capture: exit 1, and the
    // message says how to allow it on Debian.
    void unprivilegedUserIsToldHowToAllow()
    {
        if (::geteuid() != 0)
            QSKIP("Needs root to run the child as nobody.");
        const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
        if (setpriv.isEmpty())
            QSKIP("setpriv is not installed.");
        QTemporaryDir dir;
        QFile::setPermissions(dir.path(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                  | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                  | QFileDevice::WriteOther | QFileDevice::ExeOther);
        Process server;
        QVERIFY(server.start(
            setpriv,
            {QStringLiteral("--reuid"), QStringLiteral("nobody"), QStringLiteral("--regid"),
             QStringLiteral("nogroup"), QStringLiteral("--clear-groups"), clitest::cliPath(),
             QStringLiteral("server"), QStringLiteral("--port"), QStringLiteral("0"),
             QStringLiteral("--json"), QStringLiteral("--capture"),
             dir.filePath(QStringLiteral("n.pcapng"))}));
        // nobody may capture only through a dumpcap made for it; then it captures.
        QVERIFY(QTest::qWaitFor(
            [&] {
                return server.listeningPort() != 0
                    || server.process().state() == QProcess::NotRunning;
            },
            kWaitMs));
        if (server.listeningPort() != 0) {
            server.signal(SIGINT);
            QVERIFY(server.waitForExit());
            QCOMPARE(server.exitCode(), 0);
            return;
        }
        QVERIFY(server.waitForExit());
        QCOMPARE(server.exitCode(), 1);
        QVERIFY2(server.err().contains("sudo dpkg-reconfigure wireshark-common"),
                 server.err().constData());
        QVERIFY(server.err().contains("sudo usermod -aG wireshark $USER"));
        QVERIFY(server.out().isEmpty()); // nothing started
    }

    void badCaptureFile()
    {
        Process server;
        QVERIFY(server.startCli({QStringLiteral("server"), QStringLiteral("--port"),
                                 QStringLiteral("0"), QStringLiteral("--capture"), QString()}));
        QVERIFY(server.waitForExit());
        QCOMPARE(server.exitCode(), 2);
        QVERIFY(server.err().contains("--capture"));
        if (!mayCapture())
            return;
        Process unwritable;
        QVERIFY(unwritable.startCli({QStringLiteral("server"), QStringLiteral("--port"),
                                     QStringLiteral("0"), QStringLiteral("--capture"),
                                     QStringLiteral("/nonexistent/dir/x.pcapng")}));
        QVERIFY(unwritable.waitForExit());
        QCOMPARE(unwritable.exitCode(), 1);
        QVERIFY(unwritable.err().contains("/nonexistent/dir/x.pcapng"));
    }

    // A flood of 1 KiB messages with capture on: the server's memory stays bounded and every
    // packet the file holds is counted in the stream, one by one or in a coalesced event.
    void floodIsBoundedAndCounted()
    {
        if (!mayCapture())
            QSKIP("Capturing is not allowed here (no CAP_NET_RAW, no permitted dumpcap).");
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("flood.pcapng"));
        Process server;
        QVERIFY(server.startCli({QStringLiteral("server"), QStringLiteral("--port"),
                                 QStringLiteral("0"), QStringLiteral("--json"),
                                 QStringLiteral("--capture"), file}));
        QVERIFY(server.waitForListening());
        constexpr int kMessages = 20000;
        {
            socklen_t length = 0;
            const sockaddr_storage address
                = testsupport::addressOf("127.0.0.1", server.listeningPort(), &length);
            Fd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
            QCOMPARE(::connect(fd.get(), reinterpret_cast<const sockaddr *>(&address), length), 0);
            const int on = 1;
            ::setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
            const QByteArray message(1024, 'x');
            for (int i = 0; i < kMessages; ++i)
                QCOMPARE(
                    ::send(fd.get(), message.constData(), size_t(message.size()), MSG_NOSIGNAL),
                    1024);
        }
        QVERIFY(QTest::qWaitFor(
            [&] { return server.events(QStringLiteral("disconnected")).size() == 1; }, 60000));
        QFile status(QStringLiteral("/proc/%1/status").arg(server.pid()));
        QVERIFY(status.open(QIODevice::ReadOnly));
        const QByteArray text = status.readAll();
        const int at = int(text.indexOf("VmHWM:"));
        const qint64 peakKb = text.mid(at + 6, text.indexOf('\n', at) - at - 6)
                                  .trimmed()
                                  .split(' ')
                                  .first()
                                  .toLongLong();
        QVERIFY2(peakKb < 256 * 1024, qPrintable(QStringLiteral("peak %1 kB").arg(peakKb)));
        server.signal(SIGINT);
        QVERIFY(server.waitForExit(60000));
        QCOMPARE(server.exitCode(), 0);

        qint64 packets = 0, payload = 0;
        for (const QJsonObject &e : server.events()) {
            if (str(e, "event") == QLatin1String("packet")) {
                ++packets;
                payload += num(e, "len");
            } else if (str(e, "event") == QLatin1String("coalesced")
                       && str(e, "merged") == QLatin1String("packet")) {
                packets += num(e, "packets");
                payload += num(e, "bytes");
            }
        }
        QFile pcapng(file);
        QVERIFY(pcapng.open(QIODevice::ReadOnly));
        qint64 inFile = 0, payloadInFile = 0;
        PacketDecoder decoder;
        PcapngReader reader([&](int, int linkType, qint64, const uchar *frame, int size, int) {
            PacketInfo info;
            if (decoder.decode(linkType, frame, size, &info))
                payloadInFile += info.len;
            ++inFile;
        });
        const QByteArray bytes = pcapng.readAll();
        reader.feed(bytes.constData(), int(bytes.size()));
        QVERIFY(!reader.failed());
        QCOMPARE(packets, inFile);
        QCOMPARE(payload, payloadInFile);
        // Every message went by at least once (a retransmission counts again).
        QVERIFY(payload >= qint64(kMessages) * 1024);
    }
};

QTEST_GUILESS_MAIN(TestCaptureCli)
#include "tst_capture_cli.moc"
