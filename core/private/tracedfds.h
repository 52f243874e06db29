#pragma once

#include <QHash>
#include <QString>

#include <sys/types.h>

namespace socketlab {

// One traced descriptor table: which descriptors are Internet sockets, and what the tracer
// knows of each. Threads share one (CLONE_FILES); fork copies it; exec drops the
// close-on-exec ones.
class TracedFds
{
public:
    struct Socket
    {
        int family = 0;
        int type = 0; // SOCK_STREAM, SOCK_DGRAM (flags masked off)
        bool closeOnExec = false;
        bool bound = false; // an explicit bind()
        bool listening = false;
        quint64 connectionId = 0; // groups the calls of one socket in the event stream
        QString local;
        QString peer;
    };

    bool isSocket(int fd) const { return m_sockets.contains(fd); }
    Socket *find(int fd);
    void add(int fd, const Socket &socket) { m_sockets.insert(fd, socket); }
    void remove(int fd) { m_sockets.remove(fd); }
    // dup/dup2/dup3/fcntl(F_DUPFD): newFd refers to what fd does (a new descriptor is not
    // close-on-exec unless asked).
    void duplicate(int fd, int newFd, bool closeOnExec);
    void setCloseOnExec(int fd, bool on);
    // close_range(): the sockets among [first, last], closed or marked close-on-exec.
    QList<int> socketsIn(unsigned first, unsigned last) const;
    // After exec: the close-on-exec sockets are gone.
    void exec();
    // Reads the table from /proc (after an exec, what the program really holds).
    void scan(pid_t pid);
    bool isEmpty() const { return m_sockets.isEmpty(); }

private:
    QHash<int, Socket> m_sockets;
};

} // namespace socketlab
