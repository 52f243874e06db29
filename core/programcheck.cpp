#include "core/programcheck.h"

#include "core/checkrubric.h"
#include "core/client.h"
#include "core/private/rubrictrace.h"
#include "core/server.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QSet>
#include <QTimer>

#include <sys/statvfs.h>

namespace socketlab {

namespace {

// How often the probes look at what the trace shows.
constexpr int kPollMs = 20;
// How long one probe waits for what it expects before the rubric counts it as not done.
constexpr int kReadWaitMs = 2000;
// The second client of a concurrent server: read while the first is connected, or never.
constexpr int kConcurrentWaitMs = 2000;
// After the clients left: time for the program to close, reap and end its threads.
constexpr int kSettleMs = 1500;
// A client program: time to end after the Ctrl+X line.
constexpr int kEndWaitMs = 3000;
// The program's output kept for the rubric.
constexpr int kMaxOutput = 1024 * 1024;
// A folder with less room left than this is full.
constexpr qint64 kFullFolderBytes = 64 * 1024;

const QByteArray kLine1 = CheckRun::clientLine(0) + '\n';
const QByteArray kLine2 = CheckRun::clientLine(1) + '\n';
const QByteArray kLine3 = CheckRun::clientLine(2) + '\n';
const QByteArray kDatagram3 = CheckRun::secondDatagram() + '\n';

QByteArray longLine()
{
    // 1,500 bytes: more than the recipe's recv(1024), so it takes two reads.
    QByteArray line = QByteArrayLiteral("A long line: ");
    line += QByteArray(1500 - 1 - line.size(), 'x');
    return line + '\n';
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool isCall(const SocketEvent &event, SysCall call)
{
    return event.kind == EventKind::Call && event.call == call;
}

} // namespace

ProgramCheck::ProgramCheck(QObject *parent)
    : QObject(parent)
{
}

ProgramCheck::~ProgramCheck()
{
    m_clients.clear();
    m_server.reset();
    m_tracer.reset(); // stops the program and every process it made
}

int ProgramCheck::remainingMs() const
{
    return int(qMax<qint64>(0, m_startedMs + qint64(m_options.timeoutSeconds) * 1000 - nowMs()));
}

bool ProgramCheck::start(const ProgramCheckOptions &options)
{
    m_options = options;
    m_run.exercise = options.exercise;
    m_run.port = options.port;
    m_run.timeoutSeconds = options.timeoutSeconds;
    m_run.fileLimitBytes = options.fileLimitBytes;
    m_live = std::make_unique<LiveRubric>(options.exercise);

    if (!isServerExercise(options.exercise)) {
        // The program's server: SocketLab's, on every address of the private network, so
        // the address the program was written with (127.0.0.1, 192.168.1.10) answers.
        ServerConfig config;
        config.protocol = exerciseProtocol(options.exercise);
        config.concurrency = Concurrency::Thread;
        config.bindAddress = QStringLiteral("0.0.0.0");
        config.port = options.port;
        config.reportCalls = false;
        m_server = std::make_unique<Server>();
        connect(m_server.get(), &Server::eventsArrived, this, [this](const SocketEvents &events) {
            for (const SocketEvent &event : events) {
                if (event.kind == EventKind::Data && m_run.serverReceived.size() < kMaxOutput)
                    m_run.serverReceived += event.payload;
            }
        });
        if (!m_server->start(config)) {
            m_errorString = m_server->errorString();
            m_exitCode = 1;
            return false;
        }
    }

    m_tracer = std::make_unique<Tracer>();
    connect(m_tracer.get(), &Tracer::eventsArrived, this, &ProgramCheck::record);
    connect(m_tracer.get(), &Tracer::outputArrived, this, [this](const QByteArray &bytes, bool) {
        if (m_run.output.size() < kMaxOutput)
            m_run.output += bytes.left(kMaxOutput - m_run.output.size());
    });
    connect(m_tracer.get(), &Tracer::warned, this,
            [this](const QString &) { m_run.processCapReached = true; });
    connect(m_tracer.get(), &Tracer::finished, this, &ProgramCheck::programFinished);
    TraceOptions trace;
    trace.program = options.program;
    trace.arguments = options.arguments;
    trace.workingDirectory = options.workingDirectory;
    trace.pipeStdio = true;
    trace.limits = options.limits;
    m_startedMs = nowMs();
    if (!m_tracer->start(trace)) {
        m_errorString = m_tracer->errorString();
        m_exitCode = Tracer::exitCode(m_tracer->startError());
        m_tracer.reset();
        m_server.reset();
        return false;
    }
    m_run.programPid = m_tracer->programPid();

    m_deadline = new QTimer(this);
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        if (m_scenarioDone)
            return;
        m_run.timedOut = true;
        m_live->giveUp();
        m_probes.clear();
        scenarioDone();
    });
    m_deadline->start(options.timeoutSeconds * 1000);
    m_pollTimer = new QTimer(this);
    connect(m_pollTimer, &QTimer::timeout, this, &ProgramCheck::poll);
    m_pollTimer->start(kPollMs);

