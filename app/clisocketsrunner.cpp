#include "app/clisocketsrunner.h"

#include "app/signalwatcher.h"
#include "core/callclock.h"
#include "core/jsonline.h"
#include "core/socketstatesampler.h"

#include <QTimer>

#include <cstdio>
#include <unistd.h>

namespace socketlab {

namespace {
// One table for a reader that takes its time (a pager); a stuck one loses it after this.
constexpr int kOnceDrainMs = 30000;
// Leaving --watch: what is still queued gets this long to go out, as the server's summary.
constexpr int kWatchDrainMs = 250;
// --watch backs off when sampling is costly, but samples at least this often.
constexpr int kWatchMaxPeriodMs = SocketStateSampler::kMaxPeriodMs;

QString stateText(const SocketSnapshot &socket, bool gone)
{
    return gone ? QStringLiteral("GONE") : socketStateName(socket.state);
}
} // namespace

CliSocketsRunner::CliSocketsRunner(const CliOptions &options)
    : m_options(options),
      m_out(STDOUT_FILENO)
{
    if (options.protocolGiven)
        m_protocols = options.protocol == Protocol::Tcp ? SocketStateReader::TcpOnly
                                                        : SocketStateReader::UdpOnly;
}

QByteArray CliSocketsRunner::humanLine(const SocketSnapshot &socket, quint16 port, bool gone)
{
    QString line = QStringLiteral("%1  %2  %3")
                       .arg(protocolName(socket.protocol), stateText(socket, gone), socket.local);
    if (socket.isListener()) {
        line += QStringLiteral("  ")
            + tr("accept queue %1 of %2").arg(socket.recvQ).arg(socket.sendQ);
    } else {
        if (socket.peerPort != 0) {
            // The arrow points from the client to the server: "<-" on the port's own side.
            line += socket.localPort == port ? QStringLiteral(" <- ") : QStringLiteral(" -> ");
            line += socket.peer;
        }
        line += QStringLiteral("  ")
            + tr("recv-q %1  send-q %2").arg(socket.recvQ).arg(socket.sendQ);
    }
    if (socket.timerMs > 0)
        line += QStringLiteral("  ") + tr("timer %1 ms").arg(socket.timerMs);
    if (socket.pid > 0)
        line += QStringLiteral("  ") + tr("pid %1").arg(socket.pid);
    if (!socket.accepted())
        line += QStringLiteral("  ") + tr("(waiting in the backlog, not accepted yet)");
    return (line + QLatin1Char('\n')).toUtf8();
}

QByteArray CliSocketsRunner::jsonLine(const SocketSnapshot &socket, bool gone)
{
    JsonLine json;
    json.add("proto", protocolName(socket.protocol));
    json.add("state", stateText(socket, gone));
    json.add("local", socket.local);
    json.add("peer", socket.peer);
    json.add("recv_q", socket.recvQ);
    json.add("send_q", socket.sendQ);
    json.add("accepted", socket.accepted());
    json.add("timer_ms", socket.timerMs);
    json.add("inode", qint64(socket.inode));
    if (socket.pid > 0)
        json.add("pid", socket.pid);
    if (socket.isListener()) {
        json.add("accept_queue", socket.recvQ);
        json.add("backlog", socket.sendQ);
    }
    return json.finish();
}

void CliSocketsRunner::write(const SocketSnapshot &socket, bool gone)
{
    m_out.write(m_options.json ? jsonLine(socket, gone) : humanLine(socket, m_options.port, gone));
}

bool CliSocketsRunner::sample(bool firstTime)
{
    QList<SocketSnapshot> sockets;
    QString error;
    if (!SocketStateReader::read(m_options.port, m_protocols, &sockets, &error)) {
        const QByteArray message = ("socketlab-cli: " + error + QLatin1Char('\n')).toUtf8();
        std::fwrite(message.constData(), 1, size_t(message.size()), stderr);
        return false;
    }
    if (firstTime)
        m_diff.clear();
    for (const SocketStateDiff::Change &change : m_diff.update(sockets))
        write(change.after, change.gone);
    return true;
}

int CliSocketsRunner::exec()
{
    if (m_options.watchMs <= 0) {
        const bool ok = sample(true);
        m_out.drain(kOnceDrainMs);
        return ok ? 0 : 1;
    }
    SignalWatcher watcher;
    if (!sample(true))
        return 1;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &timer, [this, &timer] {
        const qint64 startUs = nowUs();
        // A reader that lags misses samples, not changes: the next one compares with what
        // was printed last.
        if (!m_out.isBacklogged() && !sample(false)) {
            QCoreApplication::exit(1);
            return;
        }
        // A sample walks the kernel's whole socket table (the port is filtered in the
        // kernel, but every socket is visited): with tens of thousands of sockets on the
        // machine, the wait grows with its cost, as the server's own sampler does, up to
        // kWatchMaxPeriodMs, so a change still shows within moments.
        timer.start(SocketStateSampler::nextWaitMs(m_options.watchMs, nowUs() - startUs,
                                                   kWatchMaxPeriodMs));
    });
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &timer,
                     [] { QCoreApplication::exit(0); });
    // The reader went away (| head): done, as on SIGTERM.
    QObject::connect(
        &m_out, &OutputWriter::brokenPipe, &timer, [] { QCoreApplication::exit(0); },
        Qt::QueuedConnection);
    timer.start(m_options.watchMs);
    const int code = QCoreApplication::exec();
    m_out.drain(kWatchDrainMs);
    return code;
}

} // namespace socketlab
