#pragma once

// No Qt: installed by the forked child between fork() and execve(), where only
// async-signal-safe calls are allowed.

namespace socketlab {

// The seccomp-bpf filter a traced program runs under: SECCOMP_RET_TRACE (a stop for the
// tracer) for the network and process system calls, SECCOMP_RET_ALLOW for everything else,
// so a program that computes or writes files runs at full speed.
class SeccompFilter
{
public:
    // Sets PR_SET_NO_NEW_PRIVS and installs the filter on the calling thread. Returns 0, or
    // the errno of the call that failed (EINVAL: the kernel has no seccomp filters).
    static int install();
    // True for the system calls the filter stops at (the tracer decodes only these).
    static bool traces(long nr);
};

} // namespace socketlab
