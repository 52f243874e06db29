#include "core/labnetwork.h"

#include "core/errortext.h"
#include "core/namespacesetup.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace socketlab {

namespace {

// SocketLab asks for one socket per message.
struct Request
{
    int domain = 0;
    int type = 0;
    int protocol = 0;
};

// The helper's answer: errnum 0 and the descriptor (SCM_RIGHTS), or the errno. The first
// answer says whether the network was made, and otherwise which call failed.
struct Answer
{
    int errnum = 0;
    char call[48] = {};
};

// What the helper needs, all of it made before fork().
struct HelperPlan
{
    NamespaceSetup::IdMaps maps;
    pid_t parent = 0;
};

// The descriptor the helper's channel is moved to; every other one above it is closed.
constexpr int kHelperChannel = 3;

// A copy without any library call that might not be async-signal-safe.
void copyCall(char *to, size_t size, const char *from)
{
    size_t i = 0;
    for (; from[i] != '\0' && i + 1 < size; ++i)
        to[i] = from[i];
    to[i] = '\0';
}

// Sends an answer with fd attached when fd >= 0; async-signal-safe.
bool sendAnswer(int channel, const Answer &answer, int fd)
{
    iovec io {const_cast<Answer *>(&answer), sizeof answer};
    msghdr message {};
    message.msg_iov = &io;
    message.msg_iovlen = 1;
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
    if (fd >= 0) {
        message.msg_control = control;
        message.msg_controllen = sizeof control;
        cmsghdr *header = CMSG_FIRSTHDR(&message);
        header->cmsg_level = SOL_SOCKET;
        header->cmsg_type = SCM_RIGHTS;
        header->cmsg_len = CMSG_LEN(sizeof(int));
        std::memcpy(CMSG_DATA(header), &fd, sizeof fd);
    }
    while (true) {
        if (::sendmsg(channel, &message, MSG_NOSIGNAL) >= 0)
            return true;
        if (errno != EINTR)
            return false;
    }
}

// Waits for and reads one answer (and its descriptor into *fd, when one came); the errno
// when none came.
int receiveAnswer(int channel, Answer *answer, Fd *fd)
{
    pollfd wait {channel, POLLIN, 0};
    int ready = 0;
    do {
        ready = ::poll(&wait, 1, LabNetwork::kAnswerTimeoutMs);
    } while (ready < 0 && errno == EINTR);
    if (ready < 0)
        return errno;
    if (ready == 0)
        return ETIMEDOUT;
    iovec io {answer, sizeof *answer};
    msghdr message {};
    message.msg_iov = &io;
    message.msg_iovlen = 1;
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
    message.msg_control = control;
    message.msg_controllen = sizeof control;
    ssize_t n = 0;
    do {
        n = ::recvmsg(channel, &message, MSG_CMSG_CLOEXEC);
    } while (n < 0 && errno == EINTR);
    if (n < 0)
        return errno;
    for (cmsghdr *c = CMSG_FIRSTHDR(&message); c; c = CMSG_NXTHDR(&message, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
            int received = -1;
            std::memcpy(&received, CMSG_DATA(c), sizeof received);
            fd->reset(received);
        }
    }
    if (n != ssize_t(sizeof *answer))
        return ECONNRESET; // the helper ended (0 bytes: the end of its side)
    return 0;
}

// The helper keeps standard input, output and error on /dev/null and its channel, nothing
// else: a copy of one of SocketLab's connections would keep it open after SocketLab closed it.
void keepOnlyChannel(int channel)
{
    if (channel != kHelperChannel) {
        ::dup2(channel, kHelperChannel);
        ::close(channel);
    }
    const int null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
    if (null >= 0) {
        for (int fd = 0; fd < 3; ++fd)
            ::dup2(null, fd);
    }
    if (::close_range(kHelperChannel + 1, ~0u, 0) != 0) {
        for (int fd = kHelperChannel + 1; fd < 65536; ++fd)
            ::close(fd);
    }
}

} // namespace

LabNetwork::LabNetwork(pid_t pid, Fd channel)
    : m_pid(pid),
      m_channel(std::move(channel))
{
}

LabNetwork::~LabNetwork()
{
    m_channel.reset();
    // Nothing the helper holds is worth waiting for: the lab's sockets are SocketLab's.
    ::kill(m_pid, SIGKILL);
    // That pid only: never waitpid(-1), which would steal other owners' children.
    while (::waitpid(m_pid, nullptr, 0) < 0 && errno == EINTR) { }
}

