#include "core/eventjson.h"
#include "core/payloadtext.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

#include <cerrno>

using namespace socketlab;

namespace {

QJsonObject parse(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qWarning() << "not a JSON object:" << line << error.errorString();
    return doc.object();
}

SocketEvent makeEvent(EventKind kind)
{
    SocketEvent e(kind, Role::Server);
    e.time = QDateTime(QDate(2024, 3, 1), QTime(12, 0, 1, 234), QTimeZone::utc());
    e.pid = 4242;
    e.tid = 4243;
    return e;
}

} // namespace

class TestEventJson : public QObject
{
    Q_OBJECT

private slots:
    void keysPerEvent_data();
    void keysPerEvent();
    void oneLine();
    void timeIsUtcWithMilliseconds();
    void values();
    void escaping_data();
    void escaping();
    void hiddenControlsAreEscapes_data();
    void hiddenControlsAreEscapes();
    void truncatedDatagram();
    void payloadShownUpTo4096Bytes();
    void callAndError();
    void microsecondTimes();
};

void TestEventJson::keysPerEvent_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("keys");
    const QStringList base = {"time", "end_us", "event", "peer", "local", "pid", "tid", "handler"};
    QTest::newRow("listening") << int(EventKind::Listening) << "listening" << base;
    QTest::newRow("connected") << int(EventKind::Connected) << "connected" << base;
    QTest::newRow("disconnected") << int(EventKind::Disconnected) << "disconnected" << base;
    QTest::newRow("data") << int(EventKind::Data) << "data" << base + QStringList {"bytes", "text"};
    QTest::newRow("sent") << int(EventKind::Sent) << "sent" << base + QStringList {"bytes", "text"};
    QTest::newRow("received") << int(EventKind::Received) << "received"
                              << base + QStringList {"bytes", "text"};
    const QStringList call = {"call", "args", "result", "errno", "message"};
    QTest::newRow("call") << int(EventKind::Call) << "call"
                          << base + call + QStringList {"begin_us"};
    QTest::newRow("error") << int(EventKind::Error) << "error" << base + call;
    QTest::newRow("handler_exited")
        << int(EventKind::HandlerExited) << "handler_exited" << base + QStringList {"message"};
    QTest::newRow("counter") << int(EventKind::CounterIncremented) << "counter"
                             << base + QStringList {"result", "message"};
    QTest::newRow("summary") << int(EventKind::Summary) << "summary"
                             << base + QStringList {"connections", "messages", "bytes", "killed"};
}

void TestEventJson::keysPerEvent()
{
    QFETCH(int, kind);
    QFETCH(QString, name);
    QFETCH(QStringList, keys);
    SocketEvent e = makeEvent(EventKind(kind));
    e.peer = QStringLiteral("127.0.0.1:53422");
    e.local = QStringLiteral("127.0.0.1:5000");
    const QJsonObject json = parse(EventJson::toLine(e));
    QCOMPARE(json.value("event").toString(), name);
    QStringList got = json.keys();
    got.sort();
    keys.sort();
    QCOMPARE(got, keys);
}

void TestEventJson::oneLine()
{
    SocketEvent e = makeEvent(EventKind::Data);
    e.payload = QByteArray("line one\nline two\r\n");
    e.bytes = e.payload.size();
    const QByteArray line = EventJson::toLine(e);
    QVERIFY(line.endsWith("}\n"));
    QCOMPARE(line.count('\n'), 1);
    QVERIFY(!line.contains('\r'));
    // Without peer or local (a listening event before any client), the keys are left out.
    const QJsonObject listening = parse(EventJson::toLine(makeEvent(EventKind::Listening)));
    QVERIFY(!listening.contains("peer"));
    QVERIFY(!listening.contains("local"));
}

void TestEventJson::timeIsUtcWithMilliseconds()
{
    SocketEvent e = makeEvent(EventKind::Listening);
    e.time = QDateTime(QDate(2024, 3, 1), QTime(9, 0, 1, 5), QTimeZone(-3 * 3600));
    const QString time = parse(EventJson::toLine(e)).value("time").toString();
    QCOMPARE(time, QStringLiteral("2024-03-01T12:00:01.005Z"));
    const QString now = parse(EventJson::toLine(SocketEvent(EventKind::Call, Role::Client)))
                            .value("time")
                            .toString();
    QVERIFY2(QRegularExpression(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$)"))
                 .match(now)
                 .hasMatch(),
             qPrintable(now));
}

