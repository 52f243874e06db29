#include "core/private/tracememory.h"

#include "core/endpoint.h"

#include <sys/uio.h>
#include <sys/un.h>

#include <vector>

namespace socketlab {

QByteArray TraceMemory::read(quint64 address, qint64 size) const
{
    if (address == 0 || size <= 0)
        return QByteArray();
    QByteArray bytes(int(size), Qt::Uninitialized);
    iovec local {bytes.data(), size_t(size)};
    iovec remote {reinterpret_cast<void *>(address), size_t(size)};
    const ssize_t n = ::process_vm_readv(m_tid, &local, 1, &remote, 1, 0);
    bytes.resize(n > 0 ? int(n) : 0);
    return bytes;
}

bool TraceMemory::readValue(quint64 address, void *value, size_t size) const
{
    if (address == 0)
        return false;
    iovec local {value, size};
    iovec remote {reinterpret_cast<void *>(address), size};
    return ::process_vm_readv(m_tid, &local, 1, &remote, 1, 0) == ssize_t(size);
}

QString TraceMemory::readString(quint64 address, int maxBytes) const
{
    QByteArray text;
    // Page by page: a string near the end of a mapping must not fail the whole read.
    while (text.size() < maxBytes) {
        const quint64 at = address + quint64(text.size());
        const qint64 toPageEnd = qint64(4096 - (at % 4096));
        const QByteArray part = read(at, toPageEnd);
        if (part.isEmpty())
            break;
        const int nul = part.indexOf('\0');
        if (nul >= 0) {
            text += part.left(nul);
            break;
        }
        text += part;
    }
    return QString::fromLocal8Bit(text.left(maxBytes));
}

QByteArray TraceMemory::readIovecs(quint64 iovAddress, qint64 count, qint64 maxBytes) const
{
    QByteArray out;
    if (count <= 0 || count > 1024)
        return out;
    std::vector<iovec> vecs;
    vecs.resize(size_t(count));
    if (!readValue(iovAddress, vecs.data(), vecs.size() * sizeof(iovec)))
        return out;
    for (const iovec &vec : vecs) {
        if (out.size() >= maxBytes)
            break;
        const qint64 want = qMin<qint64>(qint64(vec.iov_len), maxBytes - out.size());
        out += read(reinterpret_cast<quint64>(vec.iov_base), want);
    }
    return out;
}

QString TraceMemory::readAddress(quint64 address, qint64 length) const
{
    if (address == 0 || length <= 0)
        return QString();
    const QByteArray bytes = read(address, qMin<qint64>(length, qint64(sizeof(sockaddr_storage))));
    if (bytes.size() < int(sizeof(sa_family_t)))
        return QString();
    sockaddr_storage storage {};
    memcpy(&storage, bytes.constData(), size_t(bytes.size()));
    if (storage.ss_family == AF_UNIX) {
        const auto *unixAddress = reinterpret_cast<const sockaddr_un *>(&storage);
        const int pathBytes = bytes.size() - int(offsetof(sockaddr_un, sun_path));
        if (pathBytes <= 0)
            return QStringLiteral("unix:");
        QByteArray path(unixAddress->sun_path, pathBytes);
        if (path.startsWith('\0'))
            path[0] = '@'; // an abstract name, as ss shows it
        const int nul = path.indexOf('\0');
        return QStringLiteral("unix:") + QString::fromLocal8Bit(nul >= 0 ? path.left(nul) : path);
    }
    if (storage.ss_family != AF_INET && storage.ss_family != AF_INET6)
        return QString();
    return Endpoint(reinterpret_cast<const sockaddr *>(&storage), socklen_t(bytes.size()))
        .toString();
}

QString TraceMemory::readAddressWithLength(quint64 address, quint64 lengthAddress) const
{
    socklen_t length = 0;
    if (!readValue(lengthAddress, &length, sizeof(length)))
        return QString();
    return readAddress(address, qint64(length));
}

} // namespace socketlab
