#include "core/capturefilter.h"

#include <QStringList>

#include <map>

namespace socketlab {

namespace {

// A tiny assembler: jumps name labels, resolved into cBPF's forward offsets at the end.
class Program
{
public:
    int label() { return m_next++; }
    void place(int label) { m_labels[label] = int(m_code.size()); }
    void op(quint16 code, quint32 k)
    {
        m_code.push_back({code, 0, 0, k});
        m_jumps.push_back({-1, -1});
    }
    void jump(quint16 code, quint32 k, int ifTrue, int ifFalse)
    {
        m_code.push_back({code, 0, 0, k});
        m_jumps.push_back({ifTrue, ifFalse});
    }
    std::vector<sock_filter> finish()
    {
        for (size_t i = 0; i < m_code.size(); ++i) {
            if (m_jumps[i].first < 0)
                continue;
            m_code[i].jt = quint8(m_labels.at(m_jumps[i].first) - int(i) - 1);
            m_code[i].jf = quint8(m_labels.at(m_jumps[i].second) - int(i) - 1);
        }
        return m_code;
    }

private:
    std::vector<sock_filter> m_code;
    std::vector<std::pair<int, int>> m_jumps;
    std::map<int, int> m_labels;
    int m_next = 0;
};

constexpr quint16 kLdH = BPF_LD | BPF_H | BPF_ABS;
constexpr quint16 kLdB = BPF_LD | BPF_B | BPF_ABS;
constexpr quint16 kLdHInd = BPF_LD | BPF_H | BPF_IND;
constexpr quint16 kLdBInd = BPF_LD | BPF_B | BPF_IND;
constexpr quint16 kLdxIpHeader = BPF_LDX | BPF_B | BPF_MSH;
constexpr quint16 kJeq = BPF_JMP | BPF_JEQ | BPF_K;
constexpr quint16 kJset = BPF_JMP | BPF_JSET | BPF_K;
constexpr quint16 kRet = BPF_RET | BPF_K;

void matchPorts(Program &p, const QList<quint16> &ports, int accept, int next);

// The source port is loaded with code at offset, the destination port 2 bytes further: to
// accept when either is one of ports (or ports is empty), else to drop.
void matchEitherPort(Program &p, const QList<quint16> &ports, quint16 code, quint32 offset,
                     int accept, int drop)
{
    p.op(code, offset);
    if (ports.isEmpty()) {
        p.jump(kJeq, 0, accept, accept);
        return;
    }
    const int destination = p.label();
    matchPorts(p, ports, accept, destination);
    p.place(destination);
    p.op(code, offset + 2);
    matchPorts(p, ports, accept, drop);
}

// Accumulator holds a port: to accept when it is one of ports, else to next.
void matchPorts(Program &p, const QList<quint16> &ports, int accept, int next)
{
    for (int i = 0; i < ports.size(); ++i) {
        const int miss = i + 1 < ports.size() ? p.label() : next;
        p.jump(kJeq, ports.at(i), accept, miss);
        if (miss != next)
            p.place(miss);
    }
}

} // namespace

std::vector<sock_filter> CaptureFilter::forPorts(const QList<quint16> &ports)
{
    Program p;
    const int accept = p.label(), drop = p.label(), v4 = p.label(), v6 = p.label();
    const int v4Ports = p.label(), v4Icmp = p.label(), v6Ports = p.label(), v6Icmp = p.label();
    const int v4Dst = p.label(), v4Udp = p.label(), v4Other = p.label();
    const int v6Udp = p.label(), v6Other = p.label(), notV4 = p.label();
    const QList<quint16> &wanted = ports;

    p.op(kLdH, 12); // EtherType
    p.jump(kJeq, 0x0800, v4, notV4);
    p.place(notV4);
    p.jump(kJeq, 0x86dd, v6, drop);

    p.place(v4);
    p.op(kLdB, 23); // protocol
    p.jump(kJeq, 6, v4Ports, v4Udp);
    p.place(v4Udp);
    p.jump(kJeq, 17, v4Ports, v4Other);
    p.place(v4Other);
    p.jump(kJeq, 1, v4Icmp, drop);
    p.place(v4Icmp);
    p.op(kLdxIpHeader, 14);
    p.op(kLdBInd, 14); // ICMP type
    p.jump(kJeq, 3, accept, drop);
    p.place(v4Ports);
    p.op(kLdH, 20); // fragment offset: only the first fragment holds the ports
    p.jump(kJset, 0x1fff, drop, v4Dst);
    p.place(v4Dst);
    p.op(kLdxIpHeader, 14);
    matchEitherPort(p, wanted, kLdHInd, 14, accept, drop); // after the IPv4 header's length

    p.place(v6);
    p.op(kLdB, 20); // next header
    p.jump(kJeq, 6, v6Ports, v6Udp);
    p.place(v6Udp);
    p.jump(kJeq, 17, v6Ports, v6Other);
    p.place(v6Other);
    p.jump(kJeq, 58, v6Icmp, drop);
    p.place(v6Icmp);
    p.op(kLdB, 54); // ICMPv6 type
    p.jump(kJeq, 1, accept, drop);
    p.place(v6Ports);
    matchEitherPort(p, wanted, kLdH, 54, accept, drop); // after the fixed IPv6 header

    p.place(accept);
    p.op(kRet, kSnapLength);
    p.place(drop);
    p.op(kRet, 0);
    return p.finish();
}

QString CaptureFilter::expression(const QList<quint16> &ports)
{
    const QString unreachable = QStringLiteral("icmp[0] == 3 or icmp6[0] == 1");
    if (ports.isEmpty())
        return QStringLiteral("tcp or udp or ") + unreachable;
    QStringList each;
    for (quint16 port : ports)
        each << QStringLiteral("port %1").arg(port);
    return QStringLiteral("((tcp or udp) and (%1)) or %2")
        .arg(each.join(QStringLiteral(" or ")), unreachable);
}

} // namespace socketlab