void TestEventJson::values()
{
    SocketEvent e = makeEvent(EventKind::Data);
    e.handler = HandlerKind::Thread;
    e.peer = QStringLiteral("[::1]:53422");
    e.local = QStringLiteral("[::1]:5000");
    e.payload = QByteArray("hello");
    e.bytes = 5;
    const QJsonObject json = parse(EventJson::toLine(e));
    QCOMPARE(json.value("peer").toString(), QStringLiteral("[::1]:53422"));
    QCOMPARE(json.value("local").toString(), QStringLiteral("[::1]:5000"));
    QCOMPARE(json.value("pid").toInteger(), 4242);
    QCOMPARE(json.value("tid").toInteger(), 4243);
    QCOMPARE(json.value("handler").toString(), QStringLiteral("thread"));
    QCOMPARE(json.value("bytes").toInteger(), 5);
    QCOMPARE(json.value("text").toString(), QStringLiteral("hello"));

    e.handler = HandlerKind::Process;
    QCOMPARE(parse(EventJson::toLine(e)).value("handler").toString(), QStringLiteral("process"));
    e.handler = HandlerKind::Main;
    QCOMPARE(parse(EventJson::toLine(e)).value("handler").toString(), QStringLiteral("main"));

    SocketEvent summary = makeEvent(EventKind::Summary);
    summary.connections = 3;
    summary.messages = 1234567890123;
    summary.bytes = 9876543210987;
    summary.killed = 2;
    const QJsonObject s = parse(EventJson::toLine(summary));
    QCOMPARE(s.value("connections").toInteger(), 3);
    QCOMPARE(s.value("messages").toInteger(), 1234567890123);
    QCOMPARE(s.value("bytes").toInteger(), 9876543210987);
    QCOMPARE(s.value("killed").toInteger(), 2);
}

void TestEventJson::escaping_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("text");
    QTest::newRow("quotes") << QByteArray("say \"hi\"") << "say \"hi\"";
    // docs/cli.md: a literal backslash is written \\ in text, so \xHH is unambiguous.
    QTest::newRow("backslash") << QByteArray("C:\\dir\\") << "C:\\\\dir\\\\";
    QTest::newRow("newline, tab, cr") << QByteArray("a\nb\tc\rd") << "a\nb\tc\rd";
    QTest::newRow("all C0 controls") << QByteArray("\x01\x02\x08\x0b\x0c\x1b\x1f")
                                     << QString::fromLatin1("\x01\x02\x08\x0b\x0c\x1b\x1f");
    QTest::newRow("nul") << QByteArray("a\0b", 3) << QString::fromLatin1("a\0b", 3);
    QTest::newRow("del") << QByteArray("\x7f") << QString::fromLatin1("\x7f");
    QTest::newRow("ctrl-x") << QByteArray("\x18") << QString::fromLatin1("\x18");
    QTest::newRow("utf-8") << QByteArray("ol\xc3\xa1 \xf0\x9f\x98\x80")
                           << QString::fromUtf8("olá 😀");
    QTest::newRow("line separator") << QByteArray("\xe2\x80\xa8") << QString(QChar(0x2028));
    QTest::newRow("invalid bytes") << QByteArray("\xff\xfe"
                                                 "A")
                                   << "\\xff\\xfeA";
    QTest::newRow("json-looking") << QByteArray("\"},{\"event\":\"x") << "\"},{\"event\":\"x";
}

void TestEventJson::escaping()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, text);
    SocketEvent e = makeEvent(EventKind::Data);
    e.payload = payload;
    e.bytes = payload.size();
    e.peer = QStringLiteral("127.0.0.1:1");
    const QByteArray line = EventJson::toLine(e);
    QCOMPARE(line.count('\n'), 1);
    const QJsonObject json = parse(line);
    QCOMPARE(json.value("text").toString(), text);
    QCOMPARE(json.value("bytes").toInteger(), payload.size());
    QCOMPARE(json.value("event").toString(), QStringLiteral("data"));
    // No raw control character survives in the line itself.
    for (char c : line.chopped(1))
        QVERIFY2(static_cast<unsigned char>(c) >= 0x20, line.constData());
}

// C1 controls (a terminal acts on U+009B, the 8-bit CSI) and the characters that reorder
// text are written as \u escapes: the line on a terminal shows them, the parsed text keeps them.
void TestEventJson::hiddenControlsAreEscapes_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QByteArray>("escape");
    QTest::addColumn<uint>("code");
    QTest::newRow("U+0080") << QByteArray("a\xc2\x80"
                                          "b")
                            << QByteArray("\\u0080") << 0x80u;
    QTest::newRow("U+009B CSI") << QByteArray("\xc2\x9b"
                                              "2J")
                                << QByteArray("\\u009b") << 0x9bu;
    QTest::newRow("U+009F") << QByteArray("\xc2\x9f") << QByteArray("\\u009f") << 0x9fu;
    QTest::newRow("U+061C") << QByteArray("\xd8\x9c") << QByteArray("\\u061c") << 0x61cu;
    QTest::newRow("U+200E") << QByteArray("\xe2\x80\x8e") << QByteArray("\\u200e") << 0x200eu;
    QTest::newRow("U+200F") << QByteArray("\xe2\x80\x8f") << QByteArray("\\u200f") << 0x200fu;
    QTest::newRow("U+202A") << QByteArray("\xe2\x80\xaa") << QByteArray("\\u202a") << 0x202au;
    QTest::newRow("U+202E RLO") << QByteArray("abc\xe2\x80\xaetxt.exe") << QByteArray("\\u202e")
                                << 0x202eu;
    QTest::newRow("U+2066") << QByteArray("\xe2\x81\xa6") << QByteArray("\\u2066") << 0x2066u;
    QTest::newRow("U+2069") << QByteArray("\xe2\x81\xa9") << QByteArray("\\u2069") << 0x2069u;
}