    if (isServerExercise(options.exercise))
        addServerProbes();
    else
        addClientProbes();
    startProbe();
    return true;
}

void ProgramCheck::record(const SocketEvents &events)
{
    for (const SocketEvent &event : events) {
        // A program started through a wrapper (a version manager's python3 shim) runs
        // other programs first: the rubric reads from the program's last start on.
        if (event.kind == EventKind::Process && event.processChange == ProcessChange::Started
            && event.pid == m_run.programPid) {
            m_startIndex = int(m_run.events.size());
        }
        m_run.events.push_back(event);
    }
    emit eventsRecorded(events);
}

Client *ProgramCheck::newClient(const QByteArray &text)
{
    auto client = std::make_unique<Client>();
    client->connectToHost(exerciseProtocol(m_options.exercise), QStringLiteral("127.0.0.1"),
                          m_options.port);
    client->send(text);
    m_run.clients << QString();
    m_run.sentByClient << text;
    m_clients.push_back(std::move(client));
    return m_clients.back().get();
}

void ProgramCheck::addServerProbes()
{
    m_probes.push_back({[] {},
                        [this] {
                            m_run.listened = boundAndListening();
                            return m_run.listened;
                        },
                        0, true, LiveRubric::Milestone::Listening});
    if (m_options.exercise == Exercise::UdpServer)
        addUdpServerProbes();
    else
        addTcpServerProbes(m_options.exercise != Exercise::TcpServer);
}

void ProgramCheck::addTcpServerProbes(bool concurrent)
{
    m_probes.push_back({[this] { newClient(kLine1); },
                        [this] { return RubricTrace(m_run).readFrom(0, kLine1.trimmed()); },
                        kReadWaitMs, false, LiveRubric::Milestone::FirstClientRead});
    if (concurrent) {
        // The second client, while the first stays connected.
        m_probes.push_back({[this] { newClient(kLine2); },
                            [this] {
                                if (!RubricTrace(m_run).readFrom(1, kLine2.trimmed()))
                                    return false;
                                m_run.secondReadWhileFirstConnected = true;
                                return true;
                            },
                            kConcurrentWaitMs, false,
                            LiveRubric::Milestone::SecondClientConcurrent});
    }
    m_probes.push_back(
        {[this] {
             m_clients.at(0)->send(longLine());
             m_run.sentByClient[0] += longLine();
         },
         [this] { return RubricTrace(m_run).bytesReadFrom(0) >= m_run.sentByClient.at(0).size(); },
         kReadWaitMs, false, LiveRubric::Milestone::LongLineRead});
    m_probes.push_back({[this] { m_clients.at(0)->disconnectFromHost(); },
                        [this] { return RubricTrace(m_run).closedConnectionOf(0); }, kReadWaitMs,
                        false, LiveRubric::Milestone::FirstClientClosed});
    if (!concurrent) {
        m_probes.push_back({[this] { newClient(kLine2); },
                            [this] { return RubricTrace(m_run).readFrom(1, kLine2.trimmed()); },
                            kReadWaitMs});
    }
    // The second client leaves by RST: the program's recv() fails with ECONNRESET.
    m_probes.push_back({[this] {
                            if (m_clients.size() > 1)
                                m_clients.at(1)->resetConnection();
                        },
                        [this] { return RubricTrace(m_run).closedConnectionOf(1); },
                        kConcurrentWaitMs});
    m_probes.push_back({[this] { newClient(kLine3); },
                        [this] { return RubricTrace(m_run).readFrom(2, kLine3.trimmed()); },
                        kReadWaitMs, false, LiveRubric::Milestone::LastClientRead});
    m_probes.push_back({[this] { m_clients.at(2)->disconnectFromHost(); },
                        [this] { return RubricTrace(m_run).closedConnectionOf(2); }, kReadWaitMs});
    m_probes.push_back({[] {}, [this] { return connectionsSettled(); }, kSettleMs});
}

