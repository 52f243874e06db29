#pragma once

#include <sys/types.h>

namespace socketlab {

// The steps that make a private network out of a process that just called
// unshare(CLONE_NEWUSER | CLONE_NEWNET): its user ids mapped, its loopback up, addresses added.
// Two callers share them: PrivateNetwork (socketlab-cli check moves itself in) and LabNetwork
// (a helper forked from SocketLab's threaded process). The helper may use only
// async-signal-safe calls until it ends (another thread may have held malloc's lock at the
// fork), so these steps use system calls only, and every text they need (IdMaps) is made
// before: they allocate nothing, format nothing and return an errno, with the failed call's
// name (a string literal) in *failedCall.
class NamespaceSetup
{
public:
    // "/proc/self/uid_map" and "gid_map" lines, made before a fork: inside ids mapped to the
    // caller's outside ones.
    struct IdMaps
    {
        char uidMap[32] = {};
        char gidMap[32] = {};
    };
    // Maps insideUid and insideGid to this process's effective ids (the only ids an
    // unprivileged user may map).
    static IdMaps idMapsFor(uid_t insideUid, gid_t insideGid);

    // The following are async-signal-safe; each returns 0 or an errno.
    // setgroups denied (the kernel's condition for an unprivileged gid_map), then both maps.
    static int writeIdMaps(const IdMaps &maps, const char **failedCall);
    // lo up: 127.0.0.1 answers, and ::1 appears once lo is up.
    static int bringLoopbackUp(const char **failedCall);
    // One IPv4 address (not a subnet) on an alias label of lo ("lo:1"); address in network
    // byte order.
    static int addLoopbackAddress(const char *label, unsigned addressNetworkOrder,
                                  const char **failedCall);
};

} // namespace socketlab
