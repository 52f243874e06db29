#include "core/pcapngreader.h"

#include <QtEndian>

namespace socketlab {

quint32 PcapngReader::read32(const uchar *p) const
{
    const quint32 value = qFromUnaligned<quint32>(p);
    return m_swapped ? qbswap(value) : value;
}

quint16 PcapngReader::read16(const uchar *p) const
{
    const quint16 value = qFromUnaligned<quint16>(p);
    return m_swapped ? qbswap(value) : value;
}

void PcapngReader::feed(const char *data, int size)
{
    if (m_failed)
        return;
    m_buffer.append(data, size);
    int offset = 0;
    while (m_buffer.size() - offset >= 12) {
        const auto *p = reinterpret_cast<const uchar *>(m_buffer.constData()) + offset;
        const quint32 rawType = qFromUnaligned<quint32>(p);
        if (rawType == 0x0A0D0D0A) {
            // A section header tells its byte order by its magic.
            const quint32 magic = qFromUnaligned<quint32>(p + 8);
            if (magic != 0x1A2B3C4D && magic != 0x4D3C2B1A) {
                m_failed = true;
                return;
            }
            m_swapped = magic == 0x4D3C2B1A;
            m_sawSection = true;
            m_interfaces.clear();
        } else if (!m_sawSection) {
            m_failed = true;
            return;
        }
        const quint32 type = read32(p);
        const quint32 length = read32(p + 4);
        if (length < 12 || length % 4 != 0 || length > kMaxBlock) {
            m_failed = true;
            return;
        }
        if (quint32(m_buffer.size() - offset) < length)
            break;
        block(type, p + 8, int(length) - 12);
        offset += int(length);
    }
    m_buffer.remove(0, offset);
}

void PcapngReader::block(quint32 type, const uchar *body, int size)
{
    if (type == 1 && size >= 8) { // Interface Description
        Interface interface;
        interface.linkType = read16(body);
        int i = 8;
        while (i + 4 <= size) {
            const quint16 code = read16(body + i);
            const quint16 length = read16(body + i + 2);
            if (code == 0 || i + 4 + length > size)
                break;
            if (code == 9 && length >= 1) { // if_tsresol
                const uchar resolution = body[i + 4];
                qint64 units = 1;
                const int exponent = resolution & 0x7f;
                for (int n = 0; n < exponent && units < 1000000000000LL; ++n)
                    units *= (resolution & 0x80) ? 2 : 10;
                interface.unitsPerSecond = units;
            }
            i += 4 + ((length + 3) & ~3);
        }
        m_interfaces.append(interface);
    } else if (type == 6 && size >= 20) { // Enhanced Packet
        const quint32 id = read32(body);
        if (id >= quint32(m_interfaces.size()))
            return;
        const Interface &interface = m_interfaces.at(int(id));
        const quint64 stamp = (quint64(read32(body + 4)) << 32) | read32(body + 8);
        const quint32 captured = read32(body + 12);
        const quint32 original = read32(body + 16);
        if (captured > quint32(size - 20))
            return;
        const qint64 us = interface.unitsPerSecond == 1000000
            ? qint64(stamp)
            : qint64(stamp / quint64(interface.unitsPerSecond)) * 1000000
                + qint64(stamp % quint64(interface.unitsPerSecond)) * 1000000
                    / interface.unitsPerSecond;
        m_handler(int(id), interface.linkType, us, body + 20, int(captured), int(original));
    }
}

} // namespace socketlab