void ProgramCheck::addUdpServerProbes()
{
    m_probes.push_back({[this] { newClient(kLine1); },
                        [this] { return RubricTrace(m_run).readFrom(0, kLine1.trimmed()); },
                        kReadWaitMs, false, LiveRubric::Milestone::FirstClientRead});
    m_probes.push_back({[this] { newClient(kLine2); },
                        [this] { return RubricTrace(m_run).readFrom(1, kLine2.trimmed()); },
                        kReadWaitMs});
    m_probes.push_back({[this] {
                            m_clients.at(0)->send(kDatagram3);
                            m_run.sentByClient[0] += kDatagram3;
                        },
                        [this] { return RubricTrace(m_run).readFrom(0, kDatagram3.trimmed()); },
                        kReadWaitMs});
}

void ProgramCheck::addClientProbes()
{
    // A TCP client connects before it reads a line: the lines are typed once it has. (A UDP
    // client's socket() shows in the trace only with its first sendto(), when its role is
    // known; the typed lines wait in the pipe meanwhile.)
    if (exerciseProtocol(m_options.exercise) == Protocol::Tcp) {
        m_probes.push_back({[] {},
                            [this] {
                                for (int i = m_startIndex; i < m_run.events.size(); ++i) {
                                    if (isCall(m_run.events.at(i), SysCall::Connect))
                                        return true;
                                }
                                return false;
                            },
                            kReadWaitMs, false, LiveRubric::Milestone::ClientConnected});
    }
    const QList<QByteArray> lines
        = {QByteArrayLiteral("first line"), QByteArrayLiteral("second line"),
           QByteArrayLiteral("third line")};
    for (const QByteArray &line : lines) {
        const LiveRubric::Milestone milestone = line == lines.first()
            ? LiveRubric::Milestone::FirstLineArrived
            : line == lines.last() ? LiveRubric::Milestone::LinesArrived
                                   : LiveRubric::Milestone::None;
        m_probes.push_back({[this, line] {
                                m_run.typedLines << line;
                                m_tracer->writeInput(line + '\n');
                            },
                            [this, line] { return m_run.serverReceived.contains(line); },
                            kReadWaitMs, false, milestone});
    }
    m_probes.push_back({[this] {
                            m_run.ctrlXAt = int(m_run.events.size());
                            m_tracer->writeInput(QByteArrayLiteral("\x18\n"));
                        },
                        [this] { return m_programFinished; }, kEndWaitMs});
}

void ProgramCheck::startProbe()
{
    if (m_probes.empty()) {
        scenarioDone();
        return;
    }
    m_probes.front().action();
    m_probeStartedMs = nowMs();
    m_probing = true;
}

void ProgramCheck::poll()
{
    if (!m_tracer || m_scenarioDone)
        return;
    m_tracer->flushEvents();
    for (size_t i = 0; i < m_clients.size(); ++i) {
        if (m_run.clients.at(int(i)).isEmpty()) {
            // A UDP socket that sent to 127.0.0.1 without binding says 0.0.0.0; the program
            // sees the datagrams come from 127.0.0.1.
            QString address = m_clients.at(i)->localAddress();
            if (address.endsWith(QLatin1String(":0")))
                address.clear();
            if (address.startsWith(QLatin1String("0.0.0.0:")))
                address.replace(0, 7, QStringLiteral("127.0.0.1"));
            m_run.clients[int(i)] = address;
        }
    }
    if (!m_probing || m_probes.empty())
        return;
    if (remainingMs() == 0) {
        m_run.timedOut = true;
        m_live->giveUp();
        m_probes.clear();
        scenarioDone();
        return;
    }
    const Probe &probe = m_probes.front();
    if (probe.done()) {
        const LiveRubric::Milestone milestone = probe.milestone;
        m_probes.pop_front();
        decide(milestone);
        startProbe();
        return;
    }
    const int waited = int(nowMs() - m_probeStartedMs);
    const bool expired = probe.timeoutMs > 0 && waited >= probe.timeoutMs;
    if (m_programFinished || expired) {
        m_live->giveUp();
        // Nothing more to drive when the program is gone, or when it never listened.
        if (m_programFinished || probe.essential)
            m_probes.clear();
        else
            m_probes.pop_front();
        startProbe();
    }
}

CheckRun ProgramCheck::snapshot() const
{
    CheckRun run = m_run;
    run.events = m_run.events.mid(m_startIndex);
    run.stopIndex = int(run.events.size());
    if (run.ctrlXAt >= 0)
        run.ctrlXAt = qMax(0, run.ctrlXAt - m_startIndex);
    // Lines still being written are not read yet: the end will see them whole.
    run.output.truncate(run.output.lastIndexOf('\n') + 1);
    return run;
}

