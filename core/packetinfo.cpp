#include "core/packetinfo.h"

#include <QStringList>

namespace socketlab {

QString PacketInfo::flagsText() const
{
    if (proto != Proto::Tcp)
        return QString();
    // Wireshark's order of importance: what the segment does first, then the ACK it carries.
    static const struct
    {
        quint8 bit;
        const char *name;
    } kNames[]
        = {{Syn, "SYN"}, {Fin, "FIN"}, {Rst, "RST"}, {Psh, "PSH"}, {Urg, "URG"}, {Ack, "ACK"}};
    QStringList names;
    for (const auto &name : kNames) {
        if (flags & name.bit)
            names << QLatin1String(name.name);
    }
    return names.join(QLatin1Char(' '));
}

QString PacketInfo::protoName() const
{
    switch (proto) {
    case Proto::Tcp:
        return QStringLiteral("tcp");
    case Proto::Udp:
        return QStringLiteral("udp");
    case Proto::Icmp:
        return QStringLiteral("icmp");
    case Proto::Icmpv6:
        break;
    }
    return QStringLiteral("icmpv6");
}

QString PacketInfo::causeText() const
{
    if (cause == SysCall::None)
        return QString();
    return QStringLiteral("%1() by pid %2").arg(sysCallName(cause)).arg(causePid);
}

} // namespace socketlab
