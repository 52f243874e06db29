#pragma once

// Runs programs under the Tracer for the trace suites: the recipe's programs on a free port,
// small C programs compiled here, and a recorder of the events with queries on them.

#include "core/eventqueue.h"
#include "core/socketevent.h"
#include "core/tracer.h"
#include "tests/core/testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

namespace tracetest {

using namespace socketlab;
using testsupport::kWaitMs;

// The interpreter itself, not a wrapper script (pyenv's shim is a shell script that
// forks a dozen processes before Python starts): empty when there is no python3.
inline QString realPython()
{
    static QString path;
    static bool looked = false;
    if (!looked) {
        looked = true;
        QProcess probe;
        probe.start(QStringLiteral("python3"),
                    {QStringLiteral("-c"), QStringLiteral("import sys; print(sys.executable)")});
        if (probe.waitForFinished(kWaitMs) && probe.exitCode() == 0)
            path = QString::fromLocal8Bit(probe.readAllStandardOutput()).trimmed();
    }
    return path;
}

// A port nobody listens on now (TCP and UDP), from the kernel's ephemeral range.
inline quint16 freePort()
{
    // Below the ephemeral range: a port picked there may be taken, before the traced program
    // binds it, by the source port of any connection another test makes meanwhile.
    int ephemeralLow = 32768;
    QFile range(QStringLiteral("/proc/sys/net/ipv4/ip_local_port_range"));
    if (range.open(QIODevice::ReadOnly))
        ephemeralLow = qMax(11000, range.readAll().simplified().split(' ').value(0).toInt());
    const int first = 10000;
    for (int attempt = 0; attempt < 200; ++attempt) {
        const quint16 port
            = quint16(first + QRandomGenerator::global()->bounded(ephemeralLow - first));
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(port);
        socketlab::Fd tcp(::socket(AF_INET, SOCK_STREAM, 0));
        if (::bind(tcp.get(), reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
            continue;
        socketlab::Fd udp(::socket(AF_INET, SOCK_DGRAM, 0));
        if (::bind(udp.get(), reinterpret_cast<sockaddr *>(&address), sizeof address) == 0)
            return port;
    }
    return 0;
}

// A copy of a recipe program (resources/recipe/NAME) in dir with its port changed.
inline QString recipeCopy(const QTemporaryDir &dir, const QString &name, quint16 port)
{
    QFile source(QStringLiteral(SOCKETLAB_SOURCE_DIR "/resources/recipe/") + name);
    if (!source.open(QIODevice::ReadOnly))
        return QString();
    QByteArray text = source.readAll();
    text.replace("PORT = 5000", "PORT = " + QByteArray::number(port));
    const QString path = dir.filePath(name);
    QFile copy(path);
    if (!copy.open(QIODevice::WriteOnly) || copy.write(text) != text.size())
        return QString();
    return path;
}

// Compiles tests/trace/programs/NAME.c with the system's cc into dir; empty when there is
// no compiler (the caller skips).
inline QString compiled(const QTemporaryDir &dir, const QString &name)
{
    const QString cc = QStandardPaths::findExecutable(QStringLiteral("cc"));
    if (cc.isEmpty())
        return QString();
    const QString out = dir.filePath(name);
    if (QFile::exists(out))
        return out;
    QProcess compiler;
    compiler.setProcessChannelMode(QProcess::MergedChannels);
    compiler.start(cc,
                   {QStringLiteral("-O1"), QStringLiteral("-pthread"), QStringLiteral("-o"), out,
                    QStringLiteral(SOCKETLAB_SOURCE_DIR "/tests/trace/programs/") + name
                        + QStringLiteral(".c")});
    if (!compiler.waitForFinished(60000) || compiler.exitCode() != 0) {
        qWarning("%s", compiler.readAll().constData());
        return QString();
    }
    return out;
}

// A Tracer and everything it said.
class TraceRun : public QObject
{
public:
    TraceRun()
    {
        QObject::connect(&tracer, &Tracer::eventsArrived, this,
                         [this](const SocketEvents &batch) { events += batch; });
        QObject::connect(&tracer, &Tracer::finished, this, [this](int status) {
            finished = true;
            exitStatus = status;
        });
        QObject::connect(&tracer, &Tracer::outputArrived, this,
                         [this](const QByteArray &bytes, bool) { output += bytes; });
    }

    bool start(const QString &program, const QStringList &arguments, bool pipes = false)
    {
        TraceOptions options;
        options.program = program;
        options.arguments = arguments;
        options.pipeStdio = pipes;
        return tracer.start(options);
    }

    QList<SocketEvent> calls(SysCall call, qint64 pid = 0) const
    {
        QList<SocketEvent> found;
        for (const SocketEvent &event : events) {
            if (event.kind == EventKind::Call && event.call == call
                && (pid == 0 || event.pid == pid))
                found << event;
        }
        return found;
    }
    QList<SocketEvent> processEvents(ProcessChange change) const
    {
        QList<SocketEvent> found;
        for (const SocketEvent &event : events) {
            if (event.kind == EventKind::Process && event.processChange == change)
                found << event;
        }
        return found;
    }
    SocketEvent summary() const
    {
        for (const SocketEvent &event : events) {
            if (event.kind == EventKind::Summary)
                return event;
        }
        return SocketEvent();
    }
    bool waitForCalls(SysCall call, int count, int timeoutMs = kWaitMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (calls(call).size() < count && !deadline.hasExpired())
            QTest::qWait(10);
        return calls(call).size() >= count;
    }
    bool waitForProcess(ProcessChange change, int count, int timeoutMs = kWaitMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (processEvents(change).size() < count && !deadline.hasExpired())
            QTest::qWait(10);
        return processEvents(change).size() >= count;
    }
    bool waitForFinished(int timeoutMs = kWaitMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!finished && !deadline.hasExpired())
            QTest::qWait(10);
        return finished;
    }
    // Calls of one thread, in order, by name.
    QStringList callNames(qint64 tid) const
    {
        QStringList names;
        for (const SocketEvent &event : events) {
            if (event.kind == EventKind::Call && event.tid == tid)
                names << sysCallName(event.call);
        }
        return names;
    }

    Tracer tracer;
    SocketEvents events;
    QByteArray output;
    bool finished = false;
    int exitStatus = -1;
};

// A client that connects, sends, and closes (as the recipe's client ending with Ctrl+X).
inline bool sendAndClose(quint16 port, const QByteArray &data)
{
    socketlab::Fd fd = testsupport::tcpConnect(port);
    if (!fd.isValid())
        return false;
    return testsupport::sendAll(fd.get(), data);
}

} // namespace tracetest
