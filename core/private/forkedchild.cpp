#include "core/private/forkedchild.h"

#include "core/blockingcall.h"
#include "core/callclock.h"
#include "core/private/childrecord.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

static_assert(std::atomic<std::int64_t>::is_always_lock_free,
              "the child increments its counter copy");

// Only async-signal-safe functions below this line: the parent has other threads, whose locks
// (malloc's among them) may be held forever in this copy of the process.

namespace socketlab {

namespace {

void closeRange(int first, int last, int limit)
{
    if (first > last)
        return;
    if (::syscall(SYS_close_range, unsigned(first), unsigned(last), 0u) == 0)
        return;
    for (int fd = first; fd <= last && fd < limit; ++fd)
        ::close(fd);
}

// Keeps 0-2 and the three descriptors the child uses; closes every other inherited one
// (the listening socket, other children's pipes, the parent's eventfds).
void closeInheritedDescriptors(const ForkedChildSetup &s)
{
    int keep[3] = {s.connection, s.recordPipe, s.stopFd};
    std::sort(keep, keep + 3);
    int next = 3;
    for (int fd : keep) {
        closeRange(next, fd - 1, s.descriptorLimit);
        next = std::max(next, fd + 1);
    }
    closeRange(next, INT_MAX, s.descriptorLimit);
}

void resetSignals()
{
    struct sigaction action;
    std::memset(&action, 0, sizeof action);
    // Ctrl+C, `timeout`, `kill -- -PGID`, systemd and a closing terminal signal the whole
    // process group: the parent decides when the children stop (through the stop flag), so
    // each reports its last counts first. A dead parent closes the record pipe, which ends
    // the child too.
    action.sa_handler = SIG_IGN;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGHUP, &action, nullptr);
    ::sigaction(SIGPIPE, &action, nullptr);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
}

bool writeAll(int fd, const void *data, std::size_t size)
{
    const char *p = static_cast<const char *>(data);
    while (size > 0) {
        const ssize_t n = ::write(fd, p, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        size -= std::size_t(n);
    }
    return true;
}

// A call's times: clock_gettime() is async-signal-safe (nowUs() is just that).
struct Times
{
    std::int64_t beginUs = 0;
    std::int64_t endUs = 0;
};

bool writeRecord(const ForkedChildSetup &s, ChildRecordType type, std::int64_t result, int errnum,
                 Times times = {}, const char *payload = nullptr, std::size_t length = 0,
                 std::size_t requested = 0)
{
    if (length > kMaxChildPayload)
        return false;
    // Header and payload go out in one write() so the record stays atomic.
    char record[PIPE_BUF];
    ChildRecordHeader header;
    std::memset(&header, 0, sizeof header);
    header.type = type;
    header.errnum = errnum;
    header.result = result;
    header.length = std::uint32_t(length);
    header.fd = std::uint32_t(s.connection);
    header.requested = type == ChildRecordType::Recv ? s.bufferSize : requested;
    header.beginUs = times.beginUs;
    header.endUs = times.endUs != 0 ? times.endUs : nowUs();
    std::memcpy(record, &header, sizeof header);
    if (length > 0)
        std::memcpy(record + sizeof header, payload, length);
    return writeAll(s.recordPipe, record, sizeof header + length);
}

bool reportPayload(const ForkedChildSetup &s, const char *data, std::size_t size)
{
    while (size > 0) {
        const std::size_t piece = std::min<std::size_t>(size, kMaxChildPayload);
        if (!writeRecord(s, ChildRecordType::Payload, 0, 0, {}, data, piece))
            return false;
        data += piece;
        size -= piece;
    }
    return true;
}

enum class Wait { Ready, Stop, Timeout };

// timeoutMs < 0 waits as long as it takes.
Wait waitFor(const ForkedChildSetup &s, short events, int timeoutMs = -1)
{
    // POLLERR on the pipe's write end means the parent closed its read end.
    pollfd fds[3] = {{s.stopFd, POLLIN, 0}, {s.recordPipe, 0, 0}, {s.connection, events, 0}};
    const BlockingCall blocked(events == POLLIN ? SysCall::Recv : SysCall::Send);
    for (;;) {
        const int ready = ::poll(fds, 3, timeoutMs);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready == 0)
            return Wait::Timeout;
        if (ready < 0 || fds[0].revents || fds[1].revents)
            return Wait::Stop;
        return Wait::Ready;
    }
}

// Quiet mode: the counts the parent has not been told yet. They go out as a Totals record
// (the difference since the last one) at least every kReportEveryUs while there are any, and
// before the child waits for long, so a child killed by SIGKILL loses only its last moments.
constexpr std::int64_t kReportEveryUs = 100 * 1000;

struct Unreported
{
    std::int64_t messages = 0;
    std::int64_t bytes = 0;
    std::int64_t sinceUs = 0; // when the last Totals record went out

