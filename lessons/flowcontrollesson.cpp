#include "lessons/lessons.h"

#include "core/clientoptions.h"
#include "lessons/kernelsockets.h"
#include "lessons/lessonruntime.h"
#include "lessons/lessonsteps.h"

#include <QCoreApplication>

namespace socketlab {

using namespace lessonsteps;

// Names the translation context of the lesson's texts.
struct FlowControlLesson
{
    static LessonScript build();
    Q_DECLARE_TR_FUNCTIONS(FlowControlLesson)
};

namespace {
using Facts = std::shared_ptr<FlowControlFacts>;

// SO_RCVBUF of the server and SO_SNDBUF of the client (Linux doubles both): small, so a few
// KiB fill them and the numbers stay readable. On loopback the Recv-Q then holds about 5 KiB
// and the Send-Q 8 KiB.
constexpr int kReceiveBuffer = 4096;
constexpr int kSendBuffer = 4096;
constexpr int kLittle = 1000;
// More than the Recv-Q holds, less than it and the Send-Q together.
constexpr int kMore = 6000;
// Far more than both queues hold.
constexpr int kLots = 64 * 1024;
// Samples the client's Send-Q must stay the same, full, before the step calls send() blocked.
constexpr int kStillSamples = 5;

ServerConfig config()
{
    ServerConfig c = server(Protocol::Tcp, Concurrency::Thread, 1);
    c.receiveBuffer = kReceiveBuffer;
    c.pauseReading = true;
    return c;
}

LessonStep::Enter connectWithSmallSendBuffer()
{
    return [](LessonRuntime &rt) {
        ClientOptions options;
        options.sendBuffer = kSendBuffer;
        rt.client(1)->setOptions(options);
        rt.connectClient(1, Protocol::Tcp, rt.serverPort());
    };
}

int sentBy(const LessonRuntime &rt, int n)
{
    return rt.count(LessonRuntime::clientEvent(n, EventKind::Sent));
}

// Entering a step: later samples are the ones its action can show in.
LessonStep::Enter marked(const Facts &facts, const LessonStep::Enter &move)
{
    return [facts, move](LessonRuntime &rt) {
        facts->mark = rt.kernelSampleCount();
        move(rt);
    };
}

bool freshSample(const LessonRuntime &rt, const FlowControlFacts &facts)
{
    return rt.kernelSampleCount() > facts.mark + 1;
}

bool connected(LessonRuntime &rt, FlowControlFacts &facts)
{
    const SocketSnapshot s = KernelSockets::serverSide(rt, rt.kernelSockets(), 1);
    return freshSample(rt, facts) && s.state == SocketState::Established && s.accepted();
}

// The little message sits in the server's Recv-Q; the client's Send-Q is empty.
bool inRecvQ(LessonRuntime &rt, FlowControlFacts &facts)
{
    const SocketSnapshot server = KernelSockets::serverSide(rt, rt.kernelSockets(), 1);
    const SocketSnapshot client = KernelSockets::clientSide(rt, rt.kernelSockets(), 1);
    if (!freshSample(rt, facts) || sentBy(rt, 1) < 1 || server.recvQ < kLittle || client.sendQ != 0)
        return false;
    facts.recvQAlone = server.recvQ;
    facts.recvQAt = rt.kernelSampleCount();
    return true;
}

// The Recv-Q stopped growing (the window is closed): what follows waits in the Send-Q.
bool inSendQ(LessonRuntime &rt, FlowControlFacts &facts)
{
    const SocketSnapshot server = KernelSockets::serverSide(rt, rt.kernelSockets(), 1);
    const SocketSnapshot client = KernelSockets::clientSide(rt, rt.kernelSockets(), 1);
    if (!freshSample(rt, facts) || sentBy(rt, 1) < 2 || client.sendQ <= 0)
        return false;
    facts.recvQFull = server.recvQ;
    facts.sendQ = client.sendQ;
    facts.sendQAt = rt.kernelSampleCount();
    return true;
}

// The Send-Q stays full and the third send() has not returned.
bool sendBlocked(LessonRuntime &rt, FlowControlFacts &facts)
{
    const SocketSnapshot client = KernelSockets::clientSide(rt, rt.kernelSockets(), 1);
    if (sentBy(rt, 1) >= 3) {
        facts.returnedEarly = true; // the kernel took it all: nothing blocked
        return true;
    }
    if (!freshSample(rt, facts) || client.sendQ <= 0)
        return false;
    if (rt.kernelSampleCount() != facts.lastSampleSeen) {
        facts.lastSampleSeen = rt.kernelSampleCount();
        facts.stillSamples = client.sendQ == facts.blockedSendQ ? facts.stillSamples + 1 : 0;
        facts.blockedSendQ = client.sendQ;
    }
    if (facts.stillSamples < kStillSamples)
        return false;
    facts.blockedRecvQ = KernelSockets::serverSide(rt, rt.kernelSockets(), 1).recvQ;
    facts.blockedAt = rt.kernelSampleCount();
    return true;
}

// Everything read: both queues empty, every send() returned.
bool drained(LessonRuntime &rt, FlowControlFacts &facts)
{
    facts.received = rt.server()->totals().bytes;
    const SocketSnapshot server = KernelSockets::serverSide(rt, rt.kernelSockets(), 1);
    const SocketSnapshot client = KernelSockets::clientSide(rt, rt.kernelSockets(), 1);
    if (facts.received < kLittle + kMore + kLots || sentBy(rt, 1) < 3 || !freshSample(rt, facts)
        || server.recvQ != 0 || client.sendQ != 0) {
        return false;
    }
    facts.drainedAt = rt.kernelSampleCount();
    return true;
}

LessonOutcome outcomeOf(const FlowControlFacts &facts)
{
    const bool ordered = facts.recvQAt > 0 && facts.sendQAt > facts.recvQAt
        && facts.blockedAt > facts.sendQAt && facts.drainedAt > facts.blockedAt;
    LessonOutcome outcome;
    outcome.passed = ordered && !facts.returnedEarly;
    outcome.text = outcome.passed
        ? FlowControlLesson::tr("The server's Recv-Q filled (%1 bytes), then the client's Send-Q "
                                "(%2 bytes), then send() waited; once the server read, all %3 "
                                "bytes arrived.")
              .arg(facts.blockedRecvQ)
              .arg(facts.blockedSendQ)
              .arg(facts.received)
        : FlowControlLesson::tr("The queues have not been seen filling and draining in order yet.");
    return outcome;
}
} // namespace

LessonScript FlowControlLesson::build()
{
    LessonScript script;
    const auto facts = script.makeFacts<FlowControlFacts>();
    script.title = tr("Flow control: when the server does not read");
    script.showsQueues = true;
    script.listing.c = {
        ListingLine::commentLine(tr("server: a small receive buffer")),
        "int size = 4096;",
        {"rcvbuf", "setsockopt(s, SOL_SOCKET, SO_RCVBUF,"},
        "           &size, sizeof size);",
        "listen(s, 1);",
        {"accept", "c = accept(s, NULL, NULL);"},
        ListingLine::commentLine(tr("no recv() yet")),
        ListingLine::commentLine(tr("client: a small send buffer")),
        {"sndbuf", "setsockopt(t, SOL_SOCKET, SO_SNDBUF,"},
        "           &size, sizeof size);",
        "connect(t, (void *)&addr, sizeof addr);",
        {"send", "send(t, little, 1000, 0);"},
        {"more", "send(t, more, 6000, 0);"},
        {"block", "send(t, lots, 65536, 0);", tr("waits")},
        ListingLine::commentLine(tr("server, at last:")),
        {"recv", "while (recv(c, buf, 1024, 0) > 0)"},
        "  ;",
    };
    script.listing.python = {
        ListingLine::commentLine(tr("server: a small receive buffer")),
        {"rcvbuf", "tcp.setsockopt(SOL_SOCKET, SO_RCVBUF, 4096)"},
        "tcp.listen(1)",
        {"accept", "con, cliente = tcp.accept()"},
        ListingLine::commentLine(tr("no recv() yet")),
        ListingLine::commentLine(tr("client: a small send buffer")),
        {"sndbuf", "tcp.setsockopt(SOL_SOCKET, SO_SNDBUF, 4096)"},
        "tcp.connect(dest)",
        {"send", "tcp.send(b'x' * 1000)"},
        {"more", "tcp.send(b'x' * 6000)"},
        {"block", "tcp.sendall(b'x' * 65536)", tr("waits")},
        ListingLine::commentLine(tr("server, at last:")),
        {"recv", "while con.recv(1024): pass"},
    };
    script.steps = {
        {tr("A server that does not read"),
         tr("The server asks for a small receive buffer and client A for a small send "
            "buffer (4096 bytes each; Linux doubles them). The server accepts A's "
            "connection but does not call recv() yet."),
         tr("Kernel: A's connection is ESTABLISHED and accepted; both queues are 0."),
         ObserveTarget::Kernel, "rcvbuf",
         marked(facts, all({startServer(config()), connectWithSmallSendBuffer()})),
         [facts](LessonRuntime &rt) { return connected(rt, *facts); }},
        {tr("A sends a little: it waits in the server's Recv-Q"),
         tr("send() returns at once: the kernel took the bytes, carried them to the "
            "server's machine and keeps them in the server socket's receive queue until "
            "the program calls recv()."),
         tr("Kernel: the server's Recv-Q holds A's 1000 bytes; A's Send-Q is 0."),
         ObserveTarget::Kernel, "send", marked(facts, clientSends(1, QByteArray(kLittle, 'a'))),
         [facts](LessonRuntime &rt) { return inRecvQ(rt, *facts); }},
        {tr("A sends more: the Recv-Q is full, the rest waits in A's Send-Q"),
         tr("The receive buffer is full, so the server's side advertises a window of 0 "
            "bytes: \"send no more\". A's kernel keeps what does not fit in A's send "
            "queue. send() still returns: the bytes are in A's kernel."),
         tr("Queues: the server's Recv-Q stops growing, A's Send-Q rises."), ObserveTarget::Kernel,
         "more", marked(facts, clientSends(1, QByteArray(kMore, 'b'))),
         [facts](LessonRuntime &rt) { return inSendQ(rt, *facts); }},
        {tr("A sends a lot: send() blocks"),
         tr("Now A's send queue is full too. A blocking send() waits until there is "
            "room again: the sender is slowed down to the pace of the reader. This is "
            "TCP's flow control."),
         tr("Queues: both stay flat at their maximum; the event log shows no \"sent\" for "
            "this send()."),
         ObserveTarget::Kernel, "block", marked(facts, clientSends(1, QByteArray(kLots, 'c'))),
         [facts](LessonRuntime &rt) { return sendBlocked(rt, *facts); }},
        {tr("The server reads: everything drains"),
         tr("The server calls recv() at last. Each read makes room in its receive queue, "
            "its side opens the window again, A's kernel sends what waited, and A's "
            "send() returns once its last bytes are in the send queue."),
         tr("Queues: both fall to 0; event log: the server received every byte."),
         ObserveTarget::Kernel, "recv",
         marked(facts, [](LessonRuntime &rt) { rt.server()->resumeReading(); }),
         [facts](LessonRuntime &rt) { return drained(rt, *facts); }},
    };
    script.showsWire = true;
    script.steps[2].wire = tr("The server's ACKs advertise a shrinking window until "
                              "win=0: its receive buffer is full and A must stop sending.");
    script.steps[3].wire = tr("While the window is 0, A's system sends window probes now "
                              "and then, asking whether there is room again.");
    script.steps[4].wire = tr("The server reads: its ACKs open the window again and A's "
                              "segments flow.");
    script.outcome = [facts](const LessonRuntime &) { return outcomeOf(*facts); };
    return script;
}

LessonScript flowControlLesson()
{
    return FlowControlLesson::build();
}

} // namespace socketlab
