#include "core/labsession.h"
#include "lessons/sequencemodel.h"
#include "ui/lessons/sequencedrawing.h"

#include <QFontMetricsF>
#include <QTest>
#include <QTimeZone>
#include <QXmlStreamReader>

#include <algorithm>
#include <cerrno>

using namespace socketlab;

namespace {
const QString kA = QStringLiteral("127.0.0.1:40001");
const QString kB = QStringLiteral("127.0.0.1:40002");
const QString kServer = QStringLiteral("127.0.0.1:5000");

struct Stream
{
    SocketEvents events;
    QDateTime clock = QDateTime::fromMSecsSinceEpoch(1000000, QTimeZone::utc());

    SocketEvent &add(Role role, EventKind kind, quint64 id = 0, const QString &peer = QString(),
                     const QByteArray &payload = QByteArray())
    {
        SocketEvent e;
        e.time = clock = clock.addMSecs(10);
        e.role = role;
        e.kind = kind;
        e.connectionId = id;
        e.peer = peer;
        // As the session stamps a server's events: the client whose address the peer is.
        for (auto it = events.crbegin(); role == Role::Server && it != events.crend(); ++it) {
            if (it->role == Role::Client && !peer.isEmpty()
                && LabSession::sameEndpoint(peer, it->local)) {
                e.clientId = int(it->connectionId);
                break;
            }
        }
        e.payload = payload;
        e.bytes = payload.size();
        events << e;
        return events.last();
    }
};

int findItem(const SequenceModel &model, SequenceItem::Kind kind, const QString &label)
{
    for (int i = 0; i < model.items().size(); ++i) {
        if (model.items()[i].kind == kind && model.items()[i].label.contains(label))
            return i;
    }
    return -1;
}

// The text of every <text> element of an SVG document; error: why it is not well-formed XML.
template<typename Document> QStringList svgTexts(const Document &svg, QString *error)
{
    QXmlStreamReader xml(svg);
    QStringList texts;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("text"))
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
    }
    *error = xml.hasError() ? xml.errorString() : QString();
    return texts;
}

// Lesson 3 in miniature: B's message waits until A has left.
SocketEvents iterativeStory()
{
    Stream s;
    s.add(Role::Server, EventKind::Listening).local = kServer;
    s.add(Role::Client, EventKind::Connected, 1, kServer).local = kA;
    s.add(Role::Server, EventKind::Connected, 1, kA);
    s.add(Role::Client, EventKind::Sent, 1, kServer, "hello").local = kA;
    s.add(Role::Server, EventKind::Data, 1, kA, "hello");
    s.add(Role::Client, EventKind::Connected, 2, kServer).local = kB;
    s.add(Role::Client, EventKind::Sent, 2, kServer, "B!").local = kB;
    s.add(Role::Client, EventKind::Disconnected, 1, kServer).local = kA;
    s.add(Role::Server, EventKind::Disconnected, 1, kA);
    s.add(Role::Server, EventKind::Connected, 2, kB);
    s.add(Role::Server, EventKind::Data, 2, kB, "B!");
    return s.events;
}
} // namespace

class TestLessonSequenceModel : public QObject
{
    Q_OBJECT

private slots:
    void lanes()
    {
        SequenceModel model;
        model.setEvents(iterativeStory());
        QCOMPARE(model.lanes().size(), 3);
        QCOMPARE(model.lanes()[0].title, QStringLiteral("Client A"));
        QCOMPARE(model.lanes()[0].subtitle, kA);
        QCOMPARE(model.lanes()[1].title, QStringLiteral("Client B"));
        QCOMPARE(model.serverLane(), 2);
        QVERIFY(model.lanes()[2].server);
        QCOMPARE(model.lanes()[2].subtitle, kServer);
    }

