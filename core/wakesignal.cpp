#include "core/wakesignal.h"

#include <cerrno>
#include <cstdint>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace socketlab {

WakeSignal::WakeSignal()
    : m_fd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (!m_fd.isValid())
        m_error = errno;
}

void WakeSignal::raise()
{
    const std::uint64_t one = 1;
    [[maybe_unused]] ssize_t written = ::write(m_fd.get(), &one, sizeof one);
}

void WakeSignal::lower()
{
    std::uint64_t value = 0;
    [[maybe_unused]] ssize_t got = ::read(m_fd.get(), &value, sizeof value);
}

bool WakeSignal::isRaised() const
{
    pollfd p {m_fd.get(), POLLIN, 0};
    return ::poll(&p, 1, 0) > 0 && (p.revents & POLLIN);
}

} // namespace socketlab
