#pragma once

#include <QByteArray>
#include <QString>

#include <sys/types.h>

namespace socketlab {

// Reads a traced program's memory (process_vm_readv): the addresses and payloads its calls
// point to. Reads never fail loudly: a bad pointer is the program's business, and a call
// shows what could be read.
class TraceMemory
{
public:
    explicit TraceMemory(pid_t tid)
        : m_tid(tid)
    {
    }

    // Up to size bytes at address (fewer when the memory ends).
    QByteArray read(quint64 address, qint64 size) const;
    // One plain value; false when it could not be read.
    bool readValue(quint64 address, void *value, size_t size) const;
    // A NUL-terminated string, at most maxBytes.
    QString readString(quint64 address, int maxBytes = 4096) const;
    // The first maxBytes of the buffers of an iovec array of count entries.
    QByteArray readIovecs(quint64 iovAddress, qint64 count, qint64 maxBytes) const;
    // A socket address as people write it (127.0.0.1:5000, [::1]:5000, a Unix path);
    // empty when there is none.
    QString readAddress(quint64 address, qint64 length) const;
    // The same, with its length at lengthAddress (accept, recvfrom, getsockname).
    QString readAddressWithLength(quint64 address, quint64 lengthAddress) const;

private:
    pid_t m_tid;
};

} // namespace socketlab