    void arrowsEndWhereBytesArrive()
    {
        SequenceModel model;
        model.setEvents(iterativeStory());
        const auto &items = model.items();
        const int connectA
            = findItem(model, SequenceItem::Kind::Connect, QStringLiteral("connect"));
        QVERIFY(connectA >= 0);
        QCOMPARE(items[connectA].fromLane, 0);
        QCOMPARE(items[connectA].toLane, 2);
        QCOMPARE(items[connectA].endRow, items[connectA].row);

        const int hello = findItem(model, SequenceItem::Kind::Message, QStringLiteral("\"hello\""));
        const int helloRecv
            = findItem(model, SequenceItem::Kind::Mark, QStringLiteral("recv(): \"hello\""));
        QCOMPARE(items[hello].endRow, items[helloRecv].row);

        // B's message spans A's close: it arrives rows after it was sent.
        const int b = findItem(model, SequenceItem::Kind::Message, QStringLiteral("\"B!\""));
        const int bRecv
            = findItem(model, SequenceItem::Kind::Mark, QStringLiteral("recv(): \"B!\""));
        const int closeA = findItem(model, SequenceItem::Kind::Close, QStringLiteral("close()"));
        QCOMPARE(items[b].fromLane, 1);
        QVERIFY(items[closeA].row > items[b].row);
        QCOMPARE(items[b].endRow, items[bRecv].row);
        QVERIFY(items[b].endRow > items[closeA].row);
        QCOMPARE(model.rowCount(), items.size());
    }

    // Real streams: the server's batch (stamped in microseconds) arrives first, and its recv()
    // returned a millisecond before the client's send() did. Ordered by when each call took
    // effect, the connect() still comes before the accept() and the message before its recv().
    void causesBeforeEffects()
    {
        const auto event = [](Role role, EventKind kind, qint64 endUs, qint64 causeUs,
                              const QString &peer, const QString &local) {
            SocketEvent e(kind, role);
            e.setEndUs(endUs);
            e.causeUs = causeUs;
            e.connectionId = 1;
            e.peer = peer;
            e.local = local;
            if (role == Role::Server && peer == kA)
                e.clientId = 1;
            if (kind == EventKind::Data || kind == EventKind::Sent) {
                e.payload = "hi";
                e.bytes = 2;
            }
            return e;
        };
        SocketEvents events;
        events << event(Role::Server, EventKind::Listening, 1000000, 0, QString(), kServer)
               << event(Role::Server, EventKind::Connected, 1001500, 1001400, kA, kServer)
               << event(Role::Server, EventKind::Data, 1003100, 1003050, kA, kServer)
               << event(Role::Client, EventKind::Connected, 1002000, 1001000, kServer, kA)
               << event(Role::Client, EventKind::Sent, 1004200, 1003000, kServer, kA);
        SequenceModel model;
        model.setEvents(events);
        const auto &items = model.items();
        const int connect = findItem(model, SequenceItem::Kind::Connect, QStringLiteral("connect"));
        const int accept = findItem(model, SequenceItem::Kind::Mark, QStringLiteral("accept()"));
        QVERIFY(connect >= 0 && accept >= 0);
        QVERIFY(items[connect].row < items[accept].row);
        const int message = findItem(model, SequenceItem::Kind::Message, QStringLiteral("\"hi\""));
        const int recv
            = findItem(model, SequenceItem::Kind::Mark, QStringLiteral("recv(): \"hi\""));
        QVERIFY(message >= 0 && recv >= 0);
        QVERIFY(items[message].row < items[recv].row);
        QCOMPARE(items[message].endRow, items[recv].row);
    }

    void openArrowUntilReceived()
    {
        SocketEvents events = iterativeStory();
        events.resize(7); // B has sent; nothing from B arrived yet
        SequenceModel model;
        model.setEvents(events);
        const int b = findItem(model, SequenceItem::Kind::Message, QStringLiteral("\"B!\""));
        QCOMPARE(model.items()[b].endRow, -1);
    }

