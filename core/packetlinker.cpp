#include "core/packetlinker.h"

#include "core/endpoint.h"

#include <QMutexLocker>

namespace socketlab {

namespace {
// Calls are noted in batches, each in its stream's order: a margin for batches interleaved.
constexpr qint64 kSearchBackUs = 2 * 1000 * 1000;

bool causesPackets(SysCall call)
{
    switch (call) {
    case SysCall::Connect:
    case SysCall::Send:
    case SysCall::Sendto:
    case SysCall::Close:
    case SysCall::Shutdown:
        return true;
    default:
        return false;
    }
}

bool isWildcardEndpoint(const QString &address)
{
    return address.startsWith(QLatin1String("0.0.0.0:"))
        || address.startsWith(QLatin1String("[::]:"));
}

// The calls that may have sent this packet.
bool fits(SysCall call, const PacketInfo &info)
{
    if (info.proto == PacketInfo::Proto::Udp)
        return call == SysCall::Sendto || call == SysCall::Send;
    if (info.proto != PacketInfo::Proto::Tcp || info.retransmission)
        return false;
    const quint8 flags = info.flags;
    if ((flags & PacketInfo::Syn) && !(flags & PacketInfo::Ack))
        return call == SysCall::Connect;
    if (flags & PacketInfo::Rst)
        return call == SysCall::Close;
    if (flags & PacketInfo::Fin)
        return call == SysCall::Close || call == SysCall::Shutdown;
    if (info.len > 0)
        return call == SysCall::Send || call == SysCall::Sendto;
    return false;
}

// A connect()'s or sendto()'s destination, from its arguments ("fd 3, 127.0.0.1:5000").
QString addressInArgs(const QString &args)
{
    const int comma = args.lastIndexOf(QLatin1String(", "));
    const QString last = comma < 0 ? args : args.mid(comma + 2);
    return last.contains(QLatin1Char(':')) ? last : QString();
}

} // namespace

void PacketLinker::setServerPorts(const QList<quint16> &ports)
{
    QMutexLocker locker(&m_mutex);
    m_serverPorts = ports;
}

bool PacketLinker::fromServer(const QString &from) const
{
    const Endpoint address = Endpoint::parse(from);
    return address.isValid() && m_serverPorts.contains(address.port());
}

void PacketLinker::noteCalls(const SocketEvents &events)
{
    QMutexLocker locker(&m_mutex);
    for (const SocketEvent &event : events) {
        if (event.kind != EventKind::Call || !causesPackets(event.call))
            continue;
        CallRecord record;
        record.call = event.call;
        record.beginUs = event.beginUs;
        record.endUs = event.endUs;
        record.pid = event.pid;
        record.role = event.role;
        record.traced = event.traced;
        if (!isWildcardEndpoint(event.local))
            record.local = event.local;
        record.remote = event.peer;
        if (record.remote.isEmpty()
            && (event.call == SysCall::Connect || event.call == SysCall::Sendto))
            record.remote = addressInArgs(event.args);
        m_calls.push_back(std::move(record));
        if (m_calls.size() > size_t(kMaxCalls))
            m_calls.pop_front();
    }
}

bool PacketLinker::link(PacketInfo *info, qint64 timeUs)
{
    QMutexLocker locker(&m_mutex);
    while (!m_calls.empty() && m_calls.front().endUs < timeUs - kKeepUs)
        m_calls.pop_front();
    const CallRecord *best = nullptr;
    int bestScore = -1;
    for (auto it = m_calls.rbegin(); it != m_calls.rend(); ++it) {
        const CallRecord &call = *it;
        // Noted about in the order they returned: far older ones cannot hold this packet.
        if (call.endUs + kSearchBackUs < timeUs)
            break;
        if (call.beginUs - kSlackUs > timeUs || call.endUs + kSlackUs < timeUs)
            continue;
        if (!fits(call.call, *info))
            continue;
        if (!call.remote.isEmpty() && call.remote != info->to)
            continue;
        if (!call.local.isEmpty() && call.local != info->from)
            continue;
        if (!call.traced && call.local.isEmpty() && call.remote.isEmpty()
            && !m_serverPorts.isEmpty() && (call.role == Role::Server) != fromServer(info->from)) {
            continue;
        }
        // A call that names the packet's ends beats one that names none; then the latest.
        const int score = (call.remote.isEmpty() ? 0 : 1) + (call.local.isEmpty() ? 0 : 1);
        if (score > bestScore) {
            best = &call;
            bestScore = score;
        }
    }
    if (!best)
        return false;
    info->cause = best->call;
    info->causePid = best->pid;
    return true;
}

} // namespace socketlab
