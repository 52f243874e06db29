// socketlab-guiflood: SocketLab's window under a classroom flood, headless (run with
// QT_QPA_PLATFORM=offscreen). Starts the window's own TCP server (thread mode, as a teacher
// would with Start), lets N client threads send M messages each (short lines, or --size
// bytes each) as fast as they can to 127.0.0.1 while they read back and discard the echo,
// and measures on the GUI thread:
//   - the longest event-loop stall (a 10 ms timer measuring its own lateness),
//   - peak RSS (VmHWM) of the whole process,
//   - the time from the first send until the window's counters show every byte,
//   - the time until every client saw the server close (all read, all echoed back): the
//     ingest rate, comparable with socketlab-load tcp --messages --drain against the CLI,
//   - that the counters equal what was sent and that the log stays capped, with the cap shown.
// Prints one JSON object. Exit 0 when the counts are exact and the log is capped (speed is
// reported, never asserted), 1 otherwise.
//
//   socketlab-guiflood [--clients 8] [--messages 20000] [--size B] [--echo 0|1] [--timeout 120]

#include "ui/mainwindow.h"
#include "ui/models/eventlistmodel.h"
#include "ui/serverpane.h"
#include "ui/servertoolbar.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

using namespace socketlab;

namespace {

constexpr int kTickMs = 10;

struct Options
{
    int clients = 8;
    int messages = 20000;
    int timeoutSeconds = 120;
    int size = 0; // bytes per message; 0: a short numbered line
    int echo = -1; // -1: the window's default
};

Options parse(int argc, char **argv)
{
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        const int value = std::atoi(argv[i + 1]);
        if (arg == "--clients" && value >= 1 && value <= 64)
            o.clients = value;
        else if (arg == "--messages" && value >= 1 && value <= 10000000)
            o.messages = value;
        else if (arg == "--timeout" && value >= 1 && value <= 3600)
            o.timeoutSeconds = value;
        else if (arg == "--size" && value >= 32 && value <= 65536)
            o.size = value;
        else if (arg == "--echo" && (value == 0 || value == 1))
            o.echo = value;
        else {
            std::fprintf(stderr, "socketlab-guiflood: bad option %s %s\n", argv[i], argv[i + 1]);
            std::exit(2);
        }
    }
    return o;
}

double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

// One flooding client: connect, wait for the start signal, send every message, close.
struct FloodClient
{
    int fd = -1;
    qint64 bytes = 0;
    qint64 echoed = 0;
    int messages = 0;
    int errnum = 0;
};

// Sends every message as fast as the socket takes them while reading back (and discarding)
// what the server echoes (the window's default), then half-closes and reads until the server
// closes. Bounded by the timeout.
void flood(FloodClient &c, int index, const Options &o, std::atomic<int> &sendingDone)
{
    using Clock = std::chrono::steady_clock;
    const int messages = o.messages;
    const auto deadline = Clock::now() + std::chrono::seconds(o.timeoutSeconds);
    std::vector<char> buffer(size_t(qMax(o.size, 96)) + 1, 'x');
    char *line = buffer.data();
    size_t lineSize = 0;
    size_t lineSent = 0;
    char sink[65536];
    bool halfClosed = false;
    while (Clock::now() < deadline) {
        if (lineSent == lineSize && c.messages < messages) {
            lineSize = size_t(std::snprintf(line, 96, "client %d message %d\n", index, c.messages));
            if (o.size > 0) { // the numbered line padded to the size, still one line
                line[lineSize - 1] = ' ';
                std::memset(line + lineSize, 'x', size_t(o.size) - lineSize);
                lineSize = size_t(o.size);
                line[lineSize - 1] = '\n';
            }
            lineSent = 0;
        }
        const bool sending = lineSent < lineSize;
        if (!sending && !halfClosed) {
            ::shutdown(c.fd, SHUT_WR);
            halfClosed = true;
            sendingDone.fetch_add(1);
        }
        pollfd p {c.fd, short(POLLIN | (sending ? POLLOUT : 0)), 0};
        if (::poll(&p, 1, 100) < 0 && errno != EINTR)
            break;
        if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
            const ssize_t n = ::recv(c.fd, sink, sizeof sink, MSG_DONTWAIT);
            if (n == 0)
                break; // the server closed: everything was read
            if (n > 0)
                c.echoed += n;
            else if (errno != EAGAIN && errno != EINTR) {
                c.errnum = errno;
                break;
            }
        }
        if (sending && (p.revents & POLLOUT)) {
            const ssize_t n
                = ::send(c.fd, line + lineSent, lineSize - lineSent, MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n > 0) {
                lineSent += size_t(n);
                c.bytes += n;
                if (lineSent == lineSize)
                    ++c.messages;
            } else if (n < 0 && errno != EAGAIN && errno != EINTR) {
                c.errnum = errno;
                break;
            }
        }
    }
    if (!halfClosed)
        sendingDone.fetch_add(1); // gave up (deadline or error): the counts will say so
    ::close(c.fd);
}

} // namespace

