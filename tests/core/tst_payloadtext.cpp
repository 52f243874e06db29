#include "core/eventformatter.h"
#include "core/payloadtext.h"

#include <QTest>

using namespace socketlab;

namespace {
const QString kEllipsis = QString(QChar(0x2026));
}

class TestPayloadText : public QObject
{
    Q_OBJECT

private slots:
    void toText_data();
    void toText();
    void toDisplay_data();
    void toDisplay();
    void everyByteValue();
    void escapesAreUnambiguous();
    void truncation_data();
    void truncation();
    void toHex();
    void isBinary_data();
    void isBinary();
    void binaryInEveryView();
};

void TestPayloadText::toText_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("ascii") << QByteArray("hello") << "hello";
    QTest::newRow("portuguese") << QByteArray("ol\xc3\xa1, cora\xc3\xa7\xc3\xa3o")
                                << QString::fromUtf8("olá, coração");
    QTest::newRow("3-byte euro") << QByteArray("\xe2\x82\xac") << QString::fromUtf8("€");
    QTest::newRow("4-byte emoji") << QByteArray("\xf0\x9f\x98\x80") << QString::fromUtf8("😀");
    QTest::newRow("highest code point")
        << QByteArray("\xf4\x8f\xbf\xbf") << QString::fromUcs4(U"\U0010FFFF");
    QTest::newRow("lone 0xff") << QByteArray("a\xff"
                                             "b")
                               << "a\\xffb";
    QTest::newRow("lone continuation") << QByteArray("\x80") << "\\x80";
    QTest::newRow("0xc0 0xc1 never valid")
        << QByteArray("\xc0\x80\xc1\xbf") << "\\xc0\\x80\\xc1\\xbf";
    QTest::newRow("overlong slash, 2 bytes") << QByteArray("\xc0\xaf") << "\\xc0\\xaf";
    QTest::newRow("overlong slash, 3 bytes") << QByteArray("\xe0\x80\xaf") << "\\xe0\\x80\\xaf";
    QTest::newRow("overlong, 4 bytes") << QByteArray("\xf0\x80\x80\xaf") << "\\xf0\\x80\\x80\\xaf";
    QTest::newRow("high surrogate") << QByteArray("\xed\xa0\x80") << "\\xed\\xa0\\x80";
    QTest::newRow("low surrogate") << QByteArray("\xed\xbf\xbf") << "\\xed\\xbf\\xbf";
    QTest::newRow("last before surrogates")
        << QByteArray("\xed\x9f\xbf") << QString::fromUcs4(U"\uD7FF");
    QTest::newRow("past U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << "\\xf4\\x90\\x80\\x80";
    QTest::newRow("0xf5 lead") << QByteArray("\xf5\x80\x80\x80") << "\\xf5\\x80\\x80\\x80";
    QTest::newRow("sequence cut by end of data") << QByteArray("ab\xe2\x82") << "ab\\xe2\\x82";
    QTest::newRow("sequence cut by ascii") << QByteArray("\xc3"
                                                         "a")
                                           << "\\xc3a";
    QTest::newRow("valid after invalid")
        << QByteArray("\xff\xc3\xa9") << QString::fromUtf8("\\xffé");
    // Control characters stay as they are: JSON escapes them itself.
    QTest::newRow("controls kept")
        << QByteArray("a\nb\tc\r\x01\x7f", 9) << QString::fromLatin1("a\nb\tc\r\x01\x7f", 9);
    QTest::newRow("nul kept") << QByteArray("a\0b", 3) << QString::fromLatin1("a\0b", 3);
    // docs/cli.md: a literal backslash is written \\, so \xHH always means one invalid byte.
    QTest::newRow("backslash doubled") << QByteArray("C:\\x41") << "C:\\\\x41";
    QTest::newRow("lone backslash") << QByteArray("\\") << "\\\\";
}

void TestPayloadText::toText()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QCOMPARE(PayloadText::toText(bytes), expected);
}