    void mergedTcpChunkEndsThreeArrows()
    {
        Stream s;
        s.add(Role::Server, EventKind::Listening).local = kServer;
        s.add(Role::Client, EventKind::Connected, 1, kServer).local = kA;
        for (const char *m : {"one", "two", "three"})
            s.add(Role::Client, EventKind::Sent, 1, kServer, m).local = kA;
        s.add(Role::Server, EventKind::Data, 1, kA, "onetwothree");
        SequenceModel model;
        model.setEvents(s.events);
        const int recv = findItem(model, SequenceItem::Kind::Mark, QStringLiteral("onetwothree"));
        for (const char *m : {"one", "two", "three"}) {
            const int sent = findItem(model, SequenceItem::Kind::Message,
                                      QStringLiteral("\"%1\"").arg(QLatin1String(m)));
            QCOMPARE(model.items()[sent].endRow, model.items()[recv].row);
        }
    }

    void udpSenderWithWildcardAddress()
    {
        Stream s;
        s.add(Role::Server, EventKind::Listening).local = kServer;
        s.add(Role::Client, EventKind::Sent, 1, kServer, "hi").local
            = QStringLiteral("0.0.0.0:40001");
        s.add(Role::Server, EventKind::Data, 0, kA, "hi");
        SequenceModel model;
        model.setEvents(s.events);
        QCOMPARE(model.lanes().size(), 2);
        const int sent = findItem(model, SequenceItem::Kind::Message, QStringLiteral("\"hi\""));
        QVERIFY(model.items()[sent].endRow >= 0);
    }

    void unknownPeerGetsItsOwnLane()
    {
        Stream s;
        s.add(Role::Server, EventKind::Listening).local = kServer;
        s.add(Role::Server, EventKind::Connected, 1, QStringLiteral("10.0.0.7:5555"));
        SequenceModel model;
        model.setEvents(s.events);
        QCOMPARE(model.lanes().size(), 2);
        QCOMPARE(model.lanes()[0].subtitle, QStringLiteral("10.0.0.7:5555"));
        QCOMPARE(model.serverLane(), 1);
    }

    void nobodyListens()
    {
        Stream s;
        SocketEvent &refused = s.add(Role::Client, EventKind::Error, 1);
        refused.call = SysCall::Connect;
        refused.args = QStringLiteral("127.0.0.1:7001");
        refused.errnum = 111;
        s.add(Role::Server, EventKind::Listening).local = kServer;
        s.add(Role::Client, EventKind::Sent, 2, QStringLiteral("127.0.0.1:7002"), "anyone?").local
            = kB;
        SequenceModel model;
        model.setEvents(s.events);
        // A, B, the server, and one lane per address where nothing listened.
        QCOMPARE(model.lanes().size(), 5);
        QCOMPARE(model.serverLane(), 2);
        QVERIFY(model.lanes()[3].nobody && model.lanes()[4].nobody);
        QCOMPARE(model.lanes()[3].subtitle, QStringLiteral("127.0.0.1:7001"));
        const int syn = findItem(model, SequenceItem::Kind::Connect, QStringLiteral("SYN"));
        const int rst = findItem(model, SequenceItem::Kind::Reply, QStringLiteral("RST"));
        QCOMPARE(model.items()[syn].toLane, 3);
        QCOMPARE(model.items()[rst].toLane, 0);
        QVERIFY(findItem(model, SequenceItem::Kind::Error, QStringLiteral("connect() failed"))
                > rst);
        const int lost = findItem(model, SequenceItem::Kind::Message, QStringLiteral("anyone?"));
        QCOMPARE(model.items()[lost].toLane, 4);
        QCOMPARE(model.items()[lost].endRow, model.items()[lost].row);
    }

