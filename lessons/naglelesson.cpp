#include "lessons/lessons.h"

#include "core/clientoptions.h"
#include "lessons/lessonruntime.h"
#include "lessons/lessonsteps.h"

#include <QCoreApplication>
#include <QLocale>

namespace socketlab {

using namespace lessonsteps;

// Names the translation context of the lesson's texts.
struct NagleLesson
{
    static LessonScript build();
    Q_DECLARE_TR_FUNCTIONS(NagleLesson)
};

namespace {
constexpr int kNagle = 1; // A: the default, Nagle's algorithm on
constexpr int kNoDelay = 2; // B: TCP_NODELAY

int repliesTo(const LessonRuntime &rt, int n)
{
    return rt.count(LessonRuntime::clientEvent(n, EventKind::Received));
}

int lastIndexOf(const LessonRuntime &rt, const LessonRuntime::Predicate &predicate)
{
    for (int i = int(rt.events().size()) - 1; i >= 0; --i) {
        if (predicate(rt.events().at(i)))
            return i;
    }
    return -1;
}

// From client n's last send() (entered) until the server's recv() that returned the last
// bytes of the request (returned), in microseconds; -1 until both are there.
qint64 requestDelayUs(const LessonRuntime &rt, int n)
{
    const int send = lastIndexOf(rt, [n](const SocketEvent &e) {
        return e.role == Role::Client && e.connectionId == quint64(n) && e.kind == EventKind::Call
            && e.call == SysCall::Send;
    });
    const auto served = rt.onConnectionOf(n);
    const int recv = lastIndexOf(rt, [&served](const SocketEvent &e) {
        return served(e) && e.kind == EventKind::Call && e.call == SysCall::Recv && e.result > 0;
    });
    if (send < 0 || recv < 0)
        return -1;
    // An earlier recv() until the server's events of this request have been delivered.
    const qint64 delay = rt.events().at(recv).endUs - rt.events().at(send).beginUs;
    return delay >= 0 ? delay : -1;
}

bool noDelayTraced(const LessonRuntime &rt, int n)
{
    return rt.count([n](const SocketEvent &e) {
        return e.role == Role::Client && e.connectionId == quint64(n) && e.kind == EventKind::Call
            && e.call == SysCall::Setsockopt && e.args.contains(QLatin1String("TCP_NODELAY"))
            && e.result == 0;
    }) > 0;
}

// Client n sends a request in two small pieces; the server answers only the whole line.
Enter twoSmallSends(int n)
{
    return all({clientSends(n, QByteArrayLiteral("GET /")),
                clientSends(n, QByteArrayLiteral("index.html\n"))});
}

// The second reply (to the two-piece request) has come: measure.
Settled untilMeasured(int n, qint64 NagleFacts::*delay, const std::shared_ptr<NagleFacts> &facts)
{
    return [n, delay, facts](LessonRuntime &rt) {
        if (repliesTo(rt, n) < 2)
            return false;
        (*facts).*delay = requestDelayUs(rt, n);
        return (*facts).*delay >= 0;
    };
}

QString milliseconds(qint64 us)
{
    if (us < 0)
        return NagleLesson::tr("not measured yet");
    // Below a millisecond two decimals, so loopback's tens of microseconds do not read 0.0.
    const int decimals = us < 1000 ? 2 : 1;
    return NagleLesson::tr("%1 ms").arg(QLocale().toString(double(us) / 1000.0, 'f', decimals));
}

LessonOutcome outcomeOf(const NagleFacts &facts)
{
    LessonOutcome outcome;
    outcome.passed = facts.nagleUs >= 0 && facts.noDelayUs >= 0 && facts.noDelayTraced;
    outcome.text = NagleLesson::tr("On this machine's loopback, from the second send() until the "
                                   "server's recv() had the whole request: %1 with Nagle, %2 with "
                                   "TCP_NODELAY.")
                       .arg(milliseconds(facts.nagleUs), milliseconds(facts.noDelayUs));
    return outcome;
}

CodeListing listing()
{
    const QString secondOnly = NagleLesson::tr("the second client only:");
    const QString held = NagleLesson::tr("with Nagle, this one waits for an ACK:");
    const QString server = NagleLesson::tr("the server answers a whole line only:");
    CodeListing code;
    code.c = {
        ListingLine::commentLine(secondOnly),
        "int one = 1;",
        {"nodelay", "setsockopt(s, IPPROTO_TCP, TCP_NODELAY,"},
        "           &one, sizeof one);",
        {"send1", "send(s, \"GET /\", 5, 0);"},
        ListingLine::commentLine(held),
        {"send2", "send(s, \"index.html\\n\", 11, 0);"},
        {"reply", "n = recv(s, buf, 1024, 0);"},
        ListingLine::commentLine(server),
        {"recv", "while (!memchr(line, '\\n', len))"},
        "  len += recv(c, line + len,",
        "              sizeof line - len, 0);",
        "send(c, line, len, 0);",
    };
    code.python = {
        ListingLine::commentLine(secondOnly),
        {"nodelay", "tcp.setsockopt(IPPROTO_TCP, TCP_NODELAY, 1)"},
        {"send1", "tcp.send(b'GET /')"},
        ListingLine::commentLine(held),
        {"send2", "tcp.send(b'index.html\\n')"},
        {"reply", "reply = tcp.recv(1024)"},
        ListingLine::commentLine(server),
        {"recv", "line = con.makefile('rb').readline()"},
        "con.send(line)",
    };
    return code;
}
} // namespace

LessonScript NagleLesson::build()
{
    LessonScript script;
    const auto facts = script.makeFacts<NagleFacts>();
    script.title = tr("Nagle's algorithm and delayed ACK");
    script.listing = listing();
    ServerConfig config = server(Protocol::Tcp, Concurrency::Thread, 8);
    config.echo = true;
    config.echoWholeLines = true;
    script.steps = {
        {tr("A request/reply server"),
         tr("This server answers each complete line (up to the line break) with one "
            "send(), as a web server answers only a whole request. Client A connects "
            "and exchanges a first line with it."),
         tr("Sequence diagram: A's line and the server's answer."), ObserveTarget::Diagram, "recv",
         all({startServer(config),
              connectClient(kNagle, Protocol::Tcp, QByteArrayLiteral("hello\n"))}),
         [](LessonRuntime &rt) { return repliesTo(rt, kNagle) > 0; }},
        {tr("Two small sends, Nagle on"),
         tr("A writes its request in two small send() calls and waits for the answer. "
            "Nagle's algorithm lets the first small segment go, but holds the second "
            "until the first is acknowledged. The server's system delays that ACK (on "
            "Linux up to tens of milliseconds) hoping to send it with a reply, and the "
            "server cannot reply before the whole line is there: both wait."),
         tr("Event log: the time between A's second send() and the server's recv() of it."),
         ObserveTarget::Log, "send2", twoSmallSends(kNagle),
         untilMeasured(kNagle, &NagleFacts::nagleUs, facts)},
        {tr("Switch Nagle off: TCP_NODELAY"),
         tr("Client B sets TCP_NODELAY with setsockopt() right after socket(), then "
            "connects and exchanges a first line like A."),
         tr("Event log: B's setsockopt(TCP_NODELAY) before its connect()."), ObserveTarget::Log,
         "nodelay",
         [](LessonRuntime &rt) {
             ClientOptions options;
             options.noDelay = true;
             rt.client(kNoDelay)->setOptions(options);
             rt.connectClient(kNoDelay, Protocol::Tcp, rt.serverPort());
             rt.client(kNoDelay)->send(QByteArrayLiteral("hello\n"));
         },
         [facts](LessonRuntime &rt) {
             facts->noDelayTraced = noDelayTraced(rt, kNoDelay);
             return repliesTo(rt, kNoDelay) > 0;
         }},
        {tr("The same two sends, without Nagle"),
         tr("B sends the same request in the same two pieces. With TCP_NODELAY the "
            "second piece leaves at once, without waiting for an ACK."),
         tr("Event log: B's second send() and the server's recv() of it, close together."),
         ObserveTarget::Log, "send2", twoSmallSends(kNoDelay),
         untilMeasured(kNoDelay, &NagleFacts::noDelayUs, facts)},
        {tr("What this machine measured"),
         tr("The outcome below gives both delays as measured here, from the events' "
            "times. On a real network the delays differ, and loopback may be faster "
            "or slower than you expect: measure, do not assume. Better than "
            "TCP_NODELAY: write a request with one send()."),
         tr("The outcome line: the two delays."),
         ObserveTarget::Log,
         "reply",
         {},
         {}},
    };
    script.showsWire = true;
    script.steps[1].wire = tr("With Nagle the second small send waits until the first is "
                              "ACKed: fewer, fuller PSH ACK segments.");
    script.steps[3].wire = tr("With TCP_NODELAY each send() is a segment of its own, at "
                              "once: one PSH ACK per send().");
    script.outcome = [facts](const LessonRuntime &) { return outcomeOf(*facts); };
    return script;
}

LessonScript nagleLesson()
{
    return NagleLesson::build();
}

} // namespace socketlab
