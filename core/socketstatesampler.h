#pragma once

#include "core/endpoint.h"
#include "core/eventqueue.h"
#include "core/socketstatediff.h"
#include "core/wakesignal.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QSet>

#include <QThread>
#include <atomic>
#include <climits>

#include <memory>

namespace socketlab {

class LabNetwork;

// Samples the kernel's view of the lab's sockets (SocketStateReader) about ten times a second
// on a thread of its own, while there is something to watch, and posts every TCP state change
// into the event queue as a State event stamped with the sample's time, so the log and the
// call trace show "ESTABLISHED -> CLOSE_WAIT" in order with the calls. The latest sample goes
// to the views through `sampled`, delivered in this object's thread.
//
// The lab's sockets: the server's (local address the listener's, whatever process holds
// them: only our own accept() or a forked child's can have it) and this process's clients'
// (local port one of clientPorts and held by one of our descriptors; afterwards, TIME_WAIT
// included, by the same ends). Another program's sockets on the same ports are left out.
// Cheap: one kernel-filtered dump per address family of one protocol a tick, and our
// descriptors read from /proc/self/fd only when a socket with a new inode appears.
//
// A tick is not the only trigger: sampleSoon() (the session calls it for what the lab does:
// connect, accept, close, a server's start and stop) samples within a few tens of
// milliseconds, and while a TCP server runs the listener alone is read every kProbeMs (the
// kernel walks only its listeners for that) so a connection waiting in the backlog shows at
// once, whatever the cost-based back-off made the tick.
class SocketStateSampler : public QObject
{
    Q_OBJECT

public:
    static constexpr int kIntervalMs = 100;
    // A sample walks the kernel's whole socket table (tens of thousands of TIME_WAIT sockets
    // after a connection flood, every network namespace's): the sampler waits this many times
    // the CPU time its last sample took before the next, so it takes at most ~0.5% of a core
    // (a walk also evicts the flood's cache lines and takes each hash bucket's lock). CPU time,
    // not wall-clock time: on a busy machine a cheap sample may wait long for a core, and
    // 200 times that wait would freeze the kernel's view for many seconds.
    static constexpr int kCostFactor = 200;
    // The back-off's bound: a view frozen longer would lie (`sockets --watch` uses it too), and
    // a tighter one while a lesson keeps ports watched.
    static constexpr int kMaxPeriodMs = 2000;
    static constexpr int kKeptMaxPeriodMs = 500;
    // How long to wait after a sample that took tookUs, for a wanted interval of intervalMs:
    // the rest of the interval, or longer when sampling is costly here (kCostFactor), the
    // period from sample to sample never past maxPeriodMs (nor shorter than intervalMs).
    // What `socketlab-cli sockets --watch` waits (the sampler itself: waitForNextSample).
    static int nextWaitMs(int intervalMs, qint64 tookUs, int maxPeriodMs = INT_MAX);
    // sampleSoon() waits at least this long after the last sample began, and this many times
    // the CPU that sample took: a storm of connections costs at most ~5% of a core.
    static constexpr int kSoonMs = 20;
    static constexpr int kSoonCostFactor = 20;
    // How often the listener's accept queue is read between samples.
    static constexpr int kProbeMs = 50;
    // How many servers' addresses are remembered for their kept ports.
    static constexpr int kMaxServerPorts = 64;

    struct Target
    {
        Protocol protocol = Protocol::Tcp;
        QString serverAddress; // the listener's bound address ("127.0.0.1:5000"); empty: none
        QList<quint16> clientPorts; // local ports of this process's clients
        // Address families the lab's sockets use (the server's, the clients'): each one asked
        // is one more walk of the kernel's table.
        SocketStateReader::Families families = SocketStateReader::AnyFamily;
        // Which run of the server this is: a new one is a new lab, and the sockets the last
        // run left (its TIME_WAITs, a CLOSE_WAIT nobody closed) are not its history.
        quint64 run = 0;
        // Ports whose every TCP socket (either end) is sampled, even with no server or client
        // left, and a sample delivered every tick while there are some: a lesson keeps
        // watching a stopped server's TIME_WAIT and plots queues over time.
        QList<quint16> keptPorts;
        // The network the lab's sockets live in (null: SocketLab's own): the kernel shows a
        // namespace's sockets only to a sock_diag socket made in it.
        std::shared_ptr<LabNetwork> network;

