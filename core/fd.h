#pragma once

namespace socketlab {

// Move-only owner of a file descriptor: closes it on destruction.
// close() is not retried on EINTR: on Linux the descriptor is released either way.
class Fd
{
public:
    Fd() = default;
    explicit Fd(int fd)
        : m_fd(fd)
    {
    }
    ~Fd();

    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    Fd(Fd &&other) noexcept;
    Fd &operator=(Fd &&other) noexcept;

    int get() const { return m_fd; }
    bool isValid() const { return m_fd >= 0; }
    int release();
    // Closes the current descriptor (if any) and owns fd instead; returns close()'s result.
    int reset(int fd = -1);

private:
    int m_fd = -1;
};

} // namespace socketlab