void ProgramCheck::decide(LiveRubric::Milestone milestone)
{
    if (m_interrupted)
        return;
    // The events up to now, the program's output up to now.
    m_tracer->flushEvents();
    const CheckItems items = m_live->reach(milestone, snapshot());
    for (const CheckItem &item : items)
        emit itemDecided(item);
}

void ProgramCheck::interrupt()
{
    if (m_concluded || !m_tracer)
        return;
    m_interrupted = true;
    m_live->giveUp();
    m_probes.clear();
    if (!m_scenarioDone)
        scenarioDone();
}

void ProgramCheck::scenarioDone()
{
    if (m_scenarioDone)
        return;
    m_scenarioDone = true;
    m_probing = false;
    m_pollTimer->stop();
    m_tracer->flushEvents();
    m_run.endedAfterCtrlX = m_run.ctrlXAt >= 0 && m_programFinished && !m_run.timedOut;
    m_run.stillRunning = !m_programFinished;
    m_run.stopIndex = int(m_run.events.size());
    if (m_programFinished)
        conclude();
    else
        m_tracer->stop(); // finished() follows, then conclude()
}

void ProgramCheck::programFinished(int exitStatus)
{
    m_programFinished = true;
    m_run.exitStatus = exitStatus;
    if (m_scenarioDone)
        conclude();
    else
        poll();
}

bool ProgramCheck::boundAndListening() const
{
    const QString port = QLatin1Char(':') + QString::number(m_options.port);
    bool bound = false;
    for (int i = m_startIndex; i < m_run.events.size(); ++i) {
        const SocketEvent &event = m_run.events.at(i);
        if (isCall(event, SysCall::Bind) && event.result == 0 && event.local.endsWith(port))
            bound = true;
        if (bound
            && (exerciseProtocol(m_options.exercise) == Protocol::Udp
                || (isCall(event, SysCall::Listen) && event.result == 0))) {
            return true;
        }
    }
    return false;
}

bool ProgramCheck::connectionsSettled() const
{
    // Every child the program forked was reaped, and every thread it started ended.
    QSet<qint64> open;
    for (int i = m_startIndex; i < m_run.events.size(); ++i) {
        const SocketEvent &event = m_run.events.at(i);
        if (event.kind != EventKind::Process)
            continue;
        const qint64 id = event.processChange == ProcessChange::Thread ? event.tid : event.pid;
        switch (event.processChange) {
        case ProcessChange::Forked:
        case ProcessChange::Thread:
            open.insert(id);
            break;
        case ProcessChange::Reaped:
            open.remove(event.pid);
            break;
        case ProcessChange::Exited:
            if (event.tid != event.pid)
                open.remove(event.tid);
            break;
        default:
            break;
        }
    }
    return open.isEmpty() && RubricTrace(m_run).openAccepted().isEmpty();
}

void ProgramCheck::scanFolder()
{
    if (m_options.workingDirectory.isEmpty() || m_options.fileLimitBytes <= 0)
        return;
    QDirIterator it(m_options.workingDirectory, QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    int seen = 0;
    while (it.hasNext() && seen < 10000) {
        ++seen;
        const QFileInfo info(it.next());
        if (info.size() >= m_options.fileLimitBytes) {
            m_run.fullFiles
                << tr("%1 (%2 bytes)")
                       .arg(QDir(m_options.workingDirectory).relativeFilePath(info.filePath()))
                       .arg(info.size());
        }
    }
    struct statvfs room
    {
    };
    if (::statvfs(QFile::encodeName(m_options.workingDirectory).constData(), &room) == 0
        && qint64(room.f_bavail) * qint64(room.f_frsize) < kFullFolderBytes) {
        m_run.fullFiles << tr("its folder is full");
    }
}

void ProgramCheck::conclude()
{
    if (m_concluded)
        return;
    m_concluded = true;
    m_deadline->stop();
    scanFolder();
    for (auto &client : m_clients)
        client->abort();
    if (m_server)
        m_server->stop();
    m_run.events = m_run.events.mid(m_startIndex);
    m_run.stopIndex = qMax(0, m_run.stopIndex - m_startIndex);
    if (m_run.ctrlXAt >= 0)
        m_run.ctrlXAt = qMax(0, m_run.ctrlXAt - m_startIndex);
    if (m_interrupted) {
        emit finished(m_live->decided());
        return;
    }
    const CheckItems items = m_live->complete(CheckRubric::evaluate(m_run), &m_mismatches);
    for (const CheckItem &item : items) {
        if (!m_live->isDecided(item.id))
            emit itemDecided(item);
    }
    emit finished(items);
}

} // namespace socketlab
