#include "core/socketstatereader.h"

#include "core/endpoint.h"
#include "core/errortext.h"
#include "core/fd.h"
#include "core/labnetwork.h"

#include <QDir>
#include <QHash>

#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace socketlab {

namespace {
// One recv() of the dump: the kernel fills at most this much per message batch.
constexpr int kReceiveBufferSize = 32 * 1024;
// A dump that stops answering (it should not) ends the read instead of hanging the CLI.
constexpr int kReplyTimeoutMs = 2000;
// Bound on the messages of one dump: a machine with this many sockets is not a lab.
constexpr int kMaxMessages = 1000000;

// One test of the kernel's filter: "sport == port" (INET_DIAG_BC_S_EQ) or "dport == port" (D_EQ).
struct PortCondition
{
    quint8 code;
    quint16 port;
};

// inet_diag bytecode for "c1 || c2 || ...", built as ss builds it: each condition jumps past the
// end (accept) through a JMP when it holds and to the next one when it does not; the last one's
// "no" lands beyond the end (reject).
QByteArray anyPortBytecode(const QList<PortCondition> &conditions)
{
    QByteArray code;
    auto op = [&code](quint8 opCode, quint8 yes, quint16 no) {
        inet_diag_bc_op o {opCode, yes, no};
        code.append(reinterpret_cast<const char *>(&o), sizeof o);
    };
    for (int i = 0; i < conditions.size(); ++i) {
        const bool last = i == conditions.size() - 1;
        op(conditions.at(i).code, 8, 12);
        op(0, 0, conditions.at(i).port);
        if (!last) {
            const int rest = (conditions.size() - 1 - i) * 12 - 4; // the conditions after the JMP
            op(INET_DIAG_BC_JMP, 4, quint16(rest + 4));
        }
    }
    return code;
}

// Which sockets a dump keeps: those with the port at either end, or (localPorts given) those
// whose local port is one of localPorts. The kernel filters (bytecode), so a machine's tens of
// thousands of other TIME_WAIT sockets never reach us; matches() only re-checks what it sent.
struct PortFilter
{
    quint16 port = 0;
    QList<quint16> localPorts;
    QList<quint16> remotePorts; // with localPorts: or the remote port one of these
    // TCP states asked for (1 << state); listeners only spares the kernel the walk of its
    // table of connections.
    quint32 states = ~0u;

    bool matches(quint16 source, quint16 destination) const
    {
        if (localPorts.isEmpty() && remotePorts.isEmpty())
            return source == port || destination == port;
        return localPorts.contains(source) || remotePorts.contains(destination);
    }