void TestPayloadText::toDisplay_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ascii") << QByteArray("hello world") << "hello world";
    QTest::newRow("line breaks") << QByteArray("a\r\nb") << "a\\r\\nb";
    QTest::newRow("tab") << QByteArray("a\tb") << "a\\tb";
    QTest::newRow("nul") << QByteArray("\0", 1) << "\\x00";
    QTest::newRow("ctrl-x") << QByteArray("\x18") << "\\x18";
    QTest::newRow("escape") << QByteArray("\x1b[31m") << "\\x1b[31m";
    QTest::newRow("del") << QByteArray("\x7f") << "\\x7f";
    QTest::newRow("utf-8 kept") << QByteArray("\xc3\xa9") << QString::fromUtf8("é");
    QTest::newRow("invalid") << QByteArray("\xfe\xff") << "\\xfe\\xff";
    QTest::newRow("markup is text") << QByteArray("<b>x</b>") << "<b>x</b>";
    QTest::newRow("backslash doubled") << QByteArray("a\\b") << "a\\\\b";
    QTest::newRow("C1 control") << QByteArray("a\xc2\x85"
                                              "b")
                                << "a\\u{0085}b";
    QTest::newRow("CSI as C1") << QByteArray("\xc2\x9b"
                                             "31m")
                               << "\\u{009b}31m";
    QTest::newRow("right-to-left override") << QByteArray("abc\xe2\x80\xae"
                                                          "fdp.exe")
                                            << "abc\\u{202e}fdp.exe";
    QTest::newRow("first strong isolate") << QByteArray("\xe2\x81\xa8") << "\\u{2068}";
    QTest::newRow("zero width space") << QByteArray("\xe2\x80\x8b") << "\\u{200b}";
    QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbf") << "\\u{feff}";
}

// The four ASCII bytes \xff and the single byte 0xFF must never print the same text.
void TestPayloadText::escapesAreUnambiguous()
{
    const QByteArray fourBytes("\\xff");
    const QByteArray oneByte("\xff");
    QVERIFY(PayloadText::toText(fourBytes) != PayloadText::toText(oneByte));
    QVERIFY(PayloadText::toDisplay(fourBytes) != PayloadText::toDisplay(oneByte));
    QCOMPARE(PayloadText::toText(oneByte), QStringLiteral("\\xff"));
    QCOMPARE(PayloadText::toText(fourBytes), QStringLiteral("\\\\xff"));
}

void TestPayloadText::toDisplay()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QCOMPARE(PayloadText::toDisplay(bytes), expected);
}

void TestPayloadText::everyByteValue()
{
    // Each single byte: ASCII as itself, 0x80-0xff escaped; the text is always valid UTF-16.
    for (int b = 0; b < 256; ++b) {
        const QByteArray one(1, char(b));
        const QString text = PayloadText::toText(one);
        if (b == '\\')
            QCOMPARE(text, QStringLiteral("\\\\"));
        else if (b < 0x80)
            QCOMPARE(text, QString(QChar(b)));
        else
            QCOMPARE(text, QStringLiteral("\\x%1").arg(b, 2, 16, QLatin1Char('0')));
        const QString shown = PayloadText::toDisplay(one);
        for (QChar c : shown)
            QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f, qPrintable(shown));
    }
}

void TestPayloadText::truncation_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("maxBytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("exactly the limit") << QByteArray(4096, 'a') << 4096 << QString(4096, 'a');
    QTest::newRow("one past the limit")
        << QByteArray(4097, 'a') << 4096 << QString(4096, 'a') + kEllipsis;
    QTest::newRow("64 KiB") << QByteArray(65536, 'z') << 4096 << QString(4096, 'z') + kEllipsis;
    QTest::newRow("small limit") << QByteArray("abcdef") << 3 << "abc" + kEllipsis;
    QTest::newRow("zero limit") << QByteArray("abc") << 0 << kEllipsis;
    // A valid character that the limit cuts in two is not shown, and is not called invalid.
    QTest::newRow("cut inside a 2-byte character")
        << QByteArray("ol\xc3\xa1!") << 3 << "ol" + kEllipsis;
    QTest::newRow("cut inside a 4-byte character") << QByteArray("\xf0\x9f\x98\x80\xf0\x9f\x98\x80")
                                                   << 6 << QString::fromUtf8("😀") + kEllipsis;
    QTest::newRow("cut after a whole character")
        << QByteArray("\xc3\xa1\xc3\xa1") << 2 << QString::fromUtf8("á") + kEllipsis;
    QTest::newRow("invalid byte at the cut still escaped") << QByteArray("ab\xff"
                                                                         "cd")
                                                           << 3 << "ab\\xff" + kEllipsis;
    QTest::newRow("invalid sequence across the cut still escaped")
        << QByteArray("ab\xe0\x80\xaf") << 3 << "ab\\xe0" + kEllipsis;
}

