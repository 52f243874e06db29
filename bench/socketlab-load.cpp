// socketlab-load: a small load generator for SocketLab's benchmark (bench/run.py drives it).
// Raw POSIX sockets and std::thread only; every loop is bounded by a deadline or a count, and
// the only target allowed is a loopback address.
//
//   socketlab-load tcp     --port P [--clients 8] [--chunk 65536] [--seconds 2]
//                          [--messages N] [--drain]
//   socketlab-load connect --port P [--parallel 4] [--seconds 2]
//   socketlab-load udp     --port P [--rate 50000] [--size 64] [--seconds 2]
//
// tcp sends for --seconds, or with --messages exactly N chunks per client (then --seconds is
// only the bound on the run); --drain reads and discards what the server sends back while
// sending (an --echo server), so the echo never stalls the flood.
//
// Prints one JSON object on standard output. Exit 0 when the run completed, 1 when a socket
// call failed in a way that makes the figures meaningless, 2 for bad arguments.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kMaxThreads = 256;
constexpr int kConnectTries = 50;
constexpr int kDrainTimeoutMs = 15000; // how long the server may take to read what was sent

struct Options
{
    std::string mode;
    std::string host = "127.0.0.1";
    int port = 0;
    int clients = 8;
    int parallel = 4;
    int chunk = 65536;
    double seconds = 2.0;
    long rate = 50000;
    int size = 64;
    long messages = 0; // tcp: chunks per client; 0 sends for --seconds instead
    bool drain = false;
};

[[noreturn]] void usage(const char *message)
{
    std::fprintf(stderr, "socketlab-load: %s\n", message);
    std::fprintf(stderr,
                 "usage: socketlab-load tcp|connect|udp --port P [--host 127.0.0.1] "
                 "[--clients N] [--chunk B] [--messages N] [--drain] [--parallel P] [--rate R] "
                 "[--size B] [--seconds S]\n");
    std::exit(2);
}

long number(const char *text, long minimum, long maximum, const char *what)
{
    char *end = nullptr;
    errno = 0;
    const long value = std::strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || value < minimum || value > maximum) {
        std::fprintf(stderr, "socketlab-load: invalid %s: \"%s\"\n", what, text);
        std::exit(2);
    }
    return value;
}

double seconds(const char *text)
{
    char *end = nullptr;
    const double value = std::strtod(text, &end);
    if (end == text || *end != '\0' || !(value >= 0.05 && value <= 600)) {
        std::fprintf(stderr, "socketlab-load: invalid seconds: \"%s\" (0.05 to 600)\n", text);
        std::exit(2);
    }
    return value;
}

Options parse(int argc, char **argv)
{
    if (argc < 2)
        usage("missing mode");
    Options o;
    o.mode = argv[1];
    if (o.mode != "tcp" && o.mode != "connect" && o.mode != "udp")
        usage("mode must be tcp, connect or udp");
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--drain") {
            o.drain = true;
            continue;
        }
        if (i + 1 >= argc)
            usage(("missing value for " + arg).c_str());
        const char *value = argv[++i];
        if (arg == "--port")
            o.port = int(number(value, 1, 65535, "port"));
        else if (arg == "--host")
            o.host = value;
        else if (arg == "--clients")
            o.clients = int(number(value, 1, kMaxThreads, "clients"));
        else if (arg == "--parallel")
            o.parallel = int(number(value, 1, kMaxThreads, "parallel"));
        else if (arg == "--chunk")
            o.chunk = int(number(value, 1, 16 << 20, "chunk"));
        else if (arg == "--rate")
            o.rate = number(value, 1, 10000000, "rate");
        else if (arg == "--size")
            o.size = int(number(value, 1, 65507, "size"));
        else if (arg == "--seconds")
            o.seconds = seconds(value);
        else if (arg == "--messages")
            o.messages = number(value, 1, 1000000000, "messages");
        else
            usage(("unknown option " + arg).c_str());
    }
    if (o.port == 0)
        usage("--port is required");
    return o;
}