    // Captured packets: thin arrows between the lanes of their ends, in causal order with
    // the calls (a packet at its capture time); a run of alike segments is one arrow; once the
    // wire is there, a refused connect's SYN and RST are the real packets.
    void packetsBetweenLanes()
    {
        Stream s;
        s.add(Role::Server, EventKind::Listening).local = kServer;
        SocketEvent &connected = s.add(Role::Client, EventKind::Connected, 1, kServer);
        connected.local = kA;
        const auto packet = [&s](bool fromClient, quint8 flags, qint64 len, int clientId = 1,
                                 const QString &other = kServer) {
            SocketEvent &e = s.add(fromClient ? Role::Client : Role::Server, EventKind::Packet,
                                   quint64(1) << 59);
            e.clientId = clientId;
            e.packet.from = fromClient ? kA : other;
            e.packet.to = fromClient ? other : kA;
            e.packet.flags = flags;
            e.packet.len = len;
            return &e;
        };
        packet(true, PacketInfo::Syn, 0);
        packet(false, PacketInfo::Syn | PacketInfo::Ack, 0);
        packet(true, PacketInfo::Ack, 0);
        s.add(Role::Server, EventKind::Connected, 7, kA);
        for (int i = 0; i < 3; ++i)
            packet(true, PacketInfo::Psh | PacketInfo::Ack, 100);
        packet(false, PacketInfo::Ack, 0)->packet.zeroWindow = true;
        packet(false, PacketInfo::Ack, 0)->clientId = 0; // a student's: not drawn
        SequenceModel model;
        model.setEvents(s.events);
        QCOMPARE(model.lanes().size(), 2); // packets bring no lane of their own
        QStringList packets;
        for (const SequenceItem &item : model.items()) {
            if (item.kind != SequenceItem::Kind::Packet)
                continue;
            QVERIFY(item.isArrow());
            QCOMPARE(item.endRow, item.row);
            const bool fromClient = item.label != QLatin1String("SYN ACK")
                && !item.label.contains(QLatin1String("win=0"));
            QCOMPARE(item.fromLane, fromClient ? 0 : model.serverLane());
            QCOMPARE(item.toLane, fromClient ? model.serverLane() : 0);
            packets << item.label;
        }
        QCOMPARE(
            packets,
            QStringList({QStringLiteral("SYN"), QStringLiteral("SYN ACK"), QStringLiteral("ACK"),
                         QStringLiteral("PSH ACK ×3, 300 bytes"), QStringLiteral("ACK win=0")}));
        // accept() after the handshake, the connect() arrow before it.
        const int accept = findItem(model, SequenceItem::Kind::Mark, QStringLiteral("accept()"));
        const int ack = findItem(model, SequenceItem::Kind::Packet, QStringLiteral("ACK"));
        QVERIFY(findItem(model, SequenceItem::Kind::Connect, QStringLiteral("connect()")) < ack);
        QVERIFY(accept > ack + 1);

        // A refused connect with the wire: the real SYN and RST ACK, none drawn from the error.
        Stream r;
        SocketEvent &refused = r.add(Role::Client, EventKind::Error, 1);
        refused.call = SysCall::Connect;
        refused.args = QStringLiteral("127.0.0.1:7001");
        refused.errnum = 111;
        SocketEvent &syn = r.add(Role::Client, EventKind::Packet, quint64(1) << 59);
        syn.clientId = 1;
        syn.packet.from = kA;
        syn.packet.to = QStringLiteral("127.0.0.1:7001");
        syn.packet.flags = PacketInfo::Syn;
        SocketEvent rst = syn;
        rst.role = Role::Server;
        rst.packet.from = syn.packet.to;
        rst.packet.to = kA;
        rst.packet.flags = PacketInfo::Rst | PacketInfo::Ack;
        r.events << rst;
        model.setEvents(r.events);
        QCOMPARE(findItem(model, SequenceItem::Kind::Connect, QStringLiteral("SYN")), -1);
        const int wireSyn = findItem(model, SequenceItem::Kind::Packet, QStringLiteral("SYN"));
        const int wireRst = findItem(model, SequenceItem::Kind::Packet, QStringLiteral("RST ACK"));
        QVERIFY(wireSyn >= 0 && wireRst > wireSyn);
        QVERIFY(model.lanes()[model.items()[wireSyn].toLane].nobody);
        QCOMPARE(model.items()[wireRst].toLane, 0);
        // Drawn thin and dashed, in grey, apart from the calls.
        SequenceDrawing drawing;
        drawing.layout(model, 600);
        bool thinDashed = false;
        for (const SequenceDrawing::Shape &shape : drawing.shapes())
            thinDashed = thinDashed
                || (shape.type == SequenceDrawing::Shape::Type::Line && shape.dashed
                    && shape.width < 1.5);
        QVERIFY(thinDashed);
    }

