#include "core/errorexplanation.h"

#include "core/endpoint.h"
#include "core/errortext.h"
#include "core/fd.h"
#include "core/procstat.h"
#include "core/resolver.h"

#include <QLocale>

#include <cerrno>
#include <cstring>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace socketlab {

namespace {
// Holders and TIME_WAIT sockets named in one explanation; the rest are counted.
constexpr int kMaxListed = 4;

bool isLoopback(const QString &host)
{
    return host.startsWith(QLatin1String("127.")) || host == QLatin1String("::1");
}

bool isWildcard(const QString &host)
{
    return host == QLatin1String("0.0.0.0") || host == QLatin1String("::");
}

// The address the call named: connect's, bind's or sendto's argument; a recv() names a
// descriptor only, then the event's peer (when it has one).
QString targetOf(const SocketEvent &event)
{
    QString host;
    quint16 port = 0;
    // An error event names the address alone; a traced call after its descriptor and
    // sizes ("fd 5, 127.0.0.1:5000", "fd 5, 3, 127.0.0.1:5000").
    const QString last = event.args.section(QLatin1String(", "), -1).trimmed();
    if (ErrorExplanation::splitAddress(last, &host, &port) && port != 0)
        return last;
    return event.peer;
}

// A socket bound at host would receive what is sent to target host: the same address, or a
// wildcard of that family ("::" serves IPv4 too: SocketLab's servers clear IPV6_V6ONLY).
bool covers(const QString &bound, const QString &target)
{
    if (bound == target || bound == QLatin1String("::"))
        return true;
    return bound == QLatin1String("0.0.0.0") && !target.contains(QLatin1Char(':'));
}

QString eaiName(int gaiError)
{
    switch (gaiError) {
    case EAI_NONAME:
        return QStringLiteral("EAI_NONAME");
    case EAI_AGAIN:
        return QStringLiteral("EAI_AGAIN");
    case EAI_FAIL:
        return QStringLiteral("EAI_FAIL");
    case EAI_NODATA:
        return QStringLiteral("EAI_NODATA");
    case EAI_ADDRFAMILY:
        return QStringLiteral("EAI_ADDRFAMILY");
    case EAI_FAMILY:
        return QStringLiteral("EAI_FAMILY");
    case EAI_SERVICE:
        return QStringLiteral("EAI_SERVICE");
    case EAI_SYSTEM:
        return QStringLiteral("EAI_SYSTEM");
    default:
        break;
    }
    return QStringLiteral("EAI %1").arg(gaiError);
}
} // namespace

bool ErrorExplanation::splitAddress(const QString &text, QString *host, quint16 *port)
{
    *port = 0;
    const Endpoint address = Endpoint::parse(text.trimmed(), Endpoint::Port::Optional);
    if (!address.isValid())
        return false;
    *host = address.host();
    *port = address.port();
    return true;
}

QString ErrorExplanation::errnoName(int errnum)
{
    if (errnum == 0)
        return QString();
    const char *name = strerrorname_np(errnum);
    return name ? QString::fromLatin1(name) : QStringLiteral("errno %1").arg(errnum);
}

bool ErrorExplanation::needsKernel(const SocketEvent &event)
{
    const bool binding = event.call == SysCall::Bind || event.call == SysCall::Listen;
    if (event.errnum == EADDRINUSE)
        return binding;
    return event.errnum == ECONNREFUSED && !targetOf(event).isEmpty();
}

QList<SocketSnapshot> ErrorExplanation::kernelSockets(const SocketEvent &event)
{
    if (event.kind != EventKind::Error)
        return {};
    QList<SocketSnapshot> sockets;
    QString host;
    quint16 port = 0;
    if (!needsKernel(event) || !splitAddress(targetOf(event), &host, &port) || port == 0)
        return sockets;
    QString error;
    const auto protocols
        = event.protocol == Protocol::Udp ? SocketStateReader::UdpOnly : SocketStateReader::TcpOnly;
    // Owners (pids) only name who holds a port; a refusal needs the addresses alone.
    SocketStateReader::read(port, protocols, &sockets, &error, event.errnum == EADDRINUSE);
    return sockets;
}

