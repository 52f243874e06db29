#pragma once

namespace socketlab {

// Socket options a client sets on its socket right after socket(), each traced as its own
// setsockopt() call. They apply at the next connectToHost().
struct ClientOptions
{
    // TCP_NODELAY: small sends leave at once instead of waiting for the previous one's ACK
    // (Nagle's algorithm). TCP only.
    bool noDelay = false;
    // SO_SNDBUF in bytes, 0 for the kernel's default. Linux doubles what it is asked for
    // (the other half is for its bookkeeping) and keeps a minimum; TCP and UDP.
    int sendBuffer = 0;
};

} // namespace socketlab