    QByteArray bytecode() const
    {
        QList<PortCondition> conditions;
        if (localPorts.isEmpty() && remotePorts.isEmpty()) {
            conditions = {{INET_DIAG_BC_S_EQ, port}, {INET_DIAG_BC_D_EQ, port}};
        } else {
            for (const quint16 local : localPorts)
                conditions.append({INET_DIAG_BC_S_EQ, local});
            for (const quint16 remote : remotePorts)
                conditions.append({INET_DIAG_BC_D_EQ, remote});
        }
        return anyPortBytecode(conditions);
    }
};

// The socket messages the calling thread's last read received (tests check the kernel filtered).
thread_local int parsedCount = 0;

Endpoint endpointOf(int family, const __be32 *address, __be16 port)
{
    if (family == AF_INET) {
        sockaddr_in in {};
        in.sin_family = AF_INET;
        in.sin_port = port;
        std::memcpy(&in.sin_addr, address, sizeof in.sin_addr);
        return Endpoint(reinterpret_cast<const sockaddr *>(&in), sizeof in);
    }
    sockaddr_in6 in6 {};
    in6.sin6_family = AF_INET6;
    in6.sin6_port = port;
    std::memcpy(&in6.sin6_addr, address, sizeof in6.sin6_addr);
    return Endpoint(reinterpret_cast<const sockaddr *>(&in6), sizeof in6);
}

SocketSnapshot snapshotOf(Protocol protocol, const inet_diag_msg &msg)
{
    SocketSnapshot s;
    s.protocol = protocol;
    s.state = msg.idiag_state <= quint8(SocketState::Closing) ? SocketState(msg.idiag_state)
                                                              : SocketState::Unknown;
    const Endpoint local = endpointOf(msg.idiag_family, msg.id.idiag_src, msg.id.idiag_sport);
    const Endpoint peer = endpointOf(msg.idiag_family, msg.id.idiag_dst, msg.id.idiag_dport);
    s.local = local.toString();
    s.localPort = local.port();
    s.peer = peer.toString();
    s.peerPort = peer.port();
    s.recvQ = msg.idiag_rqueue;
    s.sendQ = msg.idiag_wqueue;
    s.inode = msg.idiag_inode;
    s.uid = msg.idiag_uid;
    s.timerMs = msg.idiag_timer != 0 ? qint64(msg.idiag_expires) : 0;
    return s;
}

// One dump (one protocol, one family); false with errno-style *errnum on failure.
bool dump(int family, Protocol protocol, const PortFilter &filter, QList<SocketSnapshot> *sockets,
          int *errnum, const LabNetwork *network)
{
    // The kernel answers about the sockets of the namespace this socket was made in.
    const Fd socket(LabNetwork::socketIn(network, AF_NETLINK, SOCK_DGRAM, NETLINK_SOCK_DIAG));
    if (!socket.isValid()) {
        *errnum = errno;
        return false;
    }
    // Several threads read (the session's sampler, the lessons' sampler, the GUI thread).
    static std::atomic<quint32> sequence {0};
    const quint32 seq = ++sequence;
    const QByteArray bytecode = filter.bytecode();
    const int attributeLength = int(RTA_LENGTH(bytecode.size()));
    QByteArray message(int(NLMSG_LENGTH(sizeof(inet_diag_req_v2))) + RTA_ALIGN(attributeLength),
                       '\0');
    auto *header = reinterpret_cast<nlmsghdr *>(message.data());
    header->nlmsg_len = quint32(message.size());
    header->nlmsg_type = SOCK_DIAG_BY_FAMILY;
    header->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    header->nlmsg_seq = seq;
    auto *request = static_cast<inet_diag_req_v2 *>(NLMSG_DATA(header));
    request->sdiag_family = quint8(family);
    request->sdiag_protocol = protocol == Protocol::Tcp ? IPPROTO_TCP : IPPROTO_UDP;
    request->idiag_states = filter.states; // ~0u: every state, request sockets (SYN_RECV) too
    auto *attribute
        = reinterpret_cast<rtattr *>(message.data() + NLMSG_LENGTH(sizeof(inet_diag_req_v2)));
    attribute->rta_len = quint16(attributeLength);
    attribute->rta_type = INET_DIAG_REQ_BYTECODE;
    std::memcpy(RTA_DATA(attribute), bytecode.constData(), size_t(bytecode.size()));
    sockaddr_nl kernel {};
    kernel.nl_family = AF_NETLINK;
    ssize_t sent;
    do {
        sent = ::sendto(socket.get(), message.constData(), size_t(message.size()), MSG_NOSIGNAL,
                        reinterpret_cast<const sockaddr *>(&kernel), sizeof kernel);
    } while (sent < 0 && errno == EINTR);
    if (sent < 0) {
        *errnum = errno;
        return false;
    }

    QByteArray buffer(kReceiveBufferSize, Qt::Uninitialized);
    for (int messages = 0; messages < kMaxMessages;) {
        pollfd p {socket.get(), POLLIN, 0};
        const int ready = ::poll(&p, 1, kReplyTimeoutMs);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0) {
            *errnum = ready == 0 ? ETIMEDOUT : errno;
            return false;
        }
        const ssize_t n = ::recv(socket.get(), buffer.data(), size_t(buffer.size()), MSG_DONTWAIT);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            *errnum = errno;
            return false;
        }
        if (n == 0) {
            *errnum = ECONNRESET;
            return false;
        }
        int remaining = int(n);
        for (auto *h = reinterpret_cast<const nlmsghdr *>(buffer.constData());
             NLMSG_OK(h, remaining); h = NLMSG_NEXT(h, remaining), ++messages) {
            if (h->nlmsg_seq != seq)
                continue;
            if (h->nlmsg_type == NLMSG_DONE)
                return true;
            if (h->nlmsg_type == NLMSG_ERROR) {
                const auto *err = static_cast<const nlmsgerr *>(NLMSG_DATA(h));
                *errnum = h->nlmsg_len >= NLMSG_LENGTH(sizeof(nlmsgerr)) && err->error != 0
                    ? -err->error
                    : EPROTO;
                return false;
            }
            if (h->nlmsg_type != SOCK_DIAG_BY_FAMILY
                || h->nlmsg_len < NLMSG_LENGTH(sizeof(inet_diag_msg))) {
                continue;
            }
            const auto *msg = static_cast<const inet_diag_msg *>(NLMSG_DATA(h));
            ++parsedCount;
            if (!filter.matches(ntohs(msg->id.idiag_sport), ntohs(msg->id.idiag_dport)))
                continue;
            sockets->append(snapshotOf(protocol, *msg));
        }
    }
    *errnum = EOVERFLOW;
    return false;
}