    bool any() const { return messages != 0 || bytes != 0; }
};

bool reportTotals(const ForkedChildSetup &s, Unreported &counts)
{
    counts.sinceUs = nowUs();
    if (s.reportTraffic || !counts.any())
        return true; // a record per recv() told the parent already
    const std::int64_t messages = counts.messages;
    const bool written = writeRecord(s, ChildRecordType::Totals, counts.bytes, 0, {},
                                     reinterpret_cast<const char *>(&messages), sizeof messages);
    counts.messages = 0;
    counts.bytes = 0;
    return written;
}

// Waits for the connection to be readable; with counts unreported, tells the parent first if
// nothing comes within the rest of the report period.
Wait waitForInput(const ForkedChildSetup &s, Unreported &counts)
{
    if (s.reportTraffic || !counts.any())
        return waitFor(s, POLLIN);
    const std::int64_t leftUs = kReportEveryUs - (nowUs() - counts.sinceUs);
    const Wait first = leftUs > 0 ? waitFor(s, POLLIN, int(leftUs / 1000) + 1) : Wait::Timeout;
    if (first != Wait::Timeout)
        return first;
    reportTotals(s, counts);
    return waitFor(s, POLLIN);
}

// Returns false when echoing failed or the server is stopping.
bool echo(const ForkedChildSetup &s, const char *data, std::size_t size, Unreported &counts)
{
    std::size_t sent = 0;
    int errnum = 0;
    Times times;
    times.beginUs = nowUs();
    while (sent < size) {
        const ssize_t n
            = ::send(s.connection, data + sent, size - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n >= 0) {
            sent += std::size_t(n);
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            // A client that does not read its echo may keep us waiting here for good.
            reportTotals(s, counts);
            if (waitFor(s, POLLOUT) == Wait::Stop)
                return false;
        } else if (errno != EINTR) {
            errnum = errno;
            break;
        }
    }
    times.endUs = nowUs();
    if (s.reportTraffic)
        writeRecord(s, ChildRecordType::Send, errnum ? -1 : std::int64_t(sent), errnum, times, data,
                    errnum ? 0 : std::min<std::size_t>(sent, kMaxChildPayload), size);
    return errnum == 0;
}

enum class Received { More, Drained, Over };

// recv() calls in a row, at most, before going back to poll() (which watches the stop flag).
constexpr int kReadsPerWake = 64;

Received receiveOne(const ForkedChildSetup &s, Unreported &counts)
{
    Times times;
    times.beginUs = nowUs();
    ssize_t n;
    do {
        // Never blocks: poll() said readable, and a stop must not wait behind a recv().
        n = ::recv(s.connection, s.buffer, s.bufferSize, MSG_DONTWAIT);
    } while (n < 0 && errno == EINTR);
    times.endUs = nowUs();
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        return Received::Drained;
    const int recvErrno = n < 0 ? errno : 0;
    if (n > 0) {
        ++counts.messages;
        counts.bytes += n;
    }
    // A failed recv() is an error, which quiet runs report too.
    if (s.reportTraffic || n < 0) {
        if (!writeRecord(s, ChildRecordType::Recv, n, recvErrno, times))
            return Received::Over;
        if (n > 0 && !reportPayload(s, s.buffer, std::size_t(n)))
            return Received::Over;
    }
    if (n <= 0)
        return Received::Over;
    // Lock-free atomics are async-signal-safe; this is the child's copy after fork().
    if (s.counter && !writeRecord(s, ChildRecordType::Counter, s.counter->fetch_add(1) + 1, 0))
        return Received::Over;
    if (s.echo && !echo(s, s.buffer, std::size_t(n), counts))
        return Received::Over;
    return std::size_t(n) == s.bufferSize ? Received::More : Received::Drained;
}

// After recvmmsg() failed: counts what the receive queue still holds, one recv() at a time.
// The errors recvmmsg() reports this way end the connection, so the queue only shrinks; the
// cap guards against one that does not.
void drainAfterError(const ForkedChildSetup &s, Unreported &counts)
{
    for (int reads = 0; reads < kReadsPerWake * kMaxChildBatch; ++reads) {
        const ssize_t n = ::recv(s.connection, s.buffer, s.bufferSize, MSG_DONTWAIT);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        ++counts.messages;
        counts.bytes += n;
    }
}

// Quiet mode, where no record per recv() goes to the parent: one recvmmsg() makes up to
// s.batch recv()s of bufferSize bytes each (one message each, as separate recv()s would).
Received receiveBatch(const ForkedChildSetup &s, Unreported &counts)
{
    mmsghdr headers[kMaxChildBatch];
    iovec slots[kMaxChildBatch];
    const int batch = std::min(s.batch, int(kMaxChildBatch));
    std::memset(headers, 0, sizeof(mmsghdr) * std::size_t(batch));
    for (int i = 0; i < batch; ++i) {
        slots[i].iov_base = s.buffer + std::size_t(i) * s.bufferSize;
        slots[i].iov_len = s.bufferSize;
        headers[i].msg_hdr.msg_iov = &slots[i];
        headers[i].msg_hdr.msg_iovlen = 1;
    }
    int got;
    do {
        got = ::recvmmsg(s.connection, headers, unsigned(batch), MSG_DONTWAIT, nullptr);
    } while (got < 0 && errno == EINTR);
    if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        return Received::Drained;
    if (got < 0) {
        // recvmmsg() reports a pending socket error (ECONNRESET, say) before it looks at the
        // receive queue, unlike recv(), which returns the bytes that came before the error
        // first. Those bytes are still queued: read them as recv() would, then the error.
        const int recvErrno = errno;
        drainAfterError(s, counts);
        writeRecord(s, ChildRecordType::Recv, -1, recvErrno); // an error: reported even when quiet
        return Received::Over;
    }
    for (int i = 0; i < got; ++i) {
        if (headers[i].msg_len == 0)
            return Received::Over; // end of stream
        ++counts.messages;
        counts.bytes += headers[i].msg_len;
    }
    return got == batch && headers[got - 1].msg_len == s.bufferSize ? Received::More
                                                                    : Received::Drained;
}

} // namespace

void runForkedChild(const ForkedChildSetup &s)
{
    resetSignals();
    closeInheritedDescriptors(s);

    // Counts go to the parent as they happen (a record per recv()), or, when quiet, in
    // Totals records: these hold what was read since the last one.
    Unreported counts;
    counts.sinceUs = nowUs();
    Received got = Received::Drained;
    while (got != Received::Over && waitForInput(s, counts) == Wait::Ready) {
        // After a recv() that filled the buffer, read again at once instead of poll()ing.
        got = Received::More;
        for (int i = 0; i < kReadsPerWake && got == Received::More; ++i) {
            got = s.batch > 1 ? receiveBatch(s, counts) : receiveOne(s, counts);
        }
        if (nowUs() - counts.sinceUs >= kReportEveryUs)
            reportTotals(s, counts);
    }
    Times closing;
    closing.beginUs = nowUs();
    const int closed = ::close(s.connection);
    const int closeErrno = closed == 0 ? 0 : errno;
    closing.endUs = nowUs();
    reportTotals(s, counts);
    writeRecord(s, ChildRecordType::Close, closed, closeErrno, closing);
    ::_exit(0);
}

} // namespace socketlab
