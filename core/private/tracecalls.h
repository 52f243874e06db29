#pragma once

#include "core/private/tracedprocess.h"
#include "core/socketevent.h"

namespace socketlab {

// Turns a traced thread's system calls into the recipe's calls: accept4 is accept, read on
// a socket is recv, sendto without an address is send, clone of a thread is "thread"; the
// call really made stays in the arguments. Keeps each descriptor table's sockets up to date
// (socket, accept, dup*, fcntl, close, close_range) and each process's role.
class TraceCalls
{
public:
    // At the entry (seccomp) stop, with nr and args saved: whether the call is one to show
    // or to follow (false: a read or write of a file, a close of a pipe — let it run).
    static bool wanted(const TracedThread &thread);
    // Whether step mode pauses before it (a socket call; not wait, exit or a thread).
    static bool pausesForStep(const TracedThread &thread);
    // At the entry stop: decides the process's role when this call shows it (listen or
    // accept: server; a receive on a bound datagram socket with no peer: server, bind +
    // recvfrom; connect, a send first: client), so the calls held until then and a paused
    // call show that role before the call returns.
    static void decideRoleOnEntry(TracedThread &thread);
    // The call as it is about to be made, for step mode's "about to call accept()".
    SocketEvent preview(const TracedThread &thread) const;
    // At the exit stop: updates the tables and makes the call's event; false when the call
    // shows nothing (dup, fcntl, a failed close of a non-socket).
    bool finish(TracedThread &thread, qint64 result, int errnum, SocketEvent *event);
    // The wait call's reaped child (0 when none): wait4's status, waitid's siginfo.
    static pid_t reapedBy(const TracedThread &thread, qint64 result);

    // "pid 4242"-style event with who made it (pid, tid, handler, role).
    static SocketEvent make(const TracedThread &thread, EventKind kind, pid_t rootPid);
    void setRootPid(pid_t pid) { m_rootPid = pid; }

private:
    bool finishSocketCall(TracedThread &thread, qint64 result, SocketEvent *event);
    bool finishData(TracedThread &thread, qint64 result, SocketEvent *event);
    void decideRole(TracedProcess &process, SysCall call, const TracedFds::Socket *socket);

    quint64 m_nextConnection = 1;
    pid_t m_rootPid = 0;
};

} // namespace socketlab
