#pragma once

#include "core/private/tracedfds.h"
#include "core/socketevent.h"

#include <QList>
#include <QString>

#include <memory>
#include <sys/types.h>

namespace socketlab {

// One process of a traced program, as the tracer knows it: its descriptor table (shared
// with its threads), its role (server once it listens, or binds and receives datagrams;
// client once it connects or sends first), and the events it made before its role was known.
struct TracedProcess
{
    pid_t pid = 0;
    pid_t parent = 0; // 0 for the program's first process
    QString program;
    std::shared_ptr<TracedFds> fds = std::make_shared<TracedFds>();
    bool server = false;
    bool client = false; // connected or sent first: a client for good
    bool exited = false;
    bool zombie = false; // exited, its parent has not waited for it yet
    int liveThreads = 0;
    // socket(), its options, bind() and getsockname(), held until the process shows what it
    // is, so the recipe's step numbers are the right role's; written as a client's when it
    // makes another socket call, forks, execs or ends first.
    SocketEvents held;

    bool roleKnown() const { return server || client; }
    Role role() const { return server ? Role::Server : Role::Client; }
};

// One traced thread: the call it is in (entered at a seccomp stop, finished at the
// syscall-exit stop) and whether it waits for the user (step mode).
struct TracedThread
{
    pid_t tid = 0;
    std::shared_ptr<TracedProcess> process;
    bool inCall = false; // resumed with PTRACE_SYSCALL: its exit stop is due
    long nr = -1;
    quint64 args[6] = {};
    qint64 beginUs = 0;
    QString execPath; // execve's program, read at entry
    quint64 cloneFlags = 0;
    // A call that returned ERESTART*: restarted (the same call stops again) or seen by the
    // program as EINTR (it makes another call); decided at its next stop.
    bool interrupted = false;
    long interruptedNr = -1;
    SocketEvent interruptedEvent;
    bool paused = false; // step mode: stopped before its call, waiting for Next
    bool started = false; // its first stop (a new thread's) was seen
    // close()'s socket, taken out of the table at the call's entry (see TraceWorker).
    bool closingSocket = false;
    TracedFds::Socket closing;
};

} // namespace socketlab
