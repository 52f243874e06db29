#pragma once

#include "core/syscallid.h"

#include <QString>

namespace socketlab {

enum class Role;

// The C name, "recvfrom"; empty for None.
QString sysCallName(SysCall call);
// The recipe's step number of the call for that role (docs/architecture.md, "The recipe"),
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