QString ErrorExplanation::explain(const SocketEvent &event)
{
    if (event.kind != EventKind::Error)
        return QString();
    return explain(event, kernelSockets(event));
}

QString ErrorExplanation::explain(const SocketEvent &event,
                                  const QList<SocketSnapshot> &portSockets)
{
    if (event.kind != EventKind::Error)
        return QString();
    if (event.call == SysCall::Getaddrinfo)
        return tr("%1 (%2)").arg(resolverFailed(event), eaiName(int(event.result)));
    // The iterative server's "clients wait in the backlog" notice is not a failed call.
    if (event.errnum == 0)
        return QString();
    return tr("%1 (%2)").arg(body(event, portSockets), errnoName(event.errnum));
}

QString ErrorExplanation::resolverFailed(const SocketEvent &event)
{
    const QString name = event.args;
    switch (int(event.result)) {
    case EAI_NONAME:
    case EAI_NODATA:
    case EAI_ADDRFAMILY:
    case EAI_FAIL:
        return tr("Unknown host: the resolver (getaddrinfo, step 1) found no address for "
                  "“%1” in /etc/hosts or the DNS. The name may be misspelt. Nothing was sent "
                  "to any server.")
            .arg(name);
    case EAI_AGAIN:
        return tr("The resolver got no answer for “%1” in time: the DNS server is unreachable "
                  "or down (no network?). A numeric address such as 127.0.0.1 needs no DNS.")
            .arg(name);
    default:
        break;
    }
    return tr("The resolver (getaddrinfo) could not turn “%1” into an address: %2.")
        .arg(name, ErrorText::forResolver(int(event.result), event.errnum));
}

QString ErrorExplanation::body(const SocketEvent &event, const QList<SocketSnapshot> &portSockets)
{
    const QString target = targetOf(event);
    const QString where = target.isEmpty() ? tr("the other side") : target;
    QString host;
    quint16 port = 0;
    splitAddress(target, &host, &port);
    const bool binding = event.call == SysCall::Bind || event.call == SysCall::Listen;
    switch (event.errnum) {
    case ECONNREFUSED:
        return refused(event, portSockets);
    case ETIMEDOUT:
        if (event.call == SysCall::Connect)
            return tr("Timed out: nobody answered the connection request (SYN) sent to %1, not "
                      "even after retries. A wrong address, a firewall that drops packets "
                      "silently, or a computer that is off or unplugged.")
                .arg(where);
        return tr("Timed out: the other side stopped acknowledging what was sent; the kernel "
                  "retried and gave the connection up. Its computer may have gone off the "
                  "network.");
    case EHOSTUNREACH:
        return tr("Host unreachable: no computer answers at %1 on the local network (nobody "
                  "replied to ARP), or a router sent back an ICMP “host unreachable”.")
            .arg(where);
    case ENETUNREACH:
        return tr("Network unreachable: this computer has no route to %1 (no cable or Wi-Fi, "
                  "or no default gateway). Nothing left this computer.")
            .arg(where);
    case EADDRINUSE:
        if (binding)
            return addressInUse(event, portSockets);
        return tr("Address in use: no free local port was left for this connection, or this "
                  "exact pair of addresses is still in use.");
    case EADDRNOTAVAIL:
        if (binding)
            return tr("Address not available: %1 is not an address of this computer. bind() can "
                      "only use this computer's own addresses, or 0.0.0.0 / :: for all of them.")
                .arg(host.isEmpty() ? where : host);
        return tr("Address not available: the kernel could not give this socket a local "
                  "address to reach %1 from (no free port, or an address that is not usable "
                  "here).")
            .arg(where);
    case EACCES:
    case EPERM:
        if (binding && port != 0 && port < 1024)
            return tr("Permission denied: ports below 1024 are reserved for the administrator "
                      "(root). Choose a port of 1024 or above, such as 5000.");
        return tr("Permission denied: the system did not allow this call (a firewall rule, a "
                  "broadcast address without SO_BROADCAST, or a privileged port).");
    case ECONNRESET:
        if (event.resetInBacklog)
            return tr("The server stopped before accepting this connection; the kernel reset "
                      "the connections waiting in its backlog (a TCP RST).");
        // The last cause is the kernel's, not a program's: a burst of connects into a backlog
        // of 1 (the recipe's) overflows it, and a connection the client already counts as
        // established can be reset without the server ever accepting it.
        return tr("Connection reset: the other side sent a TCP RST. Its program closed the "
                  "socket without reading everything it had received, was killed, or closed "
                  "with SO_LINGER 0; or, just after connecting, the server's listen backlog was "
                  "full (many connections at once into a small backlog) and its kernel gave up "
                  "on this one. Data still in flight is lost.");
    case EPIPE:
        return tr("Broken pipe: this side sent on a connection the other side had already "
                  "closed or reset; its kernel answered earlier data with a TCP RST. "
                  "MSG_NOSIGNAL keeps this from killing the program with SIGPIPE.");
    case ECONNABORTED:
        return tr("Connection aborted: a client gave up (sent a reset) while it still waited "
                  "in the backlog, before accept() took it.");
    case EMFILE:
        return tr("Too many open files: this program reached its limit of open descriptors "
                  "(ulimit -n); every socket, pipe and file counts. New clients wait in the "
                  "backlog until descriptors are closed.");
    case ENFILE:
        return tr("Too many open files in the whole system: the kernel's table of open files "
                  "is full.");
    case EMSGSIZE:
        return tr("Message too long: one UDP datagram carries at most 65,507 bytes of data; "
                  "nothing was sent.");
    default:
        break;
    }
    return tr("%1() failed: %2.").arg(sysCallName(event.call), ErrorText::forErrno(event.errnum));
}