void TestPayloadText::truncation()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, maxBytes);
    QFETCH(QString, expected);
    QCOMPARE(PayloadText::toText(bytes, maxBytes), expected);
    QCOMPARE(PayloadText::toDisplay(bytes, maxBytes), expected);
}

void TestPayloadText::toHex()
{
    QCOMPARE(PayloadText::toHex(QByteArray("\x00\x01\xff"
                                           "A",
                                           4)),
             QStringLiteral("00 01 ff 41"));
    QCOMPARE(PayloadText::toHex(QByteArray()), QString());
    QCOMPARE(PayloadText::toHex(QByteArray("abc"), 2), QStringLiteral("61 62") + kEllipsis);
}

void TestPayloadText::isBinary_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("binary");
    QByteArray blob;
    for (int i = 0; i < 300; ++i)
        blob += char((i * 37 + 11) % 256);
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("ascii") << QByteArray("hello") << false;
    QTest::newRow("utf-8") << QByteArray("olá, ação, 😀") << false;
    QTest::newRow("lines and tabs") << QByteArray("a\tb\r\nc\n") << false;
    QTest::newRow("one stray byte in text") << QByteArray("S\xe3o Paulo") << false;
    QTest::newRow("a NUL in text") << QByteArray("hello\0", 6) << false;
    QTest::newRow("300 bytes of every value") << blob << true;
    QTest::newRow("zeros") << QByteArray(64, '\0') << true;
    QTest::newRow("one NUL") << QByteArray(1, '\0') << true;
    QTest::newRow("latin-1 word") << QByteArray("ol\xe1") << true; // 1 of 3 bytes: over 30%
    QTest::newRow("30% exactly") << (QByteArray("abcdefg") + QByteArray(3, '\x01')) << false;
    QTest::newRow("31%") << (QByteArray(69, 'a') + QByteArray(31, '\x01')) << true;
    QTest::newRow("C1 controls") << QByteArray("\xc2\x80\xc2\x81\xc2\x9f") << true;
    QTest::newRow("ANSI escape in text") << QByteArray("\x1b[31mred text here\x1b[0m") << false;
    // Only the first kShownBytes are judged, as only those are shown.
    QTest::newRow("text then binary")
        << (QByteArray(PayloadText::kShownBytes, 'a') + QByteArray(8000, '\0')) << false;
}

void TestPayloadText::isBinary()
{
    QFETCH(QByteArray, bytes);
    QTEST(PayloadText::isBinary(bytes), "binary");
}

// One rule for every view: the GUI's log, the CLI's lines and the lessons' log all describe
// an event with EventFormatter.
void TestPayloadText::binaryInEveryView()
{
    SocketEvent event(EventKind::Data, Role::Server);
    event.peer = QStringLiteral("127.0.0.1:40000");
    event.payload = QByteArray(300, '\x02');
    event.bytes = 300;
    QCOMPARE(EventFormatter::payloadText(event), QStringLiteral("binary, 300 bytes"));
    QVERIFY(EventFormatter::describe(event).endsWith(QStringLiteral(": binary, 300 bytes")));
    QVERIFY(!EventFormatter::describe(event).contains(QStringLiteral("\\x02")));
    event.payload = "hi";
    event.bytes = 2;
    QVERIFY(EventFormatter::describe(event).endsWith(QStringLiteral(": hi")));
}

QTEST_APPLESS_MAIN(TestPayloadText)
#include "tst_payloadtext.moc"