sockaddr_in target(const Options &o)
{
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(std::uint16_t(o.port));
    if (::inet_pton(AF_INET, o.host.c_str(), &address.sin_addr) != 1)
        usage("--host must be an IPv4 address");
    // Load only ever goes to this machine.
    if ((ntohl(address.sin_addr.s_addr) >> 24) != 127)
        usage("--host must be a loopback address (127.0.0.0/8)");
    return address;
}

double secondsSince(Clock::time_point start, Clock::time_point end)
{
    return std::chrono::duration<double>(end - start).count();
}

// Connects a blocking TCP socket, retrying briefly when the backlog is full.
int connectTcp(const sockaddr_in &address, int *errnum)
{
    for (int attempt = 0; attempt < kConnectTries; ++attempt) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            *errnum = errno;
            return -1;
        }
        if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0)
            return fd;
        *errnum = errno;
        ::close(fd);
        if (*errnum != ECONNREFUSED && *errnum != EAGAIN && *errnum != EINTR
            && *errnum != ETIMEDOUT)
            return -1;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
}

// Closes without TIME_WAIT (RST after a clean exchange), so thousands of short connections
// do not use up the ephemeral ports.
void closeAbortive(int fd)
{
    linger l {1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    ::close(fd);
}

// After shutdown(SHUT_WR): reads until the server closes, i.e. it has consumed everything.
// Counts what it read in *received when given (an echo being drained).
bool waitForServerClose(int fd, Clock::time_point deadline, std::uint64_t *received = nullptr)
{
    char sink[4096];
    for (;;) {
        const auto left
            = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now())
                  .count();
        if (left <= 0)
            return false;
        pollfd p {fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, int(std::min<long long>(left, 1000)));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0)
            return false;
        if (ready == 0)
            continue;
        const ssize_t n = ::recv(fd, sink, sizeof sink, MSG_DONTWAIT);
        if (n == 0)
            return true;
        if (n > 0 && received)
            *received += std::uint64_t(n);
        if (n < 0 && errno != EAGAIN && errno != EINTR)
            return errno == ECONNRESET; // closed with data unread: still over
    }
}

// Lets every worker get ready (connected) before the clock starts.
class StartGate
{
public:
    explicit StartGate(int parties)
        : m_waiting(parties)
    {
    }
    void arriveAndWait()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        if (--m_waiting == 0) {
            m_start = Clock::now();
            m_open = true;
            m_cv.notify_all();
        }
        m_cv.wait(lock, [this] { return m_open; });
    }
    Clock::time_point start() const { return m_start; }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    int m_waiting;
    bool m_open = false;
    Clock::time_point m_start;
};

struct TcpClientResult
{
    std::uint64_t bytes = 0;
    std::uint64_t echoed = 0; // --drain: bytes the server sent back
    Clock::time_point drained;
    int errnum = 0;
    const char *failedCall = nullptr;
    bool ok = false;
};