    void serverClosesFirst()
    {
        Stream s;
        s.add(Role::Server, EventKind::Listening).local = kServer;
        s.add(Role::Client, EventKind::Connected, 1, kServer).local = kA;
        s.add(Role::Server, EventKind::Connected, 1, kA);
        // Stamped in the same millisecond, the client's event delivered first.
        SocketEvent &client = s.add(Role::Client, EventKind::Disconnected, 1, kServer);
        client.result = 1;
        SocketEvent &server = s.add(Role::Server, EventKind::Disconnected, 1, kA);
        server.time = s.events[s.events.size() - 2].time;
        SequenceModel model;
        model.setEvents(s.events);
        const int close = findItem(model, SequenceItem::Kind::Close, QStringLiteral("close()"));
        QVERIFY(close >= 0);
        QCOMPARE(model.items()[close].fromLane, model.serverLane());
        QCOMPARE(model.items()[close].toLane, 0);
        const int eof = findItem(model, SequenceItem::Kind::Mark, QStringLiteral("recv() = 0"));
        QCOMPARE(model.items()[eof].fromLane, 0);
        QVERIFY(model.items()[eof].row > model.items()[close].row);
    }

    // Lesson 10: the client reset the connection; the server's recv() failed, it did not
    // return 0, so its close is not drawn as "recv() = 0".
    void serverCloseAfterReset()
    {
        Stream s;
        s.add(Role::Server, EventKind::Listening).local = kServer;
        s.add(Role::Client, EventKind::Connected, 1, kServer).local = kA;
        s.add(Role::Server, EventKind::Connected, 7, kA);
        s.add(Role::Client, EventKind::Disconnected, 1, kServer).local = kA;
        SocketEvent &failed = s.add(Role::Server, EventKind::Error, 7);
        failed.call = SysCall::Recv;
        failed.errnum = ECONNRESET;
        s.add(Role::Server, EventKind::Disconnected, 7, kA);
        SequenceModel model;
        model.setEvents(s.events);
        QVERIFY(findItem(model, SequenceItem::Kind::Error, QStringLiteral("recv() failed")) >= 0);
        QCOMPARE(findItem(model, SequenceItem::Kind::Mark, QStringLiteral("recv() = 0")), -1);
        const int close = findItem(model, SequenceItem::Kind::Mark, QStringLiteral("close()"));
        QVERIFY(close >= 0);
        QCOMPARE(model.items()[close].fromLane, model.serverLane());
    }

    // Lesson 10: B's shutdown(SHUT_WR) is drawn as its FIN, C's close() after SO_LINGER {1, 0}
    // as an RST.
    void halfCloseAndReset()
    {
        Stream s;
        s.add(Role::Server, EventKind::Listening).local = kServer;
        s.add(Role::Client, EventKind::Connected, 1, kServer).local = kA;
        s.add(Role::Server, EventKind::Connected, 7, kA);
        SocketEvent &shutdown = s.add(Role::Client, EventKind::Call, 1);
        shutdown.call = SysCall::Shutdown;
        shutdown.args = QStringLiteral("fd 5, SHUT_WR");
        s.add(Role::Client, EventKind::Connected, 2, kServer).local = kB;
        s.add(Role::Server, EventKind::Connected, 8, kB);
        SocketEvent &linger = s.add(Role::Client, EventKind::Call, 2);
        linger.call = SysCall::Setsockopt;
        linger.args = QStringLiteral("fd 6, SO_LINGER, {1, 0}");
        s.add(Role::Client, EventKind::Disconnected, 2, kServer).local = kB;
        SequenceModel model;
        model.setEvents(s.events);
        const int fin
            = findItem(model, SequenceItem::Kind::Close, QStringLiteral("shutdown(SHUT_WR)"));
        QVERIFY(fin >= 0);
        QCOMPARE(model.items()[fin].fromLane, 0);
        QCOMPARE(model.items()[fin].toLane, model.serverLane());
        const int rst = findItem(model, SequenceItem::Kind::Close, QStringLiteral("RST"));
        QVERIFY(rst >= 0);
        QCOMPARE(model.items()[rst].fromLane, 1);
    }

