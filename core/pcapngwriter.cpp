#include "core/pcapngwriter.h"

#include <QFile>
#include <QSaveFile>

#include <cstring>

namespace socketlab {

namespace {

constexpr quint32 kSectionHeader = 0x0A0D0D0A;
constexpr quint32 kInterfaceDescription = 1;
constexpr quint32 kEnhancedPacket = 6;
constexpr quint16 kOptEnd = 0;
constexpr quint16 kOptComment = 1;
constexpr quint16 kShbUserApplication = 4;
constexpr quint16 kIfName = 2;
constexpr quint16 kIfTimestampResolution = 9;

void append32(QByteArray &out, quint32 value)
{
    out.append(reinterpret_cast<const char *>(&value), 4); // the host's order, as the SHB says
}

void append16(QByteArray &out, quint16 value)
{
    out.append(reinterpret_cast<const char *>(&value), 2);
}

void pad(QByteArray &out)
{
    while (out.size() % 4 != 0)
        out.append('\0');
}

void appendOption(QByteArray &out, quint16 code, const QByteArray &value)
{
    append16(out, code);
    append16(out, quint16(value.size()));
    out.append(value);
    pad(out);
}

} // namespace

bool PcapngWriter::open(const QString &path, QString *error, bool atomic)
{
    if (atomic)
        m_file = std::make_unique<QSaveFile>(path);
    else
        m_file = std::make_unique<QFile>(path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write the capture to %1: %2").arg(path, m_file->errorString());
        m_file.reset();
        return false;
    }
    QByteArray body;
    append32(body, 0x1A2B3C4D); // byte-order magic
    append16(body, 1); // version 1.0
    append16(body, 0);
    append32(body, 0xffffffff); // section length: not known
    append32(body, 0xffffffff);
    appendOption(body, kShbUserApplication, QByteArrayLiteral("SocketLab"));
    append16(body, kOptEnd);
    append16(body, 0);
    writeBlock(kSectionHeader, body);
    return true;
}

void PcapngWriter::writeBlock(quint32 type, const QByteArray &body)
{
    const quint32 length = quint32(body.size()) + 12;
    QByteArray &block = m_block;
    block.clear();
    append32(block, type);
    append32(block, length);
    block.append(body);
    append32(block, length);
    m_file->write(block);
}

void PcapngWriter::flush()
{
    if (isOpen())
        m_file->flush();
}

void PcapngWriter::write(int interfaceKey, int linkType, const QString &interfaceName,
                         qint64 timeUs, const uchar *frame, int size, int originalSize,
                         const QString &comment)
{
    if (!isOpen())
        return;
    auto it = m_interfaces.constFind(interfaceKey);
    if (it == m_interfaces.constEnd()) {
        QByteArray body;
        append16(body, quint16(linkType));
        append16(body, 0);
        append32(body, 0); // no snapshot length limit
        if (!interfaceName.isEmpty())
            appendOption(body, kIfName, interfaceName.toUtf8());
        appendOption(body, kIfTimestampResolution, QByteArray(1, char(6))); // microseconds
        append16(body, kOptEnd);
        append16(body, 0);
        writeBlock(kInterfaceDescription, body);
        it = m_interfaces.insert(interfaceKey, quint32(m_interfaces.size()));
    }
    QByteArray body;
    body.reserve(size + 64 + comment.size() * 3);
    append32(body, it.value());
    append32(body, quint32(quint64(timeUs) >> 32));
    append32(body, quint32(quint64(timeUs) & 0xffffffffu));
    append32(body, quint32(size));
    append32(body, quint32(qMax(size, originalSize)));
    body.append(reinterpret_cast<const char *>(frame), size);
    pad(body);
    if (!comment.isEmpty()) {
        appendOption(body, kOptComment, comment.toUtf8());
        append16(body, kOptEnd);
        append16(body, 0);
    }
    writeBlock(kEnhancedPacket, body);
    ++m_packets;
}

bool PcapngWriter::commit(QString *error)
{
    if (!isOpen())
        return true;
    auto *atomic = qobject_cast<QSaveFile *>(m_file.get());
    const bool written = atomic ? atomic->commit() : (m_file->flush() && (m_file->close(), true));
    if (!written) {
        *error = tr("Cannot write the capture to %1: %2")
                     .arg(m_file->fileName(), m_file->errorString());
        return false;
    }
    return true;
}

} // namespace socketlab