int runTcp(const Options &o)
{
    const sockaddr_in address = target(o);
    std::vector<TcpClientResult> results(size_t(o.clients));
    StartGate gate(o.clients);
    const auto sendFor
        = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.seconds));
    std::vector<std::thread> threads;
    for (int i = 0; i < o.clients; ++i) {
        threads.emplace_back([&, i] {
            TcpClientResult &r = results[size_t(i)];
            std::vector<char> chunk(size_t(o.chunk), 'x');
            for (size_t k = 0; k < chunk.size(); k += 64)
                chunk[k] = '\n';
            const int fd = connectTcp(address, &r.errnum);
            if (fd < 0)
                r.failedCall = "connect";
            gate.arriveAndWait(); // even a failed client arrives, so the others do not hang
            if (fd < 0)
                return;
            const Clock::time_point stopAt = gate.start() + sendFor;
            const std::uint64_t total = std::uint64_t(o.messages) * chunk.size();
            std::vector<char> sink(o.drain ? 65536 : 0);
            size_t offset = 0; // into the chunk: a counted flood sends whole chunks only
            while (Clock::now() < stopAt && (o.messages == 0 || r.bytes < total)) {
                if (o.drain) {
                    const ssize_t got = ::recv(fd, sink.data(), sink.size(), MSG_DONTWAIT);
                    if (got > 0) {
                        r.echoed += std::uint64_t(got);
                        continue;
                    }
                    if (got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
                        r.errnum = got == 0 ? ECONNRESET : errno;
                        r.failedCall = "recv";
                        break;
                    }
                }
                const ssize_t n = ::send(fd, chunk.data() + offset, chunk.size() - offset,
                                         MSG_NOSIGNAL | MSG_DONTWAIT);
                if (n > 0) {
                    r.bytes += std::uint64_t(n);
                    offset = (offset + size_t(n)) % chunk.size();
                    continue;
                }
                if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
                    pollfd p {fd, short(POLLOUT | (o.drain ? POLLIN : 0)), 0};
                    ::poll(&p, 1, 50);
                    continue;
                }
                r.errnum = errno;
                r.failedCall = "send";
                break;
            }
            if (o.messages > 0 && r.bytes < total && !r.failedCall)
                r.failedCall = "send (the bound of --seconds passed first)";
            ::shutdown(fd, SHUT_WR);
            const bool drained = waitForServerClose(
                fd, Clock::now() + std::chrono::milliseconds(kDrainTimeoutMs), &r.echoed);
            r.drained = Clock::now();
            if (!drained && !r.failedCall)
                r.failedCall = "recv (server never closed)";
            r.ok = r.failedCall == nullptr;
            closeAbortive(fd);
        });
    }
    for (auto &t : threads)
        t.join();

    std::uint64_t bytes = 0;
    std::uint64_t echoed = 0;
    Clock::time_point end = gate.start();
    int failed = 0;
    const TcpClientResult *firstFailure = nullptr;
    for (const auto &r : results) {
        bytes += r.bytes;
        echoed += r.echoed;
        if (!r.ok) {
            ++failed;
            if (!firstFailure)
                firstFailure = &r;
        } else {
            end = std::max(end, r.drained);
        }
    }
    const double elapsed = secondsSince(gate.start(), end);
    std::printf("{\"mode\":\"tcp\",\"clients\":%d,\"chunk\":%d,\"bytes\":%llu,\"seconds\":%.6f,"
                "\"mib_per_s\":%.3f,\"failed_clients\":%d,\"messages_per_client\":%ld,"
                "\"echoed\":%llu",
                o.clients, o.chunk, static_cast<unsigned long long>(bytes), elapsed,
                elapsed > 0 ? double(bytes) / elapsed / (1024.0 * 1024.0) : 0.0, failed, o.messages,
                static_cast<unsigned long long>(echoed));
    if (firstFailure)
        std::printf(",\"error\":\"%s: %s\"", firstFailure->failedCall,
                    std::strerror(firstFailure->errnum));
    std::printf("}\n");
    return failed == 0 ? 0 : 1;
}

