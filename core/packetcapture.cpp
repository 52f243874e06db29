#include "core/packetcapture.h"

#include "core/callclock.h"
#include "core/capturefilter.h"
#include "core/errortext.h"
#include "core/eventqueue.h"
#include "core/pcapngreader.h"

#include <QFile>
#include <QSaveFile>

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace socketlab {

namespace {
// poll()'s period while packets are held: they go on once kHoldUs old.
constexpr int kPollMs = 50;
// dumpcap gets this long to start capturing (it writes its file header then).
constexpr int kDumpcapStartMs = 5000;
constexpr int kReceiveBuffer = 8 * 1024 * 1024;
// Every Packet event gets a connection id of its own kind, never one of the lab's.
constexpr quint64 kPacketConnectionBit = quint64(1) << 59;

Protocol eventProtocol(const PacketInfo &info)
{
    return info.proto == PacketInfo::Proto::Tcp ? Protocol::Tcp : Protocol::Udp;
}
} // namespace

PacketCapture::PacketCapture(EventQueue *queue)
    : m_queue(queue)
{
}

PacketCapture::~PacketCapture()
{
    stop();
}

bool PacketCapture::start(const Options &options, QString *error)
{
    m_way = options.network ? CapturePermission::Way::PrivateNetwork : CapturePermission::way();
    m_notAllowed = m_way == CapturePermission::Way::None;
    if (m_notAllowed) {
        *error = CapturePermission::notAllowedText();
        return false;
    }
    if (!m_stop.isValid()) {
        *error = tr("Cannot capture packets: %1").arg(ErrorText::forErrno(m_stop.error()));
        return false;
    }
    m_pcapngPath = options.pcapngPath;
    if (!options.pcapngPath.isEmpty() && !m_writer.open(options.pcapngPath, error, !options.spool))
        return false;
    const bool opened = m_way != CapturePermission::Way::Dumpcap
        ? openPacketSocket(options, error)
        : startDumpcap(CapturePermission::permittedDumpcap(), options, error);
    if (!opened)
        return false;
    m_linker.setServerPorts(options.ports);
    {
        const QMutexLocker locker(&m_portsMutex);
        m_ports = options.ports;
    }
    m_stopRequested = false;
    m_skipGrace = false;
    m_stop.lower();
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->start();
    return true;
}

bool PacketCapture::openPacketSocket(const Options &options, QString *error)
{
    // Protocol 0 receives nothing until bind(): the filter is in place before any frame is.
    Fd fd(LabNetwork::socketIn(options.network.get(), AF_PACKET, SOCK_RAW | SOCK_NONBLOCK, 0));
    auto failed = [&](const char *call) {
        *error = tr("Cannot capture packets: %1() failed: %2")
                     .arg(QLatin1String(call), ErrorText::forErrno(errno));
        return false;
    };
    if (!fd.isValid())
        return failed("socket");
    std::vector<sock_filter> code = CaptureFilter::forPorts(options.ports);
    sock_fprog program {static_cast<unsigned short>(code.size()), code.data()};
    if (::setsockopt(fd.get(), SOL_SOCKET, SO_ATTACH_FILTER, &program, sizeof program) != 0)
        return failed("setsockopt");
    const int on = 1;
    ::setsockopt(fd.get(), SOL_SOCKET, SO_TIMESTAMP, &on, sizeof on);
    // A larger buffer (beyond rmem_max where allowed) rides out a flood's bursts.
    if (::setsockopt(fd.get(), SOL_SOCKET, SO_RCVBUFFORCE, &kReceiveBuffer, sizeof kReceiveBuffer)
        != 0)
        ::setsockopt(fd.get(), SOL_SOCKET, SO_RCVBUF, &kReceiveBuffer, sizeof kReceiveBuffer);
    // The private network's lo has the loopback's index there; this process's name lookup
    // would ask its own network.
    m_loopbackIndex = options.network ? LabNetwork::kLoopbackIndex : int(::if_nametoindex("lo"));
    sockaddr_ll address {};
    address.sll_family = AF_PACKET;
    address.sll_protocol = htons(ETH_P_ALL);
    address.sll_ifindex = options.allInterfaces ? 0 : m_loopbackIndex;
    if (::bind(fd.get(), reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
        return failed("bind");
    m_source = std::move(fd);
    m_buffer.resize(int(CaptureFilter::kSnapLength));
    return true;
}

bool PacketCapture::startDumpcap(const QString &dumpcap, const Options &options, QString *error)
{
    int out[2];
    if (::pipe2(out, O_CLOEXEC) != 0) {
        *error = tr("Cannot capture packets: %1() failed: %2")
                     .arg(QStringLiteral("pipe"), ErrorText::forErrno(errno));
        return false;
    }
    Fd readEnd(out[0]);
    Fd writeEnd(out[1]);
    const QByteArray program = QFile::encodeName(dumpcap);
    const QByteArray filter = CaptureFilter::expression(options.ports).toUtf8();
    const QByteArray interface = options.allInterfaces ? QByteArrayLiteral("any")
                                                       : QByteArrayLiteral("lo");
    // -q: no packet counts on standard error; -w -: the pcapng on standard output.
    const QByteArray snap = QByteArray::number(CaptureFilter::kSnapLength);
    const char *argv[] = {program.constData(),
                          "-q",
                          "-i",
                          interface.constData(),
                          "-f",
                          filter.constData(),
                          "-s",
                          snap.constData(),
                          "-w",
                          "-",
                          nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, writeEnd.get(), STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    pid_t pid = -1;
    const int spawned = ::posix_spawn(&pid, program.constData(), &actions, nullptr,
                                      const_cast<char **>(argv), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        *error = tr("Cannot run %1: %2").arg(dumpcap, ErrorText::forErrno(spawned));
        return false;
    }
    m_dumpcapPid = pid;
    writeEnd.reset();
    m_source = std::move(readEnd);
    m_reader = std::make_unique<PcapngReader>(
        [this](int id, int linkType, qint64 us, const uchar *frame, int size, int original) {
            take(id, linkType, us, frame, size, original);
        });
    // dumpcap writes its file header once it captures: until then packets would be missed.
    pollfd p {m_source.get(), POLLIN, 0};
    if (::poll(&p, 1, kDumpcapStartMs) <= 0) {
        endDumpcap();
        *error = tr("Cannot capture packets: %1 did not start capturing.").arg(dumpcap);
        return false;
    }
    char first[4096];
    const ssize_t n = ::read(m_source.get(), first, sizeof first);
    if (n <= 0) {
        endDumpcap();
        m_notAllowed = true;
        *error = CapturePermission::notAllowedText();
        return false;
    }
    m_reader->feed(first, int(n));
    ::fcntl(m_source.get(), F_SETFL, ::fcntl(m_source.get(), F_GETFL) | O_NONBLOCK);
    return true;
}

void PacketCapture::endDumpcap()
{
    if (m_dumpcapPid <= 0)
        return;
    ::kill(m_dumpcapPid, SIGTERM);
    int status = 0;
    // That pid only: never waitpid(-1), which would steal other owners' children.
    while (::waitpid(m_dumpcapPid, &status, 0) < 0 && errno == EINTR) { }
    m_dumpcapPid = -1;
}

void PacketCapture::run()
{
    pollfd fds[2] = {{m_source.get(), POLLIN, 0}, {m_stop.fd(), POLLIN, 0}};
    bool sourceOpen = true;
    while (true) {
        const int ready = ::poll(fds, 2, m_held.empty() ? -1 : kPollMs);
        if (ready < 0 && errno != EINTR)
            break;
        if (fds[1].revents & POLLIN)
            break;
        if (sourceOpen && fds[0].revents) {
            if (m_reader)
                readDumpcap();
            else
                readPacketSocket();
            if (m_reader && (fds[0].revents & (POLLHUP | POLLERR)) && !(fds[0].revents & POLLIN))
                sourceOpen = false;
            if (!sourceOpen)
                fds[0].fd = -1; // dumpcap ended: poll() skips it
        }
        release(nowUs(), false);
    }
    // What arrived before stop() was asked is the lab's too. dumpcap gets its grace (see
    // kDumpcapFlushMs) while its output is read here, not in the thread that asked to stop;
    // then it is told to end (SIGTERM): it writes out what it holds, its pipe closes.
    if (sourceOpen && m_reader && !m_skipGrace.load()) {
        const qint64 deadline = nowUs() + qint64(kDumpcapFlushMs) * 1000;
        pollfd p {m_source.get(), POLLIN, 0};
        for (qint64 now = nowUs(); now < deadline && sourceOpen; now = nowUs()) {
            if (::poll(&p, 1, int((deadline - now) / 1000) + 1) > 0)
                sourceOpen = readDumpcap();
        }
    }
    if (m_dumpcapPid > 0)
        ::kill(m_dumpcapPid, SIGTERM);
    if (sourceOpen && m_reader) {
        pollfd p {m_source.get(), POLLIN, 0};
        for (int i = 0; i < 100 && ::poll(&p, 1, 1000) > 0; ++i) {
            if (!readDumpcap())
                break;
        }
    } else if (sourceOpen) {
        readPacketSocket();
    }
    release(nowUs(), true);
}

void PacketCapture::readPacketSocket()
{
    // recvmmsg(): a batch of frames per system call under a flood.
    constexpr int kBatch = 32;
    const int frameSize = int(CaptureFilter::kSnapLength);
    if (m_buffer.size() < kBatch * frameSize)
        m_buffer.resize(kBatch * frameSize);
    sockaddr_ll from[kBatch];
    iovec io[kBatch];
    mmsghdr messages[kBatch];
    char control[kBatch][CMSG_SPACE(sizeof(timeval))];
    // Bounded: a flood must not keep this loop from its hold deadlines and the stop flag.
    for (int round = 0; round < 128; ++round) {
        for (int i = 0; i < kBatch; ++i) {
            io[i] = {m_buffer.data() + i * frameSize, size_t(frameSize)};
            messages[i] = {};
            messages[i].msg_hdr.msg_name = &from[i];
            messages[i].msg_hdr.msg_namelen = sizeof from[i];
            messages[i].msg_hdr.msg_iov = &io[i];
            messages[i].msg_hdr.msg_iovlen = 1;
            messages[i].msg_hdr.msg_control = control[i];
            messages[i].msg_hdr.msg_controllen = sizeof control[i];
        }
        const int count
            = ::recvmmsg(m_source.get(), messages, kBatch, MSG_TRUNC | MSG_DONTWAIT, nullptr);
        if (count < 0 && errno == EINTR)
            continue;
        if (count <= 0)
            break;
        for (int i = 0; i < count; ++i) {
            const sockaddr_ll &source = from[i];
            // The loopback shows each packet twice, leaving and arriving: keep the arrival.
            if (source.sll_pkttype == PACKET_OUTGOING && source.sll_ifindex == m_loopbackIndex)
                continue;
            if (source.sll_hatype != ARPHRD_ETHER && source.sll_hatype != ARPHRD_LOOPBACK)
                continue; // the filter reads Ethernet framing; other links are not the lab's
            msghdr &message = messages[i].msg_hdr;
            qint64 us = 0;
            for (cmsghdr *c = CMSG_FIRSTHDR(&message); c; c = CMSG_NXTHDR(&message, c)) {
                if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMP) {
                    timeval tv {};
                    std::memcpy(&tv, CMSG_DATA(c), sizeof tv);
                    us = qint64(tv.tv_sec) * 1000000 + tv.tv_usec;
                }
            }
            if (us == 0)
                us = nowUs();
            const int length = int(messages[i].msg_len); // MSG_TRUNC: the frame's real length
            take(source.sll_ifindex, PacketDecoder::kEthernet, us,
                 reinterpret_cast<const uchar *>(io[i].iov_base), qMin(length, frameSize), length);
        }
        if (count < kBatch)
            break;
    }
    tpacket_stats stats {};
    socklen_t length = sizeof stats;
    if (::getsockopt(m_source.get(), SOL_PACKET, PACKET_STATISTICS, &stats, &length) == 0)
        m_kernelDrops += stats.tp_drops; // the kernel resets them at each read
}

bool PacketCapture::readDumpcap()
{
    char chunk[65536];
    for (int i = 0; i < 64; ++i) {
        const ssize_t n = ::read(m_source.get(), chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0)
            return false; // the end of dumpcap's output
        if (n < 0)
            break;
        m_reader->feed(chunk, int(n));
    }
    return true;
}

void PacketCapture::take(int interfaceKey, int linkType, qint64 timeUs, const uchar *frame,
                         int size, int originalSize)
{
    const qint64 from = m_fromUs.load();
    const qint64 until = m_untilUs.load();
    if ((from != 0 && timeUs < from) || (until != 0 && timeUs >= until))
        return; // another capture shows it
    Held held;
    if (!m_decoder.decode(linkType, frame, size, &held.info))
        return;
    // The filter lets every ICMP "unreachable" through (the kernel's filter cannot read the
    // datagram it quotes cheaply): keep only those that answer a datagram of the lab's ports,
    // not another program's on the same machine.
    if (held.info.proto == PacketInfo::Proto::Icmp
        || held.info.proto == PacketInfo::Proto::Icmpv6) {
        const QMutexLocker locker(&m_portsMutex);
        if (!answersPorts(held.info, m_ports))
            return;
    }
    held.timeUs = timeUs;
    held.interfaceKey = interfaceKey;
    held.linkType = linkType;
    held.originalSize = originalSize;
    if (m_writer.isOpen())
        held.frame = QByteArray(reinterpret_cast<const char *>(frame), size);
    m_held.push_back(std::move(held));
    ++m_packets;
    m_bytes += m_held.back().info.len;
    if (int(m_held.size()) > kMaxHeld)
        release(nowUs(), false);
}

void PacketCapture::release(qint64 now, bool all)
{
    while (!m_held.empty()) {
        Held &held = m_held.front();
        if (!all && held.timeUs > now - kHoldUs && int(m_held.size()) <= kMaxHeld)
            break;
        m_linker.link(&held.info, held.timeUs);
        if (m_writer.isOpen()) {
            const QMutexLocker locker(&m_writerMutex);
            m_writer.write(held.interfaceKey, held.linkType, interfaceName(held.interfaceKey),
                           held.timeUs, reinterpret_cast<const uchar *>(held.frame.constData()),
                           int(held.frame.size()), held.originalSize, held.info.causeText());
        }
        SocketEvent event;
        event.kind = EventKind::Packet;
        event.setEndUs(held.timeUs);
        event.protocol = eventProtocol(held.info);
        event.bytes = held.info.len;
        event.pid = held.info.causePid;
        event.tid = held.info.causePid;
        event.connectionId
            = (PacketDecoder::conversationKey(held.info) & (kPacketConnectionBit - 1))
            | kPacketConnectionBit;
        event.packet = std::move(held.info);
        m_queue->post(std::move(event));
        m_held.pop_front();
    }
}

bool PacketCapture::exportTo(const QString &path, QString *error)
{
    QByteArray bytes;
    {
        const QMutexLocker locker(&m_writerMutex);
        m_writer.flush();
        QFile spool(m_pcapngPath);
        if (m_pcapngPath.isEmpty() || !spool.open(QIODevice::ReadOnly)) {
            *error = tr("No packets were captured yet.");
            return false;
        }
        bytes = spool.readAll();
    }
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        *error = tr("Cannot write the capture to %1: %2").arg(path, out.errorString());
        return false;
    }
    return true;
}

QString PacketCapture::interfaceName(int interfaceKey) const
{
    if (m_reader)
        return QString(); // dumpcap's interface ids are its own
    char name[IF_NAMESIZE] = {};
    return ::if_indextoname(unsigned(interfaceKey), name) ? QString::fromLatin1(name) : QString();
}

bool PacketCapture::answersPorts(const PacketInfo &info, const QList<quint16> &ports)
{
    if (info.proto != PacketInfo::Proto::Icmp && info.proto != PacketInfo::Proto::Icmpv6)
        return true;
    return ports.isEmpty() || ports.contains(info.quotedSourcePort)
        || ports.contains(info.quotedDestinationPort);
}

bool PacketCapture::setPorts(const QList<quint16> &ports)
{
    if (m_thread == nullptr || m_reader || !m_source.isValid())
        return false;
    std::vector<sock_filter> code = CaptureFilter::forPorts(ports);
    sock_fprog program {static_cast<unsigned short>(code.size()), code.data()};
    // Replaces the filter at once: no frame passes unfiltered, none is missed.
    if (::setsockopt(m_source.get(), SOL_SOCKET, SO_ATTACH_FILTER, &program, sizeof program) != 0)
        return false;
    m_linker.setServerPorts(ports);
    const QMutexLocker locker(&m_portsMutex);
    m_ports = ports;
    return true;
}

void PacketCapture::setTimeBounds(qint64 fromUs, qint64 untilUs)
{
    m_fromUs = fromUs;
    m_untilUs = untilUs;
}

void PacketCapture::requestStop(bool skipGrace)
{
    if (m_thread == nullptr || m_stopRequested)
        return;
    m_skipGrace = skipGrace;
    m_stopRequested = true;
    m_stop.raise();
}

bool PacketCapture::stop(QString *error)
{
    if (m_thread != nullptr) {
        requestStop();
        m_thread->wait();
        m_thread.reset();
    }
    endDumpcap();
    m_source.reset();
    QString reason;
    const QMutexLocker locker(&m_writerMutex);
    const bool written = m_writer.commit(&reason);
    if (!written && error)
        *error = reason;
    return written;
}

} // namespace socketlab
