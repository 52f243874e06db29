#include "core/packetdecoder.h"

#include <arpa/inet.h>

#include <cstring>

namespace socketlab {

namespace {

quint16 be16(const uchar *p)
{
    return quint16((p[0] << 8) | p[1]);
}

quint32 be32(const uchar *p)
{
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | p[3];
}

// Serial-number arithmetic: a at or after b (RFC 1982), so a wrapped sequence still compares.
bool atOrAfter(quint32 a, quint32 b)
{
    return qint32(a - b) >= 0;
}

QString hostText(int family, const uchar *address)
{
    char text[INET6_ADDRSTRLEN] = {};
    ::inet_ntop(family, address, text, sizeof text);
    return QString::fromLatin1(text);
}

QString endpointText(int family, const uchar *address, quint16 port)
{
    const QString host = hostText(family, address);
    if (family == AF_INET6)
        return QStringLiteral("[%1]:%2").arg(host).arg(port);
    return QStringLiteral("%1:%2").arg(host).arg(port);
}

// The TCP option "window scale" of a SYN, -1 without one.
int windowScale(const uchar *tcp, int headerLength)
{
    int i = 20;
    while (i < headerLength) {
        const uchar kind = tcp[i];
        if (kind == 0)
            break;
        if (kind == 1) {
            ++i;
            continue;
        }
        if (i + 1 >= headerLength || tcp[i + 1] < 2)
            break;
        if (kind == 3 && tcp[i + 1] == 3 && i + 2 < headerLength)
            return qMin(int(tcp[i + 2]), 14);
        i += tcp[i + 1];
    }
    return -1;
}

} // namespace

bool PacketDecoder::decode(int linkType, const uchar *frame, int size, PacketInfo *info)
{
    int offset = 0;
    quint16 etherType = 0;
    switch (linkType) {
    case kEthernet:
        if (size < 14)
            return false;
        etherType = be16(frame + 12);
        offset = 14;
        if (etherType == 0x8100 && size >= 18) { // one VLAN tag
            etherType = be16(frame + 16);
            offset = 18;
        }
        break;
    case kLinuxSll:
        if (size < 16)
            return false;
        etherType = be16(frame + 14);
        offset = 16;
        break;
    case kLinuxSll2:
        if (size < 20)
            return false;
        etherType = be16(frame);
        offset = 20;
        break;
    case kRawIp:
        if (size < 1)
            return false;
        etherType = (frame[0] >> 4) == 6 ? 0x86dd : 0x0800;
        break;
    default:
        return false;
    }
    if (etherType != 0x0800 && etherType != 0x86dd)
        return false;
    bool ok = false;
    info->frameBytes = size;
    decodeIp(frame + offset, size - offset, info, &ok);
    return ok;
}

void PacketDecoder::decodeIp(const uchar *ip, int size, PacketInfo *info, bool *ok)
{
    if (size < 20)
        return;
    const int version = ip[0] >> 4;
    int family = AF_INET;
    const uchar *src = nullptr;
    const uchar *dst = nullptr;
    int protocol = 0;
    int header = 0;
    int total = size;
    if (version == 4) {
        header = (ip[0] & 0x0f) * 4;
        if (header < 20 || size < header || (be16(ip + 6) & 0x1fff) != 0)
            return;
        total = int(be16(ip + 2));
        if (total < header)
            return;
        protocol = ip[9];
        src = ip + 12;
        dst = ip + 16;
    } else if (version == 6) {
        if (size < 40)
            return;
        family = AF_INET6;
        header = 40;
        total = 40 + int(be16(ip + 4));
        protocol = ip[6];
        src = ip + 8;
        dst = ip + 24;
    } else {
        return;
    }
    const uchar *l4 = ip + header;
    // The length the packet had; only its headers need to be in what was captured.
    const int l4Length = total - header;
    const int l4Captured = size - header;
    if (protocol == 6 || protocol == 17) {
        if (l4Captured < (protocol == 6 ? 20 : 8) || l4Length < (protocol == 6 ? 20 : 8))
            return;
        if (m_flows.size() >= kMaxFlows)
            m_flows.clear();
        // Both inserted before either is referenced: an insertion may move the other.
        direction(family, protocol, dst, src, l4, true);
        Direction &out = direction(family, protocol, src, dst, l4, false);
        Direction &back = direction(family, protocol, dst, src, l4, true);
        info->from = out.from;
        info->to = out.to;
        if (protocol == 17) {
            info->proto = PacketInfo::Proto::Udp;
            info->len = qMax(0, int(be16(l4 + 4)) - 8);
            *ok = true;
            return;
        }
        info->proto = PacketInfo::Proto::Tcp;
        const int tcpHeader = (l4[12] >> 4) * 4;
        if (tcpHeader < 20 || tcpHeader > l4Captured || tcpHeader > l4Length)
            return;
        decodeTcp(out, back, l4, tcpHeader, l4Length - tcpHeader, info);
        *ok = true;
        return;
    }
    const int l4Size = l4Captured;
    const bool icmp4 = protocol == 1 && family == AF_INET;
    const bool icmp6 = protocol == 58 && family == AF_INET6;
    if ((!icmp4 && !icmp6) || l4Size < 8)
        return;
    info->proto = icmp4 ? PacketInfo::Proto::Icmp : PacketInfo::Proto::Icmpv6;
    info->from = hostText(family, src);
    info->to = hostText(family, dst);
    info->len = l4Size - 8;
    // Type 3 code 3 (ICMP), type 1 code 4 (ICMPv6): port unreachable.
    info->portUnreachable = icmp4 ? (l4[0] == 3 && l4[1] == 3) : (l4[0] == 1 && l4[1] == 4);
    // The datagram it answers follows the 8-byte ICMP header: its IP header, then its ports.
    const uchar *quoted = l4 + 8;
    const int quotedSize = l4Size - 8;
    int quotedHeader = -1;
    int quotedProtocol = 0;
    if (icmp4 && quotedSize >= 20) {
        quotedHeader = (quoted[0] & 0x0f) * 4;
        quotedProtocol = quoted[9];
    } else if (icmp6 && quotedSize >= 40) {
        quotedHeader = 40;
        quotedProtocol = quoted[6];
    }
    if (quotedHeader >= 20 && (quotedProtocol == 6 || quotedProtocol == 17)
        && quotedSize >= quotedHeader + 4) {
        info->quotedSourcePort = be16(quoted + quotedHeader);
        info->quotedDestinationPort = be16(quoted + quotedHeader + 2);
    }
    *ok = true;
}

PacketDecoder::Direction &PacketDecoder::direction(int family, int protocol, const uchar *src,
                                                   const uchar *dst, const uchar *ports,
                                                   bool reverse)
{
    const int addressBytes = family == AF_INET ? 4 : 16;
    char key[1 + 16 + 4 + 16];
    key[0] = char(protocol);
    std::memcpy(key + 1, src, size_t(addressBytes));
    std::memcpy(key + 1 + addressBytes, ports + (reverse ? 2 : 0), 2);
    std::memcpy(key + 3 + addressBytes, ports + (reverse ? 0 : 2), 2);
    std::memcpy(key + 5 + addressBytes, dst, size_t(addressBytes));
    const int length = 5 + 2 * addressBytes;
    auto it = m_flows.find(QByteArray::fromRawData(key, length));
    if (it != m_flows.end())
        return it.value();
    Direction made;
    made.from = endpointText(family, src, be16(ports + (reverse ? 2 : 0)));
    made.to = endpointText(family, dst, be16(ports + (reverse ? 0 : 2)));
    return m_flows.insert(QByteArray(key, length), made).value();
}

void PacketDecoder::decodeTcp(Direction &out, Direction &back, const uchar *tcp, int headerLength,
                              int payload, PacketInfo *info)
{
    const quint32 seq = be32(tcp + 4);
    const quint32 ack = be32(tcp + 8);
    info->flags = tcp[13] & 0x3f;
    info->len = payload;
    const bool syn = info->flags & PacketInfo::Syn;
    const bool fin = info->flags & PacketInfo::Fin;
    const bool rst = info->flags & PacketInfo::Rst;
    const bool hasAck = info->flags & PacketInfo::Ack;
    if (syn) {
        // A new connection on the same ports starts anew (a SYN after TIME_WAIT).
        if (!out.sawSyn || seq != out.base) {
            Direction fresh;
            fresh.from = out.from;
            fresh.to = out.to;
            out = fresh;
        }
        out.sawSyn = true;
        out.scale = windowScale(tcp, headerLength);
    }
    if (!out.known) {
        out.base = seq;
        out.next = seq;
        out.known = true;
    }
    if (hasAck && !back.known) {
        back.base = ack;
        back.next = ack;
        back.known = true;
    }
    const quint32 segment = quint32(payload) + (syn ? 1 : 0) + (fin ? 1 : 0);
    const quint32 rawWindow = be16(tcp + 14);
    info->seq = qint64(quint32(seq - out.base));
    info->ack = hasAck ? qint64(quint32(ack - back.base)) : 0;
    // The window field of a SYN is never scaled; afterwards only when both ends offered it.
    const bool scaled = !syn && out.sawSyn && back.sawSyn && out.scale >= 0 && back.scale >= 0;
    info->win = qint64(rawWindow) << (scaled ? out.scale : 0);
    info->zeroWindow = rawWindow == 0 && !syn && !fin && !rst;
    info->windowProbe = back.rawWindow == 0 && back.sawSyn && !syn && !fin && !rst && payload <= 1
        && atOrAfter(seq + 1, out.next) && hasAck;
    info->retransmission = !info->windowProbe && segment > 0 && !syn
        && atOrAfter(out.next, seq + segment) && seq != out.base;
    if (syn && out.next != seq)
        info->retransmission = true;
    if (!info->windowProbe && atOrAfter(seq + segment, out.next))
        out.next = seq + segment;
    out.rawWindow = rst ? out.rawWindow : rawWindow;
}

quint64 PacketDecoder::conversationKey(const PacketInfo &info)
{
    const QString a = info.from < info.to ? info.from : info.to;
    const QString b = info.from < info.to ? info.to : info.from;
    return qHash(a) * 31 + qHash(b) + quint64(info.proto);
}

} // namespace socketlab