int runConnect(const Options &o)
{
    const sockaddr_in address = target(o);
    static const char kLine[] = "hello from socketlab-load\n";
    std::atomic<std::uint64_t> completed {0};
    std::atomic<std::uint64_t> failures {0};
    std::atomic<std::uint64_t> bytes {0};
    std::atomic<int> lastErrno {0};
    StartGate gate(o.parallel);
    const auto runFor
        = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.seconds));
    std::vector<Clock::time_point> finished(size_t(o.parallel));
    std::vector<std::thread> threads;
    for (int i = 0; i < o.parallel; ++i) {
        threads.emplace_back([&, i] {
            gate.arriveAndWait();
            const Clock::time_point stopAt = gate.start() + runFor;
            // Bounded by time and, as a second guard, by count.
            for (long n = 0; n < 10000000 && Clock::now() < stopAt; ++n) {
                int errnum = 0;
                const int fd = connectTcp(address, &errnum);
                if (fd < 0) {
                    failures.fetch_add(1);
                    lastErrno.store(errnum);
                    if (failures.load() > 1000)
                        break;
                    continue;
                }
                const ssize_t sent = ::send(fd, kLine, sizeof kLine - 1, MSG_NOSIGNAL);
                ::shutdown(fd, SHUT_WR);
                const bool ok = sent == ssize_t(sizeof kLine - 1)
                    && waitForServerClose(fd, Clock::now() + std::chrono::seconds(5));
                if (ok) {
                    completed.fetch_add(1);
                    bytes.fetch_add(std::uint64_t(sent));
                } else {
                    failures.fetch_add(1);
                    lastErrno.store(errno);
                }
                closeAbortive(fd);
            }
            finished[size_t(i)] = Clock::now();
        });
    }
    for (auto &t : threads)
        t.join();
    const Clock::time_point end = *std::max_element(finished.begin(), finished.end());
    const double elapsed = secondsSince(gate.start(), end);
    const std::uint64_t done = completed.load();
    std::printf("{\"mode\":\"connect\",\"parallel\":%d,\"connections\":%llu,\"failed\":%llu,"
                "\"bytes\":%llu,\"seconds\":%.6f,\"per_s\":%.1f",
                o.parallel, static_cast<unsigned long long>(done),
                static_cast<unsigned long long>(failures.load()),
                static_cast<unsigned long long>(bytes.load()), elapsed,
                elapsed > 0 ? double(done) / elapsed : 0.0);
    if (failures.load() > 0)
        std::printf(",\"error\":\"%s\"", std::strerror(lastErrno.load()));
    std::printf("}\n");
    return done > 0 ? 0 : 1;
}

int runUdp(const Options &o)
{
    const sockaddr_in address = target(o);
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0
        || ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        std::printf("{\"mode\":\"udp\",\"error\":\"%s\"}\n", std::strerror(errno));
        return 1;
    }
    std::vector<char> datagram(size_t(o.size), 'u');
    const Clock::time_point start = Clock::now();
    const Clock::time_point stopAt = start
        + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.seconds));
    const std::uint64_t total = std::uint64_t(double(o.rate) * o.seconds);
    std::uint64_t sent = 0;
    std::uint64_t refused = 0;
    std::uint64_t dropped = 0; // the local send buffer was full: never left this process
    // Paced in small bursts: each millisecond, send what the rate says is due by now.
    std::uint64_t attempts = 0; // sent, dropped or refused: what the pacing counts
    while (attempts < total) {
        const Clock::time_point now = Clock::now();
        if (now >= stopAt + std::chrono::seconds(1))
            break;
        const std::uint64_t due = std::min<std::uint64_t>(
            total, std::uint64_t(secondsSince(start, now) * double(o.rate)) + 1);
        while (attempts < due) {
            const ssize_t n = ::send(fd, datagram.data(), datagram.size(), MSG_DONTWAIT);
            if (n < 0 && errno == EINTR)
                continue;
            ++attempts;
            if (n >= 0)
                ++sent;
            else if (errno == ECONNREFUSED)
                ++refused; // an earlier datagram met a closed port; this one did not go
            else
                ++dropped;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
    const double elapsed = secondsSince(start, Clock::now());
    ::close(fd);
    std::printf("{\"mode\":\"udp\",\"rate\":%ld,\"size\":%d,\"sent\":%llu,\"not_sent\":%llu,"
                "\"refused\":%llu,\"seconds\":%.6f,\"sent_per_s\":%.1f}\n",
                o.rate, o.size, static_cast<unsigned long long>(sent),
                static_cast<unsigned long long>(dropped), static_cast<unsigned long long>(refused),
                elapsed, elapsed > 0 ? double(sent) / elapsed : 0.0);
    return sent > 0 ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    const Options o = parse(argc, argv);
    if (o.mode == "tcp")
        return runTcp(o);
    if (o.mode == "connect")
        return runConnect(o);
    return runUdp(o);
}
