#pragma once

// Drives socketlab-cli (and foreign peers) as processes: collects their output as it comes,
// parses --json lines, and waits for events without sleeping.

#include "tests/core/testsupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <csignal>

namespace clitest {

using testsupport::kWaitMs;

inline QString cliPath()
{
    return QStringLiteral(SOCKETLAB_CLI_PATH);
}

inline QString peerScript(const QString &name)
{
    return QStringLiteral(SOCKETLAB_SOURCE_DIR "/tests/peers/") + name;
}

class Process : public QObject
{
public:
    Process()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.remove(QStringLiteral("LANGUAGE"));
        env.remove(QStringLiteral("LC_ALL"));
        env.remove(QStringLiteral("LC_MESSAGES"));
        m_process.setProcessEnvironment(env);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, this,
                         [this] { m_out += m_process.readAllStandardOutput(); });
        QObject::connect(&m_process, &QProcess::readyReadStandardError, this,
                         [this] { m_err += m_process.readAllStandardError(); });
    }
    ~Process() override
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(kWaitMs);
        }
    }

    bool start(const QString &program, const QStringList &arguments)
    {
        m_process.start(program, arguments);
        const bool started = m_process.waitForStarted(kWaitMs);
        m_pid = m_process.processId(); // QProcess forgets it once the process ends
        return started;
    }
    bool startCli(const QStringList &arguments) { return start(cliPath(), arguments); }
    // Before start(): where standard output goes instead of this object.
    QProcess &process() { return m_process; }

    // Writes everything now: the test may block in a socket call next, with no event loop to
    // feed the pipe.
    bool write(const QByteArray &bytes)
    {
        m_process.write(bytes);
        while (m_process.bytesToWrite() > 0) {
            if (!m_process.waitForBytesWritten(kWaitMs))
                return false;
        }
        return true;
    }
    void closeInput() { m_process.closeWriteChannel(); }
    void signal(int sig)
    {
        if (m_process.state() == QProcess::Running)
            ::kill(pid_t(m_pid), sig);
    }
    qint64 pid() const { return m_pid; }

    bool waitForExit(int timeoutMs = kWaitMs)
    {
        if (!QTest::qWaitFor([&] { return m_process.state() == QProcess::NotRunning; }, timeoutMs))
            return false;
        m_out += m_process.readAllStandardOutput();
        m_err += m_process.readAllStandardError();
        return true;
    }
    int exitCode() const
    {
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    QByteArray out() const { return m_out; }
    QByteArray err() const { return m_err; }
    bool waitForOutput(const QByteArray &text, int timeoutMs = kWaitMs)
    {
        return QTest::qWaitFor([&] { return m_out.contains(text); }, timeoutMs);
    }

    // Complete lines of standard output.
    QList<QByteArray> lines() const
    {
        QList<QByteArray> all = m_out.split('\n');
        all.removeLast(); // the unfinished rest (empty after a final newline)
        return all;
    }
    // Every complete stdout line as a JSON object (a line that is not one gives an empty object).
    QList<QJsonObject> events() const
    {
        QList<QJsonObject> list;
        for (const QByteArray &line : lines())
            list << QJsonDocument::fromJson(line).object();
        return list;
    }
    QList<QJsonObject> events(const QString &name) const
    {
        QList<QJsonObject> list;
        for (const QJsonObject &e : events()) {
            if (e.value(QLatin1String("event")).toString() == name)
                list << e;
        }
        return list;
    }
    bool waitForEvents(const QString &name, int count, int timeoutMs = kWaitMs)
    {
        return QTest::qWaitFor([&] { return events(name).size() >= count; }, timeoutMs);
    }
    // All "text" of data events (server) from one peer, or of every one when peer is empty.
    QString dataText(const QString &name = QStringLiteral("data"), const QString &peer = {}) const
    {
        QString text;
        for (const QJsonObject &e : events(name)) {
            if (peer.isEmpty() || e.value(QLatin1String("peer")).toString() == peer)
                text += e.value(QLatin1String("text")).toString();
        }
        return text;
    }
    // The port of the first "listening" event, 0 until there is one.
    quint16 listeningPort() const
    {
        const QList<QJsonObject> l = events(QStringLiteral("listening"));
        if (l.isEmpty())
            return 0;
        const QString local = l.first().value(QLatin1String("local")).toString();
        return quint16(local.mid(local.lastIndexOf(QLatin1Char(':')) + 1).toUInt());
    }
    bool waitForListening(int timeoutMs = kWaitMs)
    {
        return QTest::qWaitFor([&] { return listeningPort() != 0; }, timeoutMs);
    }

private:
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
    qint64 m_pid = 0;
};

// A port that was free a moment ago, for peers that cannot be asked for port 0.
inline quint16 freePort(int type = SOCK_STREAM, const char *host = "127.0.0.1")
{
    socklen_t length = 0;
    const sockaddr_storage any = testsupport::addressOf(host, 0, &length);
    socketlab::Fd fd(::socket(any.ss_family, type | SOCK_CLOEXEC, 0));
    ::bind(fd.get(), reinterpret_cast<const sockaddr *>(&any), length);
    return socketlab::Endpoint::localOf(fd.get()).port();
}

// Whether some socket on this machine listens on (TCP) or is bound to (UDP) the port, as
// /proc/net says: a way to wait for a foreign server without connecting to it.
inline bool portIsOpen(quint16 port, bool tcp)
{
    const QString portHex = QStringLiteral(":%1 ").arg(port, 4, 16, QLatin1Char('0')).toUpper();
    const QStringList files = tcp ? QStringList {"/proc/net/tcp", "/proc/net/tcp6"}
                                  : QStringList {"/proc/net/udp", "/proc/net/udp6"};
    for (const QString &name : files) {
        QFile file(name);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &line : file.readAll().split('\n')) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            if (fields.size() < 4)
                continue;
            const bool matches = (fields.at(1) + ' ').toUpper().endsWith(portHex.toLatin1());
            if (matches && (!tcp || fields.at(3) == "0A"))
                return true;
        }
    }
    return false;
}

// Unread bytes in the receive queue of the IPv4 TCP socket local:remote (ports on
// 127.0.0.1), as /proc/net/tcp says; -1 when there is no such socket.
inline qint64 receiveQueue(quint16 localPort, quint16 remotePort)
{
    QFile file(QStringLiteral("/proc/net/tcp"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray local = QStringLiteral("0100007F:%1")
                                 .arg(localPort, 4, 16, QLatin1Char('0'))
                                 .toUpper()
                                 .toLatin1();
    const QByteArray remote = QStringLiteral("0100007F:%1")
                                  .arg(remotePort, 4, 16, QLatin1Char('0'))
                                  .toUpper()
                                  .toLatin1();
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() > 4 && fields.at(1).toUpper() == local
            && fields.at(2).toUpper() == remote)
            return fields.at(4).mid(fields.at(4).indexOf(':') + 1).toLongLong(nullptr, 16);
    }
    return -1;
}

inline bool haveIpv6()
{
    socketlab::Fd fd(::socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0));
    socklen_t length = 0;
    const sockaddr_storage address = testsupport::addressOf("::1", 0, &length);
    return fd.isValid()
        && ::bind(fd.get(), reinterpret_cast<const sockaddr *>(&address), length) == 0;
}

} // namespace clitest
