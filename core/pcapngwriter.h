#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QFileDevice>
#include <QHash>
#include <QString>

#include <memory>

namespace socketlab {

// Writes a pcapng file (what Wireshark and tshark open): a Section Header Block, an Interface
// Description Block per interface as its first packet comes, then one Enhanced Packet Block per
// packet, with timestamps in microseconds and an optional comment (opt_comment). An atomic
// file appears whole at commit() (QSaveFile), never half written, and a writer destroyed
// without commit() leaves none; a spool (not atomic) is written as it goes, so that a copy
// can be taken while packets still come (flush() first).
class PcapngWriter
{
    Q_DECLARE_TR_FUNCTIONS(PcapngWriter)

public:
    // False with a translated error naming the file and the system's reason.
    bool open(const QString &path, QString *error, bool atomic = true);
    bool isOpen() const { return m_file && m_file->isOpen(); }
    void flush();
    // interfaceKey: any number naming the interface (its ifindex); linkType: LINKTYPE_*.
    void write(int interfaceKey, int linkType, const QString &interfaceName, qint64 timeUs,
               const uchar *frame, int size, int originalSize, const QString &comment);
    bool commit(QString *error);
    qint64 packets() const { return m_packets; }

private:
    void writeBlock(quint32 type, const QByteArray &body);

    std::unique_ptr<QFileDevice> m_file;
    QHash<int, quint32> m_interfaces; // interfaceKey -> interface id in the file
    qint64 m_packets = 0;
    QByteArray m_block; // reused, so a packet costs no allocation
};

} // namespace socketlab
