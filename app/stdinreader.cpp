#include "app/stdinreader.h"

#include "core/socketio.h"

#include <cerrno>
#include <cstdint>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace socketlab {

StdinReader::StdinReader(QObject *parent)
    : QThread(parent),
      m_credits(::eventfd(kWindow, EFD_CLOEXEC | EFD_NONBLOCK | EFD_SEMAPHORE))
{
}

StdinReader::~StdinReader()
{
    stop();
    wait();
}

void StdinReader::stop()
{
    m_stop.raise();
}

void StdinReader::chunkDone()
{
    const std::uint64_t one = 1;
    [[maybe_unused]] ssize_t written = ::write(m_credits.get(), &one, sizeof one);
}

bool StdinReader::takeCredit()
{
    for (;;) {
        std::uint64_t value = 0;
        if (::read(m_credits.get(), &value, sizeof value) == sizeof value)
            return true;
        if (SocketIo::waitFor(m_credits.get(), POLLIN, m_stop.fd()) != WaitResult::Ready)
            return false;
    }
}

bool StdinReader::hand(const QByteArray &chunk, bool endsLine)
{
    if (!takeCredit())
        return false;
    emit chunkRead(chunk, !m_lineStarted, endsLine);
    m_lineStarted = !endsLine;
    return true;
}

void StdinReader::run()
{
    // Never more than one buffer: complete lines leave at once, a long line's head leaves as
    // a chunk when the buffer is full. Each byte is scanned for a line break once.
    QByteArray pending;
    pending.reserve(kBufferSize);
    for (;;) {
        if (SocketIo::waitFor(STDIN_FILENO, POLLIN, m_stop.fd()) != WaitResult::Ready)
            return;
        const qsizetype scanFrom = pending.size();
        pending.resize(kBufferSize);
        const ssize_t n
            = ::read(STDIN_FILENO, pending.data() + scanFrom, size_t(kBufferSize - scanFrom));
        pending.resize(scanFrom + qMax<ssize_t>(n, 0));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        qsizetype start = 0;
        for (qsizetype newline = pending.indexOf('\n', scanFrom); newline >= 0;
             newline = pending.indexOf('\n', start)) {
            qsizetype end = newline;
            if (end > start && pending.at(end - 1) == '\r')
                --end;
            if (!hand(pending.mid(start, end - start), true))
                return;
            start = newline + 1;
        }
        pending.remove(0, start);
        if (pending.size() == kBufferSize) {
            // A line longer than the buffer: send what we have. A final '\r' waits, in case
            // its '\n' comes next (a CRLF line break is not data).
            const qsizetype take = pending.endsWith('\r') ? kBufferSize - 1 : kBufferSize;
            if (!hand(pending.left(take), false))
                return;
            pending.remove(0, take);
        }
    }
    if (!pending.isEmpty() || m_lineStarted) {
        if (!hand(pending, true))
            return;
    }
    emit endOfInput();
}

} // namespace socketlab
