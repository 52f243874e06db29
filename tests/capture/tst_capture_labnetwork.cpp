// The lab's private network (LabNetwork): a session's server, clients, kernel view and capture
// in an unprivileged user + network namespace, as root and as nobody; the helper never outlives
// its network; a stop under a flood stays prompt; a lesson runs there when capture is not
// allowed otherwise.

#include "core/capturepermission.h"
#include "core/labnetwork.h"
#include "core/labsession.h"
#include "core/packetcapture.h"
#include "lessons/lessonruntime.h"
#include "tests/core/testsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/stat.h>

using namespace socketlab;
using namespace testsupport;

namespace {

// Why user namespaces cannot be made by an ordinary user here, empty when they can.
QString userNamespacesDisabled()
{
    for (const char *path :
         {"/proc/sys/kernel/unprivileged_userns_clone", "/proc/sys/user/max_user_namespaces"}) {
        QFile file(QString::fromLatin1(path));
        if (file.open(QIODevice::ReadOnly) && file.readAll().trimmed() == "0")
            return QStringLiteral("User namespaces are disabled here (%1 = 0).")
                .arg(QLatin1String(path));
    }
    return QString();
}

// A network, or a skip with the reason.
#define MAKE_NETWORK(network)                                                                      \
    QString reason;                                                                                \
    const std::shared_ptr<LabNetwork> network = LabNetwork::create(&reason);                       \
    if (!network)                                                                                  \
        QSKIP(qPrintable(reason));

bool processExists(qint64 pid)
{
    return QFile::exists(QStringLiteral("/proc/%1").arg(pid));
}

// The network namespace a process is in ("net:[4026531840]").
QString networkOf(const QString &pid)
{
    return QFile::symLinkTarget(QStringLiteral("/proc/%1/ns/net").arg(pid));
}

// --hold-network: makes a network, prints its helper's pid, then waits to be killed.
int holdNetwork()
{
    QString error;
    const std::shared_ptr<LabNetwork> network = LabNetwork::create(&error);
    if (!network)
        return 3;
    std::printf("%d\n", int(network->helperPid()));
    std::fflush(stdout);
    for (int i = 0; i < 600; ++i)
        ::usleep(100 * 1000);
    return 0;
}

} // namespace

