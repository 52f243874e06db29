// Two machines in one classroom, made of two network namespaces joined by a veth pair:
// socketlab-cli server --bind :: in one, socketlab-cli client and nc in the other, over IPv4
// and IPv6. The addresses exist only inside the namespaces this test creates, so no traffic
// leaves the machine. Needs root, `ip` (iproute2) and a system where `ip -n` may remount / and
// /sys (not a chroot); skipped otherwise.

#include "tests/hostile/hostilesupport.h"

#include <QStandardPaths>
#include <QTest>

using namespace hostile;

namespace {

constexpr int kCommandMs = 10000;
constexpr int kStopMs = 3000;

QString findTool(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(name, {"/usr/sbin", "/sbin", "/usr/bin", "/bin"});
    return path;
}

// Runs a command to its end (bounded); returns its exit code, -1 when it did not end.
int run(const QString &program, const QStringList &arguments, QByteArray *errors = nullptr)
{
    Process p;
    if (!p.start(program, arguments) || !p.waitForExit(kCommandMs))
        return -1;
    if (errors)
        *errors = p.err();
    return p.exitCode();
}

// The two namespaces and their veth pair; deleted on destruction, also when a check failed.
class TwoHosts
{
public:
    explicit TwoHosts(const QString &ip)
        : m_ip(ip)
    {
        const QString id = QString::number(::getpid());
        a = QStringLiteral("sltest-a-") + id;
        b = QStringLiteral("sltest-b-") + id;
        const int subnet = int(::getpid() % 250) + 1;
        ipv4A = QStringLiteral("10.200.%1.1").arg(subnet);
        ipv4B = QStringLiteral("10.200.%1.2").arg(subnet);
    }
    ~TwoHosts()
    {
        // Deleting a namespace destroys the veth end inside it, and with it the pair.
        for (const QString &name : std::as_const(m_created))
            run(m_ip, {"netns", "delete", name});
    }

    // Creates everything; returns the first failing command and its message, or empty.
    QString create()
    {
        const QString id = QString::number(::getpid());
        const QString vethA = QStringLiteral("slva") + id; // interface names: 15 bytes at most
        const QString vethB = QStringLiteral("slvb") + id;
        for (const QString &name : {a, b}) {
            QString problem = ip({"netns", "add", name});
            if (!problem.isEmpty())
                return problem;
            m_created << name;
        }
        const QList<QStringList> steps = {
            {"link", "add", vethA, "netns", a, "type", "veth", "peer", "name", vethB, "netns", b},
            {"-n", a, "link", "set", "lo", "up"},
            {"-n", b, "link", "set", "lo", "up"},
            {"-n", a, "addr", "add", ipv4A + "/24", "dev", vethA},
            {"-n", b, "addr", "add", ipv4B + "/24", "dev", vethB},
            // nodad: usable at once, no duplicate address detection wait.
            {"-n", a, "-6", "addr", "add", ipv6A + "/64", "dev", vethA, "nodad"},
            {"-n", b, "-6", "addr", "add", ipv6B + "/64", "dev", vethB, "nodad"},
            {"-n", a, "link", "set", vethA, "up"},
            {"-n", b, "link", "set", vethB, "up"},
        };
        for (const QStringList &step : steps) {
            QString problem = ip(step);
            if (!problem.isEmpty())
                return problem;
        }
        return {};
    }

    // Arguments that run program inside namespace `name`.
    QStringList inside(const QString &name, const QString &program,
                       const QStringList &arguments) const
    {
        return QStringList {"netns", "exec", name, program} + arguments;
    }

    QString a;
    QString b;
    QString ipv4A;
    QString ipv4B;
    const QString ipv6A = QStringLiteral("fd00:5a::1");
    const QString ipv6B = QStringLiteral("fd00:5a::2");

private:
    QString ip(const QStringList &arguments)
    {
        QByteArray errors;
        const int code = run(m_ip, arguments, &errors);
        if (code == 0)
            return {};
        return QStringLiteral("ip %1: exit %2: %3")
            .arg(arguments.join(QLatin1Char(' ')))
            .arg(code)
            .arg(QString::fromUtf8(errors.trimmed()));
    }

    QString m_ip;
    QStringList m_created;
};

} // namespace