    void emptyStream()
    {
        SequenceModel model;
        model.setEvents({});
        QVERIFY(model.lanes().isEmpty());
        QVERIFY(model.items().isEmpty());
        SequenceDrawing drawing;
        drawing.layout(model, 600);
        QVERIFY(drawing.size().height() > 0);
    }

    void drawingAndSvg()
    {
        SequenceModel model;
        model.setEvents(iterativeStory());
        SequenceDrawing drawing;
        drawing.layout(model, 700);
        QCOMPARE(drawing.size().width(), 700);
        QVERIFY(drawing.laneX(0) < drawing.laneX(1) && drawing.laneX(1) < drawing.laneX(2));
        QVERIFY(drawing.rowY(model.rowCount() - 1) < drawing.size().height());
        const QString svg = QString::fromUtf8(drawing.toSvg(QStringLiteral("t")));
        QVERIFY(svg.startsWith(QLatin1String("<?xml")));
        QVERIFY(svg.contains(QLatin1String("<svg"))
                && svg.trimmed().endsWith(QLatin1String("</svg>")));
        QVERIFY(svg.contains(QLatin1String("&quot;B!&quot;"))); // text is escaped
        QVERIFY(svg.contains(QLatin1String("Client A")));
        QVERIFY(!svg.contains(QLatin1String("paint-order")));
    }

    // No arrow runs through a label (lifelines pass behind them): an arrow that waited rows
    // drops beside its sender and arrives level, below the receiver's labels.
    void labelsClearOfArrows()
    {
        SequenceModel model;
        model.setEvents(iterativeStory());
        SequenceDrawing drawing;
        drawing.layout(model, 700);
        QVector<QRectF> labels;
        QStringList texts;
        for (const SequenceDrawing::Shape &shape : drawing.shapes()) {
            if (shape.type != SequenceDrawing::Shape::Type::Text || shape.header)
                continue;
            // Roughly the text's box: DejaVu Sans is about 0.6 em wide per character.
            const qreal width = shape.text.size() * shape.pixelSize * 0.6;
            const QPointF p = shape.points[0];
            qreal left = p.x();
            if (shape.align & Qt::AlignHCenter)
                left -= width / 2;
            else if (shape.align & Qt::AlignRight)
                left -= width;
            labels << QRectF(left, p.y() - shape.pixelSize + 3, width, shape.pixelSize);
            texts << shape.text;
        }
        int arrows = 0;
        for (const SequenceDrawing::Shape &shape : drawing.shapes()) {
            if (shape.type != SequenceDrawing::Shape::Type::Line || shape.width < 2)
                continue; // lifelines
            ++arrows;
            const QPointF a = shape.points[0];
            const QPointF b = shape.points[1];
            for (int i = 0; i <= 100; ++i) {
                const QPointF p = a + (b - a) * (i / 100.0);
                for (int k = 0; k < labels.size(); ++k)
                    QVERIFY2(!labels[k].contains(p), qPrintable(texts[k]));
            }
        }
        QVERIFY(arrows >= 5);
    }

    // Every label starts below the lane boxes: none hides under the header that stays on
    // top while the diagram scrolls.
    void labelsClearOfTheHeader()
    {
        SequenceModel model;
        model.setEvents(iterativeStory());
        for (int rowHeight : {SequenceDrawing::kRowHeight, SequenceDrawing::kMinRowHeight}) {
            SequenceDrawing drawing;
            drawing.layout(model, 700, rowHeight);
            int labels = 0; // a drawing without labels would pass the loop below unchecked
            for (const SequenceDrawing::Shape &shape : drawing.shapes()) {
                if (shape.type != SequenceDrawing::Shape::Type::Text || shape.header)
                    continue;
                ++labels;
                QVERIFY2(shape.points[0].y() - shape.pixelSize
                             >= SequenceDrawing::kMargin + SequenceDrawing::kHeaderHeight,
                         qPrintable(shape.text));
            }
            QVERIFY2(labels >= model.rowCount(), qPrintable(QString::number(labels)));
        }
    }