        bool isEmpty() const
        {
            return serverAddress.isEmpty() && clientPorts.isEmpty() && keptPorts.isEmpty();
        }
        bool operator==(const Target &other) const
        {
            return protocol == other.protocol && serverAddress == other.serverAddress
                && clientPorts == other.clientPorts && families == other.families
                && run == other.run && keptPorts == other.keptPorts && network == other.network;
        }
    };

    explicit SocketStateSampler(EventQueue *queue, QObject *parent = nullptr);
    ~SocketStateSampler() override;

    // False when the environment says SOCKETLAB_STATE_SAMPLING=0 (for the benchmarks).
    static bool isEnabled();
    // The families of addresses as the lab writes them ("[::1]:5000" is IPv6), for Target.
    static SocketStateReader::Families familiesOf(const QStringList &addresses);
    // Samples this from now on (from the next sample); an empty target stops.
    void setTarget(const Target &target);
    void stop();
    // Samples within kSoonMs (from any thread): the lab just did something the kernel's
    // table shows.
    void sampleSoon();
    bool isRunning() const { return m_thread != nullptr; }
    // Counts the stops: a sample delivered with an older number was taken before the last
    // stop (a reset, a stopped server) and is out of date.
    quint64 generation() const { return m_generation.load(); }
    // The time between samples (kIntervalMs unless a test asks otherwise); while stopped.
    void setIntervalMs(int ms) { m_intervalMs = ms; }
    // The last sample (from any thread).
    QList<SocketSnapshot> latest() const;

signals:
    // The lab's sockets at the last sample, when they changed (or a timer runs, for countdowns).
    void sampled(const QList<socketlab::SocketSnapshot> &sockets, quint64 generation);

private:
    void startThread();
    void run();
    // Waits until the next sample is due (true) or stop() (false).
    bool waitForNextSample(qint64 startUs, qint64 tookCpuUs);
    // The listener's accept queue changed since the last look (a connection waits for accept()).
    bool acceptQueueChanged();
    void takeTarget();
    void sampleOnce(qint64 *lastEmitUs);
    bool isServerSide(const SocketSnapshot &socket) const;
    bool isKept(const SocketSnapshot &socket) const;
    QList<SocketSnapshot> labSockets(QList<SocketSnapshot> sockets);
    void postChanges(const QList<SocketStateDiff::Change> &changes, qint64 sampleUs);

    EventQueue *m_queue;
    QMutex m_wantedMutex;
    Target m_wanted; // what setTarget() asked for
    int m_intervalMs = kIntervalMs;
    WakeSignal m_stop;
    WakeSignal m_soon;
    std::atomic<quint64> m_generation {0};
    std::unique_ptr<QThread> m_thread;
    // Used by the sampling thread only (between a start and the join of a stop).
    Target m_target;
    Endpoint m_server;
    quint16 m_serverPort = 0;
    // The address each of the lab's servers listened on, by port (bounded): a kept port's
    // sockets are the ones on that address. Another program may hold the same port number on
    // another address (a class's clients bind 127.0.0.x before connect()).
    QHash<quint16, Endpoint> m_serverByPort;
    SocketStateDiff m_diff;
    QSet<quint64> m_ownInodes; // this process's socket inodes, as last read
    QSet<quint64> m_checkedInodes; // inodes already looked up
    QSet<QString> m_ownClientKeys; // client sockets known to be ours, by their ends
    // The server's sockets an earlier run left, by their ends: never this run's.
    QSet<QString> m_earlierRuns;
    bool m_firstOfRun = false;
    qint64 m_acceptQueue = -1; // the listener's, at the last look (-1: none)
    mutable QMutex m_latestMutex;
    QList<SocketSnapshot> m_latest;
};

} // namespace socketlab
