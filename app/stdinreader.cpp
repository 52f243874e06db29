#include "stdinreader.h"

#include "socketio.h"

#include <cerrno>
#include <poll.h>
#include <unistd.h>

namespace socketlab {

StdinReader::StdinReader(QObject *parent) : QThread(parent) {}

StdinReader::~StdinReader()
{
    stop();
    wait();
}

void StdinReader::stop()
{
    m_stop.raise();
}

void StdinReader::run()
{
    QByteArray pending;
    char chunk[65536];
    for (;;) {
        if (SocketIo::waitFor(STDIN_FILENO, POLLIN, m_stop.fd()) != WaitResult::Ready)
            return;
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        pending.append(chunk, n);
        qsizetype start = 0;
        for (qsizetype newline = pending.indexOf('\n'); newline >= 0;
             newline = pending.indexOf('\n', start)) {
            qsizetype end = newline;
            if (end > start && pending.at(end - 1) == '\r')
                --end;
            emit lineRead(pending.mid(start, end - start));
            start = newline + 1;
        }
        pending.remove(0, start);
    }
    if (!pending.isEmpty())
        emit lineRead(pending);
    emit endOfInput();
}

} // namespace socketlab
