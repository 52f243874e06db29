#pragma once

#include "core/private/childrecord.h"

#include <QByteArray>

namespace socketlab {

// Splits the byte stream of a forked child's record pipe back into records, however the
// reads cut it, and checks it keeps to the child's grammar (childrecord.h): a record's
// payload fits in PIPE_BUF, a Recv's bytes follow it as Payload records, nothing else does.
// A stream that breaks the grammar is corrupt: the reader gives no record after that and
// drops what it holds. It never buffers more than one unfinished record plus the last feed.
class ChildRecordReader
{
public:
    // Appends bytes read from the pipe (ignored once the stream is corrupt).
    void feed(const char *data, qsizetype size);
    // The next complete record: payload points at header.length bytes, valid until the next
    // feed(). False when more bytes are needed or the stream is corrupt.
    bool next(ChildRecordHeader &header, const char *&payload);
    // End of the stream: an unfinished record (or a Recv whose bytes never came) is corrupt.
    void finish();

    bool isCorrupt() const { return m_corrupt; }
    qsizetype bufferedBytes() const { return m_buffer.size() - m_offset; }

private:
    bool valid(const ChildRecordHeader &header) const;
    void fail();

    QByteArray m_buffer;
    qsizetype m_offset = 0; // start of the first record not yet returned
    qint64 m_expectedPayload = 0; // bytes of the last Recv still to come
    bool m_corrupt = false;
};

} // namespace socketlab