int main(int argc, char **argv)
{
    const Options o = parse(argc, argv);
    QApplication app(argc, argv);
    QTemporaryDir settingsDir; // never touch the user's settings
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());

    MainWindow window;
    window.resize(1280, 800);
    window.show();
    ServerToolBar *bar = window.serverToolBar();
    bar->tcpAction()->trigger();
    bar->threadAction()->trigger();
    bar->portSpin()->setValue(0);
    // The toolbar's default is the recipe's 1; every server in the benchmarks queues alike
    // (benchlib.BACKLOG).
    bar->backlogSpin()->setValue(16);
    if (o.echo >= 0)
        bar->echoAction()->setChecked(o.echo == 1);
    bar->startAction()->trigger();
    Server *server = window.session()->server();
    if (!server->isRunning()) {
        std::printf("{\"error\":\"server did not start: %s\"}\n",
                    qPrintable(server->errorString()));
        return 1;
    }
    const quint16 port = server->localPort();
    const bool echo = server->config().echo; // the window's default: on
    const int backlog = server->config().backlog;

    // Connect every client first, then release them together.
    std::vector<FloodClient> clients(size_t(o.clients));
    std::atomic<int> connected {0};
    std::atomic<bool> go {false};
    std::atomic<int> sendingDone {0}; // clients that made their last send
    std::atomic<int> finished {0}; // clients that saw the server close
    std::vector<std::thread> threads;
    for (int i = 0; i < o.clients; ++i) {
        threads.emplace_back([&, i] {
            FloodClient &c = clients[size_t(i)];
            sockaddr_in address {};
            address.sin_family = AF_INET;
            address.sin_port = htons(port);
            address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            // One at a time, each once the server has accepted the one before: a burst of
            // connects on a busy machine can overflow a small backlog (dropped handshakes
            // cost seconds of TCP backoff).
            for (int wait = 0; connected.load() != i && wait < 100000; ++wait)
                std::this_thread::sleep_for(std::chrono::microseconds(100));
            for (int attempt = 0; attempt < 100 && c.fd < 0; ++attempt) {
                const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
                if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0) {
                    c.fd = fd;
                } else {
                    c.errnum = errno;
                    ::close(fd);
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
                }
            }
            for (int wait = 0; c.fd >= 0 && server->totals().connections <= i && wait < 100000;
                 ++wait)
                std::this_thread::sleep_for(std::chrono::microseconds(100));
            connected.fetch_add(1);
            for (int spin = 0; !go.load() && spin < 600000; ++spin)
                std::this_thread::sleep_for(std::chrono::microseconds(100));
            if (c.fd >= 0 && go.load())
                flood(c, i, o, sendingDone);
            else
                sendingDone.fetch_add(1);
            finished.fetch_add(1);
        });
    }

    // The GUI thread: a timer measuring its own lateness, and a watch for the last byte.
    // A local loop, since QApplication::quit() would close the window before it is read.
    QEventLoop loop;
    QElapsedTimer clock;
    QElapsedTimer sinceTick;
    qint64 maxStallMs = 0;
    qint64 countedAtMs = -1;
    qint64 finishedAtMs = -1; // every client saw the server close
    bool started = false;
    bool timedOut = false;
    bool quitting = false;
    // What the window shows: the digits after the last ':' of its counters line.
    QLabel *countersLabel = window.findChild<QLabel *>(QStringLiteral("serverCounters"));
    auto shownBytes = [&]() -> qint64 {
        if (!countersLabel)
            return server->totals().bytes;
        QString digits;
        const QString text = countersLabel->text();
        for (QChar ch : text.mid(text.lastIndexOf(QLatin1Char(':')) + 1)) {
            if (ch.isDigit())
                digits += ch;
        }
        return digits.toLongLong();
    };
    // Checked on every delivery of events and on every tick: neither alone sees every order
    // in which the last batch, the last send and the clients' ends can happen.
    auto checkDone = [&] {
        if (!started)
            return;
        if (countedAtMs < 0 && sendingDone.load() == o.clients) {
            qint64 sent = 0;
            for (const auto &c : clients)
                sent += c.bytes; // final: each client counted sendingDone after its last send
            if (shownBytes() >= sent)
                countedAtMs = clock.elapsed();
        }
        if (finishedAtMs < 0 && finished.load() == o.clients)
            finishedAtMs = clock.elapsed();
        if (countedAtMs >= 0 && finished.load() == o.clients && !quitting) {
            quitting = true;
            // Keep ticking a little so a stall right after the flood is measured too.
            QTimer::singleShot(300, &loop, &QEventLoop::quit);
        }
    };
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 late = sinceTick.restart() - kTickMs;
        if (started)
            maxStallMs = qMax(maxStallMs, late);
        if (!started && connected.load() == o.clients) {
            started = true;
            clock.start();
            go.store(true);
        }
        checkDone();
    });
    // Connected after the window's own slot, so the counters read here are what it just showed.
    QObject::connect(server, &Server::eventsArrived, checkDone);
    QTimer::singleShot(o.timeoutSeconds * 1000, &loop, [&] {
        timedOut = true;
        go.store(true);
        loop.quit();
    });
    sinceTick.start();
    ticker.start(kTickMs);
    loop.exec();
    ticker.stop();

    for (auto &t : threads)
        t.join();
    qint64 sentBytes = 0;
    qint64 sentMessages = 0;
    qint64 echoedBytes = 0;
    int failedClients = 0;
    for (const auto &c : clients) {
        sentBytes += c.bytes;
        echoedBytes += c.echoed;
        sentMessages += c.messages;
        if (c.messages != o.messages)
            ++failedClients;
    }
    const ServerTotals shown = server->totals();
    EventListModel *log = window.serverPane()->logModel();
    const qint64 dropped = log->droppedRows();
    // The cap is visible when some label of the window says how many rows were dropped.
    const QString droppedText = QLocale().toString(dropped);
    bool capShown = false;
    QString capText;
    for (QLabel *label : window.findChildren<QLabel *>()) {
        if (dropped > 0 && label->text().contains(droppedText)) {
            capShown = label->isVisible();
            capText = label->text();
        }
    }
    if (qEnvironmentVariableIsSet("SOCKETLAB_GUIFLOOD_DEBUG")) {
        std::fprintf(stderr, "window visible=%d\n", window.isVisible());
        for (QLabel *label : window.findChildren<QLabel *>())
            std::fprintf(stderr, "label %s visible=%d: %s\n", qPrintable(label->objectName()),
                         label->isVisible(), qPrintable(label->text()));
    }
    const bool exact = !timedOut && failedClients == 0 && shown.bytes == sentBytes
        && shown.connections == o.clients;
    const bool capped = log->rowCount() <= log->rowCap();
    window.stopServer();

    std::printf("{\"clients\":%d,\"messages_per_client\":%d,\"messages_sent\":%lld,"
                "\"bytes_sent\":%lld,\"bytes_counted\":%lld,\"bytes_echoed\":%lld,\"echo\":%s,"
                "\"recv_messages_counted\":%lld,\"connections_counted\":%lld,"
                "\"max_stall_ms\":%lld,\"peak_rss_mb\":%.1f,\"seconds_to_count_all\":%.3f,"
                "\"log_rows\":%d,\"log_cap\":%d,\"log_dropped\":%lld,\"cap_shown\":%s,"
                "\"counters_exact\":%s,\"timed_out\":%s,\"failed_clients\":%d,"
                "\"message_size\":%d,\"backlog\":%d,\"seconds_to_finish\":%.3f,"
                "\"ingest_mib_per_s\":%.3f",
                o.clients, o.messages, static_cast<long long>(sentMessages),
                static_cast<long long>(sentBytes), static_cast<long long>(shown.bytes),
                static_cast<long long>(echoedBytes), echo ? "true" : "false",
                // A TCP server counts recv() calls, not the clients' send() calls (the stream
                // joins them): the byte count is the exact check.
                static_cast<long long>(shown.messages), static_cast<long long>(shown.connections),
                static_cast<long long>(maxStallMs), peakRssMb(),
                countedAtMs >= 0 ? double(countedAtMs) / 1000.0 : -1.0, log->rowCount(),
                log->rowCap(), static_cast<long long>(dropped), capShown ? "true" : "false",
                exact ? "true" : "false", timedOut ? "true" : "false", failedClients, o.size,
                backlog, finishedAtMs >= 0 ? double(finishedAtMs) / 1000.0 : -1.0,
                finishedAtMs > 0
                    ? double(sentBytes) / (double(finishedAtMs) / 1000.0) / (1024.0 * 1024.0)
                    : 0.0);
    if (!exact || !capped)
        std::printf(",\"error\":\"%s\"",
                    timedOut     ? "timed out"
                        : !exact ? "counters differ from what was sent"
                                 : "log not capped");
    std::printf("}\n");
    return exact && capped ? 0 : 1;
}