QString ErrorExplanation::refused(const SocketEvent &event,
                                  const QList<SocketSnapshot> &portSockets)
{
    const bool udp = event.protocol == Protocol::Udp;
    const QString target = targetOf(event);
    QString text;
    if (udp && target.isEmpty())
        text = tr("Refused: nothing receives datagrams there. The other computer's kernel "
                  "answered an earlier datagram with an ICMP “port unreachable” message, which "
                  "comes back as an error on this socket's next call; UDP itself never says.");
    else if (udp)
        text = tr("Refused: nothing receives datagrams on %1. Its kernel answered an earlier "
                  "datagram with an ICMP “port unreachable” message, which comes back as an "
                  "error on this socket's next call; UDP itself never says.")
                   .arg(target);
    else if (target.isEmpty())
        text = tr("Refused: the port is closed. The other computer's kernel answered the "
                  "connection request (SYN) with a reset (RST): no program listens there.");
    else
        text = tr("Refused: the port is closed. The kernel at %1 answered the connection "
                  "request (SYN) with a reset (RST): no program listens on that address and "
                  "port. Start the server first, or check the port.")
                   .arg(target);

    QString host;
    quint16 port = 0;
    if (!splitAddress(target, &host, &port) || port == 0)
        return text;
    QStringList elsewhere;
    for (const SocketSnapshot &socket : portSockets) {
        const bool receiving = udp ? socket.protocol == Protocol::Udp
                                   : socket.protocol == Protocol::Tcp && socket.isListener();
        QString boundHost;
        quint16 boundPort = 0;
        if (!receiving || !splitAddress(socket.local, &boundHost, &boundPort) || boundPort != port)
            continue;
        if (covers(boundHost, host))
            return text; // something does listen there now: it came too late, or left
        if (!elsewhere.contains(boundHost))
            elsewhere << boundHost;
    }
    if (elsewhere.isEmpty())
        return text;
    if (host == QLatin1String("::1") && elsewhere.contains(QStringLiteral("127.0.0.1")))
        return tr("%1 The server listens on 127.0.0.1 (IPv4) only, not on ::1 (IPv6): "
                  "“localhost” names both, and ::1 may come first. 127.0.0.1 port %2 works (a "
                  "client tries the next address), or bind the server to :: to serve both.")
            .arg(text)
            .arg(port);
    return tr("%1 A server does listen on port %2, but on %3, not on %4.")
        .arg(text)
        .arg(port)
        .arg(elsewhere.join(QStringLiteral(", ")), host);
}

