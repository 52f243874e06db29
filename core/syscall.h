#pragma once

#include <QString>

namespace socketlab {

enum class Role;

// Every call SocketLab traces or reports, so views and lessons compare values, not names.
// Only sysCallName() spells them (for the JSON contract and the human-readable lines).
enum class SysCall {
    None,  // the event is not about a call
    Getaddrinfo,
    Getprotobyname,
    Socket,
    Setsockopt,
    Getsockopt,  // reads back what the kernel made of an option (a buffer size, doubled)
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
    Poll,  // traced in poll mode only, where it is how the server waits for every client
};

// The C name, "recvfrom"; empty for None.
QString sysCallName(SysCall call);
// The recipe's step number of the call for that role (DESIGN.md, "What the recipe teaches"),
// 0 when the call is not one of the recipe's steps (the server's getaddrinfo, fork's
// plumbing, waitpid, kill).
int recipeStep(SysCall call, Role role);
// True for calls whose effect starts when they are entered (send, sendto, connect, close,
// shutdown, fork): their cause is visible to others before they return. The others take
// effect when they return (recv, recvfrom, accept, waitpid, …).
bool takesEffectOnEntry(SysCall call);
// recv, recvfrom, send, sendto: the result counts bytes.
bool countsBytes(SysCall call);

} // namespace socketlab
