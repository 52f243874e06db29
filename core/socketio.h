#pragma once

#include "core/syscall.h"

#include <QString>

#include <functional>

namespace socketlab {

enum class WaitResult { Ready, Stopped, TimedOut, Failed };

// Small helpers around poll() and send() that keep every wait interruptible by a stop flag.
class SocketIo
{
public:
    // Waits until fd reports events (or an error/hang-up), stopFd becomes readable, or the
    // timeout (ms, -1 for none) passes. Retries on EINTR. While it waits, the thread is
    // published as blocked in blockedIn (BlockingCall), the call the caller waits to make.
    static WaitResult waitFor(int fd, short events, int stopFd, int timeoutMs = -1,
                              SysCall blockedIn = SysCall::None);
    // Sends every byte (MSG_NOSIGNAL) unless stopped or the socket fails. Returns the bytes
    // sent; *errnum is 0 when all went, else the errno (or ECANCELED when stopped).
    static qint64 sendAll(int fd, const char *data, qint64 size, int stopFd, int *errnum);
    // The same, for a peer that may answer while we send (an echo server): while it waits for
    // room it also watches fd for input and calls onReadable(), so the peer never waits for
    // us to read while we wait for it to read. onReadable() returns false to give up; then,
    // as when stopped, *errnum is ECANCELED.
    static qint64 sendAllReading(int fd, const char *data, qint64 size, int stopFd,
                                 const std::function<bool()> &onReadable, int *errnum);
    // Before a close(): calls onReadable() whenever fd has input, until nothing arrived for
    // quietMs (TimedOut), onReadable() returned false (Ready: the peer closed or failed),
    // stopFd was raised (Stopped) or maxMs passed with the peer still sending (TimedOut and
    // *stillSending). What arrived before the close() is read, so the close() neither
    // discards it nor answers it with an RST.
    static WaitResult readUntilQuiet(int fd, int stopFd, int quietMs, int maxMs,
                                     const std::function<bool()> &onReadable, bool *stillSending);
    // "AF_INET, SOCK_STREAM, 6", as a call trace shows socket()'s arguments.
    static QString socketArgs(int family, int type, int protocol);
};

} // namespace socketlab