QString ErrorExplanation::addressInUse(const SocketEvent &event,
                                       const QList<SocketSnapshot> &portSockets)
{
    QString host;
    quint16 port = 0;
    splitAddress(targetOf(event), &host, &port);
    QStringList holders;
    QStringList waiting;
    int moreWaiting = 0;
    for (const SocketSnapshot &socket : portSockets) {
        if (socket.localPort != port)
            continue;
        if (socket.state == SocketState::TimeWait) {
            if (waiting.size() < kMaxListed)
                waiting << tr("%1 ↔ %2, %3 s left")
                               .arg(socket.local, socket.peer)
                               .arg((socket.timerMs + 999) / 1000);
            else
                ++moreWaiting;
            continue;
        }
        const bool bound = event.protocol == Protocol::Udp ? socket.protocol == Protocol::Udp
                                                           : socket.isListener();
        if (!bound || holders.size() >= kMaxListed)
            continue;
        if (socket.pid > 0) {
            const QString name = ProcStat::process(socket.pid).name;
            holders << tr("%1 (pid %2) on %3")
                           .arg(name.isEmpty() ? tr("a program") : name)
                           .arg(socket.pid)
                           .arg(socket.local);
        } else {
            holders << tr("a program of another user on %1").arg(socket.local);
        }
    }
    if (!holders.isEmpty())
        return tr("Address in use: another program already has port %1: %2. Two sockets cannot "
                  "bind the same address and port; stop that program or choose another port.")
            .arg(port)
            .arg(holders.join(QStringLiteral("; ")));
    if (!waiting.isEmpty()) {
        if (moreWaiting > 0)
            waiting << tr("%1 more").arg(moreWaiting);
        return tr("Address in use: no program listens on port %1, but connections of an earlier "
                  "run are still in TIME_WAIT (the side that closed first keeps them for up to "
                  "60 seconds): %2. Without SO_REUSEADDR, bind() waits for them to go.")
            .arg(port)
            .arg(waiting.join(QStringLiteral("; ")));
    }
    return tr("Address in use: port %1 is taken, by another program or by connections of an "
              "earlier run still in TIME_WAIT. Choose another port, or wait a minute.")
        .arg(port);
}

QString ErrorExplanation::headline(const SocketEvent &event)
{
    // Only "address in use" says more in one sentence when it knows the port's sockets.
    return headline(event,
                    event.errnum == EADDRINUSE ? kernelSockets(event) : QList<SocketSnapshot>());
}