class TestCaptureLabNetwork : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The helper is killed when the thread that forked it ends: here, the main thread.
        qRegisterMetaType<SocketEvents>();
    }

    // A socket made in the network acts there: a listener made there is not reachable from
    // SocketLab's own network, and a client made there reaches it.
    void descriptorActsInItsNamespace()
    {
        MAKE_NETWORK(network);
        QVERIFY(networkOf(QString::number(network->helperPid()))
                != networkOf(QStringLiteral("self")));
        int error = 0;
        Fd listener = network->socket(AF_INET, SOCK_STREAM, 0, &error);
        QVERIFY2(listener.isValid(), std::strerror(error));
        QVERIFY(::fcntl(listener.get(), F_GETFD) & FD_CLOEXEC);
        socklen_t length = 0;
        sockaddr_storage address = addressOf("127.0.0.1", 0, &length);
        QCOMPARE(::bind(listener.get(), reinterpret_cast<sockaddr *>(&address), length), 0);
        QCOMPARE(::listen(listener.get(), 4), 0);
        QCOMPARE(::getsockname(listener.get(), reinterpret_cast<sockaddr *>(&address), &length), 0);

        Fd outside(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
        QVERIFY(::connect(outside.get(), reinterpret_cast<sockaddr *>(&address), length) != 0);
        QCOMPARE(errno, ECONNREFUSED);
        Fd inside = network->socket(AF_INET, SOCK_STREAM, 0, &error);
        QCOMPARE(::connect(inside.get(), reinterpret_cast<sockaddr *>(&address), length), 0);
        Fd accepted(::accept4(listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
        QVERIFY(accepted.isValid());

        // A socket the kernel refuses comes back as its errno.
        Fd bad = network->socket(AF_INET, SOCK_STREAM, IPPROTO_UDP, &error);
        QVERIFY(!bad.isValid());
        QCOMPARE(error, EPROTONOSUPPORT);
    }

    // A lab session in the network: connect and talk over IPv4 and IPv6 loopback, the kernel
    // view sees the connection, the capture sees SYN, SYN-ACK, ACK and the data.
    void sessionInNetwork_data()
    {
        QTest::addColumn<QString>("host");
        QTest::newRow("ipv4") << QStringLiteral("127.0.0.1");
        QTest::newRow("ipv6") << QStringLiteral("::1");
    }

    void sessionInNetwork()
    {
        QFETCH(QString, host);
        MAKE_NETWORK(network);
        LabSession session;
        session.setNetwork(network);
        SocketEvents events;
        QList<SocketSnapshot> sample;
        connect(&session, &LabSession::eventsArrived, this,
                [&](const SocketEvents &batch) { events += batch; });
        connect(&session, &LabSession::socketsSampled, this,
                [&](const QList<SocketSnapshot> &sockets) { sample = sockets; });
        ServerConfig config;
        config.bindAddress = host;
        config.port = 0;
        config.echo = true;
        QVERIFY2(session.server()->start(config), qPrintable(session.server()->errorString()));
        const quint16 port = session.server()->localPort();

        PacketCapture capture(session.eventQueue());
        PacketCapture::Options options;
        options.ports = {port};
        options.network = network;
        QString error;
        QVERIFY2(capture.start(options, &error), qPrintable(error));
        QCOMPARE(capture.way(), CapturePermission::Way::PrivateNetwork);

        // The server is in the network: SocketLab's own loopback has nothing on its port.
        QVERIFY(!tcpConnect(port, host.toLatin1().constData()).isValid());

        Client *client = session.client(1);
        client->connectToHost(Protocol::Tcp, host, port);
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::State::Connected, kWaitMs);
        client->send("hello");
        auto echoed = [&] {
            for (const SocketEvent &e : std::as_const(events)) {
                if (e.role == Role::Client && e.kind == EventKind::Received && e.payload == "hello")
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(echoed(), kWaitMs);

        // The kernel view, read in the network, shows both ends established.
        auto established = [&] {
            int ends = 0;
            for (const SocketSnapshot &s : std::as_const(sample)) {
                if (s.state == SocketState::Established
                    && (s.localPort == port || s.peerPort == port))
                    ++ends;
            }
            return ends;
        };
        QTRY_COMPARE_WITH_TIMEOUT(established(), 2, kWaitMs);

        auto packets = [&](quint8 flags, qint64 len) {
            int found = 0;
            for (const SocketEvent &e : std::as_const(events)) {
                if (e.kind == EventKind::Packet && e.packet.flags == flags && e.packet.len == len)
                    ++found;
            }
            return found;
        };
        using F = PacketInfo::Flag;
        QTRY_VERIFY_WITH_TIMEOUT(packets(F::Psh | F::Ack, 5) >= 2, kWaitMs); // hello, and its echo
        QCOMPARE(packets(F::Syn, 0), 1);
        QCOMPARE(packets(F::Syn | F::Ack, 0), 1);
        QVERIFY(packets(F::Ack, 0) >= 1);
        // Causal: the SYN came before the data.
        int syn = -1;
        int data = -1;
        for (int i = 0; i < events.size(); ++i) {
            const SocketEvent &e = events.at(i);
            if (e.kind == EventKind::Packet && e.packet.flags == F::Syn && syn < 0)
                syn = i;
            if (e.kind == EventKind::Packet && e.packet.len == 5 && data < 0)
                data = i;
        }
        QVERIFY(syn >= 0 && syn < data);

        client->disconnectFromHost();
        session.stopAll();
        QVERIFY(capture.stop(&error));
        QVERIFY(capture.packets() >= 5);
    }

    // The same, as an ordinary user who may not capture on the machine's interfaces: the test
    // runs itself as nobody.
    void sessionAsUnprivilegedUser_data() { sessionInNetwork_data(); }

    void sessionAsUnprivilegedUser()
    {
        QFETCH(QString, host);
        if (::geteuid() != 0)
            QSKIP("Needs root to run the child as nobody (as an ordinary user, the other tests "
                  "already run unprivileged).");
        const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
        if (setpriv.isEmpty())
            QSKIP("setpriv is not installed.");
        const QString disabled = userNamespacesDisabled();
        if (!disabled.isEmpty())
            QSKIP(qPrintable(disabled));
        const QString self = QCoreApplication::applicationFilePath();
        QProcess child;
        child.setWorkingDirectory(QStringLiteral("/"));
        child.start(setpriv,
                    {QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                     QStringLiteral("--clear-groups"), self,
                     QStringLiteral("sessionInNetwork:") + QLatin1String(QTest::currentDataTag()),
                     QStringLiteral("descriptorActsInItsNamespace"),
                     QStringLiteral("lessonRunsInPrivateNetwork")});
        QVERIFY(child.waitForStarted());
        QVERIFY(child.waitForFinished(60000));
        const QByteArray out = child.readAllStandardOutput() + child.readAllStandardError();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
                 out.constData());
        // Run, not skipped: nobody made the network.
        QVERIFY2(out.contains("PASS   : TestCaptureLabNetwork::sessionInNetwork"), out.constData());
        QVERIFY2(out.contains("PASS   : TestCaptureLabNetwork::lessonRunsInPrivateNetwork"),
                 out.constData());
        QVERIFY2(!out.contains("SKIP"), out.constData());
    }

    // Destroyed, the network leaves no helper (reaped by its pid, not a zombie) and no
    // descriptor behind; a session's sockets made there work on after it.
    void helperEndsWithNetwork()
    {
        const int before = openDescriptorCount();
        qint64 helper = 0;
        {
            // Not close-on-exec: a helper that kept SocketLab's descriptors would hold it too.
            const Fd mine(::socket(AF_INET, SOCK_DGRAM, 0));
            MAKE_NETWORK(network);
            helper = network->helperPid();
            QVERIFY(processExists(helper));
            int error = 0;
            for (int i = 0; i < 20; ++i)
                QVERIFY(network->socket(AF_INET6, SOCK_DGRAM, 0, &error).isValid());
            // The helper holds nothing of SocketLab's but its channel and /dev/null (its copy
            // of the last socket it made is closed just after it went).
            auto helperFds = [helper] {
                return QDir(QStringLiteral("/proc/%1/fd").arg(helper))
                    .entryList(QDir::NoDotAndDotDot | QDir::System)
                    .size();
            };
            QTRY_VERIFY_WITH_TIMEOUT(helperFds() <= 4, kWaitMs);

            // A session that ran in it holds it until the session is gone.
            LabSession session;
            session.setNetwork(network);
            ServerConfig config;
            config.port = 0;
            config.concurrency = Concurrency::Fork; // children inherit the helper's channel
            QVERIFY(session.server()->start(config));
            Client *client = session.client(1);
            client->connectToHost(Protocol::Tcp, QStringLiteral("127.0.0.1"),
                                  session.server()->localPort());
            QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::State::Connected, kWaitMs);
            client->send("bye");
            QTRY_VERIFY_WITH_TIMEOUT(session.server()->totals().bytes == 3, kWaitMs);
        }
        QVERIFY(!processExists(helper)); // reaped: a zombie would still have its /proc entry
        QCOMPARE(openDescriptorCount(), before);
    }

    // SocketLab killed: its helper ends too (PR_SET_PDEATHSIG, and the end of its channel).
    void helperEndsWithSocketLab()
    {
        const QString disabled = ::geteuid() == 0 ? QString() : userNamespacesDisabled();
        if (!disabled.isEmpty())
            QSKIP(qPrintable(disabled));
        // The orphaned helper becomes this process's child, so that it can be seen reaped.
        QCOMPARE(::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0), 0);
        QProcess holder;
        holder.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--hold-network")});
        QVERIFY(holder.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(holder.canReadLine() || holder.state() == QProcess::NotRunning,
                                 kWaitMs);
        if (holder.state() == QProcess::NotRunning)
            QSKIP("A private network cannot be made here.");
        const qint64 helper = holder.readLine().trimmed().toLongLong();
        QVERIFY(helper > 0 && processExists(helper));
        ::kill(pid_t(holder.processId()), SIGKILL);
        QVERIFY(holder.waitForFinished(kWaitMs));
        QTRY_VERIFY_WITH_TIMEOUT(reaped(helper), kWaitMs);
        ::prctl(PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0);
    }

    // A flood through the capture in the network: stopping the session and the capture stays
    // prompt.
    void stopUnderFloodIsPrompt()
    {
        MAKE_NETWORK(network);
        LabSession session;
        session.setNetwork(network);
        ServerConfig config;
        config.port = 0;
        QVERIFY(session.server()->start(config));
        PacketCapture capture(session.eventQueue());
        PacketCapture::Options options;
        options.ports = {session.server()->localPort()};
        options.network = network;
        QString error;
        QVERIFY2(capture.start(options, &error), qPrintable(error));
        Client *client = session.client(1);
        client->connectToHost(Protocol::Tcp, QStringLiteral("127.0.0.1"),
                              session.server()->localPort());
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::State::Connected, kWaitMs);
        const QByteArray chunk(1024, 'x');
        for (int i = 0; i < 20000; ++i)
            client->send(chunk);
        QTRY_VERIFY_WITH_TIMEOUT(capture.packets() > 100, kWaitMs);
        QElapsedTimer clock;
        clock.start();
        session.stopAll();
        capture.stop();
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    }

    // A lesson where capture is not allowed: it runs in a private network, its kernel view
    // reads there, and the lesson's own capture (its wire) sees the handshake at connect().
    // Run as root with capture turned off, and as nobody (sessionAsUnprivilegedUser), who may
    // not capture anyway: lesson 2 on a fresh account.
    void lessonRunsInPrivateNetwork()
    {
        const QString disabled = ::geteuid() == 0 ? QString() : userNamespacesDisabled();
        if (!disabled.isEmpty())
            QSKIP(qPrintable(disabled));
        const bool forced = ::geteuid() == 0;
        if (forced)
            qputenv("SOCKETLAB_CAPTURE_WAY", "none");
        const auto restore = qScopeGuard([forced] {
            if (forced)
                qunsetenv("SOCKETLAB_CAPTURE_WAY");
        });
        QCOMPARE(CapturePermission::way(), CapturePermission::Way::None);
        LessonRuntime runtime;
        QVERIFY2(runtime.network() != nullptr, qPrintable(runtime.networkError()));
        QVERIFY(runtime.networkHelper() > 0);
        runtime.setWire(true);
        QVERIFY2(runtime.wireNote().isEmpty(), qPrintable(runtime.wireNote()));
        ServerConfig config;
        config.port = 0;
        QVERIFY(runtime.startServer(config));
        runtime.connectClient(1, Protocol::Tcp, runtime.serverPort());
        auto handshake = [&] {
            int flags = 0;
            for (const SocketEvent &e : runtime.events()) {
                if (e.kind == EventKind::Packet && e.packet.len == 0)
                    flags |= 1 << e.packet.flags;
            }
            using F = PacketInfo::Flag;
            return (flags & (1 << F::Syn)) && (flags & (1 << (F::Syn | F::Ack)))
                && (flags & (1 << F::Ack));
        };
        QTRY_VERIFY_WITH_TIMEOUT(handshake(), kWaitMs);
        auto kernelSeesIt = [&] {
            for (const SocketSnapshot &s : runtime.kernelSockets()) {
                if (s.state == SocketState::Established && s.localPort == runtime.serverPort())
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(kernelSeesIt(), kWaitMs);
        runtime.setWire(false);
    }
};

int main(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], "--hold-network") == 0)
        return holdNetwork();
    QCoreApplication app(argc, argv);
    TestCaptureLabNetwork test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_capture_labnetwork.moc"
