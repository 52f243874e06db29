#pragma once

#include <QList>

#include <linux/filter.h>

#include <vector>

namespace socketlab {

// The classic BPF program attached to the capture socket (SO_ATTACH_FILTER), so the kernel
// drops every frame that is not the lab's before it is copied to us: over Ethernet framing
// (the loopback has a zeroed Ethernet header too), IPv4 or IPv6 TCP/UDP with one of ports as
// source or destination (every port when ports is empty: a traced program's are not known up
// front), and ICMP/ICMPv6 destination unreachable (a UDP datagram to a closed port's answer).
// IPv4 fragments after the first and IPv6 extension headers are left out.
class CaptureFilter
{
public:
    static std::vector<sock_filter> forPorts(const QList<quint16> &ports);
    // The same as a tcpdump expression, for dumpcap's -f.
    static QString expression(const QList<quint16> &ports);
    // The most a frame is kept of: the headers and the first 256 bytes of payload, enough for
    // the recipe's messages to show in Wireshark, while a flood of large segments is not
    // copied whole to SocketLab (the pcapng keeps each packet's real length).
    static constexpr quint32 kSnapLength = 14 + 60 + 60 + 256;
};

} // namespace socketlab
