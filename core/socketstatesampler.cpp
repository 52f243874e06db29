#include "core/socketstatesampler.h"

#include "core/callclock.h"

#include <QDir>

#include <cerrno>
#include <poll.h>
#include <time.h>
#include <unistd.h>

namespace socketlab {

namespace {
// A countdown (TIME_WAIT) is shown in seconds: the views need a sample this often, not ten.
constexpr qint64 kTimerRefreshUs = 500 * 1000;

bool isWildcardHost(const QString &host)
{
    return host == QLatin1String("0.0.0.0") || host == QLatin1String("[::]");
}

QString hostOf(const QString &address)
{
    const int colon = address.lastIndexOf(QLatin1Char(':'));
    return colon <= 0 ? address : address.left(colon);
}

quint16 portOf(const QString &address)
{
    const int colon = address.lastIndexOf(QLatin1Char(':'));
    return colon <= 0 ? 0 : quint16(address.mid(colon + 1).toUInt());
}

// The inodes of this process's sockets (/proc/self/fd/N -> "socket:[inode]").
QSet<quint64> ownSocketInodes()
{
    QSet<quint64> inodes;
    static const QByteArray prefix = QByteArrayLiteral("socket:[");
    const QStringList fds = QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::System | QDir::NoDotAndDotDot);
    for (const QString &fd : fds) {
        const QByteArray path = "/proc/self/fd/" + fd.toLatin1();
        char link[64];
        const ssize_t n = ::readlink(path.constData(), link, sizeof link);
        if (n <= prefix.size() || n >= ssize_t(sizeof link) || link[n - 1] != ']')
            continue;
        const QByteArray text(link, int(n));
        if (text.startsWith(prefix))
            inodes.insert(text.mid(prefix.size(), text.size() - prefix.size() - 1).toULongLong());
    }
    return inodes;
}

// The calling thread's CPU time (user and system, the kernel's table walk included).
qint64 threadCpuUs()
{
    timespec t{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000 + t.tv_nsec / 1000;
}

bool hasTimer(const QList<SocketSnapshot> &sockets)
{
    for (const SocketSnapshot &s : sockets) {
        if (s.timerMs > 0 && s.state == SocketState::TimeWait)
            return true;
    }
    return false;
}
} // namespace

SocketStateSampler::SocketStateSampler(EventQueue *queue, QObject *parent)
    : QObject(parent), m_queue(queue)
{
    qRegisterMetaType<SocketSnapshot>();
    qRegisterMetaType<QList<SocketSnapshot>>();
}

SocketStateSampler::~SocketStateSampler()
{
    stop();
}

bool SocketStateSampler::isEnabled()
{
    return qEnvironmentVariable("SOCKETLAB_STATE_SAMPLING") != QLatin1String("0");
}

void SocketStateSampler::setTarget(const Target &target)
{
    if (!isEnabled() || !m_stop.isValid())
        return;
    {
        QMutexLocker locker(&m_wantedMutex);
        m_wanted = target;
    }
    // A running thread picks the new target up at its next sample: never joined here, so a
    // client that connects does not wait for a sample in progress.
    if (target.isEmpty())
        stop();
    else if (!isRunning())
        m_thread = std::thread([this] { run(); });
}

void SocketStateSampler::stop()
{
    if (!m_thread.joinable())
        return;
    m_stop.raise();
    m_thread.join();
    m_stop.lower();
}

QList<SocketSnapshot> SocketStateSampler::latest() const
{
    QMutexLocker locker(&m_latestMutex);
    return m_latest;
}

void SocketStateSampler::run()
{
    qint64 lastEmitUs = 0;
    for (;;) {
        const qint64 startUs = nowUs();
        const qint64 startCpuUs = threadCpuUs();
        sampleOnce(&lastEmitUs);
        const qint64 tookUs = nowUs() - startUs;
        // The back-off counts the CPU time a sample took, not the wall-clock time: on a busy
        // machine the wall clock would stretch the period for nothing. Wait out the rest of
        // the tick, or until stop() raises the signal.
        const qint64 costUs = threadCpuUs() - startCpuUs;
        pollfd p{m_stop.fd(), POLLIN, 0};
        const int ready = ::poll(&p, 1, nextWaitMs(m_intervalMs, tookUs, INT_MAX, costUs));
        if (ready > 0 || (ready < 0 && errno != EINTR))
            return;
    }
}

int SocketStateSampler::nextWaitMs(int intervalMs, qint64 tookUs, int maxPeriodMs, qint64 costUs)
{
    if (costUs < 0)
        costUs = tookUs;
    const qint64 costlyMs = qMin(costUs * kCostFactor / 1000, qint64(maxPeriodMs));
    const qint64 periodMs = qMax(qint64(intervalMs), costlyMs);
    return int(qBound(qint64(1), periodMs - tookUs / 1000, qint64(INT_MAX)));
}

SocketStateReader::Families SocketStateSampler::familiesOf(const QStringList &addresses)
{
    int families = 0;
    for (const QString &address : addresses) {
        if (!address.isEmpty())
            families |= address.startsWith(QLatin1Char('[')) ? SocketStateReader::Ipv6 : SocketStateReader::Ipv4;
    }
    return families == 0 ? SocketStateReader::AnyFamily : SocketStateReader::Families(families);
}

bool SocketStateSampler::isServerSide(const SocketSnapshot &socket) const
{
    if (m_serverPort == 0 || socket.localPort != m_serverPort)
        return false;
    // Only this server's accept() (or a child it forked) can hold its local address and port.
    return isWildcardHost(m_serverHost) || hostOf(socket.local) == m_serverHost;
}

QList<SocketSnapshot> SocketStateSampler::labSockets(QList<SocketSnapshot> sockets)
{
    // Our descriptors are read again only when an inode never seen before shows up.
    bool unknownInode = false;
    for (const SocketSnapshot &s : std::as_const(sockets)) {
        if (s.inode != 0 && !isServerSide(s) && !m_checkedInodes.contains(s.inode)) {
            unknownInode = true;
            break;
        }
    }
    if (unknownInode)
        m_ownInodes = ownSocketInodes();
    QSet<quint64> seen;
    QSet<QString> ownKeys;
    QList<SocketSnapshot> lab;
    const qint64 me = ::getpid();
    for (SocketSnapshot &s : sockets) {
        if (s.inode != 0)
            seen.insert(s.inode);
        if (isServerSide(s)) {
            lab << s;
            continue;
        }
        if (!m_target.clientPorts.contains(s.localPort))
            continue;
        const QString key = s.key();
        // inode 0 (TIME_WAIT after close()): ours if those ends were ours before.
        const bool ours = s.inode != 0 ? m_ownInodes.contains(s.inode) : m_ownClientKeys.contains(key);
        if (!ours)
            continue;
        if (s.inode != 0)
            s.pid = me;
        ownKeys.insert(key);
        lab << s;
    }
    m_checkedInodes = seen;
    m_ownClientKeys = ownKeys;
    return lab;
}

void SocketStateSampler::takeTarget()
{
    Target wanted;
    {
        QMutexLocker locker(&m_wantedMutex);
        wanted = m_wanted;
    }
    // A new server is a new lab: what the last one left is not its history.
    if (wanted.serverAddress != m_target.serverAddress || wanted.protocol != m_target.protocol) {
        m_diff.clear();
        m_ownClientKeys.clear();
    }
    m_target = wanted;
    m_serverHost = hostOf(wanted.serverAddress);
    m_serverPort = portOf(wanted.serverAddress);
}

void SocketStateSampler::sampleOnce(qint64 *lastEmitUs)
{
    takeTarget();
    QList<quint16> ports = m_target.clientPorts;
    if (m_serverPort != 0)
        ports.prepend(m_serverPort);
    QList<SocketSnapshot> sockets;
    const SocketStateReader::Protocols protocols =
        m_target.protocol == Protocol::Tcp ? SocketStateReader::TcpOnly : SocketStateReader::UdpOnly;
    // A failed read (out of descriptors) skips a tick; the next one tries again.
    if (!SocketStateReader::readLocalPorts(ports, protocols, &sockets, nullptr, m_target.families))
        return;
    const qint64 sampleUs = nowUs();
    const QList<SocketSnapshot> lab = labSockets(std::move(sockets));
    const QList<SocketStateDiff::Change> changes = m_diff.update(lab);
    postChanges(changes, sampleUs);
    const bool countdown = hasTimer(lab) && sampleUs - *lastEmitUs >= kTimerRefreshUs;
    if (changes.isEmpty() && !countdown && *lastEmitUs != 0)
        return;
    {
        QMutexLocker locker(&m_latestMutex);
        m_latest = lab;
    }
    *lastEmitUs = sampleUs;
    emit sampled(lab);
}

void SocketStateSampler::postChanges(const QList<SocketStateDiff::Change> &changes, qint64 sampleUs)
{
    for (const SocketStateDiff::Change &change : changes) {
        const SocketSnapshot &now = change.after;
        // UDP has no states worth telling; a listener's coming and going is the listening event.
        if (now.protocol != Protocol::Tcp || !change.stateChanged() || now.isListener()
            || change.before.isListener())
            continue;
        SocketEvent event(EventKind::State, isServerSide(now) ? Role::Server : Role::Client);
        event.setEndUs(sampleUs);
        event.protocol = now.protocol;
        event.local = now.local;
        event.peer = now.peer;
        event.socketState = int(change.gone ? SocketState::Close : now.state);
        event.previousState = int(change.appeared ? SocketState::Close : change.before.state);
        event.result = change.gone ? 0 : qint64(now.inode);
        if (now.pid > 0)
            event.pid = now.pid;
        m_queue->post(std::move(event));
    }
}

} // namespace socketlab
