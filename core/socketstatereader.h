#pragma once

#include "core/protocol.h"

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>

namespace socketlab {

class LabNetwork;

// The TCP states as the kernel numbers them (include/net/tcp_states.h); a UDP socket is
// CLOSE when unconnected and ESTABLISHED after connect().
enum class SocketState {
    Unknown = 0,
    Established = 1,
    SynSent,
    SynRecv,
    FinWait1,
    FinWait2,
    TimeWait,
    Close,
    CloseWait,
    LastAck,
    Listen,
    Closing,
};

// Never translated: the names every textbook and `ss` use.
QString socketStateName(SocketState state);

// One socket as the kernel sees it at one moment.
struct SocketSnapshot
{
    Protocol protocol = Protocol::Tcp;
    SocketState state = SocketState::Unknown;
    QString local;
    QString peer;
    quint16 localPort = 0;
    quint16 peerPort = 0;
    // For a listener: recvQ = connections in the accept queue, sendQ = the backlog.
    qint64 recvQ = 0;
    qint64 sendQ = 0;
    // 0: a connection that completed the handshake but waits in the backlog (no accept() yet).
    quint64 inode = 0;
    qint64 timerMs = 0; // retransmit, keepalive or TIME_WAIT timer; 0 when none runs
    quint32 uid = 0;
    qint64 pid = 0; // 0 when unknown (another user's process, or not looked up)

    bool isListener() const { return protocol == Protocol::Tcp && state == SocketState::Listen; }
    // TIME_WAIT and request sockets have no inode either, but were never waiting for accept().
    bool accepted() const
    {
        return inode != 0 || protocol != Protocol::Tcp
            || (state != SocketState::Established && state != SocketState::CloseWait);
    }
    // Same socket (for --watch): protocol and both ends.
    QString key() const;
    bool operator==(const SocketSnapshot &other) const;
};

// Reads the kernel's socket table through NETLINK_SOCK_DIAG (what `ss` uses; no root needed):
// TCP and UDP, IPv4 and IPv6, the sockets whose local or remote port is the given one. The kernel
// filters by port (inet_diag bytecode, as `ss sport = :N or dport = :N`), so the machine's other
// sockets (thousands of TIME_WAIT after a benchmark) cost the kernel a walk, not us a parse.
class SocketStateReader
{
    Q_DECLARE_TR_FUNCTIONS(SocketStateReader)

public:
    enum Protocols { TcpOnly = 1, UdpOnly = 2, Both = 3 };
    enum Families { Ipv4 = 1, Ipv6 = 2, AnyFamily = 3 };

    // Returns false with a translated message in *error when the kernel could not be asked.
    // Every read asks the kernel about network's sockets (the lab's private network), or
    // SocketLab's own network's when it is null.
    static bool read(quint16 port, Protocols protocols, QList<SocketSnapshot> *sockets,
                     QString *error, bool withOwners = true, const LabNetwork *network = nullptr);
    // The sockets whose local port is one of localPorts, filtered by the kernel itself (inet_diag
    // bytecode), owners not looked up: a sampler's cheap read, which a flood of other programs'
    // connections to the same port (thousands of TIME_WAIT sockets) does not slow down.
    // With remotePorts, also those whose remote port is one of them.
    static bool readLocalPorts(const QList<quint16> &localPorts, Protocols protocols,
                               QList<SocketSnapshot> *sockets, QString *error,
                               Families families = AnyFamily,
                               const QList<quint16> &remotePorts = {},
                               const LabNetwork *network = nullptr);
    // The TCP listeners on localPort: the kernel walks its table of listeners only, not the
    // connections, so this stays cheap however many sockets the machine has (a sampler's
    // probe of the accept queue between full reads).
    static bool readListeners(quint16 localPort, QList<SocketSnapshot> *sockets,
                              Families families = AnyFamily, const LabNetwork *network = nullptr);
    // Fills pid for the sockets whose inode an open descriptor of this user's processes names
    // (/proc/<pid>/fd/* -> socket:[inode]).
    static void findOwners(QList<SocketSnapshot> *sockets);
    // How many socket messages the kernel sent for the calling thread's last read() or
    // readLocalPorts(), before any check of ours: for tests that the kernel did the filtering.
    static int lastParsedCount();

private:
    // True for errnum 0; otherwise false with the translated message in *error.
    static bool succeeded(int errnum, QString *error);
};

} // namespace socketlab

// Declared with the type, so every signal that carries snapshots sees it first.
Q_DECLARE_METATYPE(socketlab::SocketSnapshot)
Q_DECLARE_METATYPE(QList<socketlab::SocketSnapshot>)
