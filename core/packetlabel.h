#pragma once

#include "core/socketevent.h"

#include <QCoreApplication>
#include <QString>

namespace socketlab {

// A packet's short label, as Wireshark's Info column starts: "SYN", "SYN ACK", "ACK",
// "PSH ACK len=5", "FIN ACK", "RST", "UDP len=5", "ICMP port unreachable", with the TCP
// analysis that matters in a lesson ("win=0", "window probe", "retransmission"). For the
// thin packet arrows of the sequence views; plain text.
class PacketLabel
{
    Q_DECLARE_TR_FUNCTIONS(PacketLabel)

public:
    // A Packet event's label; a coalesced one: "1,234 packets".
    static QString of(const SocketEvent &event);
    static QString of(const PacketInfo &packet);
    // Whether the event is a packet or packets merged under a flood.
    static bool isPacket(const SocketEvent &event);
    // The packet's ends as sockets: its from and to, but for an ICMP unreachable (which
    // names addresses only) the socket it answers (receiver: the quoted datagram's sender)
    // and the port that datagram went to (sender), so views draw it between those lanes.
    static QString senderEnd(const PacketInfo &packet);
    static QString receiverEnd(const PacketInfo &packet);
};

} // namespace socketlab
