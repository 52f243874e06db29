#pragma once

#include "core/syscall.h"

#include <QString>

namespace socketlab {

// What the wire carried, decoded from one captured frame (PacketDecoder): the fields of a
// `packet` event (docs/cli.md) and, once PacketLinker found it, the call that caused it.
struct PacketInfo
{
    enum class Proto : quint8 { Tcp, Udp, Icmp, Icmpv6 };
    // TCP flag bits as in the header's 13th byte.
    enum Flag : quint8 { Fin = 0x01, Syn = 0x02, Rst = 0x04, Psh = 0x08, Ack = 0x10, Urg = 0x20 };

    Proto proto = Proto::Tcp;
    QString from; // "127.0.0.1:53422", "[::1]:5000"; ICMP: the address alone
    QString to;
    quint8 flags = 0;
    // Relative to the first sequence number seen in each direction (the SYN's: 0).
    qint64 seq = 0;
    qint64 ack = 0;
    qint64 len = 0; // TCP or UDP payload bytes
    qint64 win = 0; // TCP window, scaled when both SYNs were seen with their scale option
    qint64 frameBytes = 0; // the whole frame as captured
    // TCP analysis, as Wireshark names it.
    bool retransmission = false;
    bool zeroWindow = false;
    bool windowProbe = false;
    // ICMP/ICMPv6 destination unreachable, port unreachable: the datagram's ends it answers.
    bool portUnreachable = false;
    // For ICMP: the ports of the TCP or UDP datagram it answers (0 when not quoted).
    quint16 quotedSourcePort = 0;
    quint16 quotedDestinationPort = 0;
    // The call that sent it (PacketLinker), None when the kernel did it on its own.
    SysCall cause = SysCall::None;
    qint64 causePid = 0;

    // "SYN", "SYN ACK", "PSH ACK", "FIN ACK", "RST", "RST ACK"; empty for UDP and ICMP.
    QString flagsText() const;
    // "tcp", "udp", "icmp", "icmpv6" (the JSON's `proto`).
    QString protoName() const;
    // The pcapng comment: "connect() by pid 4242"; empty without a cause. Never translated:
    // the file is read by tools, as the JSON is.
    QString causeText() const;
};

} // namespace socketlab
