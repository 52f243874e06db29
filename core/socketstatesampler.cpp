#include "core/socketstatesampler.h"

#include "core/callclock.h"

#include <QDir>

#include <cerrno>
#include <ctime>
#include <poll.h>
#include <time.h>
#include <unistd.h>

namespace socketlab {

namespace {
// A countdown (TIME_WAIT) is shown in seconds: the views need a sample this often, not ten.
constexpr qint64 kTimerRefreshUs = 500 * 1000;

// The inodes of this process's sockets (/proc/self/fd/N -> "socket:[inode]").
QSet<quint64> ownSocketInodes()
{
    QSet<quint64> inodes;
    static const QByteArray prefix = QByteArrayLiteral("socket:[");
    const QStringList fds
        = QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::System | QDir::NoDotAndDotDot);
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

// The CPU this thread used, kernel time included (a dump's walk of the socket table runs in
// our recv()): what a sample really costs, unlike the wall time a busy machine stretches.
qint64 threadCpuUs()
{
    timespec t {};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000 + t.tv_nsec / 1000;
}

// A server-side socket its process closed first: no descriptor, winding down. (One waiting
// in the backlog has no descriptor either, but is ESTABLISHED, SYN_RECV or CLOSE_WAIT.)
bool isLeftOver(const SocketSnapshot &s)
{
    switch (s.state) {
    case SocketState::TimeWait:
    case SocketState::FinWait1:
    case SocketState::FinWait2:
    case SocketState::Closing:
    case SocketState::LastAck:
        return s.inode == 0;
    default:
        return false;
    }
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
    : QObject(parent),
      m_queue(queue)
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
    bool changed = false;
    {
        QMutexLocker locker(&m_wantedMutex);
        changed = !(m_wanted == target);
        m_wanted = target;
    }
    // A new server, a client that connected or left: the table shows it at once.
    if (changed && isRunning())
        sampleSoon();
    // A running thread picks the new target up at its next sample: never joined here, so a
    // client that connects does not wait for a sample in progress.
    if (target.isEmpty())
        stop();
    else if (!isRunning())
        startThread();
}

void SocketStateSampler::startThread()
{
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->start();
}

void SocketStateSampler::stop()
{
    ++m_generation;
    if (!m_thread)
        return;
    m_stop.raise();
    m_thread->wait();
    m_thread.reset();
    m_stop.lower();
    m_soon.lower();
}

void SocketStateSampler::sampleSoon()
{
    if (m_soon.isValid())
        m_soon.raise();
}

QList<SocketSnapshot> SocketStateSampler::latest() const
{
    QMutexLocker locker(&m_latestMutex);
    return m_latest;
}

void SocketStateSampler::run()
{
    qint64 lastEmitUs = 0;
    m_acceptQueue = -1;
    // What changed while nobody sampled is not news now: everything there is, appears, and
    // a client's TIME_WAIT from then is no longer known as ours.
    m_diff.clear();
    m_ownClientKeys.clear();
    for (;;) {
        const qint64 startUs = nowUs();
        const qint64 startCpuUs = threadCpuUs();
        sampleOnce(&lastEmitUs);
        if (!waitForNextSample(startUs, threadCpuUs() - startCpuUs))
            return;
    }
}

int SocketStateSampler::nextWaitMs(int intervalMs, qint64 tookUs, int maxPeriodMs)
{
    const qint64 costlyMs = qMin(tookUs * kCostFactor / 1000, qint64(maxPeriodMs));
    const qint64 periodMs = qMax(qint64(intervalMs), costlyMs);
    return int(qBound(qint64(1), periodMs - tookUs / 1000, qint64(INT_MAX)));
}

bool SocketStateSampler::waitForNextSample(qint64 startUs, qint64 tookCpuUs)
{
    // The tick, longer when sampling is costly on this machine; sooner when asked or when the
    // listener's accept queue moved.
    // Never slower than kMaxPeriodMs (kKeptMaxPeriodMs while a lesson keeps ports watched: its
    // plots and steps wait on the samples), whatever a machine full of sockets makes it cost.
    const qint64 capUs
        = qint64(m_target.keptPorts.isEmpty() ? kMaxPeriodMs : kKeptMaxPeriodMs) * 1000;
    const qint64 periodUs = qMax(qint64(m_intervalMs) * 1000, qMin(tookCpuUs * kCostFactor, capUs));
    const qint64 soonUs = startUs + qMax(qint64(kSoonMs) * 1000, tookCpuUs * kSoonCostFactor);
    qint64 dueUs = startUs + periodUs;
    const bool probing = m_target.protocol == Protocol::Tcp && m_serverPort != 0;
    qint64 nextProbeUs = nowUs() + kProbeMs * 1000;
    for (;;) {
        const qint64 now = nowUs();
        if (now >= dueUs)
            return true;
        qint64 untilUs = dueUs;
        if (probing)
            untilUs = qMin(untilUs, nextProbeUs);
        const int waitMs
            = int(qBound(qint64(0), (untilUs - now + 999) / 1000, qint64(60 * 60 * 1000)));
        pollfd p[2] = {{m_stop.fd(), POLLIN, 0}, {m_soon.fd(), POLLIN, 0}};
        const int ready = ::poll(p, m_soon.isValid() ? 2 : 1, waitMs);
        if (ready < 0 && errno != EINTR)
            return false;
        if (ready > 0 && p[0].revents != 0)
            return false;
        if (ready > 0 && p[1].revents != 0) {
            m_soon.lower();
            dueUs = qMin(dueUs, soonUs);
        }
        if (probing && nowUs() >= nextProbeUs) {
            nextProbeUs = nowUs() + kProbeMs * 1000;
            if (acceptQueueChanged())
                dueUs = qMin(dueUs, soonUs);
        }
    }
}

bool SocketStateSampler::acceptQueueChanged()
{
    takeTarget();
    QList<SocketSnapshot> listeners;
    if (m_serverPort == 0
        || !SocketStateReader::readListeners(m_serverPort, &listeners, m_target.families,
                                             m_target.network.get()))
        return false;
    qint64 queue = -1;
    for (const SocketSnapshot &s : std::as_const(listeners)) {
        if (isServerSide(s))
            queue = s.recvQ;
    }
    const bool changed = queue != m_acceptQueue;
    m_acceptQueue = queue;
    return changed;
}

SocketStateReader::Families SocketStateSampler::familiesOf(const QStringList &addresses)
{
    int families = 0;
    for (const QString &address : addresses) {
        if (!address.isEmpty())
            families |= address.startsWith(QLatin1Char('[')) ? SocketStateReader::Ipv6
                                                             : SocketStateReader::Ipv4;
    }
    return families == 0 ? SocketStateReader::AnyFamily : SocketStateReader::Families(families);
}

bool SocketStateSampler::isServerSide(const SocketSnapshot &socket) const
{
    if (m_serverPort == 0 || socket.localPort != m_serverPort)
        return false;
    // Only this server's accept() (or a child it forked) can hold its local address and port.
    return m_server.isWildcard() || Endpoint::parse(socket.local).host() == m_server.host();
}

bool SocketStateSampler::isKept(const SocketSnapshot &socket) const
{
    if (socket.protocol != Protocol::Tcp)
        return false;
    // The kept port on the end that is the lab's server's: its address too, when known.
    auto onServerAddress = [this](quint16 port, const QString &end) {
        const auto server = m_serverByPort.constFind(port);
        return server == m_serverByPort.constEnd() || server->isWildcard()
            || Endpoint::hostOf(end) == server->host();
    };
    return (m_target.keptPorts.contains(socket.localPort)
            && onServerAddress(socket.localPort, socket.local))
        || (m_target.keptPorts.contains(socket.peerPort)
            && onServerAddress(socket.peerPort, socket.peer));
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
    QSet<QString> earlier;
    for (SocketSnapshot &s : sockets) {
        if (s.inode != 0)
            seen.insert(s.inode);
        if (isServerSide(s)) {
            const QString key = s.key();
            // What the run before left on this address: known to the last sample, or closed by
            // its server (no descriptor, a state only the side that closed first goes through)
            // by the time this run's first sample is taken.
            if (!s.isListener()
                && (m_earlierRuns.contains(key) || (m_firstOfRun && isLeftOver(s)))) {
                earlier.insert(key);
                if (!isKept(s))
                    continue;
            }
            lab << s;
            continue;
        }
        if (isKept(s)) {
            lab << s;
            continue;
        }
        if (!m_target.clientPorts.contains(s.localPort))
            continue;
        const QString key = s.key();
        // inode 0 (TIME_WAIT after close()): ours if those ends were ours before.
        const bool ours
            = s.inode != 0 ? m_ownInodes.contains(s.inode) : m_ownClientKeys.contains(key);
        if (!ours)
            continue;
        if (s.inode != 0)
            s.pid = me;
        ownKeys.insert(key);
        lab << s;
    }
    m_checkedInodes = seen;
    m_ownClientKeys = ownKeys;
    m_earlierRuns = earlier;
    m_firstOfRun = false;
    return lab;
}

void SocketStateSampler::takeTarget()
{
    Target wanted;
    {
        QMutexLocker locker(&m_wantedMutex);
        wanted = m_wanted;
    }
    // A new server is a new lab: what the last one left is not its history. The server's
    // sockets the diff knows stay out of the new run; the clients' stay (a client's
    // TIME_WAIT outlives the server it talked to).
    if (wanted.run != m_target.run && wanted.run != 0) {
        const QHash<QString, SocketSnapshot> &last = m_diff.last();
        for (auto it = last.constBegin(); it != last.constEnd(); ++it) {
            if (isServerSide(it.value())
                || it.value().localPort == Endpoint::parse(wanted.serverAddress).port())
                m_earlierRuns.insert(it.key());
        }
        // Left out without a word: "went away" would be the last run's news in this one.
        for (const QString &key : std::as_const(m_earlierRuns))
            m_diff.forget(key);
        m_firstOfRun = true;
        m_acceptQueue = -1;
    }
    if (wanted.protocol != m_target.protocol) {
        m_diff.clear();
        m_ownClientKeys.clear();
    }
    m_target = wanted;
    m_server = Endpoint::parse(wanted.serverAddress);
    m_serverPort = m_server.port();
    if (m_serverPort != 0) {
        if (m_serverByPort.size() >= kMaxServerPorts && !m_serverByPort.contains(m_serverPort))
            m_serverByPort.clear();
        m_serverByPort.insert(m_serverPort, m_server);
    }
}

void SocketStateSampler::sampleOnce(qint64 *lastEmitUs)
{
    takeTarget();
    QList<quint16> ports = m_target.clientPorts;
    if (m_serverPort != 0)
        ports.prepend(m_serverPort);
    for (const quint16 port : std::as_const(m_target.keptPorts)) {
        if (!ports.contains(port))
            ports << port;
    }
    QList<SocketSnapshot> sockets;
    int protocols = m_target.protocol == Protocol::Tcp ? SocketStateReader::TcpOnly
                                                       : SocketStateReader::UdpOnly;
    if (!m_target.keptPorts.isEmpty())
        protocols |= SocketStateReader::TcpOnly;
    // A failed read (out of descriptors) skips a tick; the next one tries again.
    if (!SocketStateReader::readLocalPorts(ports, SocketStateReader::Protocols(protocols), &sockets,
                                           nullptr, m_target.families, m_target.keptPorts,
                                           m_target.network.get())) {
        return;
    }
    const qint64 sampleUs = nowUs();
    const QList<SocketSnapshot> lab = labSockets(std::move(sockets));
    const QList<SocketStateDiff::Change> changes = m_diff.update(lab);
    postChanges(changes, sampleUs);
    for (const SocketSnapshot &s : lab) {
        if (s.isListener() && isServerSide(s))
            m_acceptQueue = s.recvQ;
    }
    const bool countdown = hasTimer(lab) && sampleUs - *lastEmitUs >= kTimerRefreshUs;
    const bool everyTick = !m_target.keptPorts.isEmpty();
    if (changes.isEmpty() && !countdown && !everyTick && *lastEmitUs != 0)
        return;
    {
        QMutexLocker locker(&m_latestMutex);
        m_latest = lab;
    }
    *lastEmitUs = sampleUs;
    emit sampled(lab, m_generation.load());
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
        event.stateChange = change.appeared ? StateChange::Appeared
            : change.gone                   ? StateChange::WentAway
                                            : StateChange::Moved;
        event.result = change.gone ? 0 : qint64(now.inode);
        if (now.pid > 0)
            event.pid = now.pid;
        m_queue->post(std::move(event));
    }
}

} // namespace socketlab
