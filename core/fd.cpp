#include "core/fd.h"

#include <unistd.h>

namespace socketlab {

Fd::~Fd()
{
    reset();
}

Fd::Fd(Fd &&other) noexcept
    : m_fd(other.release())
{
}

Fd &Fd::operator=(Fd &&other) noexcept
{
    if (this != &other)
        reset(other.release());
    return *this;
}

int Fd::release()
{
    const int fd = m_fd;
    m_fd = -1;
    return fd;
}

int Fd::reset(int fd)
{
    int result = 0;
    if (m_fd >= 0)
        result = ::close(m_fd);
    m_fd = fd;
    return result;
}

} // namespace socketlab