std::shared_ptr<LabNetwork> LabNetwork::create(QString *error)
{
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) != 0) {
        *error = tr("The lab's private network cannot be made: %1 failed (%2).")
                     .arg(QStringLiteral("socketpair"), ErrorText::forErrno(errno));
        return nullptr;
    }
    Fd ours(pair[0]);
    Fd theirs(pair[1]);
    // The same ids inside as outside: the kernel's socket table then names this user as the
    // owner of the lab's sockets, as it does outside.
    HelperPlan plan;
    plan.maps = NamespaceSetup::idMapsFor(::geteuid(), ::getegid());
    plan.parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0) {
        *error = tr("The lab's private network cannot be made: %1 failed (%2).")
                     .arg(QStringLiteral("fork"), ErrorText::forErrno(errno));
        return nullptr;
    }
    if (pid == 0) {
        ::close(ours.release());
        serve(theirs.release(), &plan);
    }
    theirs.reset();
    std::shared_ptr<LabNetwork> network(new LabNetwork(pid, std::move(ours)));
    Answer ready;
    Fd none;
    const int errnum = receiveAnswer(network->m_channel.get(), &ready, &none);
    if (errnum != 0 || ready.errnum != 0) {
        const QString call = errnum != 0 ? QStringLiteral("recvmsg") : QLatin1String(ready.call);
        *error = tr("The lab's private network cannot be made here: %1 failed (%2). User "
                    "namespaces may be disabled (sysctl user.max_user_namespaces, "
                    "kernel.unprivileged_userns_clone, or AppArmor's "
                    "kernel.apparmor_restrict_unprivileged_userns).")
                     .arg(call, ErrorText::forErrno(errnum != 0 ? errnum : ready.errnum));
        return nullptr; // the destructor kills and reaps the helper
    }
    return network;
}

void LabNetwork::serve(int channel, const void *planData)
{
    // From here to _exit(): async-signal-safe calls only (another of SocketLab's threads may
    // have held a lock of malloc or Qt at the fork), and the plan was made before it.
    const HelperPlan &plan = *static_cast<const HelperPlan *>(planData);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    if (::getppid() != plan.parent)
        ::_exit(0); // SocketLab ended before the line above
    keepOnlyChannel(channel);
    channel = kHelperChannel;
    // SocketLab's signal handlers are not the helper's (one writes to a descriptor that is
    // not there any more, or is the channel now), and a Ctrl+C in the terminal is for
    // SocketLab: the helper follows it through its channel instead.
    struct sigaction fallback
    {
    };
    fallback.sa_handler = SIG_DFL;
    for (int signal = 1; signal < NSIG; ++signal)
        ::sigaction(signal, &fallback, nullptr);
    ::setpgid(0, 0);
    Answer answer;
    const char *failedCall = "unshare(CLONE_NEWUSER | CLONE_NEWNET)";
    answer.errnum = ::unshare(CLONE_NEWUSER | CLONE_NEWNET) == 0 ? 0 : errno;
    if (answer.errnum == 0)
        answer.errnum = NamespaceSetup::writeIdMaps(plan.maps, &failedCall);
    if (answer.errnum == 0)
        answer.errnum = NamespaceSetup::bringLoopbackUp(&failedCall);
    if (answer.errnum != 0)
        copyCall(answer.call, sizeof answer.call, failedCall);
    if (!sendAnswer(channel, answer, -1) || answer.errnum != 0)
        ::_exit(1);
    while (true) {
        Request request;
        const ssize_t n = ::recv(channel, &request, sizeof request, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n != ssize_t(sizeof request))
            ::_exit(0); // SocketLab closed its end, or ended
        Answer made;
        const int fd = ::socket(request.domain, request.type | SOCK_CLOEXEC, request.protocol);
        made.errnum = fd >= 0 ? 0 : errno;
        const bool sent = sendAnswer(channel, made, fd);
        if (fd >= 0)
            ::close(fd);
        if (!sent)
            ::_exit(0);
    }
}

Fd LabNetwork::socket(int domain, int type, int protocol, int *error) const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    *error = 0;
    if (!m_channel.isValid()) {
        *error = ECONNRESET;
        return Fd();
    }
    const Request request {domain, type, protocol};
    if (::send(m_channel.get(), &request, sizeof request, MSG_NOSIGNAL)
        != ssize_t(sizeof request)) {
        *error = errno == EPIPE ? ECONNRESET : errno;
        return Fd();
    }
    Answer answer;
    Fd fd;
    const int errnum = receiveAnswer(m_channel.get(), &answer, &fd);
    if (errnum != 0) {
        // A late answer would pair with the next request: nothing more is asked.
        m_channel.reset();
        *error = errnum;
        return Fd();
    }
    if (answer.errnum != 0 || !fd.isValid()) {
        *error = answer.errnum != 0 ? answer.errnum : EBADMSG;
        return Fd();
    }
    return fd;
}

Fd LabNetwork::socketIn(const LabNetwork *network, int domain, int type, int protocol)
{
    if (network == nullptr)
        return Fd(::socket(domain, type | SOCK_CLOEXEC, protocol));
    int errnum = 0;
    Fd fd = network->socket(domain, type, protocol, &errnum);
    if (!fd.isValid())
        errno = errnum;
    return fd;
}

} // namespace socketlab
