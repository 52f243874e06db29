#include "core/errortext.h"

#include <cerrno>
#include <cstring>
#include <netdb.h>

namespace socketlab {

QString ErrorText::forErrno(int errnum)
{
    switch (errnum) {
    case ECONNREFUSED:
        return tr("Connection refused");
    case EADDRINUSE:
        return tr("Address already in use");
    case EADDRNOTAVAIL:
        return tr("Cannot assign requested address");
    case EACCES:
        return tr("Permission denied");
    case EPERM:
        return tr("Operation not permitted");
    case EHOSTUNREACH:
        return tr("No route to host");
    case ENETUNREACH:
        return tr("Network is unreachable");
    case ETIMEDOUT:
        return tr("Connection timed out");
    case ECONNRESET:
        return tr("Connection reset by peer");
    case EPIPE:
        return tr("Broken pipe");
    case ECONNABORTED:
        return tr("Software caused connection abort");
    case EMFILE:
        return tr("Too many open files");
    case ENFILE:
        return tr("Too many open files in system");
    case EAFNOSUPPORT:
        return tr("Address family not supported by protocol");
    case EINVAL:
        return tr("Invalid argument");
    case EMSGSIZE:
        return tr("Message too long");
    case ENOBUFS:
        return tr("No buffer space available");
    case ENOMEM:
        return tr("Cannot allocate memory");
    case EAGAIN:
        return tr("Resource temporarily unavailable");
    case EINTR:
        return tr("Interrupted system call");
    case ENOTCONN:
        return tr("Transport endpoint is not connected");
    case EPROTONOSUPPORT:
        return tr("Protocol not supported");
    default:
        break;
    }
    char buffer[256] = {};
    // GNU strerror_r returns the text, which may or may not be in buffer.
    return QString::fromLocal8Bit(strerror_r(errnum, buffer, sizeof buffer));
}

QString ErrorText::forResolver(int gaiError, int errnum)
{
    switch (gaiError) {
    case EAI_NONAME:
        return tr("Name or service not known");
    case EAI_AGAIN:
        return tr("Temporary failure in name resolution");
    case EAI_FAIL:
        return tr("Non-recoverable failure in name resolution");
    case EAI_FAMILY:
        return tr("Address family not supported");
    case EAI_SERVICE:
        return tr("Service not supported for this socket type");
    case EAI_NODATA:
        return tr("No address associated with hostname");
    case EAI_ADDRFAMILY:
        return tr("Host has no address in the requested family");
    case EAI_SYSTEM:
        return forErrno(errnum);
    default:
        break;
    }
    return QString::fromLocal8Bit(gai_strerror(gaiError));
}

} // namespace socketlab