QString ErrorExplanation::headline(const SocketEvent &event,
                                   const QList<SocketSnapshot> &portSockets)
{
    const QString target = targetOf(event);
    QString host;
    quint16 port = 0;
    splitAddress(target, &host, &port);
    const bool binding = event.call == SysCall::Bind || event.call == SysCall::Listen;
    const QString where = target.isEmpty() ? tr("the other side") : target;
    if (event.call == SysCall::Getaddrinfo)
        return tr("Cannot find the address “%1” — check the name").arg(event.args);
    if (event.errnum == 0 && event.call == SysCall::Close && event.result == 0)
        return tr("Closed while the server was still sending — the kernel answers it with an RST");
    if (event.errnum == 0 && event.call == SysCall::Close) {
        return tr("Closed with %1 bytes unread — the kernel sent an RST instead of a FIN")
            .arg(QLocale().toString(event.result));
    }
    switch (event.errnum) {
    case EADDRINUSE: {
        if (!binding)
            break;
        bool listener = false;
        bool timeWait = false;
        for (const SocketSnapshot &socket : portSockets) {
            if (socket.localPort != port)
                continue;
            timeWait = timeWait || socket.state == SocketState::TimeWait;
            listener = listener || socket.isListener() || socket.protocol == Protocol::Udp;
        }
        if (timeWait && !listener)
            return tr("Port %1 is still held by connections of an earlier run in TIME_WAIT — "
                      "wait a minute or choose another port")
                .arg(port);
        return tr("Port %1 is taken by another program — choose another port").arg(port);
    }
    case EACCES:
    case EPERM:
        if (binding && port != 0 && port < 1024)
            return tr("Port %1 needs administrator rights — choose a port of 1024 or above")
                .arg(port);
        break;
    case EADDRNOTAVAIL:
        if (binding)
            return tr("%1 is not an address of this computer — choose another address").arg(host);
        break;
    case EMFILE:
    case ENFILE:
        return tr("Too many open files — close some connections and try again");
    case ECONNREFUSED:
        if (event.protocol == Protocol::Udp)
            return tr("Nothing receives datagrams at %1 — an ICMP “port unreachable” came back")
                .arg(where);
        return tr("Nothing listens at %1 — the port is closed, the kernel answered with a reset")
            .arg(where);
    case ETIMEDOUT:
        return tr("Nobody answered at %1 — wrong address, a firewall, or a computer that is off")
            .arg(where);
    case EHOSTUNREACH:
    case ENETUNREACH:
        return tr("%1 cannot be reached from this computer").arg(where);
    case ECONNRESET:
        if (event.resetInBacklog)
            return tr("The server stopped before accepting this connection; the kernel reset "
                      "the connections waiting in its backlog");
        return tr("The other side reset the connection (TCP RST)");
    case EPIPE:
        return tr("The other side had already closed the connection");
    default:
        break;
    }
    if (event.role == Role::Server && binding)
        return tr("The server could not start: %1() failed (%2)")
            .arg(sysCallName(event.call), ErrorText::forErrno(event.errnum));
    return tr("%1() failed: %2").arg(sysCallName(event.call), ErrorText::forErrno(event.errnum));
}

QString ErrorExplanation::loopbackHint(const QString &local)
{
    QString host;
    quint16 port = 0;
    if (!splitAddress(local, &host, &port) || !isLoopback(host))
        return QString();
    return tr("Only programs on this computer can connect to %1: a loopback address never "
              "leaves this machine. For students' computers, open the server to the classroom "
              "network.")
        .arg(local);
}

QString ErrorExplanation::wildcardSourceNote(const QString &local, const QString &source,
                                             bool brief)
{
    QString host;
    quint16 port = 0;
    if (!splitAddress(local, &host, &port) || !isWildcard(host))
        return QString();
    if (brief && !source.isEmpty())
        return tr("(any address: not connected; the server sees %1)").arg(source);
    if (brief)
        return tr("(any address: not connected)");
    if (source.isEmpty())
        return tr("%1 means every address of this computer, port %2: this UDP socket is not "
                  "connected, so the kernel picks the source address for each datagram.")
            .arg(local)
            .arg(port);
    return tr("%1 means every address of this computer, port %2: this UDP socket is not "
              "connected, so the kernel picks the source address for each datagram. Towards "
              "this server it uses %3, the address the server sees.")
        .arg(local)
        .arg(port)
        .arg(source);
}

QString ErrorExplanation::sourceTowards(const QString &peer, const QString &local)
{
    QString host;
    quint16 port = 0;
    QString localHost;
    quint16 localPort = 0;
    if (!splitAddress(peer, &host, &port) || port == 0
        || !splitAddress(local, &localHost, &localPort))
        return QString();
    const ResolvedAddresses target = Resolver::resolveNumeric(host, port, SOCK_DGRAM, false);
    if (target.endpoints.isEmpty())
        return QString();
    const Endpoint &to = target.endpoints.first();
    // connect() on a UDP socket sends nothing: it asks the routing table for the source.
    Fd probe(::socket(to.family(), SOCK_DGRAM | SOCK_CLOEXEC, 0));
    if (!probe.isValid() || ::connect(probe.get(), to.address(), to.length()) != 0)
        return QString();
    Endpoint source = Endpoint::localOf(probe.get());
    source.setPort(localPort);
    return source.toString();
}

} // namespace socketlab
