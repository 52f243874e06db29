// PrivateNetwork: the checker's sandbox network. Each case forks a child (single-threaded,
// as enter() requires), which enters a private network and reports what it could reach
// through its exit status.
#include "core/privatenetwork.h"

#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace socketlab;

namespace {

constexpr int kUnavailable = 99;

// Runs body in a child that entered a private network; its exit status, or kUnavailable.
template<typename Body> int inPrivateNetwork(Body body)
{
    const pid_t pid = ::fork();
    if (pid == 0) {
        QString error;
        if (!PrivateNetwork::enter({QString::fromLatin1(PrivateNetwork::kRecipeAddress)}, &error))
            ::_exit(kUnavailable);
        ::_exit(body());
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

sockaddr_in address(const char *ip, quint16 port)
{
    sockaddr_in in {};
    in.sin_family = AF_INET;
    in.sin_port = htons(port);
    ::inet_pton(AF_INET, ip, &in.sin_addr);
    return in;
}

} // namespace

class TestPrivateNetwork : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (inPrivateNetwork([] { return 0; }) == kUnavailable)
            QSKIP("user namespaces are not available here: a private network cannot be made");
    }

    void machineListenerIsUnreachable()
    {
        // A listener on the machine's own loopback, as a database or a teacher's server.
        const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in any = address("127.0.0.1", 0);
        QCOMPARE(::bind(listener, reinterpret_cast<sockaddr *>(&any), sizeof(any)), 0);
        QCOMPARE(::listen(listener, 4), 0);
        socklen_t length = sizeof(any);
        ::getsockname(listener, reinterpret_cast<sockaddr *>(&any), &length);
        const quint16 port = ntohs(any.sin_port);
        const int code = inPrivateNetwork([port] {
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in to = address("127.0.0.1", port);
            if (::connect(fd, reinterpret_cast<sockaddr *>(&to), sizeof(to)) == 0)
                return 1; // reached the machine's listener
            return errno == ECONNREFUSED ? 0 : 2;
        });
        ::close(listener);
        QCOMPARE(code, 0);
    }

    void loopbackWorksAndPortIsFree()
    {
        // Port 5000 may be busy on the machine; inside it is always free.
        const int code = inPrivateNetwork([] {
            const int server = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in local = address("127.0.0.1", 5000);
            if (::bind(server, reinterpret_cast<sockaddr *>(&local), sizeof(local)) != 0)
                return 3;
            if (::listen(server, 1) != 0)
                return 4;
            const int client = ::socket(AF_INET, SOCK_STREAM, 0);
            if (::connect(client, reinterpret_cast<sockaddr *>(&local), sizeof(local)) != 0)
                return 5;
            return 0;
        });
        QCOMPARE(code, 0);
    }

    void recipeAddressIsAnsweredInside()
    {
        const int code = inPrivateNetwork([] {
            const int server = ::socket(AF_INET, SOCK_DGRAM, 0);
            sockaddr_in any = address("0.0.0.0", 5000);
            if (::bind(server, reinterpret_cast<sockaddr *>(&any), sizeof(any)) != 0)
                return 3;
            const int client = ::socket(AF_INET, SOCK_DGRAM, 0);
            sockaddr_in to = address(PrivateNetwork::kRecipeAddress, 5000);
            if (::sendto(client, "hi", 2, 0, reinterpret_cast<sockaddr *>(&to), sizeof(to)) != 2)
                return 4;
            char buffer[8];
            if (::recv(server, buffer, sizeof(buffer), 0) != 2)
                return 5;
            // Any other address leads nowhere: there is no route out.
            sockaddr_in outside = address("192.0.2.1", 5000);
            if (::sendto(client, "hi", 2, 0, reinterpret_cast<sockaddr *>(&outside),
                         sizeof(outside))
                == 2)
                return 6;
            return 0;
        });
        QCOMPARE(code, 0);
    }

    void rootBecomesNobody()
    {
        if (::geteuid() != 0)
            QSKIP("only a root caller changes user");
        QTemporaryDir folder;
        const QByteArray secret = folder.filePath(QStringLiteral("secret")).toLocal8Bit();
        FILE *file = std::fopen(secret.constData(), "w");
        std::fclose(file);
        ::chmod(secret.constData(), 0600);
        const int code = inPrivateNetwork([&secret] {
            // Root's file, mode 0600: nobody cannot open it, even as "root" inside.
            return std::fopen(secret.constData(), "r") == nullptr ? 0 : 7;
        });
        QCOMPARE(code, 0);
    }

    void privateFolderHasItsLimit()
    {
        QTemporaryDir parent;
        ::chmod(QFile::encodeName(parent.path()).constData(), 0777);
        const QByteArray folder = QFile::encodeName(parent.filePath(QStringLiteral("work")));
        ::mkdir(folder.constData(), 0777);
        const int code = inPrivateNetwork([&folder] {
            QString error;
            if (!PrivateNetwork::mountPrivateFolder(QFile::decodeName(folder), 64 * 1024, &error))
                return 8;
            const QByteArray path = folder + "/big";
            FILE *file = std::fopen(path.constData(), "w");
            if (!file)
                return 9;
            static char block[4096];
            size_t written = 0;
            for (int i = 0; i < 64; ++i)
                written += std::fwrite(block, 1, sizeof(block), file);
            const bool full = std::fflush(file) != 0 || written < 64 * 4096;
            std::fclose(file);
            return full ? 0 : 10;
        });
        QCOMPARE(code, 0);
        // Nothing of it shows on the machine's disk.
        QVERIFY(!QFile::exists(QFile::decodeName(folder) + QStringLiteral("/big")));
    }
};

QTEST_GUILESS_MAIN(TestPrivateNetwork)
#include "tst_privatenetwork.moc"