void TestEventJson::hiddenControlsAreEscapes()
{
    QFETCH(QByteArray, payload);
    QFETCH(QByteArray, escape);
    QFETCH(uint, code);
    SocketEvent e = makeEvent(EventKind::Data);
    e.payload = payload;
    e.bytes = payload.size();
    const QByteArray line = EventJson::toLine(e);
    QVERIFY2(line.contains(escape), line.constData());
    // Not raw: the line holds no byte of the character's UTF-8 form past its lead.
    const QByteArray raw = QString(QChar(char16_t(code))).toUtf8();
    QVERIFY2(!line.contains(raw), line.constData());
    // The parsed text is the payload's, unchanged.
    QCOMPARE(parse(line).value("text").toString(), QString::fromUtf8(payload));
    // The human line escapes the same character.
    QVERIFY(!PayloadText::toDisplay(payload).contains(QChar(char16_t(code))));
}

// A datagram longer than the buffer: bytes is its real size and "truncated" says it was cut.
void TestEventJson::truncatedDatagram()
{
    SocketEvent e = makeEvent(EventKind::Data);
    e.protocol = Protocol::Udp;
    e.payload = QByteArray(1024, 'x');
    e.bytes = 2000;
    QVERIFY(!parse(EventJson::toLine(e)).contains("truncated"));
    e.truncated = true;
    e.keptBytes = 1024;
    const QJsonObject json = parse(EventJson::toLine(e));
    QCOMPARE(json.value("bytes").toInteger(), 2000);
    QCOMPARE(json.value("truncated").toBool(false), true);
    QCOMPARE(json.value("text").toString(), QString(1024, 'x'));

    SocketEvent summary = makeEvent(EventKind::Summary);
    summary.protocol = Protocol::Udp;
    summary.truncatedDatagrams = 3;
    QCOMPARE(parse(EventJson::toLine(summary)).value("truncated").toInteger(), 3);
}

void TestEventJson::payloadShownUpTo4096Bytes()
{
    SocketEvent e = makeEvent(EventKind::Data);
    e.payload = QByteArray(65536, 'x');
    e.bytes = 65536;
    const QJsonObject json = parse(EventJson::toLine(e));
    QCOMPARE(json.value("bytes").toInteger(), 65536);
    const QString text = json.value("text").toString();
    QVERIFY(text.startsWith(QString(4096, 'x')));
    QVERIFY(!text.startsWith(QString(4097, 'x')));
}

void TestEventJson::callAndError()
{
    SocketEvent call = makeEvent(EventKind::Call);
    call.call = SysCall::Bind;
    call.args = QStringLiteral("fd 3, 127.0.0.1:5000");
    call.result = -1;
    call.errnum = EADDRINUSE;
    const QJsonObject c = parse(EventJson::toLine(call));
    QCOMPARE(c.value("call").toString(), QStringLiteral("bind"));
    QCOMPARE(c.value("args").toString(), QStringLiteral("fd 3, 127.0.0.1:5000"));
    QCOMPARE(c.value("result").toInteger(), -1);
    QCOMPARE(c.value("errno").toInteger(), EADDRINUSE);
    QVERIFY2(c.value("message").toString().contains(QLatin1String("Address already in use")),
             qPrintable(c.value("message").toString()));

    SocketEvent error = makeEvent(EventKind::Error);
    error.call = SysCall::Connect;
    error.args = QStringLiteral("127.0.0.1:1");
    error.errnum = ECONNREFUSED;
    error.result = -1;
    const QString message = parse(EventJson::toLine(error)).value("message").toString();
    QVERIFY2(message.contains(QLatin1String("connect")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("Connection refused")), qPrintable(message));
}

void TestEventJson::microsecondTimes()
{
    SocketEvent call = makeEvent(EventKind::Call);
    call.call = SysCall::Recv;
    call.beginUs = 1709294401234000;
    call.setEndUs(1709294401234567);
    const QJsonObject c = parse(EventJson::toLine(call));
    QCOMPARE(c.value("begin_us").toInteger(), 1709294401234000);
    QCOMPARE(c.value("end_us").toInteger(), 1709294401234567);
    QCOMPARE(c.value("time").toString(), QStringLiteral("2024-03-01T12:00:01.234Z"));
    // A fresh event's end_us is now, on the clock its time shows.
    const SocketEvent now(EventKind::Data, Role::Server);
    QCOMPARE(now.time.toMSecsSinceEpoch(), now.endUs / 1000);
    QVERIFY(!parse(EventJson::toLine(now)).contains("begin_us"));
}

QTEST_APPLESS_MAIN(TestEventJson)
#include "tst_eventjson.moc"