    // A student's address and bytes reach the SVG as text: escaped, and still a valid file.
    void svgEscapesPeerText()
    {
        const QString peer = QStringLiteral("<b>&\"x\"</b>:1");
        const QByteArray payload = "<i>&\"q\"</i>\xef\xbf\xbf"; // ends in U+FFFF, not XML
        Stream s;
        s.add(Role::Server, EventKind::Listening).local = kServer;
        s.add(Role::Server, EventKind::Connected, 7, peer);
        s.add(Role::Server, EventKind::Data, 7, peer, payload);
        SequenceModel model;
        model.setEvents(s.events);
        SequenceDrawing drawing;
        drawing.layout(model, 700);
        const QString svg = QString::fromUtf8(drawing.toSvg(QStringLiteral("t")));
        QVERIFY(!svg.contains(QLatin1String("<b>")) && !svg.contains(QLatin1String("<i>")));

        QString error;
        const QStringList texts = svgTexts(svg, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(texts.contains(peer), qPrintable(texts.join(QLatin1Char('|'))));
        const QString label
            = QStringLiteral("\"<i>&\"q\"</i>%1\"").arg(QChar(QChar::ReplacementCharacter));
        QVERIFY2(std::any_of(texts.cbegin(), texts.cend(),
                             [&label](const QString &t) { return t.contains(label); }),
                 qPrintable(texts.join(QLatin1Char('|'))));
    }

    // Labels never run over a lifeline or off the canvas, however narrow the lanes: what does
    // not fit between two lifelines is elided (the lesson window's "ecvfrom()" was clipped).
    void labelsStayBetweenLifelines()
    {
        Stream s;
        s.add(Role::Server, EventKind::Listening).local = kServer;
        for (quint64 id = 1; id <= 5; ++id) {
            const QString local = QStringLiteral("127.0.0.1:4000%1").arg(id);
            s.add(Role::Client, EventKind::Connected, id, kServer).local = local;
            s.add(Role::Server, EventKind::Connected, id, local);
            s.add(Role::Client, EventKind::Sent, id, kServer,
                  "a rather long message, longer than a lane")
                .local
                = local;
            s.add(Role::Server, EventKind::Data, id, local,
                  "a rather long message, longer than a lane");
            s.add(Role::Server, EventKind::Call, id).args = QStringLiteral("x");
        }
        SequenceModel model;
        model.setEvents(s.events);
        for (const int width : {500, 800}) {
            SequenceDrawing drawing;
            drawing.layout(model, width);
            QVector<qreal> lifelines;
            for (int lane = 0; lane < model.lanes().size(); ++lane)
                lifelines << drawing.laneX(lane);
            int labels = 0;
            for (const SequenceDrawing::Shape &shape : drawing.shapes()) {
                if (shape.type != SequenceDrawing::Shape::Type::Text || shape.header)
                    continue;
                ++labels;
                QFont font;
                font.setPixelSize(shape.pixelSize);
                font.setBold(shape.bold);
                const qreal w = QFontMetricsF(font).horizontalAdvance(shape.text);
                qreal left = shape.points[0].x();
                if (shape.align & Qt::AlignHCenter)
                    left -= w / 2;
                else if (shape.align & Qt::AlignRight)
                    left -= w;
                const QString what = QStringLiteral("%1 at %2..%3 (width %4)")
                                         .arg(shape.text)
                                         .arg(left)
                                         .arg(left + w)
                                         .arg(width);
                QVERIFY2(left >= 0 && left + w <= drawing.size().width(), qPrintable(what));
                for (const qreal x : std::as_const(lifelines))
                    QVERIFY2(!(left + 1 < x && x < left + w - 1), qPrintable(what));
            }
            QVERIFY(labels >= 15);
        }
    }

    // A connect() that has not returned (a SYN the full backlog ignores) is drawn: an arrow
    // from its client towards the server that has not arrived.
    void pendingConnectIsDrawn()
    {
        Stream s;
        s.add(Role::Server, EventKind::Listening).local = kServer;
        s.add(Role::Client, EventKind::Call, 4).call = SysCall::Socket;
        SequenceModel model;
        model.setPendingConnects({4});
        model.setEvents(s.events);
        const int lane = model.clientLane(4);
        QVERIFY(lane >= 0);
        QVERIFY(std::any_of(
            model.items().cbegin(), model.items().cend(), [&](const SequenceItem &item) {
                return item.kind == SequenceItem::Kind::Connect && item.fromLane == lane
                    && item.toLane == model.serverLane() && item.endRow < 0;
            }));
        model.setPendingConnects({});
        model.setEvents(s.events);
        QVERIFY(std::none_of(
            model.items().cbegin(), model.items().cend(),
            [](const SequenceItem &item) { return item.kind == SequenceItem::Kind::Connect; }));
    }

    // The labels grow with the window's text (zoom, presentation), never below 12 px.
    void textScales()
    {
        SequenceModel model;
        model.setEvents(iterativeStory());
        SequenceDrawing normal;
        normal.layout(model, 700);
        SequenceDrawing large;
        large.layout(model, 700, SequenceDrawing::kRowHeight * 2, 2.0);
        auto smallest = [](const SequenceDrawing &d) {
            int px = 1000;
            for (const SequenceDrawing::Shape &shape : d.shapes()) {
                if (shape.type == SequenceDrawing::Shape::Type::Text)
                    px = std::min(px, shape.pixelSize);
            }
            return px;
        };
        QVERIFY(smallest(normal) >= 12);
        QVERIFY(smallest(large) >= 2 * smallest(normal) - 1);
        QVERIFY(large.rowY(1) - large.rowY(0) > normal.rowY(1) - normal.rowY(0));
    }

    // The SVG is the drawing painted through QSvgGenerator: valid XML, each label once as
    // plain text (a <script> in a payload stays text), control characters shown escaped, no
    // paint-order halos that common renderers ignore.
    void svgFromTheSameDrawing()
    {
        const QByteArray payload = "<script>alert(1)</script>\x01\x1b[31m";
        Stream s;
        s.add(Role::Server, EventKind::Listening).local = kServer;
        s.add(Role::Client, EventKind::Connected, 1, kServer).local = kA;
        s.add(Role::Server, EventKind::Connected, 1, kA);
        s.add(Role::Client, EventKind::Sent, 1, kServer, payload).local = kA;
        s.add(Role::Server, EventKind::Data, 1, kA, payload);
        SequenceModel model;
        model.setEvents(s.events);
        SequenceDrawing drawing;
        drawing.layout(model, 1400); // wide enough for every label whole
        const QByteArray svg = drawing.toSvg(QStringLiteral("Sequence diagram"));
        QVERIFY(!svg.contains("paint-order"));
        QVERIFY(!svg.contains("<script"));
        QVERIFY(!svg.contains('\x01') && !svg.contains('\x1b'));
        QString error;
        const QStringList texts = svgTexts(svg, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto count = [&texts](const QString &needle) {
            return std::count_if(texts.cbegin(), texts.cend(),
                                 [&needle](const QString &t) { return t.contains(needle); });
        };
        for (const SequenceItem &item : model.items())
            QCOMPARE(count(item.label), 1);
        QCOMPARE(count(QStringLiteral("Client A")), 1);
        QVERIFY(count(QStringLiteral("<script>alert(1)")) >= 1);
    }
};

QTEST_MAIN(TestLessonSequenceModel)
#include "tst_lesson_sequencemodel.moc"
