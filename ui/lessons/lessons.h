#pragma once

#include "ui/lessons/lessonscript.h"

#include <QSet>

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

// What the lessons' steps record for their outcomes (LessonScript::factsAs()).
struct ForkFacts
{
    qint64 firstZombie = 0;  // A's child, left a zombie with reaping off
    qint64 zombie = 0;       // C's child, left a zombie by the non-reaping server
};

struct SharedMemoryFacts
{
    qint64 threadCounter = 0;  // the server's counter after the threads counted
};

struct BoundariesFacts
{
    int tcpChunks = 0;  // recv() chunks the TCP burst arrived in
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
};

struct PollFacts
{
    bool iterativeBlocked = false;    // B and C were not served while the slow A stayed
    int threadHandlers = 0;           // distinct threads that served D, E, F
    int pollHandlers = 0;             // distinct threads that served G, H, I
    bool pollOnServerThread = false;  // ... and that one is the server's own poll() thread
};

struct ClosingFacts
{
    bool recvZero = false;             // the server's recv() returned 0 after A's close()
    bool replyAfterHalfClose = false;  // B received the reply after its shutdown(SHUT_WR)
    int resetErrno = 0;                // the server's failed call after C's reset
    bool kernelRead = false;           // the socket table was read (sock_diag)
    QSet<int> timeWait;                // clients whose end is in TIME_WAIT
    int serverTimeWait = 0;            // the server's ends in TIME_WAIT
};

struct NagleFacts
{
    // From the client's second send() until the server's recv() had the whole request,
    // in microseconds (-1: not measured yet).
    qint64 nagleUs = -1;
    qint64 noDelayUs = -1;
    bool noDelayTraced = false;  // the second client's setsockopt(TCP_NODELAY) was traced
};

} // namespace socketlab