// "socket:[12345]" -> 12345, 0 for any other link.
quint64 socketInode(const QByteArray &link)
{
    static const QByteArray prefix = QByteArrayLiteral("socket:[");
    if (!link.startsWith(prefix) || !link.endsWith(']'))
        return 0;
    bool ok = false;
    const quint64 inode = link.mid(prefix.size(), link.size() - prefix.size() - 1).toULongLong(&ok);
    return ok ? inode : 0;
}

// 0, or the errno of the dump that failed.
int readFiltered(const PortFilter &filter, SocketStateReader::Protocols protocols,
                 QList<SocketSnapshot> *sockets, SocketStateReader::Families families,
                 const LabNetwork *network)
{
    sockets->clear();
    parsedCount = 0;
    for (const Protocol protocol : {Protocol::Tcp, Protocol::Udp}) {
        if (!(protocols
              & (protocol == Protocol::Tcp ? SocketStateReader::TcpOnly
                                           : SocketStateReader::UdpOnly)))
            continue;
        for (const int family : {AF_INET, AF_INET6}) {
            // Each dump still walks the kernel's whole table (every TIME_WAIT socket of the
            // machine) to run the filter: a family nobody uses is not asked.
            if (!(families
                  & (family == AF_INET ? SocketStateReader::Ipv4 : SocketStateReader::Ipv6)))
                continue;
            int errnum = 0;
            if (dump(family, protocol, filter, sockets, &errnum, network))
                continue;
            // A kernel without IPv6 (or without UDP diagnostics) has none of those sockets.
            if (errnum == ENOENT || errnum == EAFNOSUPPORT || errnum == EOPNOTSUPP)
                continue;
            return errnum;
        }
    }
    return 0;
}

} // namespace

QString socketStateName(SocketState state)
{
    switch (state) {
    case SocketState::Established:
        return QStringLiteral("ESTABLISHED");
    case SocketState::SynSent:
        return QStringLiteral("SYN_SENT");
    case SocketState::SynRecv:
        return QStringLiteral("SYN_RECV");
    case SocketState::FinWait1:
        return QStringLiteral("FIN_WAIT1");
    case SocketState::FinWait2:
        return QStringLiteral("FIN_WAIT2");
    case SocketState::TimeWait:
        return QStringLiteral("TIME_WAIT");
    case SocketState::Close:
        return QStringLiteral("CLOSE");
    case SocketState::CloseWait:
        return QStringLiteral("CLOSE_WAIT");
    case SocketState::LastAck:
        return QStringLiteral("LAST_ACK");
    case SocketState::Listen:
        return QStringLiteral("LISTEN");
    case SocketState::Closing:
        return QStringLiteral("CLOSING");
    case SocketState::Unknown:
        break;
    }
    return QStringLiteral("UNKNOWN");
}

