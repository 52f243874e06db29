// ChildRecordReader, fed like a pipe feeds it: random splits of valid record streams give
// exactly the records written; garbage, truncated streams and lying headers are called
// corrupt without crashing, reading past the bytes or holding more than one record.
// Seeded, so a failure repeats; run under ASan in CI.

#include "core/private/childrecordreader.h"

#include <QRandomGenerator>
#include <QTest>

#include <cstring>

using namespace socketlab;

namespace {

constexpr quint32 kSeed = 20261125;
constexpr int kIterations = 400;

struct Record
{
    ChildRecordHeader header;
    QByteArray payload;
};

bool operator==(const Record &a, const Record &b)
{
    return std::memcmp(&a.header, &b.header, sizeof a.header) == 0 && a.payload == b.payload;
}

ChildRecordHeader headerOf(ChildRecordType type, qint64 result, quint32 length)
{
    ChildRecordHeader header;
    std::memset(&header, 0, sizeof header);
    header.type = type;
    header.result = result;
    header.length = length;
    header.fd = 7;
    return header;
}

QByteArray randomBytes(QRandomGenerator &random, qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(random.bounded(256));
    return bytes;
}

// What runForkedChild might write: each record, with the stream position after it and
// whether a record may end the stream there (no Recv still owed its bytes).
struct Stream
{
    QByteArray bytes;
    QList<Record> records;
    QList<qsizetype> ends;
    QList<bool> clean;

    void add(const ChildRecordHeader &header, const QByteArray &payload, bool cleanEnd)
    {
        bytes.append(reinterpret_cast<const char *>(&header), sizeof header);
        bytes.append(payload);
        records.append({header, payload});
        ends.append(bytes.size());
        clean.append(cleanEnd);
    }
};

Stream validStream(QRandomGenerator &random)
{
    Stream s;
    const int count = random.bounded(1, 40);
    for (int i = 0; i < count; ++i) {
        switch (random.bounded(7)) {
        case 0: { // a Recv and its bytes, in pieces of at most kMaxChildPayload
            const qint64 size = random.bounded(1, 3 * int(kMaxChildPayload));
            ChildRecordHeader recv = headerOf(ChildRecordType::Recv, size, 0);
            recv.requested = quint64(random.bounded(1, 65536));
            s.add(recv, {}, false);
            qint64 left = size;
            while (left > 0) {
                const qint64 piece
                    = qMin<qint64>(left, random.bounded(1, int(kMaxChildPayload) + 1));
                left -= piece;
                s.add(headerOf(ChildRecordType::Payload, 0, quint32(piece)),
                      randomBytes(random, piece), left == 0);
            }
            break;
        }
        case 1: {
            ChildRecordHeader failed
                = headerOf(ChildRecordType::Recv, random.bounded(2) ? -1 : 0, 0);
            failed.errnum = random.bounded(2) ? ECONNRESET : 0;
            s.add(failed, {}, true);
            break;
        }
        case 2: {
            const qint64 sent = random.bounded(0, 100000);
            const quint32 shown = quint32(qMin<qint64>(sent, kMaxChildPayload));
            s.add(headerOf(ChildRecordType::Send, sent, shown), randomBytes(random, shown), true);
            break;
        }
        case 3:
            s.add(headerOf(ChildRecordType::Send, -1, 0), {}, true);
            break;
        case 4:
            s.add(headerOf(ChildRecordType::Counter, random.bounded(1000), 0), {}, true);
            break;
        case 5: {
            const qint64 messages = random.bounded(100000);
            s.add(headerOf(ChildRecordType::Totals, random.bounded(1000000), sizeof messages),
                  QByteArray(reinterpret_cast<const char *>(&messages), sizeof messages), true);
            break;
        }
        default:
            s.add(headerOf(ChildRecordType::Close, 0, 0), {}, true);
            break;
        }
    }
    return s;
}

// Feeds bytes in random pieces (from single bytes to pipe-sized reads), draining the reader
// after each like ChildWatcher does; checks it never holds more than one unfinished record
// plus the last piece.
QList<Record> readInPieces(QRandomGenerator &random, ChildRecordReader &reader,
                           const QByteArray &bytes)
{
    QList<Record> got;
    qsizetype at = 0;
    while (at < bytes.size()) {
        const int limit = random.bounded(3) == 0 ? 8 : 70000;
        const qsizetype piece = qMin<qsizetype>(bytes.size() - at, random.bounded(1, limit));
        reader.feed(bytes.constData() + at, piece);
        at += piece;
        ChildRecordHeader header;
        const char *payload = nullptr;
        while (reader.next(header, payload)) {
            got.append({header, QByteArray(payload, header.length)});
            // The payload pointer stays inside the buffer: ASan would catch a read beyond.
        }
        if (reader.bufferedBytes() > qsizetype(sizeof(ChildRecordHeader) + kMaxChildPayload)) {
            qWarning("reader holds %lld bytes", qlonglong(reader.bufferedBytes()));
            return {};
        }
    }
    return got;
}

} // namespace

