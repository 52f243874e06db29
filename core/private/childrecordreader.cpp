#include "core/private/childrecordreader.h"

#include <cstring>

namespace socketlab {

void ChildRecordReader::feed(const char *data, qsizetype size)
{
    if (m_corrupt || size <= 0)
        return;
    // Records already returned are done with: only an unfinished one stays.
    if (m_offset > 0) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    m_buffer.append(data, size);
}

bool ChildRecordReader::next(ChildRecordHeader &header, const char *&payload)
{
    if (m_corrupt || bufferedBytes() < qsizetype(sizeof header))
        return false;
    std::memcpy(&header, m_buffer.constData() + m_offset, sizeof header);
    if (!valid(header)) {
        fail();
        return false;
    }
    // valid() bounds length by PIPE_BUF, so this cannot overflow.
    const qsizetype total = qsizetype(sizeof header) + qsizetype(header.length);
    if (bufferedBytes() < total)
        return false;
    payload = m_buffer.constData() + m_offset + sizeof header;
    m_offset += total;
    if (header.type == ChildRecordType::Recv && header.result > 0)
        m_expectedPayload = header.result;
    else if (header.type == ChildRecordType::Payload)
        m_expectedPayload -= header.length;
    return true;
}

bool ChildRecordReader::valid(const ChildRecordHeader &header) const
{
    if (header.length > kMaxChildPayload)
        return false;
    for (std::uint8_t byte : header.reserved) {
        if (byte != 0)
            return false;
    }
    // While a Recv's bytes are due, only Payload records may come, and no more than are due.
    if (m_expectedPayload > 0) {
        return header.type == ChildRecordType::Payload && header.length > 0
            && qint64(header.length) <= m_expectedPayload;
    }
    switch (header.type) {
    case ChildRecordType::Recv:
        return header.length == 0;
    case ChildRecordType::Payload:
        return false; // no Recv announced it
    case ChildRecordType::Send:
        return header.result < 0 ? header.length == 0 : qint64(header.length) <= header.result;
    case ChildRecordType::Close:
    case ChildRecordType::Counter:
        return header.length == 0;
    case ChildRecordType::Totals:
        return header.length == sizeof(std::int64_t) && header.result >= 0;
    }
    return false; // an unknown type
}

void ChildRecordReader::finish()
{
    if (bufferedBytes() > 0 || m_expectedPayload > 0)
        fail();
}

void ChildRecordReader::fail()
{
    m_corrupt = true;
    m_buffer = QByteArray();
    m_offset = 0;
    m_expectedPayload = 0;
}

} // namespace socketlab
