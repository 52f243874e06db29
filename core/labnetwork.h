#pragma once

#include "core/fd.h"

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <mutex>

#include <sys/types.h>

namespace socketlab {

// The lab's private network: an unprivileged user + network namespace that SocketLab makes
// for a session "on this computer only", where it may capture packets without any privilege
// (it holds CAP_NET_RAW over that namespace) and nothing outside can reach the lab's sockets.
//
// A socket belongs for life to the network namespace it was made in, and bind(), connect(),
// listen() and AF_PACKET on it act there, whoever calls them. So SocketLab itself stays where
// it is (its threads could not enter a new user namespace anyway: the kernel allows
// unshare(CLONE_NEWUSER) to a single-threaded process only) and a small helper process lives
// in the namespace: forked at create(), it makes the namespace, maps this user's ids, brings
// lo up (127.0.0.1 and ::1), then makes each socket SocketLab asks for and hands it back over a
// SOCK_SEQPACKET socketpair (SCM_RIGHTS). The lab's workers, sampler and capture then use those
// sockets as any other. docs/architecture.md says why a helper rather than a child session.
//
// The helper ends when this object is destroyed (killed and reaped by its pid), when SocketLab
// ends (it reads the end of the socketpair; PR_SET_PDEATHSIG too) and never becomes a zombie.
// PR_SET_PDEATHSIG follows the thread that forked: create() from a thread that lives as long
// as the network (the GUI's main thread). Sockets already made outlive the helper.
class LabNetwork
{
    Q_DECLARE_TR_FUNCTIONS(LabNetwork)

public:
    // The loopback's interface index in every network namespace (the kernel's LOOPBACK_IFINDEX).
    static constexpr int kLoopbackIndex = 1;
    // How long create() and socket() wait for the helper's answer.
    static constexpr int kAnswerTimeoutMs = 5000;

    // Null with a translated reason (naming the call and the system's error) when a private
    // network cannot be made here (user namespaces disabled, typically).
    static std::shared_ptr<LabNetwork> create(QString *error);
    ~LabNetwork();
    LabNetwork(const LabNetwork &) = delete;
    LabNetwork &operator=(const LabNetwork &) = delete;

    // A new socket in the network, from any thread: as ::socket() (type may carry
    // SOCK_NONBLOCK; the descriptor is always close-on-exec). Invalid with the errno in *error
    // (ECONNRESET when the helper is gone, ETIMEDOUT when it did not answer).
    Fd socket(int domain, int type, int protocol, int *error) const;
    // network's socket, or ::socket() (with SOCK_CLOEXEC) in SocketLab's own network when
    // network is null; on failure errno says why, as after ::socket().
    static Fd socketIn(const LabNetwork *network, int domain, int type, int protocol);
    // The helper's process id (it lives in the network: /proc/<pid>/ns/net names it).
    pid_t helperPid() const { return m_pid; }

private:
    LabNetwork(pid_t pid, Fd channel);
    // The helper's side: never returns.
    [[noreturn]] static void serve(int channel, const void *maps);

    pid_t m_pid;
    mutable Fd m_channel; // closed for good when the helper stops answering
    mutable std::mutex m_mutex; // one request and its answer at a time
};

} // namespace socketlab
