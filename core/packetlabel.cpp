#include "core/packetlabel.h"

#include <QLocale>

namespace socketlab {

bool PacketLabel::isPacket(const SocketEvent &event)
{
    return event.kind == EventKind::Packet
        || (event.kind == EventKind::Coalesced && event.mergedKind == EventKind::Packet);
}

namespace {
QString withPort(const QString &address, quint16 port)
{
    if (port == 0)
        return address;
    return address.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(address).arg(port)
                                              : QStringLiteral("%1:%2").arg(address).arg(port);
}

bool isIcmp(const PacketInfo &packet)
{
    return packet.proto == PacketInfo::Proto::Icmp || packet.proto == PacketInfo::Proto::Icmpv6;
}
} // namespace

QString PacketLabel::senderEnd(const PacketInfo &packet)
{
    return isIcmp(packet) ? withPort(packet.from, packet.quotedDestinationPort) : packet.from;
}

QString PacketLabel::receiverEnd(const PacketInfo &packet)
{
    return isIcmp(packet) ? withPort(packet.to, packet.quotedSourcePort) : packet.to;
}

QString PacketLabel::of(const SocketEvent &event)
{
    if (event.kind == EventKind::Coalesced)
        return tr("%1 packets").arg(QLocale().toString(event.messages));
    return of(event.packet);
}

QString PacketLabel::of(const PacketInfo &packet)
{
    QString label;
    switch (packet.proto) {
    case PacketInfo::Proto::Tcp:
        label = packet.flagsText();
        // Wireshark writes the length of a segment that carries data (and of none that does not).
        if (packet.len > 0)
            label += QStringLiteral(" len=%1").arg(packet.len);
        if (packet.zeroWindow)
            label += QStringLiteral(" win=0");
        break;
    case PacketInfo::Proto::Udp:
        label = QStringLiteral("UDP len=%1").arg(packet.len);
        break;
    case PacketInfo::Proto::Icmp:
    case PacketInfo::Proto::Icmpv6:
        label = packet.portUnreachable ? tr("ICMP port unreachable")
                                       : tr("ICMP destination unreachable");
        break;
    }
    if (packet.windowProbe)
        label += tr(" (window probe)");
    if (packet.retransmission)
        label += tr(" (retransmission)");
    return label;
}

} // namespace socketlab