class TestChildRecordReader : public QObject
{
    Q_OBJECT

private slots:
    void randomSplitsGiveTheSameRecords();
    void truncatedStreams();
    void garbageIsCorrupt();
    void lyingHeaders_data();
    void lyingHeaders();
    void hugeLengthIsRefusedAtOnce();
};

void TestChildRecordReader::randomSplitsGiveTheSameRecords()
{
    QRandomGenerator random(kSeed);
    for (int i = 0; i < kIterations; ++i) {
        const Stream stream = validStream(random);
        ChildRecordReader reader;
        const QList<Record> got = readInPieces(random, reader, stream.bytes);
        reader.finish();
        QVERIFY2(!reader.isCorrupt(), qPrintable(QStringLiteral("iteration %1").arg(i)));
        QCOMPARE(got.size(), stream.records.size());
        QVERIFY(got == stream.records);
        QCOMPARE(reader.bufferedBytes(), 0);
    }
}

// A stream cut anywhere: the whole records before the cut come out; the end is corrupt
// unless the cut falls where the child could have stopped writing.
void TestChildRecordReader::truncatedStreams()
{
    QRandomGenerator random(kSeed + 1);
    for (int i = 0; i < kIterations; ++i) {
        const Stream stream = validStream(random);
        const qsizetype cut = random.bounded(qsizetype(0), stream.bytes.size() + 1);
        qsizetype whole = 0;
        while (whole < stream.ends.size() && stream.ends.at(whole) <= cut)
            ++whole;
        const bool atCleanEnd = cut == 0
            || (whole > 0 && stream.ends.at(whole - 1) == cut && stream.clean.at(whole - 1));
        ChildRecordReader reader;
        const QList<Record> got = readInPieces(random, reader, stream.bytes.left(cut));
        reader.finish();
        QCOMPARE(got.size(), whole);
        QVERIFY(got == stream.records.mid(0, whole));
        QCOMPARE(reader.isCorrupt(), !atCleanEnd);
        QCOMPARE(reader.bufferedBytes(), 0);
    }
}

// Random bytes, alone or after a valid start: never a crash, the reader calls it corrupt,
// keeps nothing and ignores what comes after.
void TestChildRecordReader::garbageIsCorrupt()
{
    QRandomGenerator random(kSeed + 2);
    for (int i = 0; i < kIterations; ++i) {
        QByteArray bytes = i % 2 ? validStream(random).bytes : QByteArray();
        bytes += randomBytes(random, random.bounded(int(sizeof(ChildRecordHeader)), 20000));
        ChildRecordReader reader;
        const QList<Record> got = readInPieces(random, reader, bytes);
        reader.finish();
        QVERIFY2(reader.isCorrupt(), qPrintable(QStringLiteral("iteration %1").arg(i)));
        QCOMPARE(reader.bufferedBytes(), 0);
        qsizetype read = 0;
        for (const Record &r : got)
            read += qsizetype(sizeof r.header) + r.payload.size();
        QVERIFY(read <= bytes.size());
        reader.feed(bytes.constData(), bytes.size());
        QCOMPARE(reader.bufferedBytes(), 0);
        ChildRecordHeader header;
        const char *payload = nullptr;
        QVERIFY(!reader.next(header, payload));
    }
}

