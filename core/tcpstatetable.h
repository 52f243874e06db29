#pragma once

#include <QByteArray>

namespace socketlab {

// Counts TCP sockets by local port and state from /proc/net/tcp and /proc/net/tcp6, where
// TIME_WAIT connections show up although no process owns them any more.
class TcpStateTable
{
public:
    static constexpr int kTimeWait = 0x06;
    static constexpr int kListen = 0x0A;

    // networkHelper: a process of the lab's private network (LabNetwork::helperPid()), whose
    // /proc/<pid>/net shows that network's tables; 0 for SocketLab's own network.
    static int count(quint16 localPort, int state, qint64 networkHelper = 0);
    // One table's text: "  sl  local_address rem_address   st ..." then a line per socket.
    static int countIn(const QByteArray &table, quint16 localPort, int state);
};

} // namespace socketlab
