#include "core/private/seccompfilter.h"

#include <cerrno>
#include <cstddef>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

namespace socketlab {

namespace {

#if defined(__x86_64__)
constexpr unsigned kArch = AUDIT_ARCH_X86_64;
#elif defined(__aarch64__)
constexpr unsigned kArch = AUDIT_ARCH_AARCH64;
#elif defined(__i386__)
constexpr unsigned kArch = AUDIT_ARCH_I386;
#else
#error "SocketLab's tracer knows x86_64, aarch64 and i386"
#endif

// Every call the tracer decodes. read/write and friends stop for every descriptor (a filter
// cannot tell a socket from a file); the tracer lets the others go on at once.
constexpr long kTraced[] = {
    __NR_socket,
    __NR_bind,
    __NR_listen,
    __NR_accept,
    __NR_accept4,
    __NR_connect,
    __NR_sendto,
    __NR_recvfrom,
    __NR_sendmsg,
    __NR_recvmsg,
    __NR_sendmmsg,
    __NR_recvmmsg,
    __NR_shutdown,
    __NR_close,
    __NR_setsockopt,
    __NR_getsockopt,
    __NR_getsockname,
    __NR_getpeername,
    __NR_read,
    __NR_write,
    __NR_readv,
    __NR_writev,
    __NR_dup,
    __NR_dup3,
    __NR_fcntl,
    __NR_ppoll,
    __NR_pselect6,
    __NR_epoll_pwait,
    __NR_clone,
    __NR_wait4,
    __NR_waitid,
    __NR_execve,
    __NR_execveat,
    __NR_exit_group,
    // Tells whether an interrupted call is restarted or returns EINTR to the program.
    __NR_rt_sigreturn,
#ifdef __NR_dup2
    __NR_dup2,
#endif
#ifdef __NR_poll
    __NR_poll,
#endif
#ifdef __NR_select
    __NR_select,
#endif
#ifdef __NR_epoll_wait
    __NR_epoll_wait,
#endif
#ifdef __NR_epoll_pwait2
    __NR_epoll_pwait2,
#endif
#ifdef __NR_clone3
    __NR_clone3,
#endif
#ifdef __NR_fork
    __NR_fork,
#endif
#ifdef __NR_vfork
    __NR_vfork,
#endif
#ifdef __NR_close_range
    __NR_close_range,
#endif
};
constexpr int kTracedCount = int(sizeof(kTraced) / sizeof(kTraced[0]));

} // namespace

bool SeccompFilter::traces(long nr)
{
    for (long traced : kTraced) {
        if (traced == nr)
            return true;
    }
    return false;
}

int SeccompFilter::install()
{
    // Room for the header (3), one jump per call, and the two returns.
    sock_filter program[3 + kTracedCount + 2];
    int n = 0;
    program[n++] = BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch));
    // Another architecture's calls (a 32-bit program on a 64-bit kernel) number differently:
    // they run untraced rather than be misread.
    program[n++] = BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, kArch, 0,
                            static_cast<unsigned char>(kTracedCount + 1));
    program[n++] = BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr));
    for (int i = 0; i < kTracedCount; ++i) {
        // Matched: jump to the RET_TRACE after the rest of the list.
        const auto toTrace = static_cast<unsigned char>(kTracedCount - i);
        program[n++] = BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, unsigned(kTraced[i]), toTrace, 0);
    }
    program[n++] = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
    program[n++] = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
    sock_fprog prog {static_cast<unsigned short>(n), program};
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        return errno;
    if (::prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0) != 0)
        return errno;
    return 0;
}

} // namespace socketlab