void TestChildRecordReader::lyingHeaders_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const auto record
        = [](ChildRecordType type, qint64 result, quint32 length, QByteArray payload = {}) {
              ChildRecordHeader header = headerOf(type, result, length);
              return QByteArray(reinterpret_cast<const char *>(&header), sizeof header) + payload;
          };
    const auto payload = [&](int size) {
        return record(ChildRecordType::Payload, 0, quint32(size), QByteArray(size, 'p'));
    };
    QTest::newRow("payload without recv") << payload(10);
    QTest::newRow("recv owed more bytes") << record(ChildRecordType::Recv, 100, 0) + payload(50)
            + record(ChildRecordType::Close, 0, 0);
    QTest::newRow("more bytes than the recv") << record(ChildRecordType::Recv, 10, 0) + payload(20);
    QTest::newRow("recv with payload") << record(ChildRecordType::Recv, 3, 3, "abc");
    QTest::newRow("empty payload record") << record(ChildRecordType::Recv, 3, 0) + payload(0);
    QTest::newRow("totals too short") << record(ChildRecordType::Totals, 5, 4, "abcd");
    QTest::newRow("negative totals") << record(ChildRecordType::Totals, -5, 8, "abcdefgh");
    QTest::newRow("send shows more than sent") << record(ChildRecordType::Send, 2, 3, "abc");
    QTest::newRow("failed send with bytes") << record(ChildRecordType::Send, -1, 3, "abc");
    QTest::newRow("close with payload") << record(ChildRecordType::Close, 0, 1, "x");
    QTest::newRow("unknown type") << record(ChildRecordType(0), 0, 0);
    QTest::newRow("unknown type 7") << record(ChildRecordType(7), 0, 0);
    QByteArray reserved = record(ChildRecordType::Close, 0, 0);
    reserved[1] = 1;
    QTest::newRow("reserved bytes set") << reserved;
    QTest::newRow("header cut short") << record(ChildRecordType::Close, 0, 0).left(10);
}

void TestChildRecordReader::lyingHeaders()
{
    QFETCH(QByteArray, bytes);
    ChildRecordReader reader;
    reader.feed(bytes.constData(), bytes.size());
    ChildRecordHeader header;
    const char *payload = nullptr;
    while (reader.next(header, payload)) { }
    reader.finish();
    QVERIFY(reader.isCorrupt());
    QCOMPARE(reader.bufferedBytes(), 0);
}

// A length beyond PIPE_BUF is refused from the header alone: the reader neither waits for
// (nor makes room for) gigabytes that will never come.
void TestChildRecordReader::hugeLengthIsRefusedAtOnce()
{
    for (quint32 length :
         {quint32(kMaxChildPayload + 1), quint32(PIPE_BUF), 0x7fffffffu, 0xffffffffu}) {
        for (ChildRecordType type :
             {ChildRecordType::Payload, ChildRecordType::Send, ChildRecordType::Totals}) {
            ChildRecordReader reader;
            ChildRecordHeader header = headerOf(ChildRecordType::Recv, 0x7fffffff, 0);
            const char *payload = nullptr;
            if (type == ChildRecordType::Payload) { // owed, so only the length is wrong
                reader.feed(reinterpret_cast<const char *>(&header), sizeof header);
                QVERIFY(reader.next(header, payload));
            }
            header = headerOf(type, 0x7fffffff, length);
            reader.feed(reinterpret_cast<const char *>(&header), sizeof header);
            QVERIFY(!reader.next(header, payload));
            QVERIFY(reader.isCorrupt());
            QCOMPARE(reader.bufferedBytes(), 0);
        }
    }
}

QTEST_GUILESS_MAIN(TestChildRecordReader)
#include "tst_childrecordreader.moc"
