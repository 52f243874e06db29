#pragma once

#include "lessons/lessonscript.h"

#include <QSet>
#include <QStringList>

namespace socketlab {

// The lessons of the course, one builder each (in teaching order in LessonCatalog). A build
// translates its texts now, so a language switch builds again.
LessonScript udpLesson();
LessonScript tcpBasicsLesson();
LessonScript iterativeLesson();
LessonScript forkLesson();
LessonScript sharedMemoryLesson();
LessonScript boundariesLesson();
LessonScript refusedLesson();
LessonScript addressInUseLesson();
LessonScript pollLesson();
LessonScript closingLesson();
LessonScript nagleLesson();
LessonScript flowControlLesson();

// What the lessons' steps record for their outcomes (LessonScript::factsAs()).
struct UdpFacts
{
    // The last step: client C's flood at a paused server with a small receive buffer.
    int sent = 0; // C's sendto() calls that returned
    bool resumed = false; // the server was told to read
    qint64 received = 0; // the restarted server's datagrams
    qint64 dropped = 0; // ... and the kernel's drop count for its socket
};

struct IterativeFacts
{
    qint64 acceptQueue = 0; // the most connections the listener's queue held
    qint64 backlog = -1; // the listener's backlog, as the kernel reports it
    bool waitingInBacklog[2] = {false, false}; // B and C: handshake done, not accepted
    bool synSent = false; // a client's SYN found the queue full and was not answered
};

struct ForkFacts
{
    qint64 firstZombie = 0; // A's child, left a zombie with reaping off
    qint64 zombie = 0; // C's child, left a zombie by the non-reaping server
    bool closeWait = false; // E's connection, left in CLOSE_WAIT by a parent that forgot close()
};

struct SharedMemoryFacts
{
    qint64 threadCounter = 0; // the server's counter after the threads counted
    qint64 parentCounter = -1; // the fork server's own counter after its children counted
    bool closeWait = false; // G's connection, left in CLOSE_WAIT by a thread that forgot close()
};

struct BoundariesFacts
{
    int tcpChunks = 0; // recv() chunks the TCP burst arrived in
};

struct RefusedFacts
{
    quint16 tcpPort = 0;
    quint16 udpPort = 0;
    int tcpErrno = 0;
    qint64 refusedAfterMs = 0;
};

struct AddressInUseFacts
{
    quint16 plainPort = 0;
    quint16 reusePort = 0;
    int timeWaitAtRestart = 0;
    bool plainRestartOk = false;
    bool reuseRestartOk = false;
    // "local - peer" of each TIME_WAIT socket on the port when the plain restart failed.
    QStringList timeWaitSockets;
};

// Kernel samples are counted from the run's start (LessonRuntime::kernelSampleCount()): the
// *At fields say in which sample each phase was first seen, so their order is the lesson's.
struct FlowControlFacts
{
    int mark = 0; // samples when the current step was entered
    int recvQAt = 0; // the little message waited in the server's Recv-Q alone
    qint64 recvQAlone = 0;
    int sendQAt = 0; // the Recv-Q was full and the client's Send-Q held the rest
    qint64 recvQFull = 0;
    qint64 sendQ = 0;
    int blockedAt = 0; // both queues full and the big send() not returned
    qint64 blockedRecvQ = 0;
    qint64 blockedSendQ = 0;
    bool returnedEarly = false; // the big send() returned before the server read
    int drainedAt = 0; // both queues empty, every send() returned
    qint64 received = 0;
    int lastSampleSeen = 0;
    int stillSamples = 0;
};

struct PollFacts
{
    bool iterativeBlocked = false; // B and C were not served while the slow A stayed
    int threadHandlers = 0; // distinct threads that served D, E, F
    int pollHandlers = 0; // distinct threads that served G, H, I
    bool pollOnServerThread = false; // ... and that one is the server's own poll() thread
};

struct ClosingFacts
{
    bool recvZero = false; // the server's recv() returned 0 after A's close()
    bool replyAfterHalfClose = false; // B received the reply after its shutdown(SHUT_WR)
    int resetErrno = 0; // the server's failed call after C's reset
    bool kernelRead = false; // the socket table was read (sock_diag)
    QSet<int> timeWait; // clients whose end is in TIME_WAIT
    int serverTimeWait = 0; // the server's ends in TIME_WAIT
};

struct NagleFacts
{
    // From the client's second send() until the server's recv() had the whole request,
    // in microseconds (-1: not measured yet).
    qint64 nagleUs = -1;
    qint64 noDelayUs = -1;
    bool noDelayTraced = false; // the second client's setsockopt(TCP_NODELAY) was traced
};

} // namespace socketlab
