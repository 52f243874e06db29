#include "ui/lessons/kernelsampler.h"

#include <chrono>

namespace socketlab {

KernelSampler::KernelSampler(QObject *parent) : QObject(parent)
{
    m_thread = std::thread([this] { run(); });
}

KernelSampler::~KernelSampler()
{
    {
        const std::lock_guard<std::mutex> lock(m_lock);
        m_quit = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void KernelSampler::setPorts(const QList<quint16> &ports)
{
    {
        const std::lock_guard<std::mutex> lock(m_lock);
        m_ports = ports;
    }
    m_wake.notify_all();
}

void KernelSampler::run()
{
    std::unique_lock<std::mutex> lock(m_lock);
    while (!m_quit) {
        if (m_ports.isEmpty()) {
            m_wake.wait(lock);
            continue;
        }
        const QList<quint16> ports = m_ports;
        lock.unlock();
        QList<SocketSnapshot> sockets;
        for (quint16 port : ports) {
            QList<SocketSnapshot> some;
            QString error;
            // Without owners: scanning every process's descriptors ten times a second costs
            // more than the lesson needs (its ports are its own).
            if (SocketStateReader::read(port, SocketStateReader::TcpOnly, &some, &error, false))
                sockets += some;
        }
        // Queued to the owner's thread; dropped if the sampler is gone by then.
        QMetaObject::invokeMethod(this, [this, sockets, ports] { emit sampled(sockets, ports); },
                                  Qt::QueuedConnection);
        lock.lock();
        m_wake.wait_for(lock, std::chrono::milliseconds(kIntervalMs), [this] { return m_quit; });
    }
}

} // namespace socketlab
