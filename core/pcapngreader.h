#pragma once

#include <QByteArray>
#include <QVector>

#include <functional>

namespace socketlab {

// Reads a pcapng stream as it arrives (dumpcap -w - writes one to its standard output): feed()
// takes any slice of bytes and calls back once per Enhanced Packet Block with the packet's
// interface link type, time in microseconds and frame. Other blocks are skipped; a malformed
// stream stops it (failed()).
class PcapngReader
{
public:
    using Handler = std::function<void(int interfaceId, int linkType, qint64 timeUs,
                                       const uchar *frame, int size, int originalSize)>;
    explicit PcapngReader(Handler handler)
        : m_handler(std::move(handler))
    {
    }

    void feed(const char *data, int size);
    bool failed() const { return m_failed; }
    // Past this a block is taken for garbage (a frame is at most 256 KiB in dumpcap).
    static constexpr quint32 kMaxBlock = 1024 * 1024;

private:
    quint32 read32(const uchar *p) const;
    quint16 read16(const uchar *p) const;
    void block(quint32 type, const uchar *body, int size);

    struct Interface
    {
        int linkType = 0;
        qint64 unitsPerSecond = 1000000;
    };
    Handler m_handler;
    QByteArray m_buffer;
    QVector<Interface> m_interfaces;
    bool m_swapped = false;
    bool m_sawSection = false;
    bool m_failed = false;
};

} // namespace socketlab
