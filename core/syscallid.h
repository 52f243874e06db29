#pragma once

// The calls as values, without Qt: a forked child's code (core/private/forkedchild.cpp) names
// them too, and it includes nothing of Qt. The rest of the code includes core/syscall.h.

namespace socketlab {

// Every call SocketLab traces or reports, so views and lessons compare values, not names.
// Only sysCallName() spells them (for the JSON contract and the human-readable lines).
enum class SysCall {
    None, // the event is not about a call
    Getaddrinfo,
    Getprotobyname,
    Socket,
    Setsockopt,
    Getsockopt, // reads back what the kernel made of an option (a buffer size, doubled)
    Bind,
    Listen,
    Accept,
    Connect,
    Send,
    Sendto,
    Recv,
    Recvfrom,
    Close,
    Shutdown,
    Fork,
    Waitpid,
    Kill,
    Pipe2,
    Read,
    PthreadCreate,
    Eventfd,
    Poll, // traced in poll mode only, where it is how the server waits for every client
    // A traced program's (Tracer): select/pselect6, a new thread (clone with CLONE_THREAD),
    // and exit_group.
    Select,
    Thread,
    Exit,
    Getsockname,
    Getpeername,
};

} // namespace socketlab
