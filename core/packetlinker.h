#pragma once

#include "core/packetinfo.h"
#include "core/socketevent.h"

#include <QMutex>

#include <deque>

namespace socketlab {

// Finds the call that made a packet leave: the connect() that sent a SYN, the send() or
// sendto() that carried the data, the close() or shutdown() that sent a FIN, the close() with
// SO_LINGER 0 that sent an RST. A call is a candidate when the packet was captured while it
// ran (between its entry and its return, a little slack either side) and its kind fits the
// packet; where the call names its ends (a traced program's, a connect's address), they
// must be the packet's. accept() never causes a packet: the kernel answered the SYN before.
// Calls are noted from any thread (the consumer of the event stream) while the capture
// thread links; kept for kKeepUs after the newest packet, kMaxCalls at most.
class PacketLinker
{
public:
    static constexpr int kMaxCalls = 8192;
    static constexpr qint64 kKeepUs = 10 * 1000 * 1000;
    // The capture's clock and the calls' may read a little apart (a packet is stamped as the
    // kernel hands it over).
    static constexpr qint64 kSlackUs = 100;

    // The lab's server ports: a call that names no ends (the lab's own server and clients
    // say only "fd 5") sent the packet when its side is the packet's, the server's side being
    // the one on these ports.
    void setServerPorts(const QList<quint16> &ports);
    void noteCalls(const SocketEvents &events);
    // Sets info's cause and causePid when a call fits; false otherwise.
    bool link(PacketInfo *info, qint64 timeUs);

private:
    struct CallRecord
    {
        SysCall call = SysCall::None;
        qint64 beginUs = 0;
        qint64 endUs = 0;
        qint64 pid = 0;
        QString local;
        QString remote;
        Role role = Role::Server;
        bool traced = false;
    };
    bool fromServer(const QString &from) const;

    QMutex m_mutex;
    std::deque<CallRecord> m_calls; // in the order noted
    QList<quint16> m_serverPorts;
};

} // namespace socketlab