class TestHostileTwoHosts : public QObject
{
    Q_OBJECT

private slots:
    void studentsOnAnotherHost();
};

void TestHostileTwoHosts::studentsOnAnotherHost()
{
    if (::geteuid() != 0)
        QSKIP("needs root to create network namespaces (run the suite as root to include it)");
    const QString ip = findTool(QStringLiteral("ip"));
    if (ip.isEmpty())
        QSKIP("needs `ip` (Debian package iproute2, see scripts/install-deps.sh)");
    const QString nc = findTool(QStringLiteral("nc"));

    TwoHosts hosts(ip);
    const QString problem = hosts.create();
    if (problem.startsWith(QLatin1String("ip netns add")))
        QSKIP(qPrintable(QStringLiteral("cannot create network namespaces here: ") + problem));
    // `ip -n` enters the namespace with a mount namespace of its own and remounts / and /sys
    // there, which a chroot (/ not a mount point) or a container without CAP_SYS_ADMIN refuses:
    // "mount --make-rslave /" failed, "mount of /sys failed".
    if (problem.contains(QLatin1String("mount")))
        QSKIP(qPrintable(QStringLiteral("cannot enter network namespaces here: ") + problem));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    Process server;
    QVERIFY(server.start(ip,
                         hosts.inside(hosts.a, clitest::cliPath(),
                                      {"server", "--bind", "::", "--port", "0", "--json"})));
    QVERIFY2(server.waitForListening(), server.err().constData());
    const QString port = QString::number(server.listeningPort());

    struct Student
    {
        QString program;
        QStringList arguments;
        QString host;
        QByteArray message;
        QString peerPrefix;
    };
    QList<Student> students = {
        {clitest::cliPath(),
         {"client", "--host", hosts.ipv4A, "--port", port},
         hosts.ipv4A,
         "socketlab over IPv4",
         hosts.ipv4B + ':'},
        {clitest::cliPath(),
         {"client", "--host", hosts.ipv6A, "--port", port},
         hosts.ipv6A,
         "socketlab over IPv6",
         '[' + hosts.ipv6B + "]:"},
    };
    if (!nc.isEmpty()) {
        // -N: half-close at the end of input; -w: a bound on every wait.
        students << Student {nc,
                             {"-N", "-w", "5", hosts.ipv4A, port},
                             hosts.ipv4A,
                             "nc over IPv4\n",
                             hosts.ipv4B + ':'};
        students << Student {nc,
                             {"-N", "-w", "5", hosts.ipv6A, port},
                             hosts.ipv6A,
                             "nc over IPv6\n",
                             '[' + hosts.ipv6B + "]:"};
    } else {
        qWarning("nc not found: only socketlab-cli clients connect");
    }

    int served = 0;
    for (const Student &student : std::as_const(students)) {
        Process client;
        QVERIFY(client.start(ip, hosts.inside(hosts.b, student.program, student.arguments)));
        QVERIFY(client.write(student.message + (student.program == nc ? "" : "\n")));
        client.closeInput();
        QVERIFY2(client.waitForExit(kCommandMs), qPrintable(student.host));
        QVERIFY2(client.exitCode() == 0, client.err().constData());
        ++served;
        QVERIFY2(
            waitForEventCount(server, "disconnected", served),
            qPrintable(QStringLiteral("%1 to %2: never left").arg(student.program, student.host)));
        // The server saw this student from the other host's address, IPv4 as plain IPv4.
        const QList<QJsonObject> connected = server.events(QStringLiteral("connected"));
        QCOMPARE(connected.size(), served);
        const QString peer = connected.last().value(QLatin1String("peer")).toString();
        QVERIFY2(
            peer.startsWith(student.peerPrefix),
            qPrintable(QStringLiteral("peer %1, expected %2...").arg(peer, student.peerPrefix)));
        QCOMPARE(server.dataText(QStringLiteral("data"), peer), QString::fromUtf8(student.message));
    }

    const qint64 stopMs = terminate(server, kStopMs);
    QVERIFY2(stopMs >= 0, "the server did not exit after SIGTERM");
    QCOMPARE(server.exitCode(), 0);
    QCOMPARE(number(summaryOf(server), "connections"), qint64(students.size()));
}

QTEST_GUILESS_MAIN(TestHostileTwoHosts)
#include "tst_hostile_twohosts.moc"