QString SocketSnapshot::key() const
{
    return QStringLiteral("%1 %2 %3").arg(protocolName(protocol), local, peer);
}

bool SocketSnapshot::operator==(const SocketSnapshot &other) const
{
    return protocol == other.protocol && state == other.state && local == other.local
        && peer == other.peer && recvQ == other.recvQ && sendQ == other.sendQ
        && inode == other.inode && uid == other.uid && pid == other.pid;
}

bool SocketStateReader::read(quint16 port, Protocols protocols, QList<SocketSnapshot> *sockets,
                             QString *error, bool withOwners, const LabNetwork *network)
{
    PortFilter filter;
    filter.port = port;
    if (!succeeded(readFiltered(filter, protocols, sockets, AnyFamily, network), error))
        return false;
    if (withOwners)
        findOwners(sockets);
    return true;
}

bool SocketStateReader::readLocalPorts(const QList<quint16> &localPorts, Protocols protocols,
                                       QList<SocketSnapshot> *sockets, QString *error,
                                       Families families, const QList<quint16> &remotePorts,
                                       const LabNetwork *network)
{
    sockets->clear();
    parsedCount = 0;
    if (localPorts.isEmpty() && remotePorts.isEmpty())
        return true;
    PortFilter filter;
    filter.localPorts = localPorts;
    filter.remotePorts = remotePorts;
    return succeeded(readFiltered(filter, protocols, sockets, families, network), error);
}

bool SocketStateReader::readListeners(quint16 localPort, QList<SocketSnapshot> *sockets,
                                      Families families, const LabNetwork *network)
{
    sockets->clear();
    parsedCount = 0;
    PortFilter filter;
    filter.localPorts = {localPort};
    filter.states = 1u << int(SocketState::Listen);
    return readFiltered(filter, TcpOnly, sockets, families, network) == 0;
}

int SocketStateReader::lastParsedCount()
{
    return parsedCount;
}

bool SocketStateReader::succeeded(int errnum, QString *error)
{
    if (errnum == 0)
        return true;
    if (error) {
        *error = tr("Could not read the kernel's socket table (sock_diag): %1")
                     .arg(ErrorText::forErrno(errnum));
    }
    return false;
}

void SocketStateReader::findOwners(QList<SocketSnapshot> *sockets)
{
    const uid_t me = ::getuid();
    QHash<quint64, int> wanted; // inode -> index in sockets
    for (int i = 0; i < sockets->size(); ++i) {
        const SocketSnapshot &s = sockets->at(i);
        // Another user's descriptors are not ours to read.
        if (s.inode != 0 && s.uid == me)
            wanted.insert(s.inode, i);
    }
    if (wanted.isEmpty())
        return;
    const QStringList pids
        = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pidText : pids) {
        bool ok = false;
        const qint64 pid = pidText.toLongLong(&ok);
        if (!ok)
            continue;
        const QByteArray procDir = QByteArrayLiteral("/proc/") + pidText.toLatin1();
        struct stat info
        {
        };
        if (::stat(procDir.constData(), &info) != 0 || info.st_uid != me)
            continue;
        const QByteArray fdDir = procDir + "/fd";
        const QStringList fds
            = QDir(QString::fromLatin1(fdDir)).entryList(QDir::System | QDir::NoDotAndDotDot);
        for (const QString &fd : fds) {
            const QByteArray path = fdDir + '/' + fd.toLatin1();
            char link[64];
            const ssize_t n = ::readlink(path.constData(), link, sizeof link);
            if (n <= 0 || n >= ssize_t(sizeof link))
                continue;
            const quint64 inode = socketInode(QByteArray(link, int(n)));
            const auto it = wanted.constFind(inode);
            if (inode == 0 || it == wanted.constEnd())
                continue;
            (*sockets)[it.value()].pid = pid;
            wanted.remove(inode);
            if (wanted.isEmpty())
                return;
        }
    }
}

} // namespace socketlab
