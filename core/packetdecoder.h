#pragma once

#include "core/packetinfo.h"

#include <QByteArray>
#include <QHash>

namespace socketlab {

// Turns captured frames into PacketInfo: link framing (Ethernet, which the loopback fakes;
// raw IP; Linux cooked SLL and SLL2, what dumpcap gives for "any"), IPv4/IPv6, TCP, UDP and
// ICMP/ICMPv6 destination unreachable. TCP is followed per direction, so sequence numbers
// are relative and retransmissions, zero windows and window probes are told, as Wireshark's
// packet list shows them. Not thread-safe: one decoder per capture.
class PacketDecoder
{
public:
    // pcap link types (LINKTYPE_*).
    static constexpr int kEthernet = 1;
    static constexpr int kRawIp = 101;
    static constexpr int kLinuxSll = 113;
    static constexpr int kLinuxSll2 = 276;
    // Connections followed at once, at most; past it they are forgotten and start anew.
    static constexpr int kMaxFlows = 4096;

    // False when the frame is none of the lab's kinds (ARP, a fragment, a truncated header).
    bool decode(int linkType, const uchar *frame, int size, PacketInfo *info);
    // A key the same for both directions of a connection (and of a UDP pair), for grouping.
    static quint64 conversationKey(const PacketInfo &info);

private:
    struct Direction
    {
        quint32 base = 0; // the first sequence number seen (the SYN's)
        quint32 next = 0; // one past the highest sequence number sent
        quint32 rawWindow = 0;
        int scale = -1; // the SYN's window scale option, -1 without one
        bool known = false;
        bool sawSyn = false;
        // Its ends as text, made once per direction rather than once per packet.
        QString from;
        QString to;
    };
    void decodeIp(const uchar *ip, int size, PacketInfo *info, bool *ok);
    // The direction (src, ports, dst) of a TCP or UDP packet, made on first sight.
    Direction &direction(int family, int protocol, const uchar *src, const uchar *dst,
                         const uchar *ports, bool reverse);
    void decodeTcp(Direction &out, Direction &back, const uchar *tcp, int size, int payload,
                   PacketInfo *info);

    QHash<QByteArray, Direction> m_flows;
};

} // namespace socketlab
